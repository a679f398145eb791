// What a connector implements to serve as the dimension table of a lookup join
// (`JOIN dim FOR SYSTEM_TIME AS OF left.proctime`): the rows whose lookup key columns equal given
// values, at the time of the call. The lookup join operator asks once per distinct key of an
// input batch (`lookupBatch`), so a connector that can fetch many keys in one request (JDBC's
// IN list, Redis' MGET) overrides it; the rest look keys up one at a time.
//
// Results are shared, immutable row lists: a table or a cache hands out the list it holds, and
// it stays valid after the table reloads or the cache evicts it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "runtime/connector/connector.h"
#include "runtime/data/value.h"

namespace sluice::runtime {

using LookupRow = std::vector<Value>;  // one value per column of the table's physical schema
using LookupRows = std::shared_ptr<const std::vector<LookupRow>>;

// Hash and equality of lookup keys (one Value per key column), for hash maps keyed by them.
struct LookupKeyHash {
  size_t operator()(const std::vector<Value>& key) const;
};

// A clock in milliseconds (steady, or a test's): tables and caches take one so that tests can
// move time on reloads and expiries.
using LookupClock = std::function<int64_t()>;
LookupClock steadyLookupClock();

class LookupTable {
 public:
  virtual ~LookupTable() = default;
  // The rows whose key columns equal `key` (one value per key column, none NULL); never null.
  virtual LookupRows lookup(const std::vector<Value>& key) = 0;
  // results[i]: the rows of keys[i]. The default calls lookup for each key.
  virtual void lookupBatch(const std::vector<std::vector<Value>>& keys,
                           std::vector<LookupRows>& results);
};

// What a connector is given to open a lookup table: the table (`node` is a Source-like node
// with the dimension table's connector options and physical schema), the columns looked up by,
// and the clock.
struct LookupContext : ConnectorContext {
  std::vector<int> keyColumns;  // columns of the table's schema, in the order keys are given
  LookupClock clock;            // null: steadyLookupClock()
};

}  // namespace sluice::runtime
