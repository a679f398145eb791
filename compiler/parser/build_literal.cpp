// Literals: numbers keep their text (the binder derives DECIMAL precision and scale from it),
// strings are decoded, datetime and interval literals keep their text and qualifier.
#include "compiler/parser/ast_builder.h"
#include "compiler/parser/time_unit.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

ast::ExpressionPtr AstBuilder::literal(P::LiteralContext* context) {
  auto result = std::make_unique<ast::Literal>(locationOf(context));
  if (dynamic_cast<P::NullLiteralContext*>(context) != nullptr) {
    result->literalKind = ast::LiteralKind::Null;
  } else if (dynamic_cast<P::BooleanLiteralContext*>(context) != nullptr) {
    result->literalKind = ast::LiteralKind::Boolean;
    result->text = toUpperAscii(context->getText());
  } else if (auto* c = dynamic_cast<P::NumericLiteralContext*>(context)) {
    result->literalKind = c->number()->DOUBLE_VALUE() != nullptr
                              ? ast::LiteralKind::ApproximateNumber
                              : ast::LiteralKind::ExactNumber;
    result->text = c->getText();
  } else if (auto* c = dynamic_cast<P::StringLiteralExpressionContext*>(context)) {
    result->literalKind = ast::LiteralKind::String;
    for (auto* part : c->stringLiteral()) result->text += stringLiteral(part);
  } else if (dynamic_cast<P::BinaryLiteralContext*>(context) != nullptr) {
    result->literalKind = ast::LiteralKind::Binary;
    std::string text = context->getText();
    result->text = text.substr(2, text.size() - 3);
    if (result->text.size() % 2 != 0) {
      throw UserError(result->location, "binary literal needs an even number of hex digits");
    }
  } else if (auto* c = dynamic_cast<P::DatetimeLiteralContext*>(context)) {
    switch (c->kind->getType()) {
      case P::DATE: result->literalKind = ast::LiteralKind::Date; break;
      case P::TIME: result->literalKind = ast::LiteralKind::Time; break;
      default: result->literalKind = ast::LiteralKind::Timestamp; break;
    }
    result->text = stringLiteral(c->stringLiteral());
  } else {
    return intervalLiteral(dynamic_cast<P::IntervalContext*>(context)->intervalLiteral());
  }
  return result;
}

std::unique_ptr<ast::Literal> AstBuilder::intervalLiteral(P::IntervalLiteralContext* context) {
  auto result = std::make_unique<ast::Literal>(locationOf(context));
  result->literalKind = ast::LiteralKind::Interval;
  result->negative = context->sign != nullptr && context->sign->getType() == P::MINUS_SIGN;
  result->text = context->stringLiteral() != nullptr ? stringLiteral(context->stringLiteral())
                                                     : context->number()->getText();
  auto* qualifier = context->intervalQualifier();
  auto unitOf = [](P::IdentifierContext* word) {
    auto unit = normalizeTimeUnit(identifier(word));
    static const char* kIntervalUnits[] = {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND",
                                           "QUARTER", "WEEK", "MILLISECOND", "MICROSECOND",
                                           "NANOSECOND"};
    bool allowed = false;
    for (const char* u : kIntervalUnits) allowed = allowed || (unit && *unit == u);
    if (!allowed) {
      throw UserError(locationOf(word), "unknown interval unit '" + identifier(word) +
                                            "'; expected YEAR, MONTH, DAY, HOUR, MINUTE or SECOND");
    }
    return *unit;
  };
  result->intervalFrom = unitOf(qualifier->from);
  if (qualifier->to != nullptr) result->intervalTo = unitOf(qualifier->to);
  return result;
}

}  // namespace sluice
