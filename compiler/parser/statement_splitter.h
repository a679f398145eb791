// Cuts a token stream into statements at semicolons (SQL has no semicolon inside a statement, so an
// unclosed parenthesis cannot swallow the next statement), keeping
// `[EXECUTE] STATEMENT SET BEGIN ...; ...; END` together as one statement.
#pragma once

#include <cstddef>
#include <vector>

namespace antlr4 {
class Token;
}

namespace sluice {

struct StatementTokens {
  size_t begin = 0;  // index of the first token (any channel) of the statement
  size_t end = 0;    // one past the last token, excluding the terminating ';'
};

// `tokens` holds every token of the file in order (all channels) ending with EOF.
std::vector<StatementTokens> splitStatements(const std::vector<antlr4::Token*>& tokens);

}  // namespace sluice
