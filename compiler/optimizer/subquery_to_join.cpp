// `WHERE x IN (SELECT y ..)`, `EXISTS (SELECT .. WHERE inner.k = outer.k)` and their negations
// become semi and anti joins, as Flink plans them. A subquery correlated by conditions in its
// WHERE clause has those conditions moved into the join condition.
#include "compiler/binder/aggregation_state.h"
#include "compiler/binder/join_classification.h"
#include "compiler/optimizer/optimizer.h"
#include "compiler/optimizer/passes.h"

namespace sluice {

namespace {

// One field of `value IN (subquery)` as a join condition: value = element; for an anti join
// (NOT IN) null-aware: x NOT IN (..) is not TRUE when x is NULL and the subquery has rows, or
// when the subquery holds a NULL, so the anti join drops the row in both cases as when its
// condition matches them (Flink's null-aware anti join). A row value's fields each get one.
plan::ExpressionRef inCondition(const plan::ExpressionRef& value, const plan::ExpressionRef& element,
                                bool anti) {
  plan::ExpressionRef equal = plan::call("=", {value, element}, DataType::boolean());
  if (!anti || (!value->type.nullable() && !element->type.nullable())) return equal;
  std::vector<plan::ExpressionRef> either = {equal};
  if (value->type.nullable()) {
    either.push_back(plan::call("IS NULL", {value}, DataType::boolean().notNull()));
  }
  if (element->type.nullable()) {
    either.push_back(plan::call("IS NULL", {element}, DataType::boolean().notNull()));
  }
  return plan::call("OR", either, DataType::boolean());
}

bool hasOuterRefs(const plan::ExpressionRef& e) {
  if (!e) return false;
  if (e->kind == plan::ExpressionKind::OuterRef) return true;
  for (const auto& operand : e->operands) {
    if (hasOuterRefs(operand)) return true;
  }
  return false;
}

bool subtreeHasOuterRefs(const plan::LogicalNode& node) {
  if (hasOuterRefs(node.condition)) return true;
  for (const auto& e : node.expressions) {
    if (hasOuterRefs(e)) return true;
  }
  for (const auto& input : node.inputs) {
    if (subtreeHasOuterRefs(*input)) return true;
  }
  return false;
}

// OuterRef i (a field of the outer row) -> $i; InputRef j of the subquery -> $(leftWidth + j).
plan::ExpressionRef toJoinCondition(const plan::ExpressionRef& e, int leftWidth) {
  if (e->kind == plan::ExpressionKind::OuterRef) return plan::inputRef(e->index, e->type);
  if (e->kind == plan::ExpressionKind::InputRef) return plan::inputRef(leftWidth + e->index, e->type);
  if (e->operands.empty()) return e;
  auto copy = std::make_shared<plan::BoundExpression>(*e);
  for (auto& operand : copy->operands) operand = toJoinCondition(operand, leftWidth);
  return copy;
}

// Splits a correlated subquery `Project <- Filter(correlated AND local) <- X` into X filtered by
// the local conditions, plus the correlated conditions for the join. Returns false when the
// correlation is anywhere else.
bool decorrelate(const plan::NodeRef& subquery, plan::NodeRef* input,
                 std::vector<plan::ExpressionRef>* correlated, plan::NodeFactory& nodes) {
  if (!subtreeHasOuterRefs(*subquery)) {
    *input = subquery;
    return true;
  }
  plan::NodeRef node = subquery;
  if (node->kind == plan::NodeKind::Project) node = node->inputs[0];
  if (node->kind != plan::NodeKind::Filter || subtreeHasOuterRefs(*node->inputs[0])) return false;
  std::vector<plan::ExpressionRef> local;
  for (const auto& conjunct : plan::conjunctions(node->condition)) {
    (hasOuterRefs(conjunct) ? *correlated : local).push_back(conjunct);
  }
  plan::NodeRef base = node->inputs[0];
  if (!local.empty()) {
    auto filter = nodes.make(plan::NodeKind::Filter);
    filter->inputs.push_back(base);
    filter->schema = base->schema;
    filter->condition = local.size() == 1 ? local[0] : plan::call("AND", local, DataType::boolean());
    base = filter;
  }
  *input = base;
  return true;
}

plan::NodeRef rewrite(const plan::NodeRef& node, plan::NodeFactory& nodes) {
  if (node->kind != plan::NodeKind::Filter) return node;
  plan::NodeRef current = node->inputs[0];
  std::vector<plan::ExpressionRef> remaining;
  bool changed = false;
  for (const auto& conjunct : plan::conjunctions(node->condition)) {
    bool negated = conjunct->kind == plan::ExpressionKind::Call && conjunct->name == "NOT" &&
                   conjunct->operands[0]->kind == plan::ExpressionKind::Subquery;
    const auto& e = negated ? conjunct->operands[0] : conjunct;
    bool isSubquery = e->kind == plan::ExpressionKind::Subquery &&
                      (e->name == "IN" || e->name == "NOT IN" || e->name == "EXISTS");
    if (!isSubquery) {
      remaining.push_back(conjunct);
      continue;
    }
    plan::NodeRef right;
    std::vector<plan::ExpressionRef> correlated;
    // IN keeps the subquery's projection: its columns are compared.
    bool keepProjection = e->name != "EXISTS";
    if (keepProjection ? subtreeHasOuterRefs(*e->subquery)
                       : !decorrelate(e->subquery, &right, &correlated, nodes)) {
      remaining.push_back(conjunct);
      continue;
    }
    if (keepProjection) right = e->subquery;
    int leftWidth = static_cast<int>(current->schema.size());
    std::vector<plan::ExpressionRef> condition;
    bool anti = negated != (e->name == "NOT IN");
    if (keepProjection) {
      // `(a, b) IN (SELECT x, y ..)` compares field by field.
      std::vector<plan::ExpressionRef> values = {e->operands[0]};
      const plan::ExpressionRef& value = e->operands[0];
      if (value->kind == plan::ExpressionKind::Call && value->name == "ROW" &&
          value->operands.size() == right->schema.size() && value->operands.size() > 1) {
        values = value->operands;
      }
      for (size_t i = 0; i < values.size(); ++i) {
        condition.push_back(
            inCondition(values[i], plan::inputRef(leftWidth + static_cast<int>(i), right->schema[i].type), anti));
      }
    }
    for (const auto& c : correlated) condition.push_back(toJoinCondition(c, leftWidth));
    auto join = nodes.make(plan::NodeKind::Join);
    join->joinKind = anti ? plan::JoinKind::Anti : plan::JoinKind::Semi;
    join->inputs = {current, right};
    join->schema = current->schema;
    join->condition = condition.empty() ? plan::literal("TRUE", DataType::boolean().notNull())
                      : condition.size() == 1 ? condition[0]
                                              : plan::call("AND", condition, DataType::boolean());
    // Equated window_start/window_end of two window TVF results make it a window semi/anti join.
    classifyJoin(*join, /*temporal=*/false);
    current = join;
    changed = true;
  }
  if (!changed) return node;
  if (remaining.empty()) return current;
  auto filter = nodes.make(plan::NodeKind::Filter);
  filter->inputs.push_back(current);
  filter->schema = current->schema;
  filter->condition = remaining.size() == 1 ? remaining[0]
                                            : plan::call("AND", remaining, DataType::boolean());
  return filter;
}

}  // namespace

plan::NodeRef rewriteSubqueriesToJoins(const plan::NodeRef& root, plan::NodeFactory& nodes) {
  return transformUp(root, [&](const plan::NodeRef& node) { return rewrite(node, nodes); });
}

}  // namespace sluice
