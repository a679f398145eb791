#include "bench/calc_workload.h"

#include <random>
#include <string_view>

#include "compiler/driver/job_compiler.h"
#include "compiler/physical/physical_planner.h"
#include "runtime/data/value.h"

namespace sluice::bench {
namespace {

using runtime::Batch;
using runtime::StringRef;

constexpr uint64_t kSeed = 20240611;

// Uniform draws that depend only on the 64-bit Mersenne Twister, whose output the standard fixes
// (std::uniform_*_distribution may differ between standard libraries).
class Draws {
 public:
  int64_t below(uint64_t bound) { return static_cast<int64_t>(engine_() % bound); }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool oneIn(uint64_t n) { return engine_() % n == 0; }

 private:
  std::mt19937_64 engine_{kSeed};
};

void fillBatch(Batch& batch, Draws& draws) {
  int64_t* a = batch.column(0).values<int64_t>();
  int64_t* b = batch.column(1).values<int64_t>();
  double* c = batch.column(2).values<double>();
  StringRef* d = batch.column(3).values<StringRef>();
  char text[32];
  for (int row = 0; row < kBatchRows; ++row) {
    a[row] = draws.below(225);  // a > 100 for 124 of 225 values
    b[row] = draws.below(2'000'001) - 1'000'000;
    c[row] = draws.unit();  // c < 0.9 for 90%
    // 4 to 24 letters: 12 of the 21 lengths do not fit StringRef's 12 inline bytes.
    const auto length = static_cast<size_t>(4 + draws.below(21));
    for (size_t i = 0; i < length; ++i) text[i] = static_cast<char>('a' + draws.below(26));
    d[row] = batch.arena().copy(std::string_view(text, length));
    for (int column = 0; column < batch.columnCount(); ++column) {
      batch.column(column).setNull(row, draws.oneIn(100));
    }
  }
  batch.setSize(kBatchRows);
}

}  // namespace

std::vector<DataType> calcInputTypes() {
  return {DataType::bigInt(), DataType::bigInt(), DataType::doubleType(), DataType::string()};
}

std::vector<DataType> calcOutputTypes() {
  return {DataType::bigInt(), DataType::bigInt(), DataType::doubleType(), DataType::string()};
}

const char* const kCalcSql = R"(
CREATE TABLE t (a BIGINT, b BIGINT, c DOUBLE, d STRING) WITH ('connector' = 'datagen');
CREATE TABLE o (sum_ab BIGINT, difference BIGINT, scaled DOUBLE, d STRING)
  WITH ('connector' = 'blackhole');
INSERT INTO o SELECT a + b, a * 3 - b, c * 2.5, d FROM t WHERE a > 100 AND c < 0.9;
)";

// Planned exactly as `sqlc run` plans the job, so the benchmark measures what users get.
artifact::Node calcNode() {
  SourceFile file("calc_benchmark.sql", kCalcSql);
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(file, diagnostics);
  if (diagnostics.hasErrors()) throw std::runtime_error(diagnostics.render(file));
  physical::PlanOptions options;
  options.fileName = file.path();
  const artifact::JobPlan plan =
      physical::planStatement(job, *physical::runnableStatements(job).at(0), options);
  for (const artifact::Node& node : plan.nodes) {
    if (node.kind == artifact::NodeKind::Calc) return node;
  }
  throw std::runtime_error("the planner made no Calc for the benchmark's query");
}

std::vector<std::unique_ptr<Batch>> calcInput(int batchCount) {
  Draws draws;
  std::vector<std::unique_ptr<Batch>> batches;
  batches.reserve(static_cast<size_t>(batchCount));
  for (int i = 0; i < batchCount; ++i) {
    batches.push_back(std::make_unique<Batch>(calcInputTypes(), kBatchRows));
    fillBatch(*batches.back(), draws);
  }
  return batches;
}

void HandWrittenCalc::process(const Batch& input, Batch& output) {
  const int rows = input.size();
  output.reserve(rows);
  const int64_t* a = input.column(0).values<int64_t>();
  const int64_t* b = input.column(1).values<int64_t>();
  const double* c = input.column(2).values<double>();
  const StringRef* d = input.column(3).values<StringRef>();
  const uint8_t* aValid = input.column(0).validity();
  const uint8_t* bValid = input.column(1).validity();
  const uint8_t* cValid = input.column(2).validity();
  const uint8_t* dValid = input.column(3).validity();
  const runtime::RowKind* kinds = input.rowKinds();

  int64_t* sum = output.column(0).values<int64_t>();
  int64_t* difference = output.column(1).values<int64_t>();
  double* scaled = output.column(2).values<double>();
  StringRef* text = output.column(3).values<StringRef>();
  uint8_t* sumValid = output.column(0).validity();
  uint8_t* differenceValid = output.column(1).validity();
  uint8_t* scaledValid = output.column(2).validity();
  uint8_t* textValid = output.column(3).validity();
  runtime::RowKind* outKinds = output.rowKinds();

  int written = 0;
  for (int i = 0; i < rows; ++i) {
    // a > 100 AND c < 0.9 keeps the row only when TRUE: a NULL operand makes it NULL or FALSE.
    if (!(aValid[i] && a[i] > 100 && cValid[i] && c[i] < 0.9)) continue;
    // BIGINT arithmetic wraps on overflow (Java's semantics): compute it unsigned.
    const auto ua = static_cast<uint64_t>(a[i]);
    const auto ub = static_cast<uint64_t>(b[i]);
    sum[written] = static_cast<int64_t>(ua + ub);
    sumValid[written] = aValid[i] & bValid[i];
    difference[written] = static_cast<int64_t>(ua * 3 - ub);
    differenceValid[written] = aValid[i] & bValid[i];
    scaled[written] = c[i] * 2.5;
    scaledValid[written] = cValid[i];
    text[written] = d[i];
    textValid[written] = dValid[i];
    outKinds[written] = kinds[i];
    ++written;
  }
  output.setSize(written);
  // The long strings of `d` stay in the input's arena.
  output.shareArenasOf(input);
}

std::string firstDifference(const Batch& expected, const Batch& actual) {
  if (expected.size() != actual.size()) {
    return "expected " + std::to_string(expected.size()) + " rows, got " +
           std::to_string(actual.size());
  }
  if (expected.columnCount() != actual.columnCount()) return "column counts differ";
  for (int row = 0; row < expected.size(); ++row) {
    if (expected.rowKind(row) != actual.rowKind(row)) {
      return "row " + std::to_string(row) + ": row kinds differ";
    }
    for (int column = 0; column < expected.columnCount(); ++column) {
      const runtime::Value want = runtime::readValue(expected.column(column), row);
      const runtime::Value got = runtime::readValue(actual.column(column), row);
      if (!(want == got)) {
        return "row " + std::to_string(row) + ", column " + std::to_string(column) +
               ": values differ";
      }
    }
  }
  return "";
}

}  // namespace sluice::bench
