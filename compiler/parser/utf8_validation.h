// SQL files must be UTF-8. ANTLR's input stream throws on invalid bytes, so the parser checks
// first: each invalid sequence is reported with its location and replaced by '?', so the rest of
// the file is still parsed and checked.
#pragma once

#include <string>

#include "compiler/diagnostics/diagnostics.h"

namespace sluice {

std::string replaceInvalidUtf8(const std::string& text, DiagnosticSink& diagnostics);

}  // namespace sluice
