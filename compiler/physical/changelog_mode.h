// The changelog vocabulary of the physical planner, as Flink's planner has it: the kinds of change
// a stream carries (ModifyKindSet), how it encodes its updates (UpdateKind), and the two together
// as explain prints them (`changelogMode=[I,UB,UA,D]`).
#pragma once

#include <cstdint>
#include <string>

namespace sluice::physical {

// The kinds of change a stream carries, whatever encoding its updates take. An insert-only
// stream (`[I]`) has only inserts.
struct ModifyKinds {
  bool inserts = false;
  bool updates = false;
  bool deletes = false;

  static ModifyKinds insertOnly() { return {true, false, false}; }
  static ModifyKinds all() { return {true, true, true}; }

  bool isInsertOnly() const { return !updates && !deletes; }
  bool contains(const ModifyKinds& other) const;
  ModifyKinds unite(const ModifyKinds& other) const;
  // The kinds of this set that `other` lacks.
  ModifyKinds minus(const ModifyKinds& other) const;
  bool empty() const { return !inserts && !updates && !deletes; }
  // "update", "delete", "update and delete", as Flink's messages name them.
  std::string describe() const;

  bool operator==(const ModifyKinds&) const = default;
};

// How a stream with updates encodes them.
enum class UpdateKind : uint8_t {
  None,             // the stream has no updates
  OnlyUpdateAfter,  // upsert: +U replaces the row with the same upsert key; no -U is sent
  BeforeAndAfter,   // retract: -U takes the old row back, +U adds the new one
};

const char* updateKindName(UpdateKind kind);

// The encoding a consumer asks for from an input that carries `kinds`: the given one when the
// input has updates, None when it has none.
UpdateKind beforeAndAfterOrNone(const ModifyKinds& kinds);
UpdateKind onlyAfterOrNone(const ModifyKinds& kinds);

struct ChangelogMode {
  ModifyKinds kinds;
  UpdateKind updateKind = UpdateKind::None;

  static ChangelogMode insertOnly() { return {ModifyKinds::insertOnly(), UpdateKind::None}; }
  static ChangelogMode retract() { return {ModifyKinds::all(), UpdateKind::BeforeAndAfter}; }
  static ChangelogMode upsert() { return {ModifyKinds::all(), UpdateKind::OnlyUpdateAfter}; }

  // "[I]", "[I,UB,UA]", "[I,UA,D]", "[I,UB,UA,D]"; "[NONE]" for no kind at all (a sink's
  // output).
  std::string toString() const;

  bool operator==(const ChangelogMode&) const = default;
};

}  // namespace sluice::physical
