#include "session/local_job.h"

#include <algorithm>
#include <map>

#include "compiler/physical/physical_planner.h"
#include "connectors/builtin_connectors.h"
#include "connectors/collect/changelog_collector.h"
#include "runtime/udx/udx_kernels.h"

namespace sluice::session {

std::string formatOfFile(const std::string& path) {
  const size_t dot = path.rfind('.');
  const std::string extension = dot == std::string::npos ? "" : path.substr(dot + 1);
  return extension == "json" || extension == "jsonl" ? "json" : "csv";
}

bool matchesTable(const artifact::Node& node, const std::string& name) {
  return node.table == name || node.tableShortName() == name;
}

namespace {

// --source TABLE=FILE: the table is read from a local file of its own schema; its watermark
// definition stays (it is part of the plan, not of the connector).
void replaceSource(artifact::Node& node, const std::string& target) {
  // A table in a JSON changelog format keeps it (and its options) over a JSON file: its rows
  // are change events, and the plan already expects their updates and deletes.
  const std::string format = node.option("format");
  const bool changelog =
      format == "debezium-json" || format == "canal-json" || format == "maxwell-json";
  std::map<std::string, std::string> formatOptions;
  if (changelog && formatOfFile(target) == "json") {
    for (const auto& [key, value] : node.options) {
      if (key == "format" || key.starts_with(format + ".")) formatOptions[key] = value;
    }
  }
  // A lookup table keeps its cache and reload options.
  for (const auto& [key, value] : node.options) {
    if (key.starts_with("lookup.")) formatOptions[key] = value;
  }
  node.options = std::move(formatOptions);
  if (target == "datagen") {
    node.connector = "datagen";
    return;
  }
  node.connector = "filesystem";
  node.options["connector"] = "filesystem";
  node.options["path"] = target;
  if (!node.options.contains("format")) node.options["format"] = formatOfFile(target);
}

}  // namespace

artifact::JobPlan planForLocalRun(const CompiledJob& job, const CompiledStatement& statement,
                                  const std::string& fileName, const LocalRunOptions& options) {
  physical::PlanOptions planOptions;
  planOptions.fileName = fileName;
  planOptions.overrides = options.settings;
  artifact::JobPlan plan = physical::planStatement(job, statement, planOptions);
  for (artifact::Node& node : plan.nodes) {
    // A lookup join's dimension table is read from the file too.
    if (node.kind == artifact::NodeKind::Source || node.kind == artifact::NodeKind::LookupJoin) {
      for (const auto& [table, target] : options.sourceFiles) {
        if (matchesTable(node, table)) replaceSource(node, target);
      }
    }
    if (node.kind == artifact::NodeKind::Sink && node.connector != "collect") {
      bool capture = options.captureSinks;
      for (const std::string& table : options.capturedTables) capture = capture || matchesTable(node, table);
      if (capture) node.connector = "collect";
    }
  }
  return plan;
}

StatementRun runPlan(const artifact::JobPlan& plan, const LocalRunOptions& options,
                     runtime::CalcCompiler* compiler) {
  StatementRun run;
  run.plan = plan;
  auto collector = std::make_shared<connectors::ChangelogCollector>(options.echoCaptured);
  const runtime::ConnectorFactories factories = connectors::builtinConnectors(collector);
  // The built-ins and the job's native functions, loaded again from the libraries the plan names
  // (a plan from `sqlc compile` runs the libraries it was compiled against).
  std::unique_ptr<runtime::ScalarFunctionRegistry> functions;
  try {
    functions = runtime::udx::jobFunctionRegistry(run.plan);
  } catch (const runtime::udx::UdxError& error) {
    run.report.error = error.what();
    return run;
  }
  runtime::JobOptions jobOptions;
  jobOptions.connectors = &factories;
  jobOptions.functions = functions.get();
  jobOptions.jitMode = runtime::JobRunner::jitModeOf(run.plan);
  jobOptions.compiler = compiler;
  std::atomic<bool> localCancel{false};
  jobOptions.cancelled = options.cancelled ? options.cancelled : &localCancel;
  runtime::JobRunner runner(run.plan, jobOptions);
  run.report = runner.run(options.progress);
  run.captured = collector->rows();
  return run;
}

std::vector<std::string> materialize(const std::vector<std::string>& changelog) {
  std::map<std::string, int64_t> counts;
  for (const std::string& line : changelog) {
    if (line.size() < 3) continue;
    const std::string row = line.substr(2);
    const bool adds = line[0] == '+';
    counts[row] += adds ? 1 : -1;
  }
  std::vector<std::string> rows;
  for (const auto& [row, count] : counts) {
    for (int64_t i = 0; i < count; ++i) rows.push_back(row);
  }
  return rows;
}

}  // namespace sluice::session
