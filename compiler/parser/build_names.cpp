#include <cerrno>
#include <cstdlib>

#include "compiler/parser/ast_builder.h"
#include "compiler/parser/string_literal_decoder.h"

namespace sluice {

SourceLocation AstBuilder::locationOf(antlr4::ParserRuleContext* context) {
  return locationOf(context->getStart());
}

SourceLocation AstBuilder::locationOf(antlr4::Token* token) {
  return SourceLocation{static_cast<int>(token->getLine()),
                        static_cast<int>(token->getCharPositionInLine()) + 1};
}

std::string AstBuilder::identifier(P::IdentifierContext* context) {
  if (context->BACKQUOTED_IDENTIFIER() != nullptr) {
    return decodeBackquotedIdentifier(context->getText());
  }
  return context->getText();
}

std::vector<std::string> AstBuilder::qualifiedName(P::QualifiedNameContext* context) {
  std::vector<std::string> parts;
  for (auto* part : context->identifier()) parts.push_back(identifier(part));
  return parts;
}

std::vector<std::string> AstBuilder::identifierList(P::IdentifierListContext* context) {
  std::vector<std::string> names;
  if (context == nullptr) return names;
  for (auto* part : context->identifier()) names.push_back(identifier(part));
  return names;
}

std::string AstBuilder::stringLiteral(P::StringLiteralContext* context) {
  std::string text = context->children[0]->getText();
  char escape = '\\';
  if (context->escape != nullptr) {
    std::string escapeText = context->escape->getText();
    if (escapeText.size() != 3) {
      throw UserError(locationOf(context->escape), "UESCAPE takes a single character");
    }
    escape = escapeText[1];
  }
  if (context->CHARSET_STRING() != nullptr) text = text.substr(text.find('\''));
  auto decoded = decodeStringLiteral(text, escape);
  if (!decoded.ok()) throw UserError(locationOf(context), decoded.error());
  return decoded.value();
}

int64_t AstBuilder::integer(antlr4::Token* token) {
  errno = 0;
  char* end = nullptr;
  long long value = std::strtoll(token->getText().c_str(), &end, 10);
  if (errno == ERANGE) {
    throw UserError(locationOf(token), "integer '" + token->getText() + "' is out of range");
  }
  return static_cast<int64_t>(value);
}

}  // namespace sluice
