// Turns ANTLR's syntax errors into diagnostics a user can act on: what was found, what was
// expected (only the tokens that could close or continue the construct, not every operator), and
// special messages for unterminated literals and premature ends of statement.
#pragma once

#include <optional>

#include "BaseErrorListener.h"
#include "compiler/diagnostics/diagnostics.h"

namespace sluice {

class SyntaxErrorReporter : public antlr4::BaseErrorListener {
 public:
  // Only the first error of a statement is kept: later ones are usually consequences of it.
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string& antlrMessage,
                   std::exception_ptr error) override;

  const std::optional<Diagnostic>& firstError() const { return firstError_; }
  void reset() { firstError_.reset(); }

 private:
  std::optional<Diagnostic> firstError_;
};

}  // namespace sluice
