#include "compiler/parser/syntax_error_reporter.h"

#include <algorithm>
#include <set>

#include "FlinkSqlLexer.h"
#include "FlinkSqlParser.h"

namespace sluice {

using grammar::FlinkSqlLexer;
using grammar::FlinkSqlParser;

namespace {

// Tokens that merely continue an expression; listing them in "expected ..." only adds noise.
bool continuesExpression(size_t type) {
  switch (type) {
    case FlinkSqlLexer::EQ: case FlinkSqlLexer::DOUBLE_EQ: case FlinkSqlLexer::NEQ:
    case FlinkSqlLexer::BANG_EQ: case FlinkSqlLexer::LT: case FlinkSqlLexer::LTE:
    case FlinkSqlLexer::GT: case FlinkSqlLexer::GTE: case FlinkSqlLexer::PLUS:
    case FlinkSqlLexer::MINUS_SIGN: case FlinkSqlLexer::ASTERISK: case FlinkSqlLexer::SLASH:
    case FlinkSqlLexer::PERCENT: case FlinkSqlLexer::CONCAT_PIPE: case FlinkSqlLexer::AND:
    case FlinkSqlLexer::OR: case FlinkSqlLexer::NOT: case FlinkSqlLexer::IS:
    case FlinkSqlLexer::IN: case FlinkSqlLexer::BETWEEN: case FlinkSqlLexer::LIKE:
    case FlinkSqlLexer::SIMILAR: case FlinkSqlLexer::DOT: case FlinkSqlLexer::LBRACKET:
    case FlinkSqlLexer::OVER: case FlinkSqlLexer::FILTER: case FlinkSqlLexer::WITHIN:
    case FlinkSqlLexer::IGNORE: case FlinkSqlLexer::RESPECT: case FlinkSqlLexer::ARRAY:
    case FlinkSqlLexer::MULTISET: case FlinkSqlLexer::NULL_:
      return true;
    default:
      return false;
  }
}

bool isWordToken(size_t type) {
  return type == FlinkSqlLexer::IDENTIFIER || type == FlinkSqlLexer::BACKQUOTED_IDENTIFIER;
}

std::string describeToken(const antlr4::Token* token) {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) return "end of statement";
  return "'" + token->getText() + "'";
}

std::string expectedList(antlr4::Parser* parser) {
  antlr4::misc::IntervalSet expected;
  try {
    expected = parser->getExpectedTokens();
  } catch (const std::exception&) {
    return "";
  }
  std::vector<std::string> names;
  bool identifier = false;
  bool string = false;
  const antlr4::dfa::Vocabulary& vocabulary = parser->getVocabulary();
  for (ssize_t type : expected.toList()) {
    if (type < 0) continue;
    auto t = static_cast<size_t>(type);
    if (isWordToken(t)) {
      identifier = true;
      continue;
    }
    if (t == FlinkSqlLexer::STRING_LITERAL) {
      string = true;
      continue;
    }
    if (continuesExpression(t)) continue;
    std::string literal = vocabulary.getLiteralName(t);
    std::string symbolic = vocabulary.getSymbolicName(t);
    if (!literal.empty()) {
      names.push_back(literal);
    } else if (t == FlinkSqlLexer::SKIP_) {
      names.push_back("'SKIP'");
    } else if (!symbolic.empty() && symbolic.find("LITERAL") == std::string::npos &&
               symbolic.find("VALUE") == std::string::npos &&
               symbolic.find("STRING") == std::string::npos) {
      names.push_back("'" + symbolic + "'");
    }
  }
  // A long list means "almost anything": say nothing rather than dump the grammar.
  if (names.size() > 5) return "";
  if (names.empty()) {
    if (string && !identifier) return "a string literal";
    return identifier && !string ? "an identifier" : "";
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

// "')'" when a parenthesis is still open before `end`, "'END'" when a CASE is; else "".
std::string unclosedConstruct(antlr4::TokenStream* tokens, size_t end) {
  int parentheses = 0;
  int cases = 0;
  for (size_t i = 0; i < end && i < tokens->size(); ++i) {
    switch (tokens->get(i)->getType()) {
      case FlinkSqlLexer::LPAREN: ++parentheses; break;
      case FlinkSqlLexer::RPAREN: --parentheses; break;
      case FlinkSqlLexer::CASE: ++cases; break;
      case FlinkSqlLexer::END: --cases; break;
      default: break;
    }
  }
  if (parentheses > 0) return "')'";
  if (cases > 0) return "'END'";
  return "";
}

}  // namespace

void SyntaxErrorReporter::syntaxError(antlr4::Recognizer* recognizer,
                                      antlr4::Token* offendingSymbol, size_t line,
                                      size_t charPositionInLine, const std::string& antlrMessage,
                                      std::exception_ptr /*error*/) {
  if (firstError_) return;
  SourceLocation location{static_cast<int>(line), static_cast<int>(charPositionInLine) + 1};
  std::string text = offendingSymbol != nullptr ? offendingSymbol->getText() : "";
  std::string message;
  if (!text.empty() && offendingSymbol->getType() == FlinkSqlLexer::UNRECOGNIZED) {
    if (text == "'" || text == "\"") {
      message = "unterminated string literal";
    } else if (text == "`") {
      message = "unterminated quoted identifier";
    } else {
      message = "unexpected character '" + text + "'";
    }
  } else if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) {
    std::string expected = expectedList(parser);
    // At the end of a statement, an unclosed parenthesis or CASE is the likely cause.
    if (offendingSymbol != nullptr && offendingSymbol->getType() == antlr4::Token::EOF) {
      std::string unclosed = unclosedConstruct(parser->getTokenStream(), offendingSymbol->getTokenIndex());
      if (!unclosed.empty()) expected = unclosed;
    }
    message = "syntax error: unexpected " + describeToken(offendingSymbol);
    if (!expected.empty()) message += "; expected " + expected;
  } else {
    message = "syntax error: " + antlrMessage;
  }
  firstError_ = Diagnostic{Severity::Error, location, message};
}

}  // namespace sluice
