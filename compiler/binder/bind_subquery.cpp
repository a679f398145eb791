// Subqueries in expressions: scalar, IN, EXISTS and ARRAY(SELECT ..). They are bound with the
// current scope as their outer scope, so correlated references become OuterRefs; the optimizer
// turns IN / EXISTS in conditions into semi and anti joins.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/functions/type_rules.h"

namespace sluice {

plan::ExpressionRef Binder::subquery(const ast::Expression& expression, ExpressionContext& context) {
  auto e = std::make_shared<plan::BoundExpression>();
  e->kind = plan::ExpressionKind::Subquery;
  switch (expression.kind) {
    case ast::ExpressionKind::ScalarSubquery: {
      const auto& scalar = static_cast<const ast::ScalarSubquery&>(expression);
      BoundRelation bound = query(*scalar.query, context.scope);
      if (bound.node->schema.size() != 1) {
        throw UserError(expression.location, fmt::format("a scalar subquery must return one "
                                                         "column, this one returns {}",
                                                         bound.node->schema.size()));
      }
      e->name = "$SCALAR_QUERY";
      e->subquery = bound.node;
      e->type = materialized(bound.node->schema[0].type).withNullable(true);
      return e;
    }
    case ast::ExpressionKind::ArrayQuery: {
      const auto& array = static_cast<const ast::ArrayQuery&>(expression);
      BoundRelation bound = query(*array.query, context.scope);
      if (bound.node->schema.size() != 1) {
        throw UserError(expression.location, "ARRAY(SELECT ..) must select one column");
      }
      e->name = "ARRAY";
      e->subquery = bound.node;
      e->type = DataType::array(materialized(bound.node->schema[0].type)).notNull();
      return e;
    }
    case ast::ExpressionKind::Exists: {
      const auto& exists = static_cast<const ast::Exists&>(expression);
      e->name = "EXISTS";
      e->subquery = query(*exists.query, context.scope).node;
      e->type = DataType::boolean().notNull();
      return e;
    }
    default: break;
  }
  const auto& in = static_cast<const ast::InSubquery&>(expression);
  auto operand = bindExpression(*in.operand, context);
  if (!in.quantifiedComparison.empty()) {
    BoundRelation bound = query(*in.query, context.scope);
    if (bound.node->schema.size() != 1) {
      throw UserError(in.query->location, in.quantifiedComparison + " needs a subquery of one column");
    }
    std::vector<DataType> types = {materialized(operand->type), materialized(bound.node->schema[0].type)};
    auto typing = inferComparison(types);
    if (!typing.ok()) throw UserError(in.location, typing.error());
    e->name = in.quantifiedComparison;
    e->operands.push_back(coerce(operand, typing->operandTypes[0]));
    e->subquery = bound.node;
    e->type = DataType::boolean();
    return e;
  }
  BoundRelation bound = query(*in.query, context.scope);
  size_t width = operand->type.kind() == TypeKind::Row && in.operand->kind == ast::ExpressionKind::RowConstructor
                     ? operand->type.fields().size()
                     : 1;
  if (bound.node->schema.size() != width) {
    throw UserError(in.query->location, fmt::format("the subquery of IN must return {} column(s), "
                                                    "this one returns {}", width,
                                                    bound.node->schema.size()));
  }
  if (width == 1) {
    std::vector<DataType> types = {materialized(operand->type),
                                   materialized(bound.node->schema[0].type)};
    auto typing = inferComparison(types);
    if (!typing.ok()) throw UserError(in.location, typing.error());
    operand = coerce(operand, typing->operandTypes[0]);
  }
  e->name = in.negated ? "NOT IN" : "IN";
  e->operands.push_back(operand);
  e->subquery = bound.node;
  bool nullable = operand->type.nullable() || bound.node->schema[0].type.nullable();
  e->type = DataType::boolean().withNullable(nullable);
  return e;
}

}  // namespace sluice
