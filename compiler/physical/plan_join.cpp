// Regular joins (INNER, LEFT, RIGHT, FULL OUTER, and the SEMI/ANTI joins of IN and EXISTS
// subqueries): each input reaches the Join's instances through a hash exchange on its join key,
// so both sides of a key meet in one instance and its keyed state. The ON clause splits into
// the join key (column = column across the sides, of one physical type so that both sides hash
// and encode a key alike) and the residual condition the operator evaluates per candidate
// pair. Without a join key the join is global and runs as one instance, as in Flink.
#include <fmt/format.h>

#include "compiler/physical/planner.h"
#include "compiler/physical/upsert_keys.h"
#include "runtime/data/physical_type.h"

namespace sluice::physical {
namespace {

artifact::JoinType joinTypeOf(plan::JoinKind kind) {
  switch (kind) {
    case plan::JoinKind::Inner: return artifact::JoinType::Inner;
    case plan::JoinKind::Left: return artifact::JoinType::Left;
    case plan::JoinKind::Right: return artifact::JoinType::Right;
    case plan::JoinKind::Full: return artifact::JoinType::Full;
    case plan::JoinKind::Semi: return artifact::JoinType::Semi;
    case plan::JoinKind::Anti: return artifact::JoinType::Anti;
  }
  return artifact::JoinType::Inner;
}

struct SplitCondition {
  std::vector<int> leftKeys;
  std::vector<int> rightKeys;  // columns of the right input
  std::vector<plan::ExpressionRef> residual;
};

// `l = r` between a left and a right column of one physical type is a join key; anything else
// stays in the condition.
SplitCondition splitCondition(const plan::LogicalNode& join) {
  SplitCondition split;
  const int leftWidth = static_cast<int>(join.inputs[0]->schema.size());
  auto typeOf = [&](int index) {
    return index < leftWidth ? join.inputs[0]->schema[static_cast<size_t>(index)].type
                             : join.inputs[1]->schema[static_cast<size_t>(index - leftWidth)].type;
  };
  for (const plan::ExpressionRef& conjunct : plan::conjunctions(join.condition)) {
    bool key = false;
    if (conjunct->kind == plan::ExpressionKind::Call && conjunct->name == "=") {
      const auto& a = conjunct->operands[0];
      const auto& b = conjunct->operands[1];
      if (a->kind == plan::ExpressionKind::InputRef && b->kind == plan::ExpressionKind::InputRef &&
          (a->index < leftWidth) != (b->index < leftWidth) &&
          runtime::physicalTypeOf(typeOf(a->index)) == runtime::physicalTypeOf(typeOf(b->index))) {
        const int left = std::min(a->index, b->index);
        const int right = std::max(a->index, b->index) - leftWidth;
        split.leftKeys.push_back(left);
        split.rightKeys.push_back(right);
        key = true;
      }
    }
    // TRUE (an uncorrelated EXISTS) joins everything: no condition at all.
    const bool alwaysTrue = conjunct->kind == plan::ExpressionKind::Literal && conjunct->name == "TRUE";
    if (!key && !alwaysTrue) split.residual.push_back(conjunct);
  }
  return split;
}

// A unique key of a join input, as columns of that input: empty when it has none.
std::vector<int> uniqueKeyOf(const ChangelogPlan& changelog, const plan::LogicalNode& input) {
  const NodeChangelog* info = changelog.find(input);
  if (info == nullptr || info->upsertKeys.empty()) return {};
  return info->upsertKeys.front();
}

}  // namespace

int Planner::join(const plan::LogicalNode& node) {
  switch (node.joinStrategy) {
    case plan::JoinStrategy::Regular: break;
    case plan::JoinStrategy::Interval: return intervalJoin(node);
    case plan::JoinStrategy::Window: return windowJoin(node);
    case plan::JoinStrategy::EventTimeTemporal: return temporalJoin(node);
    case plan::JoinStrategy::Lookup: return lookupJoin(node);
  }
  SplitCondition split = splitCondition(node);
  const int left = lower(node.inputs[0]);
  const int right = lower(node.inputs[1]);
  int parallelism = parallelism_;
  const int leftExchange = keyedExchange(left, split.leftKeys, parallelism);
  const int rightExchange = keyedExchange(right, split.rightKeys, parallelism);

  artifact::Node n = makeNode(artifact::NodeKind::Join, {leftExchange, rightExchange}, node.schema);
  n.parallelism = parallelism;
  n.joinType = joinTypeOf(node.joinKind);
  n.keys = split.leftKeys;
  n.rightKeys = split.rightKeys;
  if (!split.residual.empty()) {
    const plan::ExpressionRef residual =
        split.residual.size() == 1 ? split.residual[0]
                                   : plan::call("AND", split.residual, DataType::boolean());
    n.condition = lowerOrRefuse(*residual);
  }
  n.leftUniqueKey = uniqueKeyOf(changelog_, *node.inputs[0]);
  n.rightUniqueKey = uniqueKeyOf(changelog_, *node.inputs[1]);
  n.inputUpdates = inputUpdates(node);
  n.emitsUpdateBefore = emitsUpdateBefore(node);
  n.stateTtlMillis = stateTtl(node);
  return add(std::move(n));
}

}  // namespace sluice::physical
