// Which join Flink's planner would run for a join node: its equality keys, and whether its
// condition makes it an interval join (a lower and an upper bound between both sides' time
// attributes, interval_bounds.h) or a window join (equal window_start/window_end of two window
// TVFs); else it is a regular join, whose inputs' time attributes are materialized. Used by the
// binder and again by the optimizer after it moves WHERE conditions into joins.
#pragma once

#include "compiler/plan/logical_plan.h"

namespace sluice {

// Sets equiKeys, joinStrategy and windowed from the condition and the inputs' schemas. A
// temporal or lookup join (`temporal`) keeps its strategy. Time attributes in the node's schema
// are kept or materialized to match the strategy.
void classifyJoin(plan::LogicalNode& join, bool temporal);

}  // namespace sluice
