// The Calc kernel benchmark's workload: batches of (a BIGINT, b BIGINT, c DOUBLE, d STRING) from a
// fixed seed, the Calc node
//
//     SELECT a + b, a * 3 - b, c * 2.5, d WHERE a > 100 AND c < 0.9
//
// built by hand as the planner would, and the same Calc written by hand in C++ over the runtime's
// Batch/Vector classes: the baseline the compiled code is measured against.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/execution/calc_operator.h"

namespace sluice::bench {

constexpr int kBatchRows = 1024;

std::vector<DataType> calcInputTypes();
std::vector<DataType> calcOutputTypes();

// The Calc node `sqlc run` runs for kCalcSql (it reads node 1, of calcInputTypes()).
artifact::Node calcNode();

extern const char* const kCalcSql;

// `batchCount` full batches; about 1% of each column's values are NULL, and about half of the
// rows (48.6% expected) pass the condition. The same seed gives the same rows on every run.
std::vector<std::unique_ptr<runtime::Batch>> calcInput(int batchCount);

// The Calc as a plain C++ loop with the compiled code's semantics: a row is kept when the
// condition is TRUE (not NULL); a projection is NULL when an operand is; integer arithmetic wraps
// as Java's does; the string is passed on as a view into the input's arena.
class HandWrittenCalc final : public runtime::CalcOperator {
 public:
  void process(const runtime::Batch& input, runtime::Batch& output) override;
};

// A description of the first difference between two output batches (row kinds, NULLs, and the
// values of non-NULL fields), or empty when they hold the same rows.
std::string firstDifference(const runtime::Batch& expected, const runtime::Batch& actual);

}  // namespace sluice::bench
