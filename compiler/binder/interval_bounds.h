// Whether a join's condition bounds the two inputs' time attributes on both sides, making it an
// interval join, as Flink's IntervalJoinUtil decides: exactly two time predicates, one a lower
// and one an upper bound of the left time attribute by the right one's (`l.ts BETWEEN r.ts -
// INTERVAL '5' MINUTE AND r.ts + INTERVAL '10' MINUTE`, or the same with `>=`, `>`, `<`, `<=`).
// A time predicate compares `time ± interval literal` terms of both inputs' time attributes, of
// one kind (both rowtimes or both proctimes), and no other column. Any other condition, such as
// `b.ts BETWEEN a.ts AND a.expires` with `expires` a plain TIMESTAMP, makes a regular join.
// Used by the join classification and by the interval join's physical planner.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "compiler/plan/logical_plan.h"

namespace sluice {

struct IntervalBounds {
  int leftTime = -1;   // a column of the left input
  int rightTime = -1;  // a column of the right input
  // rightTime + lowerMicros <= leftTime <= rightTime + upperMicros (a strict comparison moves
  // its bound by one microsecond).
  int64_t lowerMicros = 0;
  int64_t upperMicros = 0;
  bool eventTime = true;  // rowtimes; false: proctimes
  // The condition's other conjuncts (the half of a BETWEEN that is no time predicate included).
  std::vector<plan::ExpressionRef> remaining;
};

// The bounds of `join`'s condition, or nullopt when it is no interval join (also for SEMI and
// ANTI joins, which Flink never runs as interval joins).
std::optional<IntervalBounds> intervalBounds(const plan::LogicalNode& join);

}  // namespace sluice
