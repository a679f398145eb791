#include "compiler/plan/bound_expression.h"

#include <algorithm>

#include "compiler/plan/logical_plan.h"

namespace sluice::plan {

std::string BoundExpression::digest() const {
  switch (kind) {
    case ExpressionKind::InputRef: return "$" + std::to_string(index);
    case ExpressionKind::OuterRef: return "$cor." + std::to_string(index);
    case ExpressionKind::Literal: return name;
    case ExpressionKind::Symbol: return name;
    case ExpressionKind::FieldAccess: return operands[0]->digest() + "." + name;
    case ExpressionKind::Cast:
      return name + "(" + operands[0]->digest() + " AS " + type.toString() + ")";
    case ExpressionKind::Subquery: {
      std::string out = name + "(";
      for (const auto& operand : operands) out += operand->digest() + ", ";
      return out + "{subquery #" + std::to_string(subquery ? subquery->id : 0) + "})";
    }
    case ExpressionKind::Call:
    case ExpressionKind::OverCall: {
      std::string out = name + "(";
      if (distinct) out += "DISTINCT ";
      for (size_t i = 0; i < operands.size(); ++i) {
        if (i > 0) out += ", ";
        out += operands[i]->digest();
      }
      out += ")";
      if (kind == ExpressionKind::OverCall && over) {
        out += " OVER (";
        std::string inner;
        if (!over->partitionBy.empty()) {
          inner += "PARTITION BY ";
          for (size_t i = 0; i < over->partitionBy.size(); ++i) {
            inner += (i > 0 ? ", " : "") + over->partitionBy[i]->digest();
          }
        }
        if (!over->orderBy.empty()) {
          inner += inner.empty() ? "ORDER BY " : " ORDER BY ";
          for (size_t i = 0; i < over->orderBy.size(); ++i) {
            inner += (i > 0 ? ", " : "") + over->orderBy[i].first->digest() +
                     (over->orderBy[i].second ? " DESC" : "");
          }
        }
        if (!over->frame.empty()) inner += (inner.empty() ? "" : " ") + over->frame;
        out += inner + ")";
      }
      return out;
    }
  }
  return "?";
}

ExpressionRef inputRef(int index, DataType type) {
  auto e = std::make_shared<BoundExpression>();
  e->kind = ExpressionKind::InputRef;
  e->index = index;
  e->type = std::move(type);
  return e;
}

ExpressionRef literal(std::string text, DataType type, std::optional<std::string> value) {
  auto e = std::make_shared<BoundExpression>();
  e->kind = ExpressionKind::Literal;
  e->name = std::move(text);
  e->literalValue = std::move(value);
  e->type = std::move(type);
  return e;
}

ExpressionRef call(std::string name, std::vector<ExpressionRef> operands, DataType type,
                   const FunctionDefinition* function) {
  auto e = std::make_shared<BoundExpression>();
  e->kind = ExpressionKind::Call;
  e->name = std::move(name);
  e->operands = std::move(operands);
  e->type = std::move(type);
  e->function = function;
  return e;
}

ExpressionRef cast(ExpressionRef operand, DataType type, bool isTry) {
  auto e = std::make_shared<BoundExpression>();
  e->kind = ExpressionKind::Cast;
  e->name = isTry ? "TRY_CAST" : "CAST";
  e->operands.push_back(std::move(operand));
  e->type = std::move(type);
  return e;
}

std::vector<ExpressionRef> conjunctions(const ExpressionRef& condition) {
  std::vector<ExpressionRef> out;
  if (!condition) return out;
  if (condition->kind == ExpressionKind::Call && condition->name == "AND") {
    for (const auto& operand : condition->operands) {
      auto inner = conjunctions(operand);
      out.insert(out.end(), inner.begin(), inner.end());
    }
    return out;
  }
  out.push_back(condition);
  return out;
}

ExpressionRef conjunction(const std::vector<ExpressionRef>& parts) {
  if (parts.empty()) return literal("TRUE", DataType::boolean().notNull());
  if (parts.size() == 1) return parts[0];
  return call("AND", parts, DataType::boolean());
}

bool isDeterministicRowExpression(const ExpressionRef& e) {
  switch (e->kind) {
    case ExpressionKind::OuterRef:
    case ExpressionKind::Subquery:
    case ExpressionKind::OverCall: return false;
    case ExpressionKind::Call:
      if (e->function != nullptr && !e->function->deterministic) return false;
      break;
    default: break;
  }
  return std::all_of(e->operands.begin(), e->operands.end(), isDeterministicRowExpression);
}

void collectInputRefs(const ExpressionRef& expression, std::vector<int>& indexes) {
  if (!expression) return;
  if (expression->kind == ExpressionKind::InputRef) indexes.push_back(expression->index);
  for (const auto& operand : expression->operands) collectInputRefs(operand, indexes);
  if (expression->over) {
    for (const auto& e : expression->over->partitionBy) collectInputRefs(e, indexes);
    for (const auto& e : expression->over->orderBy) collectInputRefs(e.first, indexes);
  }
}

bool referencesOnly(const ExpressionRef& expression, int begin, int end) {
  std::vector<int> indexes;
  collectInputRefs(expression, indexes);
  return std::all_of(indexes.begin(), indexes.end(),
                     [&](int i) { return i >= begin && i < end; });
}

}  // namespace sluice::plan
