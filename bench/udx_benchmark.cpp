// The per-row cost of a scalar UDX called from compiled code, against a built-in doing the same
// work in the same Calc (issue 6: under 2 ns per row of overhead). Two pairs over the Calc
// benchmark's batches (bench/calc_workload.h), compiled at O3:
//
//   arithmetic  times_two_plus_one(a)  vs  a * 2 + 1       (the built-in is inline code)
//   string      utf8_length(d)         vs  CHAR_LENGTH(d)  (the built-in is a kernel call too)
//
// The UDX library is bench/udx/bench_functions.cpp, loaded as a job loads one. Each benchmark
// checks its output against the interpreter first; `ns_per_row` is the counter to compare.
// Compiled code calls the UDX's batch entry once per batch (runtime/execution/precomputed_calls.h);
// the *RowEntry variants put the projection behind `WHERE TRUE`, which keeps one row-entry call
// per row, the path of calls behind a filter or a branch.
#include <benchmark/benchmark.h>

#include <exception>
#include <memory>
#include <string>

#include "bench/calc_workload.h"
#include "compiler/codegen/llvm_calc_compiler.h"
#include "runtime/execution/compiled_calc.h"
#include "runtime/udx/udx_kernels.h"

namespace sluice::bench {
namespace {

using artifact::Expression;
using runtime::Batch;

constexpr int kBatches = 64;

const std::vector<std::unique_ptr<Batch>>& input() {
  static const std::vector<std::unique_ptr<Batch>> batches = calcInput(kBatches);
  return batches;
}

enum class Logic { Arithmetic, String };
// How compiled code calls the UDX: the batch entry once per batch (a call on every row), or the
// row entry per row (a projection behind a filter, here `WHERE TRUE`, is called row by row).
enum class Entry { Batch, Row };

// The job's registry: the built-ins and the bench library's two functions.
const runtime::ScalarFunctionRegistry& registry() {
  static const std::unique_ptr<runtime::ScalarFunctionRegistry> functions = [] {
    artifact::JobPlan plan;
    plan.nativeFunctions.push_back({"TIMES_TWO_PLUS_ONE", SLUICE_BENCH_UDX,
                                    "com.sluice.bench.TimesTwoPlusOne", 0,
                                    {DataType::bigInt()}, DataType::bigInt()});
    plan.nativeFunctions.push_back({"UTF8_LENGTH", SLUICE_BENCH_UDX, "com.sluice.bench.Utf8Length",
                                    1, {DataType::string()}, DataType::integer()});
    return runtime::udx::jobFunctionRegistry(plan);
  }();
  return *functions;
}

// SELECT <the logic> FROM the workload (a BIGINT, b BIGINT, c DOUBLE, d STRING).
artifact::Node calcOf(Logic logic, bool native, Entry entry = Entry::Batch) {
  artifact::Node node;
  if (entry == Entry::Row) node.condition = Expression::constant("TRUE", DataType::boolean().notNull());
  node.id = 2;
  node.kind = artifact::NodeKind::Calc;
  node.inputs = {1};
  if (logic == Logic::Arithmetic) {
    const Expression a = Expression::columnRef(0, DataType::bigInt());
    node.projections = {
        native ? Expression::call("TIMES_TWO_PLUS_ONE", {a}, DataType::bigInt())
               : Expression::call("+",
                                  {Expression::call("*", {a, Expression::constant("2", DataType::bigInt())},
                                                    DataType::bigInt()),
                                   Expression::constant("1", DataType::bigInt())},
                                  DataType::bigInt())};
    node.schema = {{"x", DataType::bigInt()}};
  } else {
    const Expression d = Expression::columnRef(3, DataType::string());
    node.projections = {Expression::call(native ? "UTF8_LENGTH" : "CHAR_LENGTH", {d},
                                         DataType::integer())};
    node.schema = {{"x", DataType::integer()}};
  }
  return node;
}

void run(benchmark::State& state, Logic logic, bool native, Entry entry) {
  const artifact::Node node = calcOf(logic, native, entry);
  codegen::CodegenOptions options;
  options.optimizationLevel = 3;
  codegen::LlvmCalcCompiler compiler(options);
  std::string reason;
  std::shared_ptr<const runtime::CompiledCalcCode> code =
      compiler.compile(node, calcInputTypes(), registry(), reason);
  if (!code) {
    state.SkipWithError(("the code generator refused the Calc: " + reason).c_str());
    return;
  }
  runtime::TaskContext task;
  runtime::CompiledCalc calc(
      code, std::make_unique<runtime::InterpretedCalc>(node, registry(), task), task);
  runtime::TaskContext referenceTask;
  runtime::InterpretedCalc reference(node, registry(), referenceTask);
  const std::vector<DataType> types = {node.schema[0].type};
  Batch expected(types, kBatchRows);
  Batch output(types, kBatchRows);
  for (int i = 0; i < 4; ++i) {
    expected.clear();
    output.clear();
    reference.process(*input()[i], expected);
    calc.process(*input()[i], output);
    const std::string difference = firstDifference(expected, output);
    if (!difference.empty()) {
      state.SkipWithError(("compiled output differs from the interpreter's: " + difference).c_str());
      return;
    }
  }
  for (auto _ : state) {
    for (int i = 0; i < kBatches; ++i) {
      output.clear();
      calc.process(*input()[i], output);
    }
    benchmark::ClobberMemory();
  }
  const int64_t rows = state.iterations() * kBatches * kBatchRows;
  state.SetItemsProcessed(rows);
  state.counters["ns_per_row"] = benchmark::Counter(
      static_cast<double>(rows), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

template <Logic logic, bool native, Entry entry = Entry::Batch>
void BM_ScalarCall(benchmark::State& state) {
  try {
    run(state, logic, native, entry);
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
  }
}

BENCHMARK(BM_ScalarCall<Logic::Arithmetic, false>)->Name("BM_BuiltinArithmetic")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScalarCall<Logic::Arithmetic, true>)->Name("BM_UdxArithmetic")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScalarCall<Logic::Arithmetic, true, Entry::Row>)->Name("BM_UdxArithmeticRowEntry")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScalarCall<Logic::String, false>)->Name("BM_BuiltinCharLength")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScalarCall<Logic::String, true>)->Name("BM_UdxUtf8Length")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScalarCall<Logic::String, true, Entry::Row>)->Name("BM_UdxUtf8LengthRowEntry")->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace sluice::bench
