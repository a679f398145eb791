// Runs the front end over one SQL file: parse, bind, optimize. What `sqlc check` and
// `sqlc explain` call; later stages (physical planning, code generation) continue from here.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "compiler/binder/bound_script.h"
#include "compiler/catalog/catalog.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/optimizer/optimizer.h"
#include "compiler/parser/ast/ast_statement.h"

namespace sluice {

struct CompiledStatement {
  BoundStatement bound;
  std::vector<plan::NodeRef> optimized;  // one per sink, same order as bound.sinks
  std::vector<PassReport> passes;
  std::map<std::string, std::string> options;  // SET options in force at this statement
  std::vector<NativeFunctionUse> nativeFunctions;  // the native library functions it calls
};

struct CompileOptions {
  NativeLibraryLoader loadLibrary;     // none: a job naming a native library is an error
  std::vector<std::string> libraries;  // sqlc --udx: loaded before the script's statements
  // sqlc run --set k=v: over the script's SET statements, for what compiling reads itself (the
  // optimizer's 'sqlc.optimizer.disabled-passes'); the physical planner applies them too.
  std::map<std::string, std::string> overrides;
};

struct CompiledJob {
  // The AST is kept alive because the catalog's views and computed columns point into it.
  std::unique_ptr<ast::Script> script;
  std::unique_ptr<Catalog> catalog;
  std::vector<CompiledStatement> statements;
};

CompiledJob compileJob(const SourceFile& file, DiagnosticSink& diagnostics,
                       const CompileOptions& options = {});

// What `sqlc explain` prints: per statement with a plan, its logical and optimized plans.
std::string explainJob(const CompiledJob& job, const std::string& path);

}  // namespace sluice
