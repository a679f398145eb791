// Internals of the in-memory backend shared by its three state kinds: what a state needs from
// the backend (the current key, the clock), how it finds the current key's data, and the
// bookkeeping behind TTL and statistics. Operators never include this header.
#pragma once

#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

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
template <class PerKey>
class KeyTable {
 public:
  explicit KeyTable(const InMemoryKeyContext& context) : context_(&context) {}

  // The current key's data, or null when it has none.
  PerKey* findCurrent() {
    if (cachedGeneration_ != context_->generation) {
      const auto found = byKey_.find(context_->currentKey);
      cached_ = found == byKey_.end() ? nullptr : &found->second;
      cachedGeneration_ = context_->generation;
    }
    return cached_;
  }
  // Adds an empty entry for the current key; only when findCurrent() returned null.
  PerKey& createCurrent() {
    cached_ = &byKey_.try_emplace(context_->currentKey).first->second;
    return *cached_;
  }
  void eraseCurrent() {
    byKey_.erase(context_->currentKey);
    cached_ = nullptr;
  }
  // Access to every key; a caller that erases through it must call forget() afterwards.
  StringHashMap<PerKey>& all() { return byKey_; }
  const StringHashMap<PerKey>& all() const { return byKey_; }
  void forget() { cachedGeneration_ = 0; }
  void swap(KeyTable& other) {
    byKey_.swap(other.byKey_);
    forget();
    other.forget();
  }

 private:
  const InMemoryKeyContext* context_;
  StringHashMap<PerKey> byKey_;
  PerKey* cached_ = nullptr;
  uint64_t cachedGeneration_ = 0;
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
