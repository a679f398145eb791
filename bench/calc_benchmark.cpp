// Filter + arithmetic projection over in-memory batches (bench/calc_workload.h): the same Calc
// run by the LLVM-compiled CalcOperator, by the vectorized interpreter and by a hand-written C++
// loop, over the same pre-built batches of 1024 rows. Each benchmark first checks its output on a
// few batches against the interpreter, then times whole passes over `batches` batches (16: the
// input, about 1 MB, stays in cache; 1024: it streams from memory). Rows per second is
// `items_per_second` and the `rows_per_second` counter; `selectivity` is the share of rows kept.
#include <benchmark/benchmark.h>

#include <exception>
#include <memory>
#include <string>

#include "bench/calc_workload.h"
#include "compiler/codegen/llvm_calc_compiler.h"
#include "runtime/execution/compiled_calc.h"

namespace sluice::bench {
namespace {

using runtime::Batch;
using runtime::CalcOperator;

constexpr int kMaxBatches = 1024;
constexpr int kCheckedBatches = 8;

// Built once for every benchmark and never written after: each one reads a prefix of it.
const std::vector<std::unique_ptr<Batch>>& sharedInput() {
  static const std::vector<std::unique_ptr<Batch>> batches = calcInput(kMaxBatches);
  return batches;
}

const runtime::ScalarFunctionRegistry& functions() {
  return runtime::ScalarFunctionRegistry::builtins();
}

// Empty when `calc` writes what the interpreter writes for `node` on the first batches.
std::string differenceFromInterpreter(CalcOperator& calc, const artifact::Node& node) {
  runtime::TaskContext task;
  runtime::InterpretedCalc reference(node, functions(), task);
  Batch expected(calcOutputTypes(), kBatchRows);
  Batch actual(calcOutputTypes(), kBatchRows);
  for (int i = 0; i < kCheckedBatches; ++i) {
    expected.clear();
    actual.clear();
    reference.process(*sharedInput()[i], expected);
    calc.process(*sharedInput()[i], actual);
    const std::string difference = firstDifference(expected, actual);
    if (!difference.empty()) {
      return "output differs from the interpreter's in batch " + std::to_string(i) + ": " +
             difference;
    }
  }
  return "";
}

void runCalc(benchmark::State& state, CalcOperator& calc, const artifact::Node& node) {
  const std::string difference = differenceFromInterpreter(calc, node);
  if (!difference.empty()) {
    state.SkipWithError(difference.c_str());
    return;
  }
  const auto& input = sharedInput();
  const int batches = static_cast<int>(state.range(0));
  Batch output(calcOutputTypes(), kBatchRows);
  int64_t kept = 0;
  for (auto _ : state) {
    for (int i = 0; i < batches; ++i) {
      output.clear();
      calc.process(*input[i], output);
      kept += output.size();
    }
    benchmark::ClobberMemory();
  }
  const int64_t rows = state.iterations() * batches * kBatchRows;
  state.SetItemsProcessed(rows);
  state.counters["rows_per_second"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
  state.counters["selectivity"] =
      rows > 0 ? static_cast<double>(kept) / static_cast<double>(rows) : 0.0;
}

void runCompiled(benchmark::State& state) {
  const artifact::Node node = calcNode();
  // O3, and no disk cache (the options' default). The compiler owns the JIT that holds the code:
  // it lives as long as the benchmark.
  codegen::CodegenOptions options;
  options.optimizationLevel = 3;
  codegen::LlvmCalcCompiler compiler(options);
  std::string reason;
  std::shared_ptr<const runtime::CompiledCalcCode> code =
      compiler.compile(node, calcInputTypes(), reason);
  if (!code) {
    state.SkipWithError(("the code generator refused the Calc: " + reason).c_str());
    return;
  }
  runtime::TaskContext task;
  runtime::CompiledCalc calc(
      code, std::make_unique<runtime::InterpretedCalc>(node, functions(), task), task);
  state.counters["compile_ms"] = code->compileMillis;
  runCalc(state, calc, node);
}

// The LLVM-compiled Calc at O3, compiled once before timing.
void BM_CalcCompiled(benchmark::State& state) {
  try {
    runCompiled(state);
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
  }
}

// The vectorized interpreter.
void BM_CalcInterpreted(benchmark::State& state) {
  try {
    const artifact::Node node = calcNode();
    runtime::TaskContext task;
    runtime::InterpretedCalc calc(node, functions(), task);
    runCalc(state, calc, node);
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
  }
}

// The baseline: the Calc written by hand over the same Batch and Vector classes.
void BM_CalcHandWritten(benchmark::State& state) {
  try {
    const artifact::Node node = calcNode();
    HandWrittenCalc calc;
    runCalc(state, calc, node);
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
  }
}

void batchCounts(benchmark::internal::Benchmark* family) {
  family->ArgName("batches")->Arg(16)->Arg(kMaxBatches)->Unit(benchmark::kMicrosecond);
}

BENCHMARK(BM_CalcCompiled)->Apply(batchCounts);
BENCHMARK(BM_CalcInterpreted)->Apply(batchCounts);
BENCHMARK(BM_CalcHandWritten)->Apply(batchCounts);

}  // namespace
}  // namespace sluice::bench
