#include "compiler/physical/expression_lowering.h"

#include <set>

namespace sluice::physical {
namespace {

using artifact::Expression;

DataType booleanLike(const DataType& type) { return DataType::boolean().withNullable(type.nullable()); }

Expression makeCall(std::string function, std::vector<Expression> arguments, DataType type) {
  return Expression::call(std::move(function), std::move(arguments), std::move(type));
}

Expression nullOf(const DataType& type) { return Expression::constant(std::nullopt, type); }

Expression trueLiteral() { return Expression::constant("TRUE", DataType::boolean().notNull()); }

Expression falseLiteral() {
  return Expression::constant("FALSE", DataType::boolean().notNull());
}

// x BETWEEN a AND b -> x >= a AND x <= b (NOT BETWEEN: x < a OR x > b).
Expression between(const std::vector<Expression>& args, bool negated, const DataType& type) {
  const DataType b = booleanLike(type);
  if (negated) {
    return makeCall("OR", {makeCall("<", {args[0], args[1]}, b), makeCall(">", {args[0], args[2]}, b)},
                    type);
  }
  return makeCall("AND", {makeCall(">=", {args[0], args[1]}, b), makeCall("<=", {args[0], args[2]}, b)},
                  type);
}

// x IN (a, b, ...) -> x = a OR x = b OR ..., keeping SQL's three-valued logic.
Expression inList(const std::vector<Expression>& args, const DataType& type) {
  std::optional<Expression> result;
  for (size_t i = 1; i < args.size(); ++i) {
    Expression equal = makeCall("=", {args[0], args[i]}, booleanLike(type));
    result = result ? makeCall("OR", {*result, equal}, type) : equal;
  }
  return *result;
}

// a IS NOT DISTINCT FROM b: equal, or both NULL; never NULL itself.
Expression notDistinct(const std::vector<Expression>& args) {
  const DataType b = DataType::boolean().notNull();
  Expression aNull = makeCall("IS NULL", {args[0]}, b);
  Expression bNull = makeCall("IS NULL", {args[1]}, b);
  return makeCall("CASE",
                  {makeCall("AND", {aNull, bNull}, b), trueLiteral(),
                   makeCall("OR", {aNull, bNull}, b), falseLiteral(),
                   makeCall("IS TRUE", {makeCall("=", args, DataType::boolean())}, b), trueLiteral(),
                   falseLiteral()},
                  b);
}

std::optional<Expression> rewriteCall(const std::string& name, std::vector<Expression> args,
                                      const DataType& type) {
  if (name == "BETWEEN" || name == "BETWEEN ASYMMETRIC") return between(args, false, type);
  if (name == "NOT BETWEEN" || name == "NOT BETWEEN ASYMMETRIC") return between(args, true, type);
  if (name == "BETWEEN SYMMETRIC" || name == "NOT BETWEEN SYMMETRIC") {
    const bool negated = name[0] == 'N';
    Expression forward = between(args, negated, type);
    Expression backward = between({args[0], args[2], args[1]}, negated, type);
    return makeCall(negated ? "AND" : "OR", {forward, backward}, type);
  }
  if (name == "IN") return inList(args, type);
  if (name == "NOT IN") return makeCall("NOT", {inList(args, type)}, type);
  if (name == "NULLIF") {
    Expression equal = makeCall("=", {args[0], args[1]}, DataType::boolean());
    return makeCall("CASE", {makeCall("IS TRUE", {equal}, DataType::boolean().notNull()),
                             nullOf(type), args[0]},
                    type);
  }
  if (name == "IF") {
    return makeCall("CASE", {makeCall("IS TRUE", {args[0]}, DataType::boolean().notNull()),
                             args[1], args[2]},
                    type);
  }
  if (name == "IFNULL") return makeCall("COALESCE", std::move(args), type);
  if (name == "IS NOT DISTINCT FROM") return notDistinct(args);
  if (name == "IS DISTINCT FROM") {
    return makeCall("NOT", {notDistinct(args)}, DataType::boolean().notNull());
  }
  if (name == "IS UNKNOWN") return makeCall("IS NULL", std::move(args), type);
  if (name == "IS NOT UNKNOWN") return makeCall("IS NOT NULL", std::move(args), type);
  if (name.rfind("NOT ", 0) == 0 && (name == "NOT LIKE" || name == "NOT SIMILAR TO")) {
    return makeCall("NOT", {makeCall(name.substr(4), std::move(args), type)}, type);
  }
  return std::nullopt;
}

// Functions that look at NULL arguments themselves instead of returning NULL for them.
bool seesNullArguments(const std::string& name) {
  return name == "CONCAT_WS" || name == "IS JSON" || name == "IS NOT JSON";
}

}  // namespace

bool isSpecialForm(const std::string& function) {
  static const std::set<std::string> kForms = {"AND",         "OR",      "NOT",      "IS NULL",
                                               "IS NOT NULL", "IS TRUE", "IS FALSE", "IS NOT TRUE",
                                               "IS NOT FALSE", "CASE",   "COALESCE"};
  return kForms.count(function) > 0;
}

namespace {

// The implicit casts the binder puts around numeric literals (`price > 100` over a BIGINT, `x *
// 0.5` over a DOUBLE) folded into a literal of the wider type, so no row pays for them. Only
// widenings whose result is the literal's own text read as the target type are folded.
std::optional<Expression> foldLiteralWidening(const Expression& operand, const DataType& target) {
  if (operand.kind != artifact::ExpressionKind::Literal || !operand.literal) return std::nullopt;
  const DataType& source = operand.type;
  const std::string& text = *operand.literal;
  const TypeKind to = target.kind();
  const bool toApproximate = to == TypeKind::Double || to == TypeKind::Float;
  bool exact = false;
  if (source.isInteger()) {
    const size_t digits = text.size() - (!text.empty() && text[0] == '-' ? 1 : 0);
    if (target.isInteger()) {
      exact = static_cast<int>(to) >= static_cast<int>(source.kind());
    } else if (to == TypeKind::Decimal) {
      exact = static_cast<int>(digits) <= target.precision() - target.scale();
    } else {
      exact = toApproximate;
    }
  } else if (source.kind() == TypeKind::Decimal) {
    // Parsing the decimal's text gives the nearest double, as BigDecimal.doubleValue() does.
    exact = toApproximate;
  }
  if (!exact) return std::nullopt;
  return Expression::constant(text, target);
}

}  // namespace

std::optional<Expression> lowerExpression(const plan::BoundExpression& e, std::string& unsupported) {
  switch (e.kind) {
    case plan::ExpressionKind::InputRef: return Expression::columnRef(e.index, e.type);
    case plan::ExpressionKind::Literal: {
      if (e.type.kind() == TypeKind::Null || e.name == "NULL") return nullOf(e.type);
      return Expression::constant(e.literalValue ? *e.literalValue : e.name, e.type);
    }
    case plan::ExpressionKind::Symbol: return Expression::constant(e.name, DataType::symbol().notNull());
    case plan::ExpressionKind::FieldAccess: {
      auto operand = lowerExpression(*e.operands[0], unsupported);
      if (!operand) return std::nullopt;
      Expression access;
      access.kind = artifact::ExpressionKind::FieldAccess;
      access.type = e.type;
      access.column = e.index;
      access.arguments.push_back(std::move(*operand));
      return access;
    }
    case plan::ExpressionKind::Cast: {
      auto operand = lowerExpression(*e.operands[0], unsupported);
      if (!operand) return std::nullopt;
      if (operand->type.kind() == TypeKind::Null) return nullOf(e.type);
      if (auto folded = foldLiteralWidening(*operand, e.type)) return folded;
      Expression cast;
      cast.kind = artifact::ExpressionKind::Cast;
      cast.type = e.type;
      cast.function = e.name;  // CAST or TRY_CAST
      cast.arguments.push_back(std::move(*operand));
      return cast;
    }
    case plan::ExpressionKind::Call: {
      std::vector<Expression> args;
      for (const auto& operand : e.operands) {
        // JSON_VALUE(.. RETURNING type): the result type already says it.
        if (operand->kind == plan::ExpressionKind::Literal && operand->name == "RETURNING") continue;
        auto lowered = lowerExpression(*operand, unsupported);
        if (!lowered) return std::nullopt;
        args.push_back(std::move(*lowered));
      }
      // A native function may bear the name of sugar (a temporary system function IF): its
      // calls are never rewritten.
      const bool native = e.function != nullptr && !e.function->nativeOverloads.empty();
      if (!native) {
        if (auto rewritten = rewriteCall(e.name, args, e.type)) return rewritten;
      }
      if (native || (!isSpecialForm(e.name) && !seesNullArguments(e.name))) {
        // An untyped NULL argument of a NULL-propagating function makes the call NULL.
        for (const Expression& argument : args) {
          if (argument.type.kind() == TypeKind::Null) return nullOf(e.type);
        }
      }
      return makeCall(e.name, std::move(args), e.type);
    }
    case plan::ExpressionKind::OuterRef:
      unsupported = "correlated subquery";
      return std::nullopt;
    case plan::ExpressionKind::Subquery:
      unsupported = "subquery expression " + e.name;
      return std::nullopt;
    case plan::ExpressionKind::OverCall:
      unsupported = "OVER aggregation";
      return std::nullopt;
  }
  unsupported = "expression";
  return std::nullopt;
}

Expression substituteColumns(const Expression& expression, const std::vector<Expression>& inputs) {
  if (expression.kind == artifact::ExpressionKind::Column) {
    Expression replaced = inputs[expression.column];
    replaced.type = replaced.type.withTimeAttribute(expression.type.timeAttribute());
    return replaced;
  }
  Expression copy = expression;
  for (Expression& argument : copy.arguments) argument = substituteColumns(argument, inputs);
  return copy;
}

}  // namespace sluice::physical
