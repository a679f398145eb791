// MapState and SortedMapState of the in-memory backend share everything but the container of
// a key's entries (a hash map, or a tree map for byte order) and the range operations, so they
// share this base; its members are compiled once per container in in_memory_map_state.cpp.
#pragma once

#include <map>

#include "runtime/state/in_memory_state_table.h"

namespace sluice::runtime {

using HashEntries = StringHashMap<StoredValue>;
using SortedEntries = std::map<std::string, StoredValue, std::less<>>;

template <class Entries, class Interface>
class InMemoryMapStateBase : public Interface, public InMemoryStateTable {
 public:
  using Iterator = typename Entries::iterator;

  InMemoryMapStateBase(std::string name, StateKind kind, int64_t ttlMillis,
                       const InMemoryKeyContext& context);

  // MapState
  const std::string& name() const override { return core_.name(); }
  StateKind kind() const override { return core_.kind(); }
  std::optional<std::string_view> get(std::string_view userKey) override;
  void put(std::string_view userKey, std::string_view value) override;
  void remove(std::string_view userKey) override;
  bool contains(std::string_view userKey) override { return get(userKey).has_value(); }
  bool isEmpty() override;
  void forEach(const EntryVisitor& visitor) override;
  void clear() override;
  std::vector<std::string> keys() const override;
  StateStatistics statistics() const override { return core_.statistics(); }

  // InMemoryStateTable
  KeyedState& handle() override { return *this; }
  StateTableCore& core() override { return core_; }
  void purgeExpired() override;
  void clearAll() override;
  void writeTo(SnapshotWriter& writer) const override;
  void readFrom(SnapshotReader& reader) override;
  void swapContents(InMemoryStateTable& other) override;

 protected:
  StateTableCore core_;
  KeyTable<Entries> keys_;

  // Visits the live entries of [first, last) of the current key's `entries` until the visitor
  // stops, then drops the expired entries it skipped.
  void visitRange(Entries& entries, Iterator first, Iterator last, const EntryVisitor& visitor);
  // Erases one entry and returns the next; the caller then calls dropKeyIfEmpty.
  Iterator eraseEntry(Entries& entries, Iterator entry);
  // Drops the current key once its last entry is gone, so keys() and statistics stay exact.
  void dropKeyIfEmpty(const Entries& entries);
};

extern template class InMemoryMapStateBase<HashEntries, MapState>;
extern template class InMemoryMapStateBase<SortedEntries, SortedMapState>;

}  // namespace sluice::runtime
