// Aggregate calls whose values live in keyed map state rather than in the accumulator (Flink's
// MapView), so that a row costs a few state lookups whatever the group holds, instead of
// decoding and re-encoding every value of the group:
//
//   f(DISTINCT x)   (DistinctValues) the calls over the same argument, whatever their FILTER,
//                   share one MapState value -> a count per call (Flink's DistinctInfo with
//                   filterArgs); each call sees a value when ITS count goes 0 -> 1 and its
//                   retraction when it goes 1 -> 0. The accumulators stay the calls' own.
//   MIN / MAX       over updating input (and MIN / MAX (DISTINCT x), the same thing): a
//                   SortedMapState value -> count in value order (key_encoding.h); the
//                   accumulator holds the current extreme, recomputed from the map's first or
//                   last entry only when the extreme's count reaches 0.
//   LISTAGG         over updating input (Flink's ListView): a SortedMapState sequence number ->
//                   value in arrival order, and one (value, sequence number) -> "" to find a
//                   retracted value's first occurrence in O(log n). The accumulator holds the
//                   next sequence number and the retractions of values not there. The text is
//                   joined only when the result is read.
//
// A DistinctValues serves several calls at once: the operator applies each row to it next to the
// calls' plain functions, which keep the accumulators. The others are AggregateFunctions over
// the group's current key: accumulate / retract / merge update
// the map of the key the backend is set to, result reads only the accumulator (so the operator
// can compute a group's results before and after a row; LISTAGG's result reads its map, so the
// operator reads results before applying a row and after it, never in between). `merge` takes the
// boxed partials a LocalGroupAggregate emits (makeAggregateFunction's formats). The maps carry the
// group's TTL; the operator clears them with the group.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/operators/aggregate_functions.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

struct StateBackedAggregate {
  std::unique_ptr<AggregateFunction> function;
  std::vector<KeyedState*> states;  // the call's maps of the current key: cleared with the group
};

// The state-backed function of call `index` of a GROUP BY, or an empty one when the call keeps
// its accumulator whole (no DISTINCT MIN / MAX, no retracting MIN / MAX or LISTAGG) or shares a
// DistinctValues.
StateBackedAggregate makeStateBackedAggregate(const artifact::AggregateCall& call, int index,
                                              const DataType& argumentType, bool retracts,
                                              KeyedStateBackend& backend, int64_t ttlMillis);

// Whether call `call` keeps its values in a DistinctValues: f(DISTINCT x) other than MIN / MAX
// (which are ExtremeViews) and native functions (which keep their DISTINCT multiset boxed).
bool sharesDistinctValues(const artifact::AggregateCall& call);

// The values of the DISTINCT calls of a GROUP BY over one argument, in one map per group key:
// value -> per call, whether the call holds the value (insert-only input: one bit each, and
// nothing but the entry itself with one call) or how many of its rows hold it (updating input:
// one varint each, or 8 bytes with one call, the layout of a map of its own). A row costs one
// lookup whatever the number of calls, and one write when a call's state of the value changes
// (every row that reaches the value, with a TTL, so that the entry lives as long as its rows
// keep coming). The state is named after the first call, "distinct$<index>".
class DistinctValues {
 public:
  // `calls`: the indices of the calls sharing the argument; `functions[c]`: call c's plain
  // (non-DISTINCT) function, which the caller owns and keeps.
  DistinctValues(std::vector<int> calls,
                 const std::vector<std::unique_ptr<AggregateFunction>>& functions,
                 PhysicalType type, bool retracts, int64_t ttlMillis, MapState& values);

  // One row: each call c of this argument with applies[c] (its FILTER holds) counts `value` in
  // or out of its values; c's accumulator sees the value (or its retraction) when its count goes
  // 0 -> 1 (1 -> 0). A NULL value is ignored.
  void apply(std::vector<Value>& accumulators, bool accumulates, const Value& value,
             const uint8_t* applies);
  // A LocalGroupAggregate's partials (partials[c]: DistinctFunction's accumulator, the inner one
  // then the (value, count) multiset): a value new to a call reaches its function once.
  void merge(std::vector<Value>& accumulators, const std::vector<Value>& partials);
  const std::vector<int>& calls() const { return calls_; }

 private:
  enum class Layout : uint8_t { Seen, Bits, Count, Counts };

  std::vector<int> calls_;
  std::vector<const AggregateFunction*> functions_;  // per call of calls_
  PhysicalType type_;
  Layout layout_;
  bool refreshes_;
  MapState& values_;
  KeyEncoder key_;
  std::vector<int64_t> counts_;  // per call of calls_: the current value's count (0 / 1 as bits)
  std::string encoded_;

  void encodeKey(const Value& value);
  // counts_ of the current key's value, from its entry (nullopt: not there).
  void decode(const std::optional<std::string_view>& stored);
  // Writes counts_ back: removes the entry when every count is 0.
  void store(bool stored);
};

// The DistinctValues of the calls of `node` that share them (sharesDistinctValues), one per
// argument list; `argumentTypes[c]` is call c's argument type. Each map is also pushed to
// `states`, cleared with the group.
std::vector<std::unique_ptr<DistinctValues>> makeDistinctValues(
    const std::vector<artifact::AggregateCall>& calls, const std::vector<DataType>& argumentTypes,
    const std::vector<std::unique_ptr<AggregateFunction>>& functions, bool retracts,
    KeyedStateBackend& backend, int64_t ttlMillis, std::vector<KeyedState*>& states);

}  // namespace sluice::runtime
