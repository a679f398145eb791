// The optimizer's rewrite passes, one file each.
#pragma once

#include "compiler/plan/logical_plan.h"

namespace sluice {

plan::NodeRef pushFiltersIntoJoins(const plan::NodeRef& root, plan::NodeFactory& nodes);
plan::NodeRef pushJoinConditionsIntoInputs(const plan::NodeRef& root, plan::NodeFactory& nodes);
plan::NodeRef rewriteSubqueriesToJoins(const plan::NodeRef& root, plan::NodeFactory& nodes);
plan::NodeRef recognizeRanks(const plan::NodeRef& root, plan::NodeFactory& nodes);
plan::NodeRef removeTrivialFilters(const plan::NodeRef& root, plan::NodeFactory& nodes);
plan::NodeRef reduceAggregateFunctions(const plan::NodeRef& root, plan::NodeFactory& nodes);
plan::NodeRef pruneJoinInputs(const plan::NodeRef& root, plan::NodeFactory& nodes);

}  // namespace sluice
