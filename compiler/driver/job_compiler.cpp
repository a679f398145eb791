#include "compiler/driver/job_compiler.h"

#include <sstream>

#include "compiler/binder/binder.h"
#include "compiler/plan/plan_printer.h"
#include "compiler/parser/parse_script.h"

namespace sluice {

// The passes 'sqlc.optimizer.disabled-passes' turns off for a statement: the SET in force there,
// or the command line's override.
static std::set<std::string> disabledPasses(const std::map<std::string, std::string>& options,
                                            const std::map<std::string, std::string>& overrides) {
  static const std::string kKey = "sqlc.optimizer.disabled-passes";
  std::set<std::string> disabled;
  auto it = overrides.find(kKey);
  if (it == overrides.end()) {
    it = options.find(kKey);
    if (it == options.end()) return disabled;
  }
  std::stringstream list(it->second);
  std::string name;
  while (std::getline(list, name, ',')) {
    if (!name.empty()) disabled.insert(name);
  }
  return disabled;
}

CompiledJob compileJob(const SourceFile& file, DiagnosticSink& diagnostics,
                       const CompileOptions& options) {
  CompiledJob job;
  job.script = std::make_unique<ast::Script>(parseScript(file, diagnostics));
  job.catalog = std::make_unique<Catalog>();
  job.catalog->nativeLibraries() = NativeLibraries(options.loadLibrary);
  for (const std::string& library : options.libraries) {
    try {
      job.catalog->nativeLibraries().load(library);
    } catch (const std::runtime_error& error) {
      diagnostics.error(SourceLocation{1, 1}, std::string("--udx: ") + error.what());
    }
  }
  Binder binder(*job.catalog, diagnostics);
  BoundScript bound = binder.bind(*job.script);
  plan::NodeFactory nodes;
  for (size_t i = 0; i < bound.statements.size(); ++i) {
    BoundStatement& statement = bound.statements[i];
    CompiledStatement compiled;
    compiled.options = bound.optionsAfter[i];
    compiled.nativeFunctions = bound.nativeFunctions[i];
    std::set<std::string> disabled = disabledPasses(compiled.options, options.overrides);
    for (const auto& sink : statement.sinks) {
      compiled.optimized.push_back(optimize(sink, disabled, nodes, &compiled.passes));
    }
    compiled.bound = std::move(statement);
    job.statements.push_back(std::move(compiled));
  }
  return job;
}

std::string explainJob(const CompiledJob& job, const std::string& path) {
  std::string out;
  for (const auto& statement : job.statements) {
    if (statement.bound.sinks.empty()) continue;
    out += "== " + statement.bound.summary + " (" + path + ":" +
           std::to_string(statement.bound.location.line) + ") ==\n";
    out += "-- logical plan\n";
    for (const auto& sink : statement.bound.sinks) out += plan::printPlan(sink);
    out += "-- optimized plan\n";
    for (const auto& sink : statement.optimized) out += plan::printPlan(sink);
    out += "\n";
  }
  return out;
}

}  // namespace sluice
