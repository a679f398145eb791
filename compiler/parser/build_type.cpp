// Types as written: the parser only records names and parameters; the binder validates them.
#include "compiler/parser/ast_builder.h"
#include "compiler/parser/time_unit.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

std::unique_ptr<ast::TypeName> AstBuilder::dataType(P::DataTypeContext* context) {
  auto type = baseDataType(context->baseDataType());
  // Tokens after the base type: [NOT] NULL, then any number of `ARRAY` / `MULTISET` suffixes
  // (Calcite's `INT ARRAY`), each with its own [NOT] NULL.
  size_t i = 1;
  auto& children = context->children;
  auto isToken = [&](size_t index, size_t type) {
    auto* terminal = index < children.size()
                         ? dynamic_cast<antlr4::tree::TerminalNode*>(children[index])
                         : nullptr;
    return terminal != nullptr && terminal->getSymbol()->getType() == type;
  };
  auto readNullability = [&](ast::TypeName& target) {
    if (isToken(i, P::NOT) && isToken(i + 1, P::NULL_)) {
      target.notNull = true;
      i += 2;
    } else if (isToken(i, P::NULL_)) {
      ++i;
    }
  };
  readNullability(*type);
  while (isToken(i, P::ARRAY) || isToken(i, P::MULTISET)) {
    auto collection = std::make_unique<ast::TypeName>();
    collection->location = type->location;
    collection->name = isToken(i, P::ARRAY) ? "ARRAY" : "MULTISET";
    collection->elements.push_back(std::move(type));
    type = std::move(collection);
    ++i;
    readNullability(*type);
  }
  return type;
}

std::unique_ptr<ast::TypeName> AstBuilder::baseDataType(P::BaseDataTypeContext* context) {
  auto type = std::make_unique<ast::TypeName>();
  type->location = locationOf(context);
  if (auto* c = dynamic_cast<P::RowTypeContext*>(context)) {
    type->name = "ROW";
    for (auto* field : c->rowField()) {
      std::string comment;
      if (field->stringLiteral() != nullptr) comment = stringLiteral(field->stringLiteral());
      type->fields.push_back({identifier(field->name), dataType(field->dataType()), comment});
    }
  } else if (auto* c = dynamic_cast<P::ArrayTypeContext*>(context)) {
    type->name = "ARRAY";
    type->elements.push_back(dataType(c->dataType()));
  } else if (auto* c = dynamic_cast<P::MultisetTypeContext*>(context)) {
    type->name = "MULTISET";
    type->elements.push_back(dataType(c->dataType()));
  } else if (auto* c = dynamic_cast<P::MapTypeContext*>(context)) {
    type->name = "MAP";
    type->elements.push_back(dataType(c->keyType));
    type->elements.push_back(dataType(c->valueType));
  } else if (auto* c = dynamic_cast<P::RawTypeContext*>(context)) {
    type->name = "RAW";
    for (auto* text : c->stringLiteral()) type->rawArguments.push_back(stringLiteral(text));
  } else if (auto* c = dynamic_cast<P::IntervalTypeContext*>(context)) {
    type->name = "INTERVAL";
    auto* qualifier = c->intervalQualifier();
    auto unit = [](P::IdentifierContext* word) {
      auto normalized = normalizeTimeUnit(identifier(word));
      if (!normalized) {
        throw UserError(locationOf(word), "unknown interval unit '" + identifier(word) + "'");
      }
      return *normalized;
    };
    type->intervalFrom = unit(qualifier->from);
    if (qualifier->to != nullptr) type->intervalTo = unit(qualifier->to);
  } else if (auto* c = dynamic_cast<P::TimestampTypeContext*>(context)) {
    type->name = "TIMESTAMP";
    if (c->precision != nullptr) type->parameters.push_back(integer(c->precision));
    type->withLocalTimeZone = c->LOCAL() != nullptr;
    if (c->WITH() != nullptr && c->LOCAL() == nullptr) {
      throw UserError(locationOf(c), "TIMESTAMP WITH TIME ZONE is not supported; use "
                                     "TIMESTAMP WITH LOCAL TIME ZONE (TIMESTAMP_LTZ)");
    }
  } else if (auto* c = dynamic_cast<P::TimeTypeContext*>(context)) {
    type->name = "TIME";
    if (c->precision != nullptr) type->parameters.push_back(integer(c->precision));
  } else {
    auto* named = dynamic_cast<P::NamedTypeContext*>(context);
    type->name = toUpperAscii(identifier(named->name));
    if (named->PRECISION() != nullptr) type->name += " PRECISION";
    if (named->VARYING() != nullptr) type->name += " VARYING";
    if (named->first != nullptr) type->parameters.push_back(integer(named->first));
    if (named->second != nullptr) type->parameters.push_back(integer(named->second));
  }
  return type;
}

}  // namespace sluice
