// Batch-first kernels in compiled code (runtime::PrecomputedCall): a call that runs on every row
// with column and literal arguments goes to the kernel's vector entry once per batch, and the
// code reads its result as a column. A call behind a filter or under a branch keeps its per-row
// call, so no row a filter drops or a branch skips reaches the function. Results, NULLs and
// failures must be the interpreter's.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "runtime/data/value.h"
#include "runtime/execution/compiled_calc.h"
#include "tests/unit/calc_test_support.h"

namespace sluice {
namespace {

using test::outputTypes;
using test::rowsOf;

using artifact::Expression;
using runtime::FunctionCall;
using runtime::Vector;

// How each entry of SCALE was used, across the test.
int vectorEntryCalls = 0;
int rowEntryCalls = 0;
int rowsSeenByVectorEntry = 0;

int64_t scaleOf(FunctionCall& call, int64_t x, int64_t factor) {
  if (x == 13) call.fail("13 is unlucky");
  return x * factor;
}

// SCALE(x BIGINT, factor BIGINT) -> BIGINT, failing on x = 13.
int64_t scaleRow(FunctionCall* call, int64_t x, int64_t factor) {
  ++rowEntryCalls;
  return scaleOf(*call, x, factor);
}

void scaleVector(FunctionCall& call, const Vector* const* arguments, const int32_t* rows,
                 int rowCount, Vector& out) {
  ++vectorEntryCalls;
  rowsSeenByVectorEntry += rowCount;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    EXPECT_FALSE(arguments[0]->isNull(row)) << "a row with a NULL argument reached the kernel";
    out.values<int64_t>()[row] =
        scaleOf(call, arguments[0]->values<int64_t>()[row], arguments[1]->values<int64_t>()[row]);
  }
}

const runtime::ScalarFunctionRegistry& registry() {
  static const std::unique_ptr<runtime::ScalarFunctionRegistry> functions = [] {
    auto added = std::make_unique<runtime::ScalarFunctionRegistry>(
        &runtime::ScalarFunctionRegistry::builtins());
    runtime::ScalarKernel kernel;
    kernel.name = "SCALE";
    kernel.arguments = {runtime::Accepts::kind(TypeKind::BigInt),
                        runtime::Accepts::kind(TypeKind::BigInt)};
    kernel.result = runtime::Accepts::kind(TypeKind::BigInt);
    kernel.rowEntry = reinterpret_cast<void*>(&scaleRow);
    kernel.abiArguments = {runtime::AbiType::Int64, runtime::AbiType::Int64};
    kernel.abiResult = runtime::AbiType::Int64;
    kernel.vectorEntry = &scaleVector;
    kernel.batchFirst = true;
    kernel.symbol = "sluice.test.scale";
    added->add(std::move(kernel));
    return added;
  }();
  return *functions;
}

const std::vector<DataType> kInputTypes{DataType::bigInt(), DataType::bigInt()};

Expression column(int c) { return Expression::columnRef(c, kInputTypes[static_cast<size_t>(c)]); }
Expression bigint(const std::string& text) {
  return Expression::constant(text, DataType::bigInt().notNull());
}
Expression scale(Expression x, Expression factor) {
  return Expression::call("SCALE", {std::move(x), std::move(factor)}, DataType::bigInt());
}

artifact::Node calcOf(std::optional<Expression> condition, std::vector<Expression> projections) {
  artifact::Node calc;
  calc.id = 2;
  calc.kind = artifact::NodeKind::Calc;
  calc.inputs = {1};
  calc.location = "precomputed_calls_test.sql:1:1";
  calc.condition = std::move(condition);
  for (size_t i = 0; i < projections.size(); ++i) {
    calc.schema.push_back({"p" + std::to_string(i), projections[i].type});
  }
  calc.projections = std::move(projections);
  return calc;
}

// ($0, $1) over rows with NULLs in either column.
runtime::Batch makeInput(const std::vector<std::pair<std::optional<int64_t>, std::optional<int64_t>>>& rows) {
  runtime::Batch batch(kInputTypes, static_cast<int>(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) {
    const int row = static_cast<int>(i);
    auto value = [](std::optional<int64_t> v) {
      return v ? runtime::Value::ofInteger(*v) : runtime::Value::null();
    };
    runtime::writeValue(batch.column(0), row, value(rows[i].first), batch.arena());
    runtime::writeValue(batch.column(1), row, value(rows[i].second), batch.arena());
    batch.rowKinds()[row] = runtime::RowKind::Insert;
  }
  batch.setSize(static_cast<int>(rows.size()));
  return batch;
}

const runtime::Batch& mixedInput() {
  static const runtime::Batch input =
      makeInput({{1, 10}, {std::nullopt, 20}, {3, std::nullopt}, {4, 40}, {5, 50}, {6, 60},
                 {7, 70}, {8, 80}, {9, 90}, {std::nullopt, std::nullopt}, {11, 110}});
  return input;
}


std::shared_ptr<const runtime::CompiledCalcCode> compile(const artifact::Node& calc) {
  return test::compileCalc(calc, kInputTypes, registry());
}

std::vector<std::string> runCompiled(const artifact::Node& calc,
                                     std::shared_ptr<const runtime::CompiledCalcCode> code,
                                     const runtime::Batch& input) {
  runtime::TaskContext task;
  runtime::CompiledCalc compiled(
      std::move(code), std::make_unique<runtime::InterpretedCalc>(calc, registry(), task), task);
  runtime::Batch output(outputTypes(calc), input.capacity());
  compiled.process(input, output);
  return rowsOf(output);
}

std::vector<std::string> runInterpreted(const artifact::Node& calc, const runtime::Batch& input) {
  runtime::TaskContext task;
  runtime::InterpretedCalc interpreted(calc, registry(), task);
  runtime::Batch output(outputTypes(calc), input.capacity());
  interpreted.process(input, output);
  return rowsOf(output);
}

class PrecomputedCallsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    vectorEntryCalls = 0;
    rowEntryCalls = 0;
    rowsSeenByVectorEntry = 0;
  }
};

TEST_F(PrecomputedCallsTest, ProjectionCallsRunOncePerBatchWithTheInterpretersResults) {
  // SELECT SCALE($0, 3), SCALE($0, $1) + 1: a literal argument, two columns, an inline operator
  // around the call.
  const artifact::Node calc =
      calcOf(std::nullopt, {scale(column(0), bigint("3")),
                            Expression::call("+", {scale(column(0), column(1)), bigint("1")},
                                             DataType::bigInt())});
  auto code = compile(calc);
  ASSERT_NE(code, nullptr);
  ASSERT_EQ(code->precomputed.size(), 2u);
  // The first projection is the call itself: its result goes straight to the output column.
  EXPECT_EQ(code->precomputed[0].outputColumn, 0);
  EXPECT_EQ(code->precomputed[1].outputColumn, -1);
  const std::vector<std::string> expected = runInterpreted(calc, mixedInput());
  SetUp();
  EXPECT_EQ(runCompiled(calc, code, mixedInput()), expected);
  EXPECT_EQ(vectorEntryCalls, 2);  // one per call, for the whole batch
  EXPECT_EQ(rowEntryCalls, 0);
  // Rows with a NULL argument never reach the kernel: 9 rows have $0, 8 have both.
  EXPECT_EQ(rowsSeenByVectorEntry, 9 + 8);
  EXPECT_EQ(expected[1], "+I[null, null]");
  EXPECT_EQ(expected[2], "+I[9, null]");
  EXPECT_EQ(expected[3], "+I[12, 161]");
}

TEST_F(PrecomputedCallsTest, ABatchWithoutNullsCallsEveryRow) {
  const artifact::Node calc = calcOf(std::nullopt, {scale(column(0), column(1))});
  const runtime::Batch input = makeInput({{1, 2}, {3, 4}, {5, 6}});
  EXPECT_EQ(runCompiled(calc, compile(calc), input),
            (std::vector<std::string>{"+I[2]", "+I[12]", "+I[30]"}));
  EXPECT_EQ(vectorEntryCalls, 1);
  EXPECT_EQ(rowsSeenByVectorEntry, 3);
}

TEST_F(PrecomputedCallsTest, ProjectionsBehindAFilterKeepTheirPerRowCalls) {
  // WHERE SCALE($1, 1) > 45 SELECT SCALE($0, 2): the condition's call runs on every row, the
  // projection's only on rows the filter keeps. Row 13 fails SCALE, but the filter drops it.
  const artifact::Node calc = calcOf(
      Expression::call(">", {scale(column(1), bigint("1")), bigint("45")}, DataType::boolean()),
      {scale(column(0), bigint("2"))});
  auto code = compile(calc);
  ASSERT_NE(code, nullptr);
  ASSERT_EQ(code->precomputed.size(), 1u);
  EXPECT_EQ(code->sites[static_cast<size_t>(code->precomputed[0].site)].argumentTypes.size(), 2u);
  const runtime::Batch input = makeInput({{13, 10}, {2, 50}, {std::nullopt, 60}, {4, 70}});
  EXPECT_EQ(runCompiled(calc, code, input),
            (std::vector<std::string>{"+I[4]", "+I[null]", "+I[8]"}));
  EXPECT_EQ(vectorEntryCalls, 1);
  EXPECT_EQ(rowEntryCalls, 2);  // rows 2 and 4 (row 3's NULL argument makes no call)
}

TEST_F(PrecomputedCallsTest, CallsUnderABranchKeepTheirPerRowCalls) {
  // CASE WHEN $0 <> 13 THEN SCALE($0, 2) END, COALESCE(SCALE($1, 1), 0): neither call runs on
  // every row, so neither is precomputed, and 13 never reaches SCALE.
  const Expression when = Expression::call("<>", {column(0), bigint("13")}, DataType::boolean());
  const artifact::Node calc = calcOf(
      std::nullopt,
      {Expression::call("CASE", {when, scale(column(0), bigint("2"))}, DataType::bigInt()),
       Expression::call("COALESCE", {scale(column(1), bigint("1")), bigint("0")},
                        DataType::bigInt())});
  auto code = compile(calc);
  ASSERT_NE(code, nullptr);
  EXPECT_TRUE(code->precomputed.empty());
  const runtime::Batch input = makeInput({{13, 1}, {2, std::nullopt}});
  EXPECT_EQ(runCompiled(calc, code, input), runInterpreted(calc, input));
  EXPECT_EQ(runInterpreted(calc, input),
            (std::vector<std::string>{"+I[null, 1]", "+I[4, 0]"}));
}

TEST_F(PrecomputedCallsTest, AFailureNamesTheFunctionAndTheRow) {
  const artifact::Node calc = calcOf(std::nullopt, {scale(column(0), column(1))});
  const runtime::Batch input = makeInput({{1, 2}, {13, 4}, {5, 6}});
  try {
    runCompiled(calc, compile(calc), input);
    FAIL() << "SCALE(13, 4) did not fail the batch";
  } catch (const runtime::JobFailure& failure) {
    const std::string message = failure.what();
    EXPECT_NE(message.find("SCALE: 13 is unlucky"), std::string::npos) << message;
    EXPECT_NE(message.find("+I[13, 4]"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace sluice
