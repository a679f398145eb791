// Conjuncts of a join's condition, and of a WHERE filter right above a join, that read only one
// input go down into a Filter on that input, as Flink's FlinkFilterJoinRule and
// FlinkJoinConditionPushRule push them: the join's state then holds only rows that can match,
// and the condition is no longer evaluated for every pair.
//
// Which side a conjunct may go to depends on the join kind, so that outer joins keep their
// NULL-padded rows:
//
// | join            | WHERE conjunct of        | ON conjunct of          |
// |-----------------|--------------------------|-------------------------|
// | INNER           | left, right              | left, right             |
// | LEFT            | left (preserved)         | right (null-producing)  |
// | RIGHT           | right (preserved)        | left (null-producing)   |
// | FULL            | -                        | -                       |
// | SEMI            | left (its only fields)   | left, right             |
// | ANTI            | left (its only fields)   | right                   |
//
// Lookup and event-time temporal joins push into their left input only: a condition on the
// dimension or versioned table stays with the join (for a lookup join it may be a lookup key).
// Conjuncts that are not deterministic, or hold a subquery or a reference to an enclosing query,
// stay where they are. A conjunct that reads no field at all goes to the left when it may. The
// join is then classified again: the interval bounds and window keys, which read both inputs,
// stay in its condition.
#include <algorithm>

#include "compiler/binder/join_classification.h"
#include "compiler/optimizer/optimizer.h"
#include "compiler/optimizer/passes.h"

namespace sluice {

namespace {

// Where the conjuncts of a join kind may go.
struct PushRules {
  bool whereLeft = false;
  bool whereRight = false;
  bool onLeft = false;
  bool onRight = false;
};

bool isTemporal(const plan::LogicalNode& join) {
  return join.joinStrategy == plan::JoinStrategy::Lookup ||
         join.joinStrategy == plan::JoinStrategy::EventTimeTemporal;
}

PushRules pushRules(const plan::LogicalNode& join) {
  const bool right = !isTemporal(join);
  switch (join.joinKind) {
    case plan::JoinKind::Inner: return {true, right, true, right};
    case plan::JoinKind::Left: return {true, false, false, right};
    case plan::JoinKind::Right: return {false, right, right, false};
    case plan::JoinKind::Full: return {};
    case plan::JoinKind::Semi: return {true, false, true, right};
    case plan::JoinKind::Anti: return {true, false, false, right};
  }
  return {};
}

bool isTrue(const plan::ExpressionRef& e) {
  return e->kind == plan::ExpressionKind::Literal && e->name == "TRUE";
}

// `e` with every input reference moved by `by` (a right input's field `$(leftWidth + i)` of the
// join becomes `$i` of the right input).
plan::ExpressionRef shiftInputRefs(const plan::ExpressionRef& e, int by) {
  if (e->kind == plan::ExpressionKind::InputRef) return plan::inputRef(e->index + by, e->type);
  if (e->operands.empty()) return e;
  auto copy = std::make_shared<plan::BoundExpression>(*e);
  for (auto& operand : copy->operands) operand = shiftInputRefs(operand, by);
  return copy;
}

plan::NodeRef push(const plan::NodeRef& node, plan::NodeFactory& nodes);

// `input` filtered by `conjuncts` (over its fields); an existing Filter there takes them too. The
// new Filter is pushed further when it sits on a join.
plan::NodeRef filterOn(const plan::NodeRef& input,
                       const std::vector<plan::ExpressionRef>& conjuncts,
                       plan::NodeFactory& nodes) {
  plan::NodeRef below = input;
  std::vector<plan::ExpressionRef> condition;
  if (input->kind == plan::NodeKind::Filter) {
    condition = plan::conjunctions(input->condition);
    below = input->inputs[0];
  }
  condition.insert(condition.end(), conjuncts.begin(), conjuncts.end());
  auto filter = nodes.make(plan::NodeKind::Filter);
  filter->inputs.push_back(below);
  filter->schema = input->schema;
  filter->condition = plan::conjunction(condition);
  return push(filter, nodes);
}

// `join` with the conjuncts of its condition and of `where` (a filter over its output) that may
// go down moved into its inputs, the WHERE conjuncts that stay in a Filter above it; nullptr when
// nothing moves.
plan::NodeRef pushIntoInputs(const plan::NodeRef& join,
                             const std::vector<plan::ExpressionRef>& where,
                             plan::NodeFactory& nodes) {
  if (join->inputs.size() != 2) return nullptr;
  const PushRules rules = pushRules(*join);
  const int leftWidth = static_cast<int>(join->inputs[0]->schema.size());
  const int width = leftWidth + static_cast<int>(join->inputs[1]->schema.size());
  std::vector<plan::ExpressionRef> toLeft, toRight, on, above;
  // Sends a conjunct to the side it reads, when it may go there; else keeps it in `stay`.
  auto place = [&](const plan::ExpressionRef& c, bool left, bool right,
                   std::vector<plan::ExpressionRef>& stay) {
    if (plan::isDeterministicRowExpression(c)) {
      if (left && plan::referencesOnly(c, 0, leftWidth)) return toLeft.push_back(c);
      if (right && plan::referencesOnly(c, leftWidth, width)) {
        return toRight.push_back(shiftInputRefs(c, -leftWidth));
      }
    }
    stay.push_back(c);
  };
  for (const auto& c : plan::conjunctions(join->condition)) {
    if (!isTrue(c)) place(c, rules.onLeft, rules.onRight, on);
  }
  for (const auto& c : where) {
    if (!isTrue(c)) place(c, rules.whereLeft, rules.whereRight, above);
  }
  if (toLeft.empty() && toRight.empty()) return nullptr;

  auto copy = std::make_shared<plan::LogicalNode>(*join);
  copy->id = nodes.make(plan::NodeKind::Join)->id;
  if (!toLeft.empty()) copy->inputs[0] = filterOn(join->inputs[0], toLeft, nodes);
  if (!toRight.empty()) copy->inputs[1] = filterOn(join->inputs[1], toRight, nodes);
  copy->condition = plan::conjunction(on);
  classifyJoin(*copy, isTemporal(*join));
  if (above.empty()) return copy;
  auto filter = nodes.make(plan::NodeKind::Filter);
  filter->inputs.push_back(copy);
  filter->schema = copy->schema;
  filter->condition = plan::conjunction(above);
  return filter;
}

plan::NodeRef push(const plan::NodeRef& node, plan::NodeFactory& nodes) {
  plan::NodeRef pushed;
  if (node->kind == plan::NodeKind::Join) {
    pushed = pushIntoInputs(node, {}, nodes);
  } else if (node->kind == plan::NodeKind::Filter &&
             node->inputs[0]->kind == plan::NodeKind::Join) {
    pushed = pushIntoInputs(node->inputs[0], plan::conjunctions(node->condition), nodes);
  }
  return pushed ? pushed : node;
}

}  // namespace

plan::NodeRef pushJoinConditionsIntoInputs(const plan::NodeRef& root, plan::NodeFactory& nodes) {
  return transformUp(root, [&](const plan::NodeRef& node) { return push(node, nodes); });
}

}  // namespace sluice
