#include "compiler/parser/statement_splitter.h"

#include "FlinkSqlLexer.h"

namespace sluice {

using grammar::FlinkSqlLexer;

namespace {

// Tracks whether the scan is inside `STATEMENT SET BEGIN ... END`, where semicolons separate the
// inner INSERTs instead of ending the statement. CASE ... END pairs inside are counted so their
// END does not close the block.
class StatementSetTracker {
 public:
  void see(size_t type) {
    if (insideBlock_) {
      if (type == FlinkSqlLexer::CASE) ++caseDepth_;
      if (type == FlinkSqlLexer::END) {
        if (caseDepth_ > 0) {
          --caseDepth_;
        } else {
          insideBlock_ = false;
        }
      }
    } else if (previous_[0] == FlinkSqlLexer::STATEMENT && previous_[1] == FlinkSqlLexer::SET &&
               type == FlinkSqlLexer::BEGIN) {
      insideBlock_ = true;
      caseDepth_ = 0;
    }
    previous_[0] = previous_[1];
    previous_[1] = type;
  }
  bool insideBlock() const { return insideBlock_; }

 private:
  size_t previous_[2] = {0, 0};
  bool insideBlock_ = false;
  int caseDepth_ = 0;
};

}  // namespace

std::vector<StatementTokens> splitStatements(const std::vector<antlr4::Token*>& tokens) {
  std::vector<StatementTokens> statements;
  StatementSetTracker tracker;
  size_t start = 0;
  bool hasContent = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    antlr4::Token* token = tokens[i];
    size_t type = token->getType();
    if (type == antlr4::Token::EOF) break;
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    bool separator = type == FlinkSqlLexer::SEMICOLON && !tracker.insideBlock();
    if (!separator) {
      tracker.see(type);
      hasContent = true;
      continue;
    }
    if (hasContent) statements.push_back({start, i});
    start = i + 1;
    hasContent = false;
  }
  if (hasContent) {
    size_t end = tokens.empty() ? 0 : tokens.size() - 1;  // drop EOF
    statements.push_back({start, end});
  }
  return statements;
}

}  // namespace sluice
