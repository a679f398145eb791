// Common subexpressions of a Calc (runtime/expression/common_subexpressions.h), counted: a
// deterministic call the condition and the projections repeat runs once per row, in the
// interpreter and in compiled code alike; a non-deterministic one runs at each occurrence; a
// call under a branch runs only on the rows the branch takes, however often it is repeated.
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

// Rows each kernel saw, over both entries.
int countedRows = 0;
int randomRows = 0;
int batchFirstRows = 0;

int64_t countedOf(FunctionCall& call, int64_t x) {
  if (x == 13) call.fail("13 is unlucky");
  return x * 10;
}

template <int* Counter>
int64_t countingRow(FunctionCall* call, int64_t x) {
  ++*Counter;
  return countedOf(*call, x);
}

template <int* Counter>
void countingVector(FunctionCall& call, const Vector* const* arguments, const int32_t* rows,
                    int rowCount, Vector& out) {
  *Counter += rowCount;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    out.values<int64_t>()[row] = countedOf(call, arguments[0]->values<int64_t>()[row]);
  }
}

// COUNTED(x), NOISY(x) (the same, not deterministic) and BATCHED(x) (batch-first): x * 10,
// failing on x = 13.
template <int* Counter>
runtime::ScalarKernel countingKernel(const char* name, const char* symbol) {
  runtime::ScalarKernel kernel;
  kernel.name = name;
  kernel.arguments = {runtime::Accepts::kind(TypeKind::BigInt)};
  kernel.result = runtime::Accepts::kind(TypeKind::BigInt);
  kernel.rowEntry = reinterpret_cast<void*>(&countingRow<Counter>);
  kernel.abiArguments = {runtime::AbiType::Int64};
  kernel.abiResult = runtime::AbiType::Int64;
  kernel.vectorEntry = &countingVector<Counter>;
  kernel.symbol = symbol;
  return kernel;
}

const runtime::ScalarFunctionRegistry& registry() {
  static const std::unique_ptr<runtime::ScalarFunctionRegistry> functions = [] {
    auto added = std::make_unique<runtime::ScalarFunctionRegistry>(
        &runtime::ScalarFunctionRegistry::builtins());
    added->add(countingKernel<&countedRows>("COUNTED", "sluice.test.counted"));
    runtime::ScalarKernel noisy = countingKernel<&randomRows>("NOISY", "sluice.test.noisy");
    noisy.deterministic = false;
    added->add(std::move(noisy));
    runtime::ScalarKernel batched =
        countingKernel<&batchFirstRows>("BATCHED", "sluice.test.batched");
    batched.batchFirst = true;
    added->add(std::move(batched));
    return added;
  }();
  return *functions;
}

const std::vector<DataType> kInputTypes{DataType::bigInt()};

Expression x() {
  return Expression::columnRef(0, kInputTypes[0]);
}
Expression bigint(const std::string& text) {
  return Expression::constant(text, DataType::bigInt().notNull());
}
Expression call(const std::string& function, std::vector<Expression> arguments) {
  return Expression::call(function, std::move(arguments), DataType::bigInt());
}
Expression compare(const std::string& op, Expression left, Expression right) {
  return Expression::call(op, {std::move(left), std::move(right)}, DataType::boolean());
}

artifact::Node calcOf(std::optional<Expression> condition, std::vector<Expression> projections) {
  artifact::Node calc;
  calc.id = 2;
  calc.kind = artifact::NodeKind::Calc;
  calc.inputs = {1};
  calc.location = "common_subexpressions_test.sql:1:1";
  calc.condition = std::move(condition);
  for (size_t i = 0; i < projections.size(); ++i) {
    calc.schema.push_back({"p" + std::to_string(i), projections[i].type});
  }
  calc.projections = std::move(projections);
  return calc;
}

runtime::Batch makeInput(const std::vector<std::optional<int64_t>>& rows) {
  runtime::Batch batch(kInputTypes, static_cast<int>(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) {
    const int row = static_cast<int>(i);
    runtime::writeValue(batch.column(0), row,
                        rows[i] ? runtime::Value::ofInteger(*rows[i]) : runtime::Value::null(),
                        batch.arena());
    batch.rowKinds()[row] = runtime::RowKind::Insert;
  }
  batch.setSize(static_cast<int>(rows.size()));
  return batch;
}


std::shared_ptr<const runtime::CompiledCalcCode> compile(const artifact::Node& calc) {
  return test::compileCalc(calc, kInputTypes, registry());
}

// Counts start at zero for each run.
std::vector<std::string> runInterpreted(const artifact::Node& calc, const runtime::Batch& input) {
  runtime::TaskContext task;
  runtime::InterpretedCalc interpreted(calc, registry(), task);
  runtime::Batch output(outputTypes(calc), input.capacity());
  countedRows = randomRows = batchFirstRows = 0;
  interpreted.process(input, output);
  return rowsOf(output);
}

std::vector<std::string> runCompiled(const artifact::Node& calc, const runtime::Batch& input) {
  auto code = compile(calc);
  if (code == nullptr) return {};
  runtime::TaskContext task;
  runtime::CompiledCalc compiled(
      std::move(code), std::make_unique<runtime::InterpretedCalc>(calc, registry(), task), task);
  runtime::Batch output(outputTypes(calc), input.capacity());
  countedRows = randomRows = batchFirstRows = 0;
  compiled.process(input, output);
  return rowsOf(output);
}

TEST(CommonSubexpressionsTest, AFilterCallIsReusedByEveryProjection) {
  // WHERE COUNTED(x) > 20 SELECT COUNTED(x), COUNTED(x) + 1: one call per row, in the filter.
  const artifact::Node calc =
      calcOf(compare(">", call("COUNTED", {x()}), bigint("20")),
             {call("COUNTED", {x()}), call("+", {call("COUNTED", {x()}), bigint("1")})});
  const runtime::Batch input = makeInput({1, 2, 3, std::nullopt, 5});
  const std::vector<std::string> expected{"+I[30, 31]", "+I[50, 51]"};
  EXPECT_EQ(runInterpreted(calc, input), expected);
  EXPECT_EQ(countedRows, 4);  // the NULL row never reaches the kernel
  EXPECT_EQ(runCompiled(calc, input), expected);
  EXPECT_EQ(countedRows, 4);
}

TEST(CommonSubexpressionsTest, ProjectionsAndCaseBranchesShareTheFirstWhen) {
  // SELECT CASE WHEN COUNTED(x) > 20 THEN COUNTED(x) WHEN COUNTED(x) > 10 THEN 0 ELSE COUNTED(x)
  // END, COUNTED(x) * 2: the first WHEN runs on every row, everything else reuses it.
  const Expression counted = call("COUNTED", {x()});
  const artifact::Node calc = calcOf(
      std::nullopt, {call("CASE", {compare(">", counted, bigint("20")), counted,
                                   compare(">", counted, bigint("10")), bigint("0"), counted}),
                     call("*", {counted, bigint("2")})});
  const runtime::Batch input = makeInput({1, 2, 3});
  const std::vector<std::string> expected{"+I[10, 20]", "+I[0, 40]", "+I[30, 60]"};
  EXPECT_EQ(runInterpreted(calc, input), expected);
  EXPECT_EQ(countedRows, 3);
  EXPECT_EQ(runCompiled(calc, input), expected);
  EXPECT_EQ(countedRows, 3);
}

TEST(CommonSubexpressionsTest, ACallUnderABranchRunsOnlyOnTheBranchsRows) {
  // SELECT CASE WHEN x < 13 THEN COUNTED(x) + COUNTED(x) END, CASE WHEN x > 13 THEN COUNTED(x)
  // END: COUNTED fails on 13, which no branch lets through. The second projection's branch runs
  // on other rows than the first's, so it does not reuse it: each computes its own rows once.
  const Expression counted = call("COUNTED", {x()});
  const artifact::Node calc = calcOf(
      std::nullopt, {call("CASE", {compare("<", x(), bigint("13")), call("+", {counted, counted})}),
                     call("CASE", {compare(">", x(), bigint("13")), counted})});
  const runtime::Batch input = makeInput({1, 13, 3, 20});
  const std::vector<std::string> expected{"+I[20, null]", "+I[null, null]", "+I[60, null]",
                                          "+I[null, 200]"};
  EXPECT_EQ(runInterpreted(calc, input), expected);
  EXPECT_EQ(countedRows, 3);  // 1 and 3 in the first branch, 20 in the second
  EXPECT_EQ(runCompiled(calc, input), expected);
  EXPECT_EQ(countedRows, 3);
}

TEST(CommonSubexpressionsTest, ProjectionsReuseWhatEveryConjunctOfTheFilterComputed) {
  // WHERE x <> 13 AND COUNTED(x) > 10 SELECT COUNTED(x): COUNTED runs on the rows the first
  // conjunct lets through (never 13), once, and the projection reads it on the rows kept.
  const Expression counted = call("COUNTED", {x()});
  const artifact::Node calc =
      calcOf(Expression::call(
                 "AND", {compare("<>", x(), bigint("13")), compare(">", counted, bigint("10"))},
                 DataType::boolean()),
             {counted, call("-", {counted, bigint("1")})});
  const runtime::Batch input = makeInput({1, 13, 2, std::nullopt, 3});
  const std::vector<std::string> expected{"+I[20, 19]", "+I[30, 29]"};
  EXPECT_EQ(runInterpreted(calc, input), expected);
  EXPECT_EQ(countedRows, 3);
  EXPECT_EQ(runCompiled(calc, input), expected);
  EXPECT_EQ(countedRows, 3);
}

TEST(CommonSubexpressionsTest, LaterOperandsOfAndDoNotShareWithEachOther) {
  // SELECT x > 0 AND COUNTED(x) > 10 AND COUNTED(x) < 40 (a projection, not the filter): the
  // third operand is reached without the second in compiled code's control flow, so it calls
  // again on the rows the second let through.
  const Expression counted = call("COUNTED", {x()});
  const artifact::Node calc =
      calcOf(std::nullopt,
             {Expression::call("AND",
                               {compare(">", x(), bigint("0")), compare(">", counted, bigint("10")),
                                compare("<", counted, bigint("40"))},
                               DataType::boolean())});
  const runtime::Batch input = makeInput({-1, 1, 2, 3, 4});
  const std::vector<std::string> expected{"+I[FALSE]", "+I[FALSE]", "+I[TRUE]", "+I[TRUE]",
                                          "+I[FALSE]"};
  EXPECT_EQ(runInterpreted(calc, input), expected);
  EXPECT_EQ(countedRows, 4 + 3);
  EXPECT_EQ(runCompiled(calc, input), expected);
  EXPECT_EQ(countedRows, 4 + 3);
}

TEST(CommonSubexpressionsTest, NonDeterministicCallsRunAtEachOccurrence) {
  const Expression noisy = call("NOISY", {x()});
  const artifact::Node calc =
      calcOf(compare(">", noisy, bigint("0")), {noisy, call("+", {noisy, noisy})});
  const runtime::Batch input = makeInput({1, 2});
  const std::vector<std::string> expected{"+I[10, 20]", "+I[20, 40]"};
  EXPECT_EQ(runInterpreted(calc, input), expected);
  EXPECT_EQ(randomRows, 2 * 4);
  EXPECT_EQ(runCompiled(calc, input), expected);
  EXPECT_EQ(randomRows, 2 * 4);
}

TEST(CommonSubexpressionsTest, ABatchFirstCallRepeatedIsPrecomputedOnce) {
  // SELECT BATCHED(x), BATCHED(x) * 2, CASE WHEN x > 1 THEN BATCHED(x) END: one precomputed
  // column (written straight to the first output column), read by the other two.
  const Expression batched = call("BATCHED", {x()});
  const artifact::Node calc =
      calcOf(std::nullopt, {batched, call("*", {batched, bigint("2")}),
                            call("CASE", {compare(">", x(), bigint("1")), batched})});
  auto code = compile(calc);
  ASSERT_NE(code, nullptr);
  ASSERT_EQ(code->precomputed.size(), 1u);
  EXPECT_EQ(code->precomputed[0].outputColumn, 0);
  const runtime::Batch input = makeInput({1, 2, std::nullopt});
  const std::vector<std::string> expected{"+I[10, 20, null]", "+I[20, 40, 20]",
                                          "+I[null, null, null]"};
  EXPECT_EQ(runInterpreted(calc, input), expected);
  EXPECT_EQ(batchFirstRows, 2);
  EXPECT_EQ(runCompiled(calc, input), expected);
  EXPECT_EQ(batchFirstRows, 2);
}

TEST(CommonSubexpressionsTest, AFailureStillNamesTheRow) {
  const Expression counted = call("COUNTED", {x()});
  const artifact::Node calc = calcOf(compare(">", counted, bigint("0")), {counted});
  const runtime::Batch input = makeInput({1, 13, 3});
  for (const bool compiled : {false, true}) {
    try {
      compiled ? runCompiled(calc, input) : runInterpreted(calc, input);
      ADD_FAILURE() << "COUNTED(13) did not fail the batch";
    } catch (const runtime::JobFailure& failure) {
      const std::string message = failure.what();
      EXPECT_NE(message.find("13 is unlucky"), std::string::npos) << message;
      EXPECT_NE(message.find("+I[13]"), std::string::npos) << message;
    }
  }
}

}  // namespace
}  // namespace sluice
