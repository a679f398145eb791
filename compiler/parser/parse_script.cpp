#include "compiler/parser/parse_script.h"

#include "FlinkSqlLexer.h"
#include "FlinkSqlParser.h"
#include "antlr4-runtime.h"
#include "compiler/parser/ast_builder.h"
#include "compiler/parser/statement_splitter.h"
#include "compiler/parser/syntax_error_reporter.h"
#include "compiler/parser/utf8_validation.h"

namespace sluice {

using grammar::FlinkSqlLexer;
using grammar::FlinkSqlParser;

namespace {

// Lexer errors cannot happen: every character lexes (UNRECOGNIZED catches the rest), so the
// parser reports bad characters with their position. This listener only silences the console.
class SilentListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t, size_t, const std::string&,
                   std::exception_ptr) override {}
};

// Parses one statement's tokens: first with the fast SLL strategy that bails at the first
// conflict, then, only if that fails, with full LL and error reporting.
FlinkSqlParser::SingleStatementContext* parseStatement(FlinkSqlParser& parser,
                                                       antlr4::CommonTokenStream& stream,
                                                       SyntaxErrorReporter& listener) {
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  try {
    return parser.singleStatement();
  } catch (const antlr4::ParseCancellationException&) {
  } catch (const antlr4::RecognitionException&) {
  }
  stream.seek(0);
  parser.reset();
  parser.addErrorListener(&listener);
  parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  return parser.singleStatement();
}

// Groups `BEGIN STATEMENT SET; INSERT ..; INSERT ..; END;` into one StatementSet.
std::vector<ast::StatementPtr> groupStatementSets(std::vector<ast::StatementPtr> statements,
                                                  DiagnosticSink& diagnostics) {
  std::vector<ast::StatementPtr> result;
  std::unique_ptr<ast::StatementSet> open;
  for (auto& statement : statements) {
    switch (statement->kind) {
      case ast::StatementKind::BeginStatementSet:
        if (open) {
          diagnostics.error(statement->location, "BEGIN STATEMENT SET inside a statement set");
          continue;
        }
        open = std::make_unique<ast::StatementSet>(statement->location);
        continue;
      case ast::StatementKind::EndStatementSet:
        if (!open) {
          diagnostics.error(statement->location, "END without BEGIN STATEMENT SET");
          continue;
        }
        result.push_back(std::move(open));
        continue;
      case ast::StatementKind::Insert:
        if (open) {
          open->inserts.emplace_back(static_cast<ast::Insert*>(statement.release()));
          continue;
        }
        break;
      default:
        if (open) {
          diagnostics.error(statement->location,
                            "only INSERT statements are allowed in a statement set");
          continue;
        }
        break;
    }
    result.push_back(std::move(statement));
  }
  if (open) {
    diagnostics.error(open->location, "statement set is not closed; expected 'END'");
  }
  return result;
}

}  // namespace

ast::Script parseScript(const SourceFile& file, DiagnosticSink& diagnostics) {
  antlr4::ANTLRInputStream input(replaceInvalidUtf8(file.text(), diagnostics));
  FlinkSqlLexer lexer(&input);
  SilentListener silent;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&silent);
  antlr4::CommonTokenStream allTokens(&lexer);
  allTokens.fill();
  std::vector<antlr4::Token*> tokens = allTokens.getTokens();

  std::vector<ast::StatementPtr> statements;
  for (const StatementTokens& range : splitStatements(tokens)) {
    std::vector<std::unique_ptr<antlr4::Token>> copies;
    for (size_t i = range.begin; i < range.end; ++i) {
      copies.push_back(std::make_unique<antlr4::CommonToken>(tokens[i]));
    }
    // The statement's end: the ';' that closes it, or the file's EOF.
    auto end = std::make_unique<antlr4::CommonToken>(tokens[std::min(range.end, tokens.size() - 1)]);
    end->setType(antlr4::Token::EOF);
    end->setText("<EOF>");
    copies.push_back(std::move(end));
    antlr4::ListTokenSource source(std::move(copies));
    antlr4::CommonTokenStream stream(&source);
    FlinkSqlParser parser(&stream);
    SyntaxErrorReporter listener;
    auto* tree = parseStatement(parser, stream, listener);
    if (listener.firstError()) {
      diagnostics.error(listener.firstError()->location, listener.firstError()->message);
      continue;
    }
    try {
      AstBuilder builder;
      statements.push_back(builder.statement(tree->statement()));
    } catch (const UserError& error) {
      diagnostics.error(error.location(), error.what());
    }
  }
  ast::Script script;
  script.statements = groupStatementSets(std::move(statements), diagnostics);
  return script;
}

}  // namespace sluice
