// `FROM a, b WHERE a.k = b.k AND a.ts BETWEEN b.ts - INTERVAL .. AND b.ts` is an inner join on
// those conditions: the Filter's conjuncts that mention both sides (and no subquery) move into
// the join, which is then classified again (equi keys, interval or window join).
#include "compiler/binder/join_classification.h"
#include "compiler/optimizer/optimizer.h"
#include "compiler/optimizer/passes.h"

namespace sluice {

namespace {

bool containsSubquery(const plan::ExpressionRef& e) {
  if (e->kind == plan::ExpressionKind::Subquery) return true;
  for (const auto& operand : e->operands) {
    if (containsSubquery(operand)) return true;
  }
  return false;
}

plan::ExpressionRef conjunction(const std::vector<plan::ExpressionRef>& parts) {
  if (parts.empty()) return plan::literal("TRUE", DataType::boolean().notNull());
  if (parts.size() == 1) return parts[0];
  return plan::call("AND", parts, DataType::boolean());
}

plan::NodeRef push(const plan::NodeRef& node, plan::NodeFactory& nodes) {
  if (node->kind != plan::NodeKind::Filter) return node;
  const auto& input = node->inputs[0];
  if (input->kind != plan::NodeKind::Join || input->joinKind != plan::JoinKind::Inner ||
      input->joinStrategy == plan::JoinStrategy::Lookup ||
      input->joinStrategy == plan::JoinStrategy::EventTimeTemporal) {
    return node;
  }
  std::vector<plan::ExpressionRef> moved, kept;
  for (const auto& conjunct : plan::conjunctions(node->condition)) {
    (containsSubquery(conjunct) ? kept : moved).push_back(conjunct);
  }
  if (moved.empty()) return node;
  auto join = std::make_shared<plan::LogicalNode>(*input);
  join->id = nodes.make(plan::NodeKind::Join)->id;
  std::vector<plan::ExpressionRef> condition;
  for (const auto& c : plan::conjunctions(join->condition)) {
    if (!(c->kind == plan::ExpressionKind::Literal && c->name == "TRUE")) condition.push_back(c);
  }
  condition.insert(condition.end(), moved.begin(), moved.end());
  join->condition = conjunction(condition);
  classifyJoin(*join, /*temporal=*/false);
  if (kept.empty()) return join;
  auto filter = nodes.make(plan::NodeKind::Filter);
  filter->inputs.push_back(join);
  filter->schema = join->schema;
  filter->condition = conjunction(kept);
  return filter;
}

}  // namespace

plan::NodeRef pushFiltersIntoJoins(const plan::NodeRef& root, plan::NodeFactory& nodes) {
  return transformUp(root, [&](const plan::NodeRef& node) { return push(node, nodes); });
}

}  // namespace sluice
