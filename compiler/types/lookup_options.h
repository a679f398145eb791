// The options of a lookup (dimension) table and of the LOOKUP query hint, read alike by the
// binder (which reports a bad value at `sqlc check` time) and by the runtime's lookup join.
// Here, next to option_values.h, because both the compiler and the runtime link this library.
//
// Cache (Flink FLIP-221): 'lookup.cache' = 'NONE' | 'PARTIAL' | 'FULL',
// 'lookup.partial-cache.max-rows', '.expire-after-write', '.expire-after-access',
// '.cache-missing-key' (true); the deprecated 'lookup.cache.max-rows' / 'lookup.cache.ttl'
// (a partial cache when given). Blink: cache = 'None' | 'LRU' | 'ALL', cacheSize (10000),
// cacheTTLMs (LRU: expiry after write; ALL: the reload interval). Keys of Blink tables are
// case-insensitive.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sluice {

enum class LookupCacheKind : uint8_t {
  None,     // every lookup reaches the table
  Partial,  // an LRU cache of looked-up keys in front of the table
  Full,     // the table is held whole in memory and reloaded (the filesystem table always is)
};

struct LookupCacheOptions {
  LookupCacheKind kind = LookupCacheKind::None;
  int64_t maxRows = -1;                 // keys held by a partial cache; -1: unbounded
  int64_t expireAfterWriteMillis = 0;   // 0: never
  int64_t expireAfterAccessMillis = 0;  // 0: never
  bool cacheMissingKey = true;          // remember keys the table does not hold
  int64_t reloadIntervalMillis = -1;    // Full: 'lookup.full-cache.periodic-reload.interval'
                                        // or Blink's ALL cacheTTLMs; -1 when not given
};

// The cache options among a table's WITH options (hints merged); nullopt with `error` naming
// the key and the value for a value that is not one.
std::optional<LookupCacheOptions> parseLookupCacheOptions(
    const std::map<std::string, std::string>& options, std::string& error);

// The LOOKUP hint: /*+ LOOKUP('table'='d', 'async'='true', 'output-mode'='ordered',
// 'capacity'='100', 'timeout'='10s', 'retry-predicate'='lookup_miss',
// 'retry-strategy'='fixed_delay', 'fixed-delay'='10s', 'max-attempts'='3') */.
struct LookupHintOptions {
  std::string table;  // the lookup table's name or alias
  bool async = false;
  bool orderedOutput = true;  // 'output-mode' = 'ordered' | 'allow_unordered'
  int64_t capacity = 100;
  int64_t timeoutMillis = 180000;
  bool retryOnMiss = false;      // 'retry-predicate' = 'lookup_miss'
  int64_t fixedDelayMillis = 0;  // between attempts
  int64_t maxAttempts = 1;       // lookups of one row in all (1: no retry)
};

// Validates one hint's options (keys as Flink spells them); nullopt with `error` for a bad one.
// A retry needs all of 'retry-predicate', 'retry-strategy', 'fixed-delay' and 'max-attempts', as
// in Flink.
std::optional<LookupHintOptions> parseLookupHint(
    const std::vector<std::pair<std::string, std::string>>& options, std::string& error);

}  // namespace sluice
