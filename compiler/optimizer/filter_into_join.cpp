// `FROM a, b WHERE a.k = b.k AND a.ts BETWEEN b.ts - INTERVAL .. AND b.ts` is an inner join on
// those conditions: the Filter's conjuncts that mention both sides (and no subquery) move into
// the join, which is then classified again (equi keys, interval or window join).
//
// An outer join under a WHERE condition that is never TRUE on a NULL-padded row of one side
// (`a LEFT JOIN b .. WHERE b.x = 10`) loses those rows anyway: as Flink's FlinkFilterJoinRule
// (Calcite's RelOptUtil.simplifyJoin) does, it stops producing them, LEFT and RIGHT becoming
// INNER and FULL becoming LEFT, RIGHT or INNER. Lookup and temporal joins keep their kind.
#include <algorithm>
#include <set>
#include <string>

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

// Whether `e` is NULL whenever every input field in [begin, end) is NULL (Calcite's Strong):
// a field of the range, or an operator that is NULL when an operand is.
bool nullWhenFieldsNull(const plan::ExpressionRef& e, int begin, int end) {
  static const std::set<std::string> kStrict = {"=", "<>", "<", "<=", ">",    ">=",       "+",
                                                "-", "*",  "/", "%",  "LIKE", "NOT LIKE", "NOT"};
  switch (e->kind) {
    case plan::ExpressionKind::InputRef: return e->index >= begin && e->index < end;
    case plan::ExpressionKind::Cast: return nullWhenFieldsNull(e->operands[0], begin, end);
    case plan::ExpressionKind::Call:
      if (kStrict.count(e->name) == 0) return false;
      return std::any_of(e->operands.begin(), e->operands.end(), [&](const auto& operand) {
        return nullWhenFieldsNull(operand, begin, end);
      });
    default: return false;
  }
}

// Whether the predicate `e` is FALSE or NULL whenever every input field in [begin, end) is NULL.
bool rejectsNullFields(const plan::ExpressionRef& e, int begin, int end) {
  if (e->kind != plan::ExpressionKind::Call) return nullWhenFieldsNull(e, begin, end);
  auto rejects = [&](const plan::ExpressionRef& operand) {
    return rejectsNullFields(operand, begin, end);
  };
  if (e->name == "AND") return std::any_of(e->operands.begin(), e->operands.end(), rejects);
  if (e->name == "OR") return std::all_of(e->operands.begin(), e->operands.end(), rejects);
  // A NULL tested value makes these NULL or FALSE, whatever the other operands are.
  static const std::set<std::string> kOnFirst = {
      "IS NOT NULL",           "IS TRUE", "BETWEEN", "BETWEEN SYMMETRIC", "NOT BETWEEN",
      "NOT BETWEEN SYMMETRIC", "IN",      "NOT IN"};
  if (kOnFirst.count(e->name) != 0) return nullWhenFieldsNull(e->operands[0], begin, end);
  return nullWhenFieldsNull(e, begin, end);
}

// The kind an outer join keeps under a WHERE filter of `conjuncts`: a side whose NULL-padded
// rows the filter rejects needs no padding.
plan::JoinKind simplifiedKind(const plan::LogicalNode& join,
                              const std::vector<plan::ExpressionRef>& conjuncts) {
  const int leftWidth = static_cast<int>(join.inputs[0]->schema.size());
  const int width = leftWidth + static_cast<int>(join.inputs[1]->schema.size());
  auto rejected = [&](int begin, int end) {
    return std::any_of(conjuncts.begin(), conjuncts.end(), [&](const plan::ExpressionRef& c) {
      return !containsSubquery(c) && rejectsNullFields(c, begin, end);
    });
  };
  // Padded left fields come from RIGHT and FULL joins, padded right fields from LEFT and FULL.
  const bool paddedLeft =
      join.joinKind == plan::JoinKind::Right || join.joinKind == plan::JoinKind::Full;
  const bool paddedRight =
      join.joinKind == plan::JoinKind::Left || join.joinKind == plan::JoinKind::Full;
  const bool keepLeftPadding = paddedLeft && !rejected(0, leftWidth);
  const bool keepRightPadding = paddedRight && !rejected(leftWidth, width);
  if (keepLeftPadding && keepRightPadding) return plan::JoinKind::Full;
  if (keepLeftPadding) return plan::JoinKind::Right;
  if (keepRightPadding) return plan::JoinKind::Left;
  return plan::JoinKind::Inner;
}

bool isTemporal(const plan::LogicalNode& join) {
  return join.joinStrategy == plan::JoinStrategy::Lookup ||
         join.joinStrategy == plan::JoinStrategy::EventTimeTemporal;
}

// An outer join under the filter `node` with the padding its WHERE condition rejects dropped;
// nullptr when it keeps its kind.
plan::NodeRef simplifyOuterJoin(const plan::NodeRef& node, plan::NodeFactory& nodes) {
  const auto& input = node->inputs[0];
  if (input->kind != plan::NodeKind::Join || isTemporal(*input)) return nullptr;
  if (input->joinKind != plan::JoinKind::Left && input->joinKind != plan::JoinKind::Right &&
      input->joinKind != plan::JoinKind::Full) {
    return nullptr;
  }
  const plan::JoinKind kind = simplifiedKind(*input, plan::conjunctions(node->condition));
  if (kind == input->joinKind) return nullptr;
  // The fields stay nullable as typed: the nodes above were typed for the outer join.
  auto join = std::make_shared<plan::LogicalNode>(*input);
  join->id = nodes.make(plan::NodeKind::Join)->id;
  join->joinKind = kind;
  classifyJoin(*join, /*temporal=*/false);
  auto filter = std::make_shared<plan::LogicalNode>(*node);
  filter->inputs[0] = join;
  return filter;
}

plan::NodeRef push(const plan::NodeRef& original, plan::NodeFactory& nodes) {
  if (original->kind != plan::NodeKind::Filter) return original;
  plan::NodeRef simplified = simplifyOuterJoin(original, nodes);
  const plan::NodeRef& node = simplified ? simplified : original;
  const auto& input = node->inputs[0];
  if (input->kind != plan::NodeKind::Join || input->joinKind != plan::JoinKind::Inner ||
      isTemporal(*input)) {
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
  join->condition = plan::conjunction(condition);
  classifyJoin(*join, /*temporal=*/false);
  if (kept.empty()) return join;
  auto filter = nodes.make(plan::NodeKind::Filter);
  filter->inputs.push_back(join);
  filter->schema = join->schema;
  filter->condition = plan::conjunction(kept);
  return filter;
}

}  // namespace

plan::NodeRef pushFiltersIntoJoins(const plan::NodeRef& root, plan::NodeFactory& nodes) {
  return transformUp(root, [&](const plan::NodeRef& node) { return push(node, nodes); });
}

}  // namespace sluice
