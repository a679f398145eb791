// Operators, predicates, column references, function calls and OVER windows.
#include "compiler/parser/ast_builder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

template <typename T>
static std::unique_ptr<T> node(SourceLocation location) {
  return std::make_unique<T>(location);
}

ast::ExpressionPtr AstBuilder::expression(P::ExpressionContext* context) {
  return booleanExpression(context->booleanExpression());
}

ast::ExpressionPtr AstBuilder::booleanExpression(P::BooleanExpressionContext* context) {
  if (auto* c = dynamic_cast<P::PredicatedContext*>(context)) {
    auto value = valueExpression(c->valueExpression());
    if (c->predicate() == nullptr) return value;
    return predicate(std::move(value), c->predicate());
  }
  if (auto* c = dynamic_cast<P::LogicalNotContext*>(context)) {
    auto result = node<ast::Unary>(locationOf(c));
    result->op = ast::UnaryOperator::Not;
    result->operand = booleanExpression(c->booleanExpression());
    return result;
  }
  if (auto* c = dynamic_cast<P::ExistsContext*>(context)) {
    auto result = node<ast::Exists>(locationOf(c));
    result->query = query(c->query());
    return result;
  }
  auto* c = dynamic_cast<P::LogicalBinaryContext*>(context);
  auto result = node<ast::Binary>(locationOf(c));
  result->op = c->op->getType() == P::AND ? ast::BinaryOperator::And : ast::BinaryOperator::Or;
  result->operatorLocation = locationOf(c->op);
  result->left = booleanExpression(c->left);
  result->right = booleanExpression(c->right);
  return result;
}

ast::ExpressionPtr AstBuilder::predicate(ast::ExpressionPtr operand, P::PredicateContext* context) {
  SourceLocation location = operand->location;
  bool negated = context->NOT() != nullptr;
  if (context->quantifier != nullptr) {
    auto result = node<ast::InSubquery>(location);
    result->operand = std::move(operand);
    result->query = query(context->query());
    std::string quantifier = toUpperAscii(context->quantifier->getText());
    result->quantifiedComparison = context->comparisonOperator()->getText() + " " +
                                   (quantifier == "SOME" ? "ANY" : quantifier);
    return result;
  }
  switch (context->kind->getType()) {
    case P::OVERLAPS: {
      auto result = node<ast::FunctionCall>(location);
      result->name = "OVERLAPS";
      result->arguments.push_back(std::move(operand));
      result->arguments.push_back(valueExpression(context->right));
      return result;
    }
    case P::BETWEEN: {
      auto result = node<ast::Between>(location);
      result->operand = std::move(operand);
      result->low = valueExpression(context->lower);
      result->high = valueExpression(context->upper);
      result->negated = negated;
      result->symmetric = context->symmetry != nullptr && context->symmetry->getType() == P::SYMMETRIC;
      return result;
    }
    case P::IN: {
      if (context->query() != nullptr) {
        auto result = node<ast::InSubquery>(location);
        result->operand = std::move(operand);
        result->query = query(context->query());
        result->negated = negated;
        return result;
      }
      auto result = node<ast::InList>(location);
      result->operand = std::move(operand);
      for (auto* e : context->expression()) result->list.push_back(expression(e));
      result->negated = negated;
      return result;
    }
    case P::LIKE:
    case P::SIMILAR: {
      auto result = node<ast::Like>(location);
      result->operand = std::move(operand);
      result->pattern = valueExpression(context->pattern);
      if (context->escape != nullptr) result->escape = valueExpression(context->escape);
      result->negated = negated;
      result->similar = context->kind->getType() == P::SIMILAR;
      return result;
    }
    case P::DISTINCT: {
      auto result = node<ast::Binary>(location);
      result->op = negated ? ast::BinaryOperator::IsNotDistinctFrom
                           : ast::BinaryOperator::IsDistinctFrom;
      result->operatorLocation = locationOf(context);
      result->left = std::move(operand);
      result->right = valueExpression(context->right);
      return result;
    }
    default: break;
  }
  auto result = node<ast::IsPredicate>(location);
  result->operand = std::move(operand);
  result->negated = negated;
  switch (context->kind->getType()) {
    case P::NULL_: result->test = ast::IsTest::Null; break;
    case P::TRUE: result->test = ast::IsTest::True; break;
    case P::FALSE: result->test = ast::IsTest::False; break;
    case P::UNKNOWN: result->test = ast::IsTest::Unknown; break;
    default: result->test = ast::IsTest::Json; break;
  }
  return result;
}

static ast::BinaryOperator arithmeticOperator(size_t tokenType) {
  switch (tokenType) {
    case grammar::FlinkSqlParser::ASTERISK: return ast::BinaryOperator::Multiply;
    case grammar::FlinkSqlParser::SLASH: return ast::BinaryOperator::Divide;
    case grammar::FlinkSqlParser::PERCENT: return ast::BinaryOperator::Modulo;
    case grammar::FlinkSqlParser::PLUS: return ast::BinaryOperator::Plus;
    case grammar::FlinkSqlParser::MINUS_SIGN: return ast::BinaryOperator::Minus;
    default: return ast::BinaryOperator::Concat;
  }
}

static ast::BinaryOperator comparisonOperator(grammar::FlinkSqlParser::ComparisonOperatorContext* c) {
  if (c->EQ() != nullptr || c->DOUBLE_EQ() != nullptr) return ast::BinaryOperator::Equal;
  if (c->NEQ() != nullptr || c->BANG_EQ() != nullptr) return ast::BinaryOperator::NotEqual;
  if (c->LT() != nullptr) return ast::BinaryOperator::Less;
  if (c->LTE() != nullptr) return ast::BinaryOperator::LessEqual;
  if (c->GT() != nullptr) return ast::BinaryOperator::Greater;
  return ast::BinaryOperator::GreaterEqual;
}

ast::ExpressionPtr AstBuilder::valueExpression(P::ValueExpressionContext* context) {
  if (auto* c = dynamic_cast<P::ValueDefaultContext*>(context)) {
    return primaryExpression(c->primaryExpression());
  }
  if (auto* c = dynamic_cast<P::ArithmeticUnaryContext*>(context)) {
    auto operand = valueExpression(c->valueExpression());
    // Fold the sign into numeric literals so -9223372036854775808 stays a BIGINT literal.
    auto* literalOperand = dynamic_cast<ast::Literal*>(operand.get());
    if (c->op->getType() == P::MINUS_SIGN && literalOperand != nullptr &&
        (literalOperand->literalKind == ast::LiteralKind::ExactNumber ||
         literalOperand->literalKind == ast::LiteralKind::ApproximateNumber) &&
        literalOperand->text.front() != '-') {
      literalOperand->text = "-" + literalOperand->text;
      literalOperand->location = locationOf(c);
      return operand;
    }
    auto result = node<ast::Unary>(locationOf(c));
    result->op = c->op->getType() == P::MINUS_SIGN ? ast::UnaryOperator::Minus
                                                   : ast::UnaryOperator::Plus;
    result->operand = std::move(operand);
    return result;
  }
  if (auto* c = dynamic_cast<P::ArithmeticBinaryContext*>(context)) {
    auto result = node<ast::Binary>(locationOf(c));
    result->op = arithmeticOperator(c->op->getType());
    result->operatorLocation = locationOf(c->op);
    result->left = valueExpression(c->left);
    result->right = valueExpression(c->right);
    return result;
  }
  auto* c = dynamic_cast<P::ComparisonContext*>(context);
  auto result = node<ast::Binary>(locationOf(c));
  result->op = comparisonOperator(c->comparisonOperator());
  result->operatorLocation = locationOf(c->comparisonOperator());
  result->left = valueExpression(c->left);
  result->right = valueExpression(c->right);
  return result;
}

ast::ExpressionPtr AstBuilder::primaryExpression(P::PrimaryExpressionContext* context) {
  if (auto* c = dynamic_cast<P::ColumnReferenceContext*>(context)) {
    auto result = node<ast::ColumnReference>(locationOf(c));
    result->parts.push_back(identifier(c->identifier()));
    result->partLocations.push_back(locationOf(c));
    return result;
  }
  if (auto* c = dynamic_cast<P::DereferenceContext*>(context)) {
    auto base = primaryExpression(c->base);
    // a.b.c stays one column reference; the binder decides where the table name ends.
    if (base->kind == ast::ExpressionKind::ColumnReference) {
      auto* column = static_cast<ast::ColumnReference*>(base.get());
      column->parts.push_back(identifier(c->field));
      column->partLocations.push_back(locationOf(c->field));
      return base;
    }
    auto result = node<ast::FieldAccess>(base->location);
    result->base = std::move(base);
    result->field = identifier(c->field);
    return result;
  }
  if (auto* c = dynamic_cast<P::SubscriptContext*>(context)) {
    auto result = node<ast::Subscript>(locationOf(c));
    result->base = primaryExpression(c->value);
    result->index = valueExpression(c->index);
    return result;
  }
  if (auto* c = dynamic_cast<P::ParenthesizedExpressionContext*>(context)) {
    return expression(c->expression());
  }
  if (auto* c = dynamic_cast<P::LiteralExpressionContext*>(context)) return literal(c->literal());
  if (auto* c = dynamic_cast<P::FunctionCallExpressionContext*>(context)) return functionCall(c);
  if (auto* c = dynamic_cast<P::CountStarContext*>(context)) {
    auto result = node<ast::FunctionCall>(locationOf(c));
    result->name = c->functionName()->getText();
    result->star = true;
    if (c->filterClause() != nullptr) {
      result->filter = booleanExpression(c->filterClause()->booleanExpression());
    }
    if (auto* over = c->overClause()) {
      if (over->windowName != nullptr) result->overWindowName = identifier(over->windowName);
      if (over->windowSpecification() != nullptr) {
        result->over = windowSpecification(over->windowSpecification());
      }
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::ScalarSubqueryContext*>(context)) {
    auto result = node<ast::ScalarSubquery>(locationOf(c));
    result->query = query(c->query());
    return result;
  }
  if (auto* c = dynamic_cast<P::CaseExpressionContext*>(context)) {
    auto result = node<ast::Case>(locationOf(c));
    if (c->operand != nullptr) result->operand = expression(c->operand);
    for (auto* when : c->whenClause()) {
      ast::WhenClause clause;
      for (auto* condition : when->conditions) clause.conditions.push_back(expression(condition));
      if (clause.conditions.size() > 1 && c->operand == nullptr) {
        throw UserError(locationOf(when), "a searched CASE takes one condition per WHEN");
      }
      clause.result = expression(when->result);
      result->whens.push_back(std::move(clause));
    }
    if (c->elseValue != nullptr) result->elseResult = expression(c->elseValue);
    return result;
  }
  if (auto* c = dynamic_cast<P::CastContext*>(context)) {
    auto result = node<ast::Cast>(locationOf(c));
    result->operand = expression(c->expression());
    result->target = dataType(c->dataType());
    result->isTry = c->castKind->getType() == P::TRY_CAST;
    return result;
  }
  return specialForm(context);
}

ast::ExpressionPtr AstBuilder::functionCall(P::FunctionCallExpressionContext* context) {
  auto result = node<ast::FunctionCall>(locationOf(context));
  result->name = context->functionName()->getText();
  if (context->functionName()->qualifiedName() != nullptr) {
    std::string name;
    for (const auto& part : qualifiedName(context->functionName()->qualifiedName())) {
      name += (name.empty() ? "" : ".") + part;
    }
    result->name = name;
  }
  result->distinct = context->setQuantifier() != nullptr &&
                     context->setQuantifier()->DISTINCT() != nullptr;
  for (auto* argument : context->functionArgument()) {
    result->arguments.push_back(functionArgument(argument));
  }
  if (context->withinGroup() != nullptr) {
    result->withinGroup = orderBy(context->withinGroup()->orderByClause());
  }
  result->ignoreNulls = context->nullTreatment() != nullptr &&
                        context->nullTreatment()->IGNORE() != nullptr;
  if (context->filterClause() != nullptr) {
    result->filter = booleanExpression(context->filterClause()->booleanExpression());
  }
  if (auto* over = context->overClause()) {
    if (over->windowName != nullptr) result->overWindowName = identifier(over->windowName);
    if (over->windowSpecification() != nullptr) {
      result->over = windowSpecification(over->windowSpecification());
    }
  }
  return result;
}

std::unique_ptr<ast::FunctionCall> AstBuilder::plainFunctionCall(P::FunctionCallContext* context) {
  auto result = node<ast::FunctionCall>(locationOf(context));
  result->name = context->functionName()->getText();
  for (auto* argument : context->functionArgument()) {
    result->arguments.push_back(functionArgument(argument));
  }
  return result;
}

ast::ExpressionPtr AstBuilder::functionArgument(P::FunctionArgumentContext* context) {
  if (auto* c = dynamic_cast<P::NamedArgumentContext*>(context)) {
    auto result = node<ast::NamedArgument>(locationOf(c));
    result->name = toUpperAscii(identifier(c->name));
    result->value = functionArgument(c->functionArgument());
    return result;
  }
  if (auto* c = dynamic_cast<P::TableArgumentContext*>(context)) {
    auto result = node<ast::TableArgument>(locationOf(c));
    result->tableName = qualifiedName(c->qualifiedName());
    for (auto* e : c->expression()) result->partitionBy.push_back(expression(e));
    for (auto* item : c->sortItem()) result->orderBy.push_back(sortItem(item));
    return result;
  }
  return expression(dynamic_cast<P::ExpressionArgumentContext*>(context)->expression());
}

std::unique_ptr<ast::WindowSpecification> AstBuilder::windowSpecification(
    P::WindowSpecificationContext* context) {
  auto window = std::make_unique<ast::WindowSpecification>();
  window->location = locationOf(context);
  if (context->baseWindow != nullptr) window->baseWindow = identifier(context->baseWindow);
  for (auto* e : context->expression()) window->partitionBy.push_back(expression(e));
  if (context->orderByClause() != nullptr) window->orderBy = orderBy(context->orderByClause());
  if (auto* frame = context->windowFrame()) {
    window->frameType = frame->frameType->getType() == P::ROWS ? ast::FrameType::Rows
                                                                : ast::FrameType::Range;
    window->frameStart = frameBound(frame->start);
    if (frame->end != nullptr) {
      window->frameEnd = frameBound(frame->end);
      window->hasFrameEnd = true;
    }
  }
  return window;
}

ast::FrameBound AstBuilder::frameBound(P::FrameBoundContext* context) {
  ast::FrameBound bound;
  bound.location = locationOf(context);
  bool preceding = context->direction != nullptr && context->direction->getType() == P::PRECEDING;
  if (context->UNBOUNDED() != nullptr) {
    bound.kind = preceding ? ast::FrameBoundKind::UnboundedPreceding
                           : ast::FrameBoundKind::UnboundedFollowing;
  } else if (context->CURRENT() != nullptr) {
    bound.kind = ast::FrameBoundKind::CurrentRow;
  } else {
    bound.kind = preceding ? ast::FrameBoundKind::Preceding : ast::FrameBoundKind::Following;
    bound.offset = expression(context->expression());
  }
  return bound;
}

}  // namespace sluice
