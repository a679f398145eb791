#include "runtime/execution/watermark_generator.h"

#include "runtime/execution/calc_operator.h"

namespace sluice::runtime {

WatermarkGenerator::WatermarkGenerator(const artifact::Expression& expression,
                                       const ScalarFunctionRegistry& registry, TaskContext& task)
    : program_(std::make_unique<ExpressionProgram>(expression, registry, task)) {}

bool WatermarkGenerator::observe(const Batch& batch) {
  const int rows = batch.size();
  if (rows == 0) return false;
  rows_.resize(rows);
  for (int i = 0; i < rows; ++i) rows_[i] = i;
  const Vector& values = program_->evaluate(batch, rows_.data(), rows);
  const int64_t* micros = values.values<int64_t>();
  int64_t highest = kNone;
  for (int i = 0; i < rows; ++i) {
    if (!values.isNull(i) && micros[i] > highest) highest = micros[i];
  }
  if (highest <= current_) return false;
  current_ = highest;
  return true;
}

}  // namespace sluice::runtime
