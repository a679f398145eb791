#include "runtime/connector/lookup_cache.h"

namespace sluice::runtime {

CachingLookupTable::CachingLookupTable(std::unique_ptr<LookupTable> table,
                                       const LookupCacheOptions& options, LookupClock clock)
    : table_(std::move(table)),
      options_(options),
      clock_(clock ? std::move(clock) : steadyLookupClock()) {}

LookupRows CachingLookupTable::cached(const std::vector<Value>& key, int64_t now) {
  auto found = index_.find(key);
  if (found != index_.end()) {
    Entry& entry = *found->second;
    const bool writeExpired = options_.expireAfterWriteMillis > 0 &&
                              now - entry.writtenAt >= options_.expireAfterWriteMillis;
    const bool accessExpired = options_.expireAfterAccessMillis > 0 &&
                               now - entry.accessedAt >= options_.expireAfterAccessMillis;
    if (!writeExpired && !accessExpired) {
      ++hits_;
      entry.accessedAt = now;
      entries_.splice(entries_.begin(), entries_, found->second);
      return entry.rows;
    }
    entries_.erase(found->second);
    index_.erase(found);
  }
  ++misses_;
  return nullptr;
}

void CachingLookupTable::store(const std::vector<Value>& key, LookupRows rows, int64_t now) {
  if (rows->empty() && !options_.cacheMissingKey) return;
  if (options_.maxRows == 0) return;
  auto found = index_.find(key);
  if (found != index_.end()) {
    entries_.erase(found->second);
    index_.erase(found);
  }
  entries_.push_front(Entry{key, std::move(rows), now, now});
  index_.emplace(key, entries_.begin());
  while (options_.maxRows > 0 && static_cast<int64_t>(entries_.size()) > options_.maxRows) {
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

LookupRows CachingLookupTable::lookup(const std::vector<Value>& key) {
  const int64_t now = clock_();
  if (LookupRows rows = cached(key, now)) return rows;
  LookupRows rows = table_->lookup(key);
  store(key, rows, now);
  return rows;
}

void CachingLookupTable::lookupBatch(const std::vector<std::vector<Value>>& keys,
                                     std::vector<LookupRows>& results) {
  const int64_t now = clock_();
  results.assign(keys.size(), nullptr);
  std::vector<std::vector<Value>> missing;
  std::vector<size_t> missingAt;
  for (size_t i = 0; i < keys.size(); ++i) {
    results[i] = cached(keys[i], now);
    if (!results[i]) {
      missing.push_back(keys[i]);
      missingAt.push_back(i);
    }
  }
  if (missing.empty()) return;
  std::vector<LookupRows> fetched;
  table_->lookupBatch(missing, fetched);
  for (size_t j = 0; j < missing.size(); ++j) {
    results[missingAt[j]] = fetched[j];
    store(missing[j], fetched[j], now);
  }
}

void CachingLookupTable::invalidate(const std::vector<Value>& key) {
  auto found = index_.find(key);
  if (found == index_.end()) return;
  entries_.erase(found->second);
  index_.erase(found);
}

}  // namespace sluice::runtime
