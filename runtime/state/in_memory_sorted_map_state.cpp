// SortedMapState of the in-memory backend: a key's entries in a std::map ordered by user-key
// bytes, which gives the range scans and first/last lookups event-time buffers need.
#include <iterator>

#include "runtime/state/in_memory_map_state.h"

namespace sluice::runtime {
namespace {

class InMemorySortedMapState final : public InMemoryMapStateBase<SortedEntries, SortedMapState> {
 public:
  using InMemoryMapStateBase::InMemoryMapStateBase;

  void forEachInRange(std::string_view from, std::optional<std::string_view> to,
                      const EntryVisitor& visitor) override;
  std::optional<StateEntry> firstEntry() override;
  std::optional<StateEntry> lastEntry() override;
  void removeRange(std::string_view from, std::optional<std::string_view> to) override;

 private:
  // The user keys in [from, to) of `entries`, empty when to <= from.
  static std::pair<Iterator, Iterator> range(SortedEntries& entries, std::string_view from,
                                             std::optional<std::string_view> to);
};

std::pair<InMemorySortedMapState::Iterator, InMemorySortedMapState::Iterator>
InMemorySortedMapState::range(SortedEntries& entries, std::string_view from,
                              std::optional<std::string_view> to) {
  const Iterator first = entries.lower_bound(from);
  if (!to) return {first, entries.end()};
  if (*to <= from) return {first, first};
  return {first, entries.lower_bound(*to)};
}

void InMemorySortedMapState::forEachInRange(std::string_view from,
                                            std::optional<std::string_view> to,
                                            const EntryVisitor& visitor) {
  SortedEntries* entries = keys_.findCurrent();
  if (entries == nullptr) return;
  const auto [first, last] = range(*entries, from, to);
  visitRange(*entries, first, last, visitor);
}

std::optional<StateEntry> InMemorySortedMapState::firstEntry() {
  SortedEntries* entries = keys_.findCurrent();
  if (entries == nullptr) return std::nullopt;
  // Expired entries met on the way are dropped here: nothing has been handed out yet.
  const int64_t now = core_.now();
  while (!entries->empty() && StateTableCore::expired(entries->begin()->second, now)) {
    eraseEntry(*entries, entries->begin());
  }
  if (entries->empty()) {
    dropKeyIfEmpty(*entries);
    return std::nullopt;
  }
  const auto& [userKey, stored] = *entries->begin();
  return StateEntry{userKey, stored.bytes};
}

std::optional<StateEntry> InMemorySortedMapState::lastEntry() {
  SortedEntries* entries = keys_.findCurrent();
  if (entries == nullptr) return std::nullopt;
  const int64_t now = core_.now();
  while (!entries->empty() && StateTableCore::expired(std::prev(entries->end())->second, now)) {
    eraseEntry(*entries, std::prev(entries->end()));
  }
  if (entries->empty()) {
    dropKeyIfEmpty(*entries);
    return std::nullopt;
  }
  const auto& [userKey, stored] = *std::prev(entries->end());
  return StateEntry{userKey, stored.bytes};
}

void InMemorySortedMapState::removeRange(std::string_view from,
                                         std::optional<std::string_view> to) {
  SortedEntries* entries = keys_.findCurrent();
  if (entries == nullptr) return;
  auto [entry, last] = range(*entries, from, to);
  while (entry != last) entry = eraseEntry(*entries, entry);
  dropKeyIfEmpty(*entries);
}

}  // namespace

std::unique_ptr<InMemoryStateTable> makeInMemorySortedMapState(std::string name, int64_t ttlMillis,
                                                               const InMemoryKeyContext& context) {
  return std::make_unique<InMemorySortedMapState>(std::move(name), StateKind::SortedMap, ttlMillis,
                                                  context);
}

}  // namespace sluice::runtime
