// A cache in front of any lookup table, as Flink's partial cache (FLIP-221, 'lookup.cache' =
// 'PARTIAL', Blink's cache = 'LRU'): the rows of recently looked-up keys, least recently used
// evicted beyond `maxRows` keys, entries expiring `expireAfterWrite` after they were fetched and
// `expireAfterAccess` after they were last read; a key the table does not hold is remembered too
// unless `cacheMissingKey` is off. One cache per operator instance, used by its thread only.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

#include "compiler/types/lookup_options.h"
#include "runtime/connector/lookup_table.h"

namespace sluice::runtime {

class CachingLookupTable : public LookupTable {
 public:
  CachingLookupTable(std::unique_ptr<LookupTable> table, const LookupCacheOptions& options,
                     LookupClock clock);

  LookupRows lookup(const std::vector<Value>& key) override;
  // Looks the cached keys up here and the others in the table with one lookupBatch.
  void lookupBatch(const std::vector<std::vector<Value>>& keys,
                   std::vector<LookupRows>& results) override;
  // Forgets `key` (a retry asks the table again).
  void invalidate(const std::vector<Value>& key);

  int64_t hits() const { return hits_; }
  int64_t misses() const { return misses_; }
  int64_t size() const { return static_cast<int64_t>(entries_.size()); }

 private:
  struct Entry {
    std::vector<Value> key;
    LookupRows rows;
    int64_t writtenAt = 0;
    int64_t accessedAt = 0;
  };
  using Entries = std::list<Entry>;  // most recently used first

  // The fresh cached rows of `key` (counting a hit), or null (counting a miss).
  LookupRows cached(const std::vector<Value>& key, int64_t now);
  void store(const std::vector<Value>& key, LookupRows rows, int64_t now);

  std::unique_ptr<LookupTable> table_;
  LookupCacheOptions options_;
  LookupClock clock_;
  Entries entries_;
  std::unordered_map<std::vector<Value>, Entries::iterator, LookupKeyHash> index_;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace sluice::runtime
