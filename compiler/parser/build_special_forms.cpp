// SQL's keyword-shaped calls (EXTRACT(YEAR FROM ts), TRIM(BOTH 'x' FROM s), JSON_VALUE(..
// RETURNING INT), ...) become ordinary FunctionCalls whose keyword operands are Symbols, so the
// binder types them through the function registry like any call.
#include "compiler/parser/ast_builder.h"
#include "compiler/parser/time_unit.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

ast::ExpressionPtr AstBuilder::symbol(antlr4::ParserRuleContext* context, const std::string& name) {
  auto result = std::make_unique<ast::Symbol>(locationOf(context));
  result->name = name;
  return result;
}

static std::string timeUnit(grammar::FlinkSqlParser::IdentifierContext* context) {
  std::string word = AstBuilder::identifier(context);
  auto unit = normalizeTimeUnit(word);
  if (!unit) {
    throw UserError(AstBuilder::locationOf(context),
                    "unknown time unit '" + word + "'; expected YEAR, QUARTER, MONTH, WEEK, DAY, "
                    "HOUR, MINUTE, SECOND, MILLISECOND, ...");
  }
  return *unit;
}

static std::unique_ptr<ast::FunctionCall> call(SourceLocation location, std::string name) {
  auto result = std::make_unique<ast::FunctionCall>(location);
  result->name = std::move(name);
  return result;
}

static std::unique_ptr<ast::Constructor> constructor(ast::ExpressionKind kind,
                                                     SourceLocation location) {
  return std::make_unique<ast::Constructor>(kind, location);
}

ast::ExpressionPtr AstBuilder::specialForm(P::PrimaryExpressionContext* context) {
  SourceLocation location = locationOf(context);
  if (auto* c = dynamic_cast<P::ExtractContext*>(context)) {
    auto result = call(location, "EXTRACT");
    result->arguments.push_back(symbol(c->unit, timeUnit(c->unit)));
    result->arguments.push_back(valueExpression(c->valueExpression()));
    return result;
  }
  if (auto* c = dynamic_cast<P::PositionContext*>(context)) {
    auto result = call(location, "POSITION");
    result->arguments.push_back(valueExpression(c->needle));
    result->arguments.push_back(valueExpression(c->haystack));
    return result;
  }
  if (auto* c = dynamic_cast<P::TrimContext*>(context)) {
    // TRIM([BOTH|LEADING|TRAILING] [chars] FROM source) -> TRIM(side, chars, source)
    auto result = call(location, "TRIM");
    std::string side = c->side != nullptr ? toUpperAscii(c->side->getText()) : "BOTH";
    result->arguments.push_back(symbol(c, side));
    if (c->characters != nullptr) {
      result->arguments.push_back(valueExpression(c->characters));
    } else {
      auto space = std::make_unique<ast::Literal>(location);
      space->literalKind = ast::LiteralKind::String;
      space->text = " ";
      result->arguments.push_back(std::move(space));
    }
    result->arguments.push_back(valueExpression(c->source));
    return result;
  }
  if (auto* c = dynamic_cast<P::SubstringContext*>(context)) {
    auto result = call(location, "SUBSTRING");
    result->arguments.push_back(valueExpression(c->source));
    result->arguments.push_back(valueExpression(c->start));
    if (c->length != nullptr) result->arguments.push_back(valueExpression(c->length));
    return result;
  }
  if (auto* c = dynamic_cast<P::OverlayContext*>(context)) {
    auto result = call(location, "OVERLAY");
    result->arguments.push_back(valueExpression(c->source));
    result->arguments.push_back(valueExpression(c->replacement));
    result->arguments.push_back(valueExpression(c->start));
    if (c->length != nullptr) result->arguments.push_back(valueExpression(c->length));
    return result;
  }
  if (auto* c = dynamic_cast<P::FloorCeilToUnitContext*>(context)) {
    std::string name = c->name->getType() == P::FLOOR ? "FLOOR" : "CEIL";
    auto result = call(location, name);
    result->arguments.push_back(valueExpression(c->valueExpression()));
    result->arguments.push_back(symbol(c->unit, timeUnit(c->unit)));
    return result;
  }
  if (auto* c = dynamic_cast<P::TimestampArithmeticContext*>(context)) {
    auto result = call(location, toUpperAscii(c->name->getText()));
    result->arguments.push_back(symbol(c->unit, timeUnit(c->unit)));
    result->arguments.push_back(expression(c->first));
    result->arguments.push_back(expression(c->second));
    return result;
  }
  if (auto* c = dynamic_cast<P::JsonValueContext*>(context)) {
    auto result = call(location, "JSON_VALUE");
    result->arguments.push_back(expression(c->json));
    result->arguments.push_back(expression(c->path));
    if (c->dataType() != nullptr) result->returning = dataType(c->dataType());
    for (auto* behavior : c->jsonValueBehavior()) {
      if (behavior->expression() != nullptr) {
        // DEFAULT <expr> ON EMPTY|ERROR: the default value is a trailing operand.
        result->arguments.push_back(expression(behavior->expression()));
      }
      result->behaviors.push_back(toUpperAscii(behavior->getText()));
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::JsonQueryContext*>(context)) {
    auto result = call(location, "JSON_QUERY");
    result->arguments.push_back(expression(c->json));
    result->arguments.push_back(expression(c->path));
    if (c->jsonQueryWrapper() != nullptr) {
      result->behaviors.push_back(toUpperAscii(c->jsonQueryWrapper()->getText()));
    }
    for (auto* behavior : c->jsonQueryBehavior()) {
      result->behaviors.push_back(toUpperAscii(behavior->getText()));
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::JsonExistsContext*>(context)) {
    auto result = call(location, "JSON_EXISTS");
    result->arguments.push_back(expression(c->json));
    result->arguments.push_back(expression(c->path));
    if (c->jsonExistsBehavior != nullptr) {
      result->behaviors.push_back(toUpperAscii(c->jsonExistsBehavior->getText()) + " ON ERROR");
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::JsonObjectContext*>(context)) {
    auto result = call(location, "JSON_OBJECT");
    for (auto* pair : c->jsonKeyValue()) {
      result->arguments.push_back(expression(pair->key));
      result->arguments.push_back(expression(pair->value));
    }
    if (c->jsonNullClause() != nullptr) {
      result->behaviors.push_back(toUpperAscii(c->jsonNullClause()->getText()));
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::JsonArrayContext*>(context)) {
    auto result = call(location, "JSON_ARRAY");
    for (auto* e : c->expression()) result->arguments.push_back(expression(e));
    if (c->jsonNullClause() != nullptr) {
      result->behaviors.push_back(toUpperAscii(c->jsonNullClause()->getText()));
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::JsonObjectAggregateContext*>(context)) {
    // JSON_OBJECTAGG(KEY k VALUE v): an aggregate of two operands.
    auto result = call(location, toUpperAscii(identifier(c->aggregate)));
    result->arguments.push_back(expression(c->key));
    result->arguments.push_back(expression(c->value));
    if (c->jsonNullClause() != nullptr) {
      result->behaviors.push_back(toUpperAscii(c->jsonNullClause()->getText()));
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::JsonArrayAggregateContext*>(context)) {
    auto result = call(location, toUpperAscii(identifier(c->aggregate)));
    result->arguments.push_back(expression(c->expression()));
    result->behaviors.push_back(toUpperAscii(c->jsonNullClause()->getText()));
    return result;
  }
  if (auto* c = dynamic_cast<P::ArrayConstructorContext*>(context)) {
    auto result = constructor(ast::ExpressionKind::ArrayConstructor, location);
    for (auto* e : c->expression()) result->elements.push_back(expression(e));
    return result;
  }
  if (auto* c = dynamic_cast<P::ArrayQueryConstructorContext*>(context)) {
    auto result = std::make_unique<ast::ArrayQuery>(location);
    result->query = query(c->query());
    return result;
  }
  if (auto* c = dynamic_cast<P::MapConstructorContext*>(context)) {
    auto result = constructor(ast::ExpressionKind::MapConstructor, location);
    for (auto* e : c->expression()) result->elements.push_back(expression(e));
    if (result->elements.empty() || result->elements.size() % 2 != 0) {
      throw UserError(location, "MAP[...] needs an even, non-zero number of arguments: "
                                "key, value, key, value, ...");
    }
    return result;
  }
  if (auto* c = dynamic_cast<P::RowConstructorContext*>(context)) {
    auto result = constructor(ast::ExpressionKind::RowConstructor, location);
    for (auto* e : c->expression()) result->elements.push_back(expression(e));
    return result;
  }
  if (auto* c = dynamic_cast<P::ImplicitRowConstructorContext*>(context)) {
    auto result = constructor(ast::ExpressionKind::RowConstructor, location);
    for (auto* e : c->expression()) result->elements.push_back(expression(e));
    return result;
  }
  auto* c = dynamic_cast<P::DescriptorContext*>(context);
  auto result = std::make_unique<ast::Descriptor>(location);
  for (auto* column : c->identifier()) {
    result->columns.push_back(identifier(column));
    result->columnLocations.push_back(locationOf(column));
  }
  return result;
}

}  // namespace sluice
