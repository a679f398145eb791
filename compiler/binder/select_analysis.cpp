#include "compiler/binder/select_analysis.h"

#include "compiler/parser/ast/ast_query.h"

namespace sluice {

static bool anyAggregate(const std::vector<ast::ExpressionPtr>& list, const FunctionLookup& registry) {
  for (const auto& e : list) {
    if (e && containsAggregate(*e, registry)) return true;
  }
  return false;
}

bool containsAggregate(const ast::Expression& expression, const FunctionLookup& registry) {
  using K = ast::ExpressionKind;
  switch (expression.kind) {
    case K::FunctionCall: {
      const auto& call = static_cast<const ast::FunctionCall&>(expression);
      bool windowed = call.over != nullptr || !call.overWindowName.empty();
      const FunctionDefinition* definition = registry(call.name);
      if (!windowed && definition != nullptr && definition->kind == FunctionKind::Aggregate) {
        return true;
      }
      return !windowed && anyAggregate(call.arguments, registry);
    }
    case K::FieldAccess:
      return containsAggregate(*static_cast<const ast::FieldAccess&>(expression).base, registry);
    case K::Subscript: {
      const auto& s = static_cast<const ast::Subscript&>(expression);
      return containsAggregate(*s.base, registry) || containsAggregate(*s.index, registry);
    }
    case K::Cast:
      return containsAggregate(*static_cast<const ast::Cast&>(expression).operand, registry);
    case K::Case: {
      const auto& c = static_cast<const ast::Case&>(expression);
      if (c.operand && containsAggregate(*c.operand, registry)) return true;
      if (c.elseResult && containsAggregate(*c.elseResult, registry)) return true;
      for (const auto& w : c.whens) {
        if (anyAggregate(w.conditions, registry) || containsAggregate(*w.result, registry)) return true;
      }
      return false;
    }
    case K::Unary:
      return containsAggregate(*static_cast<const ast::Unary&>(expression).operand, registry);
    case K::Binary: {
      const auto& b = static_cast<const ast::Binary&>(expression);
      return containsAggregate(*b.left, registry) || containsAggregate(*b.right, registry);
    }
    case K::IsPredicate:
      return containsAggregate(*static_cast<const ast::IsPredicate&>(expression).operand, registry);
    case K::Between: {
      const auto& b = static_cast<const ast::Between&>(expression);
      return containsAggregate(*b.operand, registry) || containsAggregate(*b.low, registry) ||
             containsAggregate(*b.high, registry);
    }
    case K::InList: {
      const auto& in = static_cast<const ast::InList&>(expression);
      return containsAggregate(*in.operand, registry) || anyAggregate(in.list, registry);
    }
    case K::InSubquery:
      return containsAggregate(*static_cast<const ast::InSubquery&>(expression).operand, registry);
    case K::Like: {
      const auto& l = static_cast<const ast::Like&>(expression);
      return containsAggregate(*l.operand, registry) || containsAggregate(*l.pattern, registry);
    }
    case K::ArrayConstructor:
    case K::MapConstructor:
    case K::RowConstructor:
      return anyAggregate(static_cast<const ast::Constructor&>(expression).elements, registry);
    default:
      return false;
  }
}

std::string outputName(const ast::Expression& expression, size_t position) {
  if (expression.kind == ast::ExpressionKind::ColumnReference) {
    return static_cast<const ast::ColumnReference&>(expression).parts.back();
  }
  if (expression.kind == ast::ExpressionKind::FieldAccess) {
    return static_cast<const ast::FieldAccess&>(expression).field;
  }
  return "EXPR$" + std::to_string(position);
}

}  // namespace sluice
