// Internals of the in-memory backend shared by its three state kinds: what a state needs from
// the backend (the current key, the clock), how it finds the current key's data, and the
// bookkeeping behind TTL and statistics. Operators never include this header.
#pragma once

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/state/keyed_state.h"
#include "runtime/state/snapshot_format.h"
#include "runtime/state/state_clock.h"

namespace sluice::runtime {

// Owned by the backend, read by its states.
struct InMemoryKeyContext {
  std::string currentKey;
  // Bumped by every setCurrentKey, so a state knows when its cached lookup is stale.
  uint64_t generation = 1;
  StateClock clock;
};

constexpr int64_t kNoExpiry = INT64_MAX;

struct StoredValue {
  std::string bytes;
  int64_t expiresAt = kNoExpiry;  // milliseconds; expired once the clock reaches it
};

// Lets unordered maps keyed by std::string be searched with a string_view without a copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template <class T>
using StringHashMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

// A state's data per key, with the current key's entry cached: an operator typically touches
// several states, several times, per row of the same key, and re-hashing the key each time
// would dominate small updates. Element pointers of an unordered_map survive rehashing, so
// only erasing the entry (or switching keys) drops the cache.
//
// The map owns the entries; lookups of the current key go through an open-addressing index of
// (hash, entry) slots in front of it, which probes a flat array instead of walking the map's
// bucket chains (a division per node in libstdc++). The index follows createCurrent and
// eraseCurrent; after changes made through all() it is rebuilt on the next lookup.
template <class PerKey>
class KeyTable {
 public:
  explicit KeyTable(const InMemoryKeyContext& context) : context_(&context) {}

  // The current key's data, or null when it has none.
  PerKey* findCurrent() {
    if (cachedGeneration_ != context_->generation) {
      Slot* slot = findSlot(context_->currentKey, hashOf(context_->currentKey));
      cached_ = slot == nullptr ? nullptr : &slot->entry->second;
      cachedGeneration_ = context_->generation;
    }
    return cached_;
  }
  // Adds an empty entry for the current key; only when findCurrent() returned null.
  PerKey& createCurrent() {
    if (indexStale_) rebuildIndex(slots_.size());
    const auto [entry, added] = byKey_.try_emplace(context_->currentKey);
    if (added) indexInsert(&*entry, hashOf(entry->first));
    cached_ = &entry->second;
    return *cached_;
  }
  void eraseCurrent() {
    if (!indexStale_) indexErase(context_->currentKey);
    byKey_.erase(context_->currentKey);
    cached_ = nullptr;
  }
  // Access to every key; a caller that erases or adds through it must call forget() afterwards.
  StringHashMap<PerKey>& all() { return byKey_; }
  const StringHashMap<PerKey>& all() const { return byKey_; }
  void forget() {
    cachedGeneration_ = 0;
    indexStale_ = true;
  }
  void swap(KeyTable& other) {
    byKey_.swap(other.byKey_);
    forget();
    other.forget();
  }

 private:
  using Entry = typename StringHashMap<PerKey>::value_type;
  struct Slot {
    uint64_t hash = 0;
    Entry* entry = nullptr;  // null: empty
  };

  const InMemoryKeyContext* context_;
  StringHashMap<PerKey> byKey_;
  PerKey* cached_ = nullptr;
  uint64_t cachedGeneration_ = 0;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t indexed_ = 0;
  bool indexStale_ = false;

  // Keys are short encoded rows: 8 bytes at a time, one multiply each, then a final mix.
  static uint64_t hashOf(std::string_view key) {
    constexpr uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;
    uint64_t hash = key.size() * kMultiplier;
    size_t at = 0;
    for (; at + 8 <= key.size(); at += 8) {
      uint64_t word;
      std::memcpy(&word, key.data() + at, sizeof word);
      hash = (hash ^ word) * kMultiplier;
      hash ^= hash >> 29;
    }
    uint64_t tail = 0;
    if (at < key.size()) std::memcpy(&tail, key.data() + at, key.size() - at);
    hash = (hash ^ tail) * 0xff51afd7ed558ccdULL;
    return hash ^ (hash >> 32);
  }

  Slot* findSlot(std::string_view key, uint64_t hash) {
    if (indexStale_) rebuildIndex(slots_.size());
    if (indexed_ == 0) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.entry == nullptr) return nullptr;
      if (slot.hash == hash && slot.entry->first == key) return &slot;
    }
  }

  void indexInsert(Entry* entry, uint64_t hash) {
    if ((indexed_ + 1) * 2 > slots_.size()) {
      rebuildIndex(std::max<size_t>(16, slots_.size() * 2));
      return;  // the rebuild indexed every entry of the map, the new one too
    }
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].entry != nullptr) i = (i + 1) & mask;
    slots_[i] = Slot{hash, entry};
    ++indexed_;
  }

  // Linear probing's deletion without tombstones: later slots of the run move back into the hole
  // when their home position allows.
  void indexErase(std::string_view key) {
    Slot* found = findSlot(key, hashOf(key));
    if (found == nullptr) return;
    const size_t mask = slots_.size() - 1;
    size_t hole = static_cast<size_t>(found - slots_.data());
    for (size_t next = (hole + 1) & mask; slots_[next].entry != nullptr; next = (next + 1) & mask) {
      const size_t home = slots_[next].hash & mask;
      // Movable when its home is not cyclically in (hole, next].
      const bool inRange =
          hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
      if (inRange) continue;
      slots_[hole] = slots_[next];
      hole = next;
    }
    slots_[hole] = Slot{};
    --indexed_;
  }

  void rebuildIndex(size_t atLeast) {
    size_t size = std::max<size_t>(16, atLeast);
    while (size < byKey_.size() * 2 + 2) size *= 2;
    slots_.assign(size, Slot{});
    indexed_ = 0;
    indexStale_ = false;
    const size_t mask = size - 1;
    for (Entry& entry : byKey_) {
      const uint64_t hash = hashOf(entry.first);
      size_t i = hash & mask;
      while (slots_[i].entry != nullptr) i = (i + 1) & mask;
      slots_[i] = Slot{hash, &entry};
      ++indexed_;
    }
  }
};

// Name, TTL and the counters behind statistics(), kept up to date on every change so that
// reporting state size costs nothing.
class StateTableCore {
 public:
  StateTableCore(std::string name, StateKind kind, int64_t ttlMillis,
                 const InMemoryKeyContext& context);

  const std::string& name() const { return name_; }
  StateKind kind() const { return kind_; }
  int64_t ttlMillis() const { return ttlMillis_; }
  void setTtlMillis(int64_t ttlMillis) { ttlMillis_ = ttlMillis; }
  const InMemoryKeyContext& context() const { return *context_; }

  // The instant to test expiry against; INT64_MIN without a TTL, so that nothing expires and
  // the clock is not read.
  int64_t now() const;
  // When an entry written now expires (TTL refreshed on create and write).
  int64_t expiryOfWrite() const;
  static bool expired(const StoredValue& value, int64_t now) { return value.expiresAt <= now; }

  void keyAdded(std::string_view key);
  void keyRemoved(std::string_view key);
  void entryAdded(size_t payloadBytes);
  void entryRemoved(size_t payloadBytes);
  void entryResized(size_t oldPayloadBytes, size_t newPayloadBytes);
  void swapCounts(StateTableCore& other);
  void resetCounts() { counts_ = {}; }
  StateStatistics statistics() const;

 private:
  struct Counts {
    int64_t keys = 0;
    int64_t entries = 0;
    int64_t bytes = 0;
  };
  std::string name_;
  StateKind kind_;
  int64_t ttlMillis_;
  const InMemoryKeyContext* context_;
  Counts counts_;
};

// A state as the backend sees it: besides the operator's handle, TTL updates, cleanup and
// snapshots.
class InMemoryStateTable {
 public:
  virtual ~InMemoryStateTable() = default;
  virtual KeyedState& handle() = 0;
  virtual StateTableCore& core() = 0;
  virtual void purgeExpired() = 0;
  virtual void clearAll() = 0;
  virtual void writeTo(SnapshotWriter& writer) const = 0;
  // Fills an empty table; throws StateError on a corrupt snapshot.
  virtual void readFrom(SnapshotReader& reader) = 0;
  // Exchanges data and counters with a table of the same kind (restore builds the new
  // contents aside, then swaps them in so that the operator's handles stay valid).
  virtual void swapContents(InMemoryStateTable& other) = 0;
};

std::unique_ptr<InMemoryStateTable> makeInMemoryValueState(std::string name, int64_t ttlMillis,
                                                           const InMemoryKeyContext& context);
std::unique_ptr<InMemoryStateTable> makeInMemoryMapState(std::string name, int64_t ttlMillis,
                                                         const InMemoryKeyContext& context);
std::unique_ptr<InMemoryStateTable> makeInMemorySortedMapState(std::string name, int64_t ttlMillis,
                                                               const InMemoryKeyContext& context);

}  // namespace sluice::runtime
