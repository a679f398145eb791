// Expression binding: names, operators, predicates, CASE, CAST, constructors. Function calls are
// in bind_call.cpp, subqueries in bind_subquery.cpp.
#include <fmt/format.h>

#include "compiler/binder/aggregation_state.h"
#include "compiler/binder/binder.h"
#include "compiler/binder/select_analysis.h"
#include "compiler/functions/type_rules.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

DataType materialized(const DataType& type) { return type.withTimeAttribute(TimeAttribute::None); }

static bool isLiteral(const ast::Expression& e) { return e.kind == ast::ExpressionKind::Literal; }

plan::ExpressionRef Binder::bindExpression(const ast::Expression& expression,
                                           ExpressionContext& context) {
  AggregationState* aggregation = context.aggregation;
  if (aggregation == nullptr || isLiteral(expression)) return bindKind(expression, context);

  // Inside an aggregating SELECT: an aggregate call, a window property, or an expression that
  // is grouped by becomes a reference to the aggregate's output.
  if (expression.kind == ast::ExpressionKind::FunctionCall) {
    const auto& call = static_cast<const ast::FunctionCall&>(expression);
    bool windowed = call.over != nullptr || !call.overWindowName.empty();
    const FunctionDefinition* definition = functionLookup()(call.name);
    bool isAggregate = definition != nullptr && definition->kind == FunctionKind::Aggregate;
    std::string upper = toUpperAscii(call.name);
    bool auxiliary = (upper.rfind("TUMBLE_", 0) == 0 || upper.rfind("HOP_", 0) == 0 ||
                      upper.rfind("SESSION_", 0) == 0);
    if (!windowed && (isAggregate || auxiliary)) {
      return functionCall(call, context);  // handles aggregates and TUMBLE_START & co.
    }
  }
  // An expression without aggregates may be one of the GROUP BY expressions as a whole.
  if (!containsAggregate(expression, functionLookup())) {
    ExpressionContext plain;
    plain.scope = aggregation->inputScope;
    plain.clause = context.clause;
    auto candidate = bindKind(expression, plain);
    int group = aggregation->groupIndex(candidate->digest());
    if (group >= 0) {
      return plan::inputRef(group, aggregation->groupExpressions[static_cast<size_t>(group)]->type);
    }
  }
  if (expression.kind == ast::ExpressionKind::ColumnReference) {
    const auto& column = static_cast<const ast::ColumnReference&>(expression);
    auto resolved = aggregation->inputScope->resolve(column.parts, column.location);
    // A column of an enclosing query is fine: it is constant within this aggregation.
    if (resolved && resolved->depth == 0) {
      std::string name;
      for (const auto& part : column.parts) name += (name.empty() ? "" : ".") + part;
      throw UserError(column.location, "expression '" + name + "' is not being grouped; add it "
                                       "to GROUP BY or use it inside an aggregate function");
    }
  }
  return bindKind(expression, context);
}

plan::ExpressionRef Binder::requireBoolean(plan::ExpressionRef expression, SourceLocation location,
                                           const char* clause) {
  TypeKind kind = expression->type.kind();
  if (kind != TypeKind::Boolean && kind != TypeKind::Null) {
    throw UserError(location, fmt::format("{} condition must be BOOLEAN, got {}", clause,
                                          expression->type.toString()));
  }
  return expression;
}

plan::ExpressionRef Binder::coerce(plan::ExpressionRef expression, const DataType& target) {
  if (expression->type.sameTypeIgnoringNullability(target)) return expression;
  return plan::cast(expression, target.withNullable(expression->type.nullable()));
}

plan::ExpressionRef Binder::fieldAccess(plan::ExpressionRef base, const std::string& field,
                                        SourceLocation location) {
  if (base->type.kind() != TypeKind::Row) {
    throw UserError(location, fmt::format("cannot access field '{}' of a value of type {}", field,
                                          base->type.toString()));
  }
  int index = base->type.fieldIndex(field);
  if (index < 0) {
    std::vector<std::string> names;
    for (const auto& f : base->type.fields()) names.push_back(f.name);
    std::string message = fmt::format("field '{}' not found in {}", field, base->type.toString());
    std::string near = nearestName(field, names);
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    throw UserError(location, message);
  }
  auto e = std::make_shared<plan::BoundExpression>();
  e->kind = plan::ExpressionKind::FieldAccess;
  e->index = index;
  const auto& f = base->type.fields()[static_cast<size_t>(index)];
  e->name = f.name;
  // A field of a nullable row is nullable.
  e->type = f.type->withNullable(f.type->nullable() || base->type.nullable());
  e->operands.push_back(std::move(base));
  return e;
}

plan::ExpressionRef Binder::columnReference(const ast::ColumnReference& column,
                                            ExpressionContext& context) {
  auto resolved = context.scope != nullptr ? context.scope->resolve(column.parts, column.location)
                                           : std::nullopt;
  if (!resolved) {
    // CURRENT_TIMESTAMP, LOCALTIME, ... are written without parentheses.
    if (column.parts.size() == 1) {
      const FunctionDefinition* function = catalog_.functions().find(column.parts[0]);
      if (function != nullptr && function->callableWithoutParentheses) {
        return typedCall(toUpperAscii(column.parts[0]), function, {}, {}, column.location);
      }
    }
    std::string name;
    for (const auto& part : column.parts) name += (name.empty() ? "" : ".") + part;
    std::string message = "column '" + name + "' not found";
    std::vector<std::string> candidates = context.scope != nullptr ? context.scope->names()
                                                                   : std::vector<std::string>{};
    SourceLocation location = column.location;
    if (column.parts.size() >= 2 && context.scope != nullptr &&
        !context.scope->hasQualifier(column.parts[0]) &&
        !context.scope->resolve({column.parts[0]}, column.location)) {
      message = "table or alias '" + column.parts[0] + "' not found";
    } else if (column.parts.size() >= 2 && context.scope != nullptr &&
               context.scope->hasQualifier(column.parts[0])) {
      location = column.partLocations[1];
      message = "column '" + column.parts[1] + "' not found in '" + column.parts[0] + "'";
      std::vector<std::string> names;
      for (int i : context.scope->fieldsOf(column.parts[0])) {
        names.push_back(context.scope->fields()[static_cast<size_t>(i)].name);
      }
      std::string near = nearestName(column.parts[1], names);
      if (!near.empty()) message += "; did you mean '" + near + "'?";
    } else {
      std::string near = nearestName(column.parts.back(), candidates);
      if (!near.empty()) message += "; did you mean '" + near + "'?";
    }
    throw UserError(location, message);
  }
  plan::ExpressionRef result;
  if (resolved->depth == 0) {
    result = plan::inputRef(resolved->index, resolved->type);
  } else {
    auto outer = std::make_shared<plan::BoundExpression>();
    outer->kind = plan::ExpressionKind::OuterRef;
    outer->index = resolved->index;
    outer->type = resolved->type;
    result = outer;
  }
  for (size_t i = resolved->partsUsed; i < column.parts.size(); ++i) {
    result = fieldAccess(result, column.parts[i], column.partLocations[i]);
  }
  return result;
}

static const char* operatorName(ast::BinaryOperator op) { return ast::binaryOperatorSymbol(op); }

plan::ExpressionRef Binder::binary(const ast::Binary& binary, ExpressionContext& context) {
  auto left = bindExpression(*binary.left, context);
  auto right = bindExpression(*binary.right, context);
  const char* name = operatorName(binary.op);
  switch (binary.op) {
    case ast::BinaryOperator::And:
    case ast::BinaryOperator::Or: {
      requireBoolean(left, binary.left->location, name);
      requireBoolean(right, binary.right->location, name);
      bool nullable = left->type.nullable() || right->type.nullable();
      return plan::call(name, {left, right}, DataType::boolean().withNullable(nullable));
    }
    case ast::BinaryOperator::Concat: {
      for (const auto* side : {&left, &right}) {
        TypeKind kind = (*side)->type.kind();
        if (!(*side)->type.isCharacterString() && !(*side)->type.isBinaryString() &&
            kind != TypeKind::Null) {
          throw UserError(binary.operatorLocation,
                          fmt::format("cannot apply '||' to arguments of type {} and {}",
                                      left->type.toString(), right->type.toString()));
        }
      }
      bool nullable = left->type.nullable() || right->type.nullable();
      DataType result = left->type.isBinaryString() ? DataType::bytes() : DataType::string();
      return plan::call("||", {left, right}, result.withNullable(nullable));
    }
    case ast::BinaryOperator::Plus:
    case ast::BinaryOperator::Minus:
    case ast::BinaryOperator::Multiply:
    case ast::BinaryOperator::Divide:
    case ast::BinaryOperator::Modulo: {
      static const ArithmeticOperator kOps[] = {ArithmeticOperator::Plus, ArithmeticOperator::Minus,
                                                ArithmeticOperator::Multiply,
                                                ArithmeticOperator::Divide, ArithmeticOperator::Modulo};
      auto typing = inferArithmetic(kOps[static_cast<int>(binary.op)], materialized(left->type),
                                    materialized(right->type));
      if (!typing.ok()) throw UserError(binary.location, typing.error());
      return plan::call(name, {coerce(left, typing->operandTypes[0]),
                               coerce(right, typing->operandTypes[1])},
                        typing->result);
    }
    default: {
      std::vector<DataType> types = {materialized(left->type), materialized(right->type)};
      auto typing = inferComparison(types);
      if (!typing.ok()) throw UserError(binary.operatorLocation, typing.error());
      DataType result = typing->result;
      if (binary.op == ast::BinaryOperator::IsDistinctFrom ||
          binary.op == ast::BinaryOperator::IsNotDistinctFrom) {
        result = result.notNull();
      }
      return plan::call(name, {coerce(left, typing->operandTypes[0]),
                               coerce(right, typing->operandTypes[1])},
                        result);
    }
  }
}

plan::ExpressionRef Binder::caseExpression(const ast::Case& expression, ExpressionContext& context) {
  std::vector<plan::ExpressionRef> operands;
  plan::ExpressionRef subject;
  if (expression.operand) subject = bindExpression(*expression.operand, context);
  std::vector<plan::ExpressionRef> results;
  for (const auto& when : expression.whens) {
    plan::ExpressionRef condition;
    for (const auto& value : when.conditions) {
      auto bound = bindExpression(*value, context);
      if (subject) {
        std::vector<DataType> types = {materialized(subject->type), materialized(bound->type)};
        auto typing = inferComparison(types);
        if (!typing.ok()) throw UserError(value->location, typing.error());
        bound = plan::call("=", {coerce(subject, typing->operandTypes[0]),
                                 coerce(bound, typing->operandTypes[1])},
                           typing->result);
      } else {
        requireBoolean(bound, value->location, "WHEN");
      }
      condition = condition ? plan::call("OR", {condition, bound}, DataType::boolean().withNullable(
                                                                       condition->type.nullable() || bound->type.nullable()))
                            : bound;
    }
    operands.push_back(condition);
    results.push_back(bindExpression(*when.result, context));
  }
  plan::ExpressionRef otherwise = expression.elseResult
                                      ? bindExpression(*expression.elseResult, context)
                                      : plan::literal("NULL", DataType::null());
  results.push_back(otherwise);
  std::vector<DataType> types;
  for (const auto& r : results) types.push_back(materialized(r->type));
  auto common = leastRestrictiveType(types);
  if (!common) {
    std::string list;
    for (const auto& t : types) list += (list.empty() ? "" : ", ") + t.toString();
    throw UserError(expression.location, "CASE branches have incompatible types: " + list);
  }
  std::vector<plan::ExpressionRef> all;
  for (size_t i = 0; i < operands.size(); ++i) {
    all.push_back(operands[i]);
    all.push_back(coerce(results[i], *common));
  }
  all.push_back(coerce(results.back(), *common));
  return plan::call("CASE", std::move(all), *common);
}

plan::ExpressionRef Binder::bindKind(const ast::Expression& expression, ExpressionContext& context) {
  switch (expression.kind) {
    case ast::ExpressionKind::Literal:
      return literal(static_cast<const ast::Literal&>(expression));
    case ast::ExpressionKind::ColumnReference:
      return columnReference(static_cast<const ast::ColumnReference&>(expression), context);
    case ast::ExpressionKind::FieldAccess: {
      const auto& access = static_cast<const ast::FieldAccess&>(expression);
      return fieldAccess(bindExpression(*access.base, context), access.field, access.location);
    }
    case ast::ExpressionKind::Subscript: {
      const auto& subscript = static_cast<const ast::Subscript&>(expression);
      auto base = bindExpression(*subscript.base, context);
      auto index = bindExpression(*subscript.index, context);
      if (base->type.kind() == TypeKind::Array) {
        if (!index->type.isInteger()) {
          throw UserError(subscript.index->location,
                          "array index must be an integer, got " + index->type.toString());
        }
        return plan::call("ITEM", {base, index}, base->type.elementType().withNullable(true));
      }
      if (base->type.kind() == TypeKind::Map) {
        if (!canCastImplicitly(index->type, base->type.keyType())) {
          throw UserError(subscript.index->location,
                          fmt::format("map key must be {}, got {}", base->type.keyType().toString(),
                                      index->type.toString()));
        }
        return plan::call("ITEM", {base, coerce(index, base->type.keyType())},
                          base->type.valueType().withNullable(true));
      }
      if (base->type.kind() == TypeKind::Row && index->type.isInteger()) {
        return plan::call("ITEM", {base, index}, DataType::null());
      }
      throw UserError(subscript.location,
                      "cannot subscript a value of type " + base->type.toString());
    }
    case ast::ExpressionKind::FunctionCall:
      return functionCall(static_cast<const ast::FunctionCall&>(expression), context);
    case ast::ExpressionKind::Cast: {
      const auto& castNode = static_cast<const ast::Cast&>(expression);
      auto operand = bindExpression(*castNode.operand, context);
      DataType target = resolveType(*castNode.target);
      if (!canCastExplicitly(materialized(operand->type), target)) {
        throw UserError(castNode.location, fmt::format("cannot cast {} to {}",
                                                       operand->type.toString(), target.toString()));
      }
      bool nullable = castNode.isTry || operand->type.nullable();
      return plan::cast(operand, target.withNullable(nullable), castNode.isTry);
    }
    case ast::ExpressionKind::Case:
      return caseExpression(static_cast<const ast::Case&>(expression), context);
    case ast::ExpressionKind::Unary: {
      const auto& unary = static_cast<const ast::Unary&>(expression);
      auto operand = bindExpression(*unary.operand, context);
      if (unary.op == ast::UnaryOperator::Not) {
        requireBoolean(operand, unary.operand->location, "NOT");
        return plan::call("NOT", {operand}, DataType::boolean().withNullable(operand->type.nullable()));
      }
      auto typing = inferNegation(materialized(operand->type));
      if (!typing.ok()) throw UserError(unary.location, typing.error());
      if (unary.op == ast::UnaryOperator::Plus) return operand;
      return plan::call("-", {operand}, typing->result);
    }
    case ast::ExpressionKind::Binary:
      return binary(static_cast<const ast::Binary&>(expression), context);
    case ast::ExpressionKind::IsPredicate: {
      const auto& is = static_cast<const ast::IsPredicate&>(expression);
      auto operand = bindExpression(*is.operand, context);
      static const char* kNames[] = {"IS NULL", "IS TRUE", "IS FALSE", "IS UNKNOWN", "IS JSON"};
      std::string name = kNames[static_cast<int>(is.test)];
      if ((is.test == ast::IsTest::True || is.test == ast::IsTest::False ||
           is.test == ast::IsTest::Unknown)) {
        requireBoolean(operand, is.operand->location, name.c_str());
      }
      if (is.test == ast::IsTest::Json && !operand->type.isCharacterString() &&
          operand->type.kind() != TypeKind::Null) {
        throw UserError(is.operand->location, "IS JSON needs a string, got " + operand->type.toString());
      }
      if (is.negated) name.insert(3, "NOT ");
      return plan::call(name, {operand}, DataType::boolean().notNull());
    }
    case ast::ExpressionKind::Between: {
      const auto& between = static_cast<const ast::Between&>(expression);
      auto operand = bindExpression(*between.operand, context);
      auto low = bindExpression(*between.low, context);
      auto high = bindExpression(*between.high, context);
      std::vector<DataType> types = {materialized(operand->type), materialized(low->type),
                                     materialized(high->type)};
      auto typing = inferComparison(types);
      if (!typing.ok()) throw UserError(between.location, typing.error());
      std::string name = std::string(between.negated ? "NOT " : "") + "BETWEEN" +
                         (between.symmetric ? " SYMMETRIC" : "");
      return plan::call(name, {coerce(operand, typing->operandTypes[0]),
                               coerce(low, typing->operandTypes[1]),
                               coerce(high, typing->operandTypes[2])},
                        typing->result);
    }
    case ast::ExpressionKind::InList: {
      const auto& in = static_cast<const ast::InList&>(expression);
      std::vector<plan::ExpressionRef> operands = {bindExpression(*in.operand, context)};
      for (const auto& item : in.list) operands.push_back(bindExpression(*item, context));
      std::vector<DataType> types;
      for (const auto& o : operands) types.push_back(materialized(o->type));
      auto typing = inferComparison(types);
      if (!typing.ok()) throw UserError(in.location, typing.error());
      for (size_t i = 0; i < operands.size(); ++i) {
        operands[i] = coerce(operands[i], typing->operandTypes[i]);
      }
      return plan::call(in.negated ? "NOT IN" : "IN", std::move(operands), typing->result);
    }
    case ast::ExpressionKind::InSubquery:
    case ast::ExpressionKind::Exists:
    case ast::ExpressionKind::ScalarSubquery:
    case ast::ExpressionKind::ArrayQuery:
      return subquery(expression, context);
    case ast::ExpressionKind::Like: {
      const auto& like = static_cast<const ast::Like&>(expression);
      std::vector<plan::ExpressionRef> operands = {bindExpression(*like.operand, context),
                                                   bindExpression(*like.pattern, context)};
      if (like.escape) operands.push_back(bindExpression(*like.escape, context));
      bool nullable = false;
      for (const auto& o : operands) {
        if (!o->type.isCharacterString() && o->type.kind() != TypeKind::Null) {
          throw UserError(like.location, fmt::format("{} needs string operands, got {}",
                                                     like.similar ? "SIMILAR TO" : "LIKE",
                                                     o->type.toString()));
        }
        nullable = nullable || o->type.nullable();
      }
      std::string name = std::string(like.negated ? "NOT " : "") + (like.similar ? "SIMILAR TO" : "LIKE");
      return plan::call(name, std::move(operands), DataType::boolean().withNullable(nullable));
    }
    case ast::ExpressionKind::ArrayConstructor:
    case ast::ExpressionKind::MapConstructor:
    case ast::ExpressionKind::RowConstructor: {
      const auto& constructor = static_cast<const ast::Constructor&>(expression);
      std::vector<plan::ExpressionRef> elements;
      for (const auto& e : constructor.elements) elements.push_back(bindExpression(*e, context));
      if (expression.kind == ast::ExpressionKind::RowConstructor) {
        std::vector<std::pair<std::string, DataType>> fields;
        for (size_t i = 0; i < elements.size(); ++i) {
          fields.emplace_back("EXPR$" + std::to_string(i), materialized(elements[i]->type));
        }
        return plan::call("ROW", std::move(elements), DataType::row(fields).notNull());
      }
      bool isMap = expression.kind == ast::ExpressionKind::MapConstructor;
      std::vector<DataType> keys, values;
      for (size_t i = 0; i < elements.size(); ++i) {
        ((isMap && i % 2 == 0) || !isMap ? keys : values).push_back(materialized(elements[i]->type));
      }
      auto key = keys.empty() ? std::optional<DataType>(DataType::null()) : leastRestrictiveType(keys);
      auto value = isMap ? leastRestrictiveType(values) : std::optional<DataType>(DataType::null());
      if (!key || !value) {
        throw UserError(expression.location, std::string(isMap ? "MAP" : "ARRAY") +
                                                 " elements have incompatible types");
      }
      for (size_t i = 0; i < elements.size(); ++i) {
        elements[i] = coerce(elements[i], (isMap && i % 2 == 1) ? *value : *key);
      }
      DataType type = isMap ? DataType::map(*key, *value) : DataType::array(*key);
      return plan::call(isMap ? "MAP" : "ARRAY", std::move(elements), type.notNull());
    }
    case ast::ExpressionKind::Symbol: {
      auto e = std::make_shared<plan::BoundExpression>();
      e->kind = plan::ExpressionKind::Symbol;
      e->name = static_cast<const ast::Symbol&>(expression).name;
      e->type = DataType::symbol();
      return e;
    }
    case ast::ExpressionKind::Descriptor:
      throw UserError(expression.location,
                      "DESCRIPTOR(..) is only allowed as an argument of a window table function");
    case ast::ExpressionKind::TableArgument:
      throw UserError(expression.location,
                      "TABLE t is only allowed as an argument of a table function");
    case ast::ExpressionKind::NamedArgument:
      throw UserError(expression.location,
                      "named arguments (name => value) are only supported by window table functions");
  }
  throw UserError(expression.location, "unsupported expression");
}

}  // namespace sluice
