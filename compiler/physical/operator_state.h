// What state the runtime operator for a node keeps, in a few words for `sqlc explain`:
//   per group key: accumulators, a row count
//   per partition key: the top 10 rows
//   left: one row per join key; right: rows with their counts per join key
// It follows from the operator, its changelog and its inputs' upsert keys, as Flink's operators'
// state does; empty for stateless nodes.
#pragma once

#include <string>

#include "compiler/physical/changelog_inference.h"

namespace sluice::physical {

std::string describeOperatorState(const plan::LogicalNode& node, const ChangelogPlan& plan);

}  // namespace sluice::physical
