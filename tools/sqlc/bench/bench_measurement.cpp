#include "tools/sqlc/bench/bench_measurement.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/physical_planner.h"
#include "session/local_job.h"
#include "session/udx_loader.h"

namespace sluice::bench {
namespace {

double cpuSecondsOfProcess() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Linux keeps the resident set's high-water mark (VmHWM) per process; writing 5 to clear_refs
// resets it, so the measured run's peak is not the warm-up's.
void resetPeakMemory() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

int64_t peakMemoryBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;  // kB
  }
  return 0;
}

int64_t stateBytesOf(const std::vector<runtime::OperatorSummary>& operators) {
  int64_t bytes = 0;
  for (const runtime::OperatorSummary& summary : operators) bytes += summary.stateBytes;
  return bytes;
}

// The one runnable statement of a Nexmark job text, planned; throws std::runtime_error with the
// compiler's diagnostics.
artifact::JobPlan planOf(const std::string& query, const std::string& text,
                         const MeasureOptions& options, session::LocalRunOptions& run) {
  const SourceFile file(query + ".sql", text);
  DiagnosticSink diagnostics;
  CompileOptions compile;
  compile.libraries = options.udxLibraries;
  compile.loadLibrary = session::udxLibraryLoader();
  compile.overrides = options.settings;  // --set reaches the optimizer too
  CompiledJob job = compileJob(file, diagnostics, compile);
  if (diagnostics.hasErrors()) throw std::runtime_error(diagnostics.render(file));
  const std::vector<const CompiledStatement*> statements = physical::runnableStatements(job);
  if (statements.size() != 1) {
    throw std::runtime_error(query + " has " + std::to_string(statements.size()) +
                             " runnable statements; a Nexmark query has one");
  }
  try {
    return session::planForLocalRun(job, *statements[0], file.path(), run);
  } catch (const UserError& error) {
    DiagnosticSink planning;
    planning.error(error.location(), error.what());
    throw std::runtime_error(planning.render(file));
  }
}

}  // namespace

QueryMeasurement measureQuery(const std::string& query, const MeasureOptions& options) {
  QueryMeasurement result;
  result.query = query;
  result.events = options.events;
  try {
    session::LocalRunOptions run;
    run.settings = options.settings;
    run.echoCaptured = false;
    codegen::LlvmCalcCompiler compiler{codegen::CodegenOptions{}};

    const artifact::JobPlan warmup = planOf(query, options.warmupText, options, run);
    compiler.configure(warmup.configuration);
    const session::StatementRun warm = session::runPlan(warmup, run, &compiler);
    if (!warm.report.succeeded) throw std::runtime_error("warm-up failed: " + warm.report.error);
    result.codegenMillis = compiler.codegenMillis();

    const auto planning = std::chrono::steady_clock::now();
    const artifact::JobPlan measured = planOf(query, options.measuredText, options, run);
    result.planMillis = std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - planning)
                            .count();
    int64_t largestState = 0;
    run.progress = [&](const std::vector<runtime::OperatorSummary>& operators) {
      largestState = std::max(largestState, stateBytesOf(operators));
    };
    resetPeakMemory();
    const double cpuBefore = cpuSecondsOfProcess();
    const auto started = std::chrono::steady_clock::now();
    const session::StatementRun measuredRun = session::runPlan(measured, run, &compiler);
    result.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // Up to the end of the job, not of freeing its state afterwards (JobReport).
    result.cpuSeconds = measuredRun.report.processCpuSecondsAtEnd - cpuBefore;
    result.peakMemoryBytes = peakMemoryBytes();
    if (!measuredRun.report.succeeded) throw std::runtime_error(measuredRun.report.error);
    result.stateBytes = std::max(largestState, stateBytesOf(measuredRun.report.operators));
    result.eventsPerCoreSecond =
        result.cpuSeconds > 0 ? static_cast<double>(options.events) / result.cpuSeconds : 0;
    result.succeeded = true;
  } catch (const std::exception& error) {
    result.error = error.what();
  }
  return result;
}

}  // namespace sluice::bench
