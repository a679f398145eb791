// `sqlc run job.sql`: runs every INSERT (and bare SELECT) of the file as a job in this process.
// Results of print sinks go to stdout; progress, the run summary and errors to stderr.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <thread>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/physical_planner.h"
#include "session/local_job.h"
#include "tools/sqlc/commands.h"
#include "tools/sqlc/run_report.h"
#include "tools/sqlc/sql_file_reader.h"

namespace sluice {
namespace {

const char* kRunHelp =
    "usage: sqlc run <job.sql> [options]\n\n"
    "Compiles and runs every INSERT (each statement set as one job) and bare SELECT of the\n"
    "file in this process, all at once. Print sinks and queries write to stdout; a progress line, the\n"
    "per-operator summary and errors go to stderr. Ctrl-C stops the job cleanly.\n\n"
    "options:\n"
    "  --set KEY=VALUE        a configuration option, as SET 'KEY' = 'VALUE' (repeatable),\n"
    "                         e.g. --set sqlc.jit.mode=interpreted, --set parallelism.default=4\n"
    "  --source TABLE=FILE    read TABLE from a local CSV or JSON-lines file of its schema\n"
    "                         (TABLE=datagen: generated rows); its watermark is kept\n"
    "  --local                replace every sink by a capture printing its changelog\n"
    "  --expect TABLE=FILE    compare TABLE's final rows with FILE (CSV or JSON lines of the\n"
    "                         table's schema); print missing and unexpected rows, exit 1\n"
    "                         when they differ\n";

// Ctrl-C: the handler can only set a flag; tasks poll it between batches. A signal handler has
// no other way to reach the job, hence this one process-wide variable.
std::atomic<bool> gCancelled{false};

void onInterrupt(int) { gCancelled.store(true); }

struct RunCommandLine {
  std::string path;
  session::LocalRunOptions options;
  std::map<std::string, std::string> expectations;  // table -> file
  bool help = false;
  std::string error;
};

bool splitAssignment(const std::string& text, std::string& key, std::string& value) {
  const size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0) return false;
  key = text.substr(0, equals);
  value = text.substr(equals + 1);
  return true;
}

RunCommandLine parseRunArguments(const std::vector<std::string>& args) {
  RunCommandLine line;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto takeAssignment = [&](std::map<std::string, std::string>& into) {
      std::string key;
      std::string value;
      if (i + 1 >= args.size() || !splitAssignment(args[i + 1], key, value)) {
        line.error = arg + " needs KEY=VALUE";
        return;
      }
      into[key] = value;
      ++i;
    };
    if (arg == "-h" || arg == "--help") {
      line.help = true;
    } else if (arg == "--set") {
      takeAssignment(line.options.settings);
    } else if (arg == "--source") {
      takeAssignment(line.options.sourceFiles);
    } else if (arg == "--expect") {
      takeAssignment(line.expectations);
    } else if (arg == "--local") {
      line.options.captureSinks = true;
    } else if (!arg.empty() && arg[0] == '-') {
      line.error = "unknown option '" + arg + "'";
    } else if (line.path.empty()) {
      line.path = arg;
    } else {
      line.error = "only one SQL file may be given";
    }
  }
  if (!line.help && line.error.empty() && line.path.empty()) line.error = "no SQL file given";
  for (const auto& [table, file] : line.expectations) line.options.capturedTables.push_back(table);
  return line;
}

}  // namespace

int runRun(const std::vector<std::string>& args, const CompileOptions& compile) {
  RunCommandLine line = parseRunArguments(args);
  if (line.help) {
    std::fputs(kRunHelp, stdout);
    return 0;
  }
  if (!line.error.empty()) {
    std::fprintf(stderr, "sqlc run: %s\nusage: sqlc run <job.sql> [options]\n", line.error.c_str());
    return 2;
  }
  auto file = readSqlFile(line.path);
  if (!file) return 2;
  DiagnosticSink diagnostics;
  CompileOptions withOverrides = compile;
  withOverrides.overrides = line.options.settings;
  CompiledJob job = compileJob(*file, diagnostics, withOverrides);
  std::fputs(diagnostics.render(*file).c_str(), stderr);
  if (diagnostics.hasErrors()) {
    std::fprintf(stderr, "%zu error(s)\n", diagnostics.errorCount());
    return 1;
  }
  std::signal(SIGINT, onInterrupt);
  line.options.cancelled = &gCancelled;
  const bool interactive = isatty(fileno(stderr)) != 0;
  if (interactive) line.options.progress = printProgressLine;
  // Every statement is planned before any job starts, so a statement that cannot run stops
  // the file before anything is written.
  std::vector<const CompiledStatement*> statements = physical::runnableStatements(job);
  std::vector<artifact::JobPlan> plans;
  std::vector<std::unique_ptr<codegen::LlvmCalcCompiler>> compilers;
  for (const CompiledStatement* statement : statements) {
    try {
      plans.push_back(session::planForLocalRun(job, *statement, line.path, line.options));
    } catch (const UserError& error) {
      DiagnosticSink planning;
      planning.error(error.location(), error.what());
      std::fputs(planning.render(*file).c_str(), stderr);
      return 1;
    }
    // A compiler per job: each follows the SET options in force at its statement.
    compilers.push_back(std::make_unique<codegen::LlvmCalcCompiler>(codegen::CodegenOptions{}));
    compilers.back()->configure(plans.back().configuration);
  }
  // The jobs run side by side, as the INSERTs of a Flink SQL script are submitted one after
  // another without waiting: a job over an unbounded source must not hold back the next one.
  // A failing job cancels the others (they share the cancellation flag).
  if (plans.size() != 1) line.options.progress = nullptr;
  std::vector<session::StatementRun> runs(plans.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < plans.size(); ++i) {
    threads.emplace_back([&, i] { runs[i] = session::runPlan(plans[i], line.options, compilers[i].get()); });
  }
  for (std::thread& thread : threads) thread.join();
  if (interactive) std::fputs("\r\033[K", stderr);
  int status = 0;
  bool cancelledByUser = false;
  for (size_t i = 0; i < runs.size(); ++i) {
    const session::StatementRun& run = runs[i];
    printRunSummary(statements[i]->bound.summary, run.report, stderr);
    if (!run.report.succeeded && !run.report.cancelled) {
      std::fprintf(stderr, "sqlc run: job failed: %s\n", run.report.error.c_str());
      status = 1;
    }
    cancelledByUser = cancelledByUser || run.report.cancelled;
    for (const auto& [table, expected] : line.expectations) {
      if (run.report.succeeded && !checkExpectation(table, expected, run)) status = 1;
    }
  }
  if (status == 0 && cancelledByUser) return 130;
  return status;
}

}  // namespace sluice
