// The changelog pass's findings as `sqlc explain` shows them: each node of the optimized plan
// with what it sends, by which keys, and what it keeps, as Flink's EXPLAIN CHANGELOG_MODE does:
//   Sink(table=[default_catalog.default_database.out], fields=[channel, cnt], changelogMode=[NONE])
//   +- Project(channel=[$0], cnt=[$1], changelogMode=[I,UB,UA], upsertKeys=[[0]])
//      +- Aggregate(groupBy=[channel], select=[COUNT(*) AS EXPR$0], changelogMode=[I,UB,UA],
//         upsertKeys=[[0]], state=[per group key: accumulators])
#pragma once

#include <string>

#include "compiler/physical/changelog_inference.h"

namespace sluice::physical {

// A node's changelog attributes: "changelogMode=[I,UB,UA], upsertKeys=[[0]], state=[...]";
// a sink's "upsertMaterialize=[true], changelogMode=[NONE]"; empty for a node the pass did not
// reach (a lookup join's table side).
std::string changelogAttributes(const plan::LogicalNode& node, const ChangelogPlan& plan);

// The plan as plan::printPlan prints it (tree and schemas), each node with its attributes.
std::string printPlanWithChangelog(const plan::NodeRef& root, const ChangelogPlan& plan);

// Every optimized plan of a statement so. Throws UserError as inferChangelogModes does.
std::string printStatementChangelog(const CompiledStatement& statement);

}  // namespace sluice::physical
