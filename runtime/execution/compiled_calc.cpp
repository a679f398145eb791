#include "runtime/execution/compiled_calc.h"

#include <chrono>

namespace sluice::runtime {
namespace {

void describeColumns(Batch& batch, std::vector<ColumnAbi>& columns) {
  columns.resize(batch.columnCount());
  for (int c = 0; c < batch.columnCount(); ++c) {
    columns[c] = {batch.column(c).rawValues(), batch.column(c).validity()};
  }
}

}  // namespace

CompiledCalc::CompiledCalc(std::shared_ptr<const CompiledCalcCode> code,
                           std::unique_ptr<InterpretedCalc> reference, TaskContext& task)
    : code_(std::move(code)), reference_(std::move(reference)), task_(task) {
  calls_.resize(code_->sites.size());
  for (size_t i = 0; i < calls_.size(); ++i) {
    calls_[i].task = &task;
    calls_[i].site = &code_->sites[i];
  }
  for (FunctionCall& call : calls_) callPointers_.push_back(&call);
}

void CompiledCalc::process(const Batch& input, Batch& output) {
  output.reserve(input.size());
  // The ABI takes non-const pointers; compiled code never writes the input.
  describeColumns(const_cast<Batch&>(input), inputColumns_);
  describeColumns(output, outputColumns_);
  BatchAbi in{input.size(), input.capacity(), inputColumns_.data(),
              const_cast<RowKind*>(input.rowKinds())};
  BatchAbi out{0, output.capacity(), outputColumns_.data(), output.rowKinds()};
  task_.arena = &output.arena();
  const int32_t written = code_->function(&in, &out, callPointers_.data(), &task_);
  if (task_.failed) {
    // Re-run on the interpreter, which names the failing row.
    task_.failed = false;
    output.clear();
    reference_->process(input, output);
    throw JobFailure(task_.error);
  }
  output.setSize(written);
  output.shareArenasOf(input);
  output.keepAlive(task_.constants);
}

AdaptiveCalc::AdaptiveCalc(std::shared_future<std::shared_ptr<const CompiledCalcCode>> code,
                           std::unique_ptr<InterpretedCalc> interpreted, TaskContext& task)
    : code_(std::move(code)), interpreted_(std::move(interpreted)), task_(task) {}

void AdaptiveCalc::process(const Batch& input, Batch& output) {
  if (!native_ && code_.valid() &&
      code_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    if (auto code = code_.get()) {
      native_ = std::make_unique<CompiledCalc>(std::move(code), std::move(interpreted_), task_);
    }
    code_ = {};
  }
  if (native_) {
    native_->process(input, output);
  } else {
    interpreted_->process(input, output);
  }
}

}  // namespace sluice::runtime
