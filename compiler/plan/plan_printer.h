// Prints a plan as an indented tree, one node per line in Flink's style, followed by the node's
// output schema:
//   Sink(table=[default_catalog.default_database.q1], fields=[auction, price])
//   +- Project(auction=[$0], price=[*(0.908, $2)])    -> (auction BIGINT, price DECIMAL(23, 3))
#pragma once

#include <string>

#include "compiler/plan/logical_plan.h"

namespace sluice::plan {

std::string printPlan(const NodeRef& root);
// One node's name and attributes, without children or schema.
std::string describeNode(const LogicalNode& node);
std::string describeSchema(const std::vector<Field>& schema);

}  // namespace sluice::plan
