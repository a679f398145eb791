// The parser stage: SQL text in, AST out. Syntax errors go to the DiagnosticSink with their
// location; statements that fail to parse are left out of the script, the others are kept so the
// binder can report their errors too.
#pragma once

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/parser/ast/ast_statement.h"

namespace sluice {

ast::Script parseScript(const SourceFile& file, DiagnosticSink& diagnostics);

}  // namespace sluice
