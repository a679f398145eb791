// Runs the statements of a SQL file in this process, as `sqlc run` and the SQL run tests do:
// compile, plan each INSERT / statement set / bare SELECT into a job, apply the local-debugging
// overrides (sources from files or generated data, sinks captured), and run it.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "compiler/driver/job_compiler.h"
#include "runtime/execution/job_runner.h"

namespace sluice::session {

struct LocalRunOptions {
  std::map<std::string, std::string> settings;     // --set k=v, over the file's SET statements
  std::map<std::string, std::string> sourceFiles;  // --source TABLE=FILE (or TABLE=datagen)
  bool captureSinks = false;                       // --local: every sink becomes a capture
  std::vector<std::string> capturedTables;         // --expect: these sinks are captured too
  bool echoCaptured = true;                        // print captured rows as the print sink does
  std::atomic<bool>* cancelled = nullptr;
  std::function<void(const std::vector<runtime::OperatorSummary>&)> progress;
};

struct StatementRun {
  std::string summary;  // "INSERT INTO out", "SELECT"
  artifact::JobPlan plan;
  runtime::JobReport report;
  // Rows written to captured sinks: (sink table short name, "+I[...]" line), in arrival order.
  std::vector<std::pair<std::string, std::string>> captured;
};

// Plans one runnable statement with the options' settings and overrides applied.
artifact::JobPlan planForLocalRun(const CompiledJob& job, const CompiledStatement& statement,
                                  const std::string& fileName, const LocalRunOptions& options);

// Runs one planned job. `compiler` may be null (interpreter only).
StatementRun runPlan(const artifact::JobPlan& plan, const LocalRunOptions& options,
                     runtime::CalcCompiler* compiler);

// Applies a changelog to a multiset of rows: "+I[1, a]" and "+U[..]" add "[1, a]", "-U" and "-D"
// remove one. Returns the rows left, sorted.
std::vector<std::string> materialize(const std::vector<std::string>& changelog);

// Whether `name` ("bid" or "cat.db.bid") names the table of a source or sink node.
bool matchesTable(const artifact::Node& node, const std::string& name);
// The format a local file is read in, by its extension: "json" for .json/.jsonl, else "csv".
std::string formatOfFile(const std::string& path);

}  // namespace sluice::session
