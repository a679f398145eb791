// Regular joins (INNER, LEFT, RIGHT, FULL OUTER, and the SEMI/ANTI joins of IN and EXISTS
// subqueries): each input reaches the Join's instances through a hash exchange on its join key,
// so both sides of a key meet in one instance and its keyed state. The ON clause splits into
// the join key (column = column across the sides, of one physical type so that both sides hash
// and encode a key alike) and the residual condition the operator evaluates per candidate
// pair. Without a join key the join is global and runs as one instance, as in Flink.
#include <fmt/format.h>

#include "compiler/physical/join_keys.h"
#include "compiler/physical/planner.h"
#include "compiler/physical/upsert_keys.h"

namespace sluice::physical {
namespace {

// A unique key of a join input, as columns of that input: empty when it has none.
std::vector<int> uniqueKeyOf(const ChangelogPlan& changelog, const plan::LogicalNode& input) {
  const NodeChangelog* info = changelog.find(input);
  if (info == nullptr || info->upsertKeys.empty()) return {};
  return info->upsertKeys.front();
}

}  // namespace

artifact::Node Planner::keyedJoin(artifact::NodeKind kind, const plan::LogicalNode& node,
                                  const std::vector<int>& leftKeys,
                                  const std::vector<int>& rightKeys,
                                  const std::vector<plan::ExpressionRef>& residual) {
  const int left = lower(node.inputs[0]);
  const int right = lower(node.inputs[1]);
  int parallelism = parallelism_;
  const int leftExchange = keyedExchange(left, leftKeys, parallelism);
  const int rightExchange = keyedExchange(right, rightKeys, parallelism);
  artifact::Node n = makeNode(kind, {leftExchange, rightExchange}, node.schema);
  n.parallelism = parallelism;
  n.joinType = artifactJoinType(node.joinKind);
  n.keys = leftKeys;
  n.rightKeys = rightKeys;
  if (const plan::ExpressionRef condition = conjunctionOf(residual)) {
    n.condition = lowerOrRefuse(*condition);
  }
  return n;
}

int Planner::join(const plan::LogicalNode& node) {
  switch (node.joinStrategy) {
    case plan::JoinStrategy::Regular: break;
    case plan::JoinStrategy::Interval: return intervalJoin(node);
    case plan::JoinStrategy::Window: return windowJoin(node);
    case plan::JoinStrategy::EventTimeTemporal: return temporalJoin(node);
    case plan::JoinStrategy::Lookup: return lookupJoin(node);
  }
  const JoinKeySplit split = splitJoinKeys(node);
  artifact::Node n = keyedJoin(artifact::NodeKind::Join, node, split.leftKeys, split.rightKeys,
                               split.residual);
  n.leftUniqueKey = uniqueKeyOf(changelog_, *node.inputs[0]);
  n.rightUniqueKey = uniqueKeyOf(changelog_, *node.inputs[1]);
  n.inputUpdates = inputUpdates(node);
  n.emitsUpdateBefore = emitsUpdateBefore(node);
  n.stateTtlMillis = stateTtl(node);
  return add(std::move(n));
}

}  // namespace sluice::physical
