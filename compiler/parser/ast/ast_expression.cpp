#include "compiler/parser/ast/ast_expression.h"

#include "compiler/parser/ast/ast_query.h"

namespace sluice::ast {

InSubquery::InSubquery(SourceLocation location) : Expression(ExpressionKind::InSubquery, location) {}
Exists::Exists(SourceLocation location) : Expression(ExpressionKind::Exists, location) {}
ScalarSubquery::ScalarSubquery(SourceLocation location) : Expression(ExpressionKind::ScalarSubquery, location) {}
ArrayQuery::ArrayQuery(SourceLocation location) : Expression(ExpressionKind::ArrayQuery, location) {}
InSubquery::~InSubquery() = default;
Exists::~Exists() = default;
ScalarSubquery::~ScalarSubquery() = default;
ArrayQuery::~ArrayQuery() = default;

const char* binaryOperatorSymbol(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Plus: return "+";
    case BinaryOperator::Minus: return "-";
    case BinaryOperator::Multiply: return "*";
    case BinaryOperator::Divide: return "/";
    case BinaryOperator::Modulo: return "%";
    case BinaryOperator::Concat: return "||";
    case BinaryOperator::Equal: return "=";
    case BinaryOperator::NotEqual: return "<>";
    case BinaryOperator::Less: return "<";
    case BinaryOperator::LessEqual: return "<=";
    case BinaryOperator::Greater: return ">";
    case BinaryOperator::GreaterEqual: return ">=";
    case BinaryOperator::IsDistinctFrom: return "IS DISTINCT FROM";
    case BinaryOperator::IsNotDistinctFrom: return "IS NOT DISTINCT FROM";
    case BinaryOperator::And: return "AND";
    case BinaryOperator::Or: return "OR";
  }
  return "?";
}

}  // namespace sluice::ast
