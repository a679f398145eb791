#include "runtime/execution/watermark_generator.h"

#include "runtime/execution/calc_operator.h"

namespace sluice::runtime {

WatermarkGenerator::WatermarkGenerator(const artifact::Expression& expression,
                                       const ScalarFunctionRegistry& registry, TaskContext& task,
                                       CalcCompiler* compiler,
                                       const std::vector<DataType>& inputTypes)
    : program_(std::make_unique<ExpressionProgram>(expression, registry, task)) {
  if (compiler == nullptr) return;
  calc_.kind = artifact::NodeKind::Calc;
  calc_.projections = {expression};
  calc_.schema = {{"watermark", expression.type}};
  std::string reason;  // the interpreter runs what the code generator does not take
  if (auto code = compiler->compile(calc_, inputTypes, registry, reason)) {
    compiled_ = std::make_unique<CompiledCalc>(
        std::move(code), std::make_unique<InterpretedCalc>(calc_, registry, task), task);
    values_ = std::make_unique<Batch>(std::vector<DataType>{expression.type}, 0);
  }
}

bool WatermarkGenerator::observe(const Batch& batch) {
  const int rows = batch.size();
  if (rows == 0) return false;
  const Vector* computed = nullptr;
  if (compiled_) {
    values_->clear();
    compiled_->process(batch, *values_);
    computed = &values_->column(0);
  } else {
    rows_.resize(rows);
    for (int i = 0; i < rows; ++i) rows_[i] = i;
    computed = &program_->evaluate(batch, rows_.data(), rows);
  }
  const Vector& values = *computed;
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
