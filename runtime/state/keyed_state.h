// The state handles a stateful operator works with. A handle belongs to one KeyedStateBackend
// and always acts on the backend's current key (setCurrentKey): an operator sets the key of
// the row it is processing and then reads and writes its states without naming the key again,
// as in Flink. Keys, user keys and values are byte strings; the operator chooses their
// encoding (key_encoding.h when the order matters).
//
// Views returned by a handle (get, firstEntry, visited entries) point into the backend and are
// valid until the next call on the same handle; copy them to keep them longer. A visitor must
// not modify the state it is iterating: collect what to change, or use removeRange.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::runtime {

enum class StateKind : uint8_t { Value, Map, SortedMap };

const char* stateKindName(StateKind kind);

// A state backend failure an operator cannot fix: a corrupt snapshot, a state requested with
// another kind than it was created with, an unavailable backend type.
class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a visitor tells the iteration: go on, or stop here (TopN reads only the first N).
enum class Visit : uint8_t { Continue, Stop };

using EntryVisitor = std::function<Visit(std::string_view userKey, std::string_view value)>;

struct StateEntry {
  std::string_view userKey;
  std::string_view value;
};

// Sizes for the run summary ("report each operator's state size"). Entries and bytes may still
// count expired entries not dropped yet.
struct StateStatistics {
  std::string name;
  StateKind kind = StateKind::Value;
  int64_t keys = 0;     // keys holding at least one entry
  int64_t entries = 0;  // values (ValueState) or user-key entries (map states)
  int64_t approximateBytes = 0;
};

class KeyedState {
 public:
  virtual ~KeyedState() = default;
  virtual const std::string& name() const = 0;
  virtual StateKind kind() const = 0;
  // Removes everything the current key holds in this state.
  virtual void clear() = 0;
  // Every key with a live entry in this state, copied so the caller may switch keys and
  // modify the state while walking them (global cleanups, tests). Order is unspecified.
  virtual std::vector<std::string> keys() const = 0;
  virtual StateStatistics statistics() const = 0;
};

// One value per key: an aggregate's accumulator, a deduplication's last row.
class ValueState : public KeyedState {
 public:
  virtual std::optional<std::string_view> get() = 0;
  virtual void put(std::string_view value) = 0;
};

// A map per key, iterated in no particular order: a join's rows by row key, a distinct
// aggregate's values with their counts.
class MapState : public KeyedState {
 public:
  virtual std::optional<std::string_view> get(std::string_view userKey) = 0;
  virtual void put(std::string_view userKey, std::string_view value) = 0;
  virtual void remove(std::string_view userKey) = 0;
  virtual bool contains(std::string_view userKey) = 0;
  virtual bool isEmpty() = 0;
  virtual void forEach(const EntryVisitor& visitor) = 0;
};

// A map per key iterated in byte order of the user keys (forEach too): event-time buffers
// keyed by timestamp, OVER frames, TopN rankings. For a multiset, append a sequence number to
// the user key so that equal sort keys stay distinct.
class SortedMapState : public MapState {
 public:
  // Visits the user keys in [from, to) in ascending order; no `to` means to the end. The empty
  // string is the smallest key, so from = "" starts at the beginning.
  virtual void forEachInRange(std::string_view from, std::optional<std::string_view> to,
                              const EntryVisitor& visitor) = 0;
  virtual std::optional<StateEntry> firstEntry() = 0;
  virtual std::optional<StateEntry> lastEntry() = 0;
  // Removes the user keys in [from, to); no `to` means to the end.
  virtual void removeRange(std::string_view from, std::optional<std::string_view> to) = 0;
  // Removes the user keys before `to` (exclusive, so that a composite key (ts, seq) is cut
  // cleanly at an encoded timestamp: pass the encoding of ts + 1 to drop everything up to ts).
  void removeBefore(std::string_view to) { removeRange({}, to); }
};

}  // namespace sluice::runtime
