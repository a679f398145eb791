// Aggregate calls whose values live in keyed map state rather than in the accumulator (Flink's
// MapView), so that a row costs a few state lookups whatever the group holds, instead of
// decoding and re-encoding every value of the group:
//
//   f(DISTINCT x)   a MapState value -> count; f sees a value when its count goes 0 -> 1 and its
//                   retraction when the count goes 1 -> 0. The accumulator is f's own.
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
// They are AggregateFunctions over the group's current key: accumulate / retract / merge update
// the map of the key the backend is set to, result reads only the accumulator (so the operator
// can compute a group's results before and after a row; LISTAGG's result reads its map, so the
// operator reads results before applying a row and after it, never in between). `merge` takes the
// boxed partials a LocalGroupAggregate emits (makeAggregateFunction's formats). The maps carry the
// group's TTL; the operator clears them with the group.
#pragma once

#include <memory>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/operators/aggregate_functions.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

struct StateBackedAggregate {
  std::unique_ptr<AggregateFunction> function;
  std::vector<KeyedState*> states;  // the call's maps of the current key: cleared with the group
};

// The state-backed function of call `index` of a GROUP BY, or an empty one when the call keeps
// its accumulator whole (no DISTINCT, no retracting MIN / MAX).
StateBackedAggregate makeStateBackedAggregate(const artifact::AggregateCall& call, int index,
                                              const DataType& argumentType, bool retracts,
                                              KeyedStateBackend& backend, int64_t ttlMillis);

}  // namespace sluice::runtime
