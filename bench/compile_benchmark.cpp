// Compile time of the Nexmark stateless queries q0, q1, q2, q14, q21 and q22, from SQL text to
// native code, in a warm process (ANTLR's caches filled and LLVM's targets initialized by an
// untimed first run):
//
//   BM_FrontEnd/<query>/<tables>       parse, bind, optimize and plan, as `sqlc compile` does;
//   BM_ParseToNative/<query>/<tables>  the same, then code generation and JIT of every Calc with a
//                                      fresh LlvmCalcCompiler (so nothing is cached, in memory or
//                                      on disk); the counters split the time into `front_end_ms`
//                                      and `codegen_ms`.
//
// <tables> is `nexmark_table`, the corpus file as it is (tests/sql/check/nexmark: the `datagen`
// table of ROW columns and its views, so each Calc reads ROW fields), or `flat_bid`, the same
// statements over `bid` declared as a flat table of the view's columns. A query whose Calc the
// code generator refuses is reported as skipped with the generator's reason.
#include <benchmark/benchmark.h>

#include <chrono>
#include <exception>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/driver/job_compiler.h"
#include "compiler/physical/physical_planner.h"

#ifndef SLUICE_SOURCE_DIR
#define SLUICE_SOURCE_DIR "."  // bench/CMakeLists.txt defines it as the repository's root
#endif

namespace sluice::bench {
namespace {

using Clock = std::chrono::steady_clock;

enum class Tables { Nexmark, FlatBid };

const char* tablesName(Tables tables) {
  return tables == Tables::Nexmark ? "nexmark_table" : "flat_bid";
}

// Where the corpus's `bid` view ends; a query's own statements follow it.
constexpr std::string_view kEndOfBidView = "FROM datagen WHERE event_type = 2;";

// `bid` as a table of the view's columns, with the source's watermark.
constexpr std::string_view kFlatBid = R"sql(CREATE TABLE bid (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    channel  VARCHAR,
    url  VARCHAR,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'datagen'
);
)sql";

std::string queryPath(const std::string& query) {
  return std::string(SLUICE_SOURCE_DIR) + "/tests/sql/check/nexmark/" + query + ".sql";
}

SourceFile querySource(const std::string& query, Tables tables) {
  const std::string path = queryPath(query);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (tables == Tables::Nexmark) return SourceFile(path, text.str());
  const std::string corpus = text.str();
  const size_t end = corpus.find(kEndOfBidView);
  if (end == std::string::npos) {
    throw std::runtime_error(path + " has no `bid` view ending in '" + std::string(kEndOfBidView) +
                             "'");
  }
  return SourceFile(path, std::string(kFlatBid) + corpus.substr(end + kEndOfBidView.size()));
}

// The front end: the job plan of each runnable statement, or an exception naming the first error.
std::vector<artifact::JobPlan> planQuery(const SourceFile& file) {
  DiagnosticSink diagnostics;
  const CompiledJob job = compileJob(file, diagnostics);
  if (diagnostics.hasErrors()) throw std::runtime_error(diagnostics.render(file));
  std::vector<artifact::JobPlan> plans;
  physical::PlanOptions options;
  options.fileName = file.path();
  for (const CompiledStatement* statement : physical::runnableStatements(job)) {
    plans.push_back(physical::planStatement(job, *statement, options));
  }
  if (plans.empty()) throw std::runtime_error(file.path() + " has no runnable statement");
  return plans;
}

codegen::CodegenOptions codegenOptions() {
  codegen::CodegenOptions options;  // no disk cache
  options.optimizationLevel = 3;
  return options;
}

// Generates and JIT-compiles every Calc of `plans`; returns how many there were.
int compileCalcs(codegen::LlvmCalcCompiler& compiler, const std::vector<artifact::JobPlan>& plans) {
  int calcs = 0;
  for (const artifact::JobPlan& plan : plans) {
    for (const artifact::Node& node : plan.nodes) {
      if (node.kind != artifact::NodeKind::Calc) continue;
      std::vector<DataType> inputTypes;
      for (const artifact::Field& field : plan.node(node.inputs.at(0)).schema) {
        inputTypes.push_back(field.type);
      }
      std::string reason;
      if (!compiler.compile(node, inputTypes, reason)) {
        throw std::runtime_error("the code generator refused Calc node " + std::to_string(node.id) +
                                 ": " + reason);
      }
      ++calcs;
    }
  }
  return calcs;
}

void BM_FrontEnd(benchmark::State& state, const std::string& query, Tables tables) {
  try {
    const SourceFile file = querySource(query, tables);
    planQuery(file);  // untimed: checks the query and warms the parser's caches
    for (auto _ : state) {
      std::vector<artifact::JobPlan> plans = planQuery(file);
      benchmark::DoNotOptimize(plans.data());
    }
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
  }
}

void BM_ParseToNative(benchmark::State& state, const std::string& query, Tables tables) {
  try {
    const SourceFile file = querySource(query, tables);
    {
      // Untimed: checks that every Calc compiles and initializes LLVM's targets.
      codegen::LlvmCalcCompiler compiler(codegenOptions());
      compileCalcs(compiler, planQuery(file));
    }
    double frontEndSeconds = 0;
    double codegenSeconds = 0;
    int calcs = 0;
    for (auto _ : state) {
      const Clock::time_point started = Clock::now();
      const std::vector<artifact::JobPlan> plans = planQuery(file);
      const Clock::time_point planned = Clock::now();
      codegen::LlvmCalcCompiler compiler(codegenOptions());
      calcs = compileCalcs(compiler, plans);
      const Clock::time_point compiled = Clock::now();
      state.SetIterationTime(std::chrono::duration<double>(compiled - started).count());
      frontEndSeconds += std::chrono::duration<double>(planned - started).count();
      codegenSeconds += std::chrono::duration<double>(compiled - planned).count();
      // The JIT and the plans are torn down here, outside the measured time.
    }
    state.counters["front_end_ms"] =
        benchmark::Counter(frontEndSeconds * 1e3, benchmark::Counter::kAvgIterations);
    state.counters["codegen_ms"] =
        benchmark::Counter(codegenSeconds * 1e3, benchmark::Counter::kAvgIterations);
    state.counters["calcs"] = calcs;
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
  }
}

// Five repetitions reported as mean, median, standard deviation and coefficient of variation.
void repeated(benchmark::internal::Benchmark* family) {
  family->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
}

// q14 calls the Java UDF count_char, which no native library loaded here implements (its calls
// are untyped): its front end is measured, its ParseToNative is skipped.
[[maybe_unused]] const bool kRegistered = [] {
  for (const char* query : {"q0", "q1", "q2", "q14", "q21", "q22"}) {
    for (const Tables tables : {Tables::Nexmark, Tables::FlatBid}) {
      const std::string suffix = std::string("/") + query + "/" + tablesName(tables);
      benchmark::RegisterBenchmark(("BM_FrontEnd" + suffix).c_str(), BM_FrontEnd,
                                   std::string(query), tables)
          ->Apply(repeated)
          ->UseRealTime();
      benchmark::RegisterBenchmark(("BM_ParseToNative" + suffix).c_str(), BM_ParseToNative,
                                   std::string(query), tables)
          ->Apply(repeated)
          ->UseManualTime();
    }
  }
  return true;
}();

}  // namespace
}  // namespace sluice::bench
