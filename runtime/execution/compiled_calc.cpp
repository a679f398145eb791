#include "runtime/execution/compiled_calc.h"

#include <chrono>
#include <deque>

#include "runtime/execution/precomputed_calls.h"

namespace sluice::runtime {
namespace {

// A ROW column's `values` is the ColumnAbi array of its fields (kept in `rowFields`), which is
// how compiled code reads `$c.field`; other columns pass their arrays as they are.
ColumnAbi describe(Vector& vector, std::deque<std::vector<ColumnAbi>>& rowFields) {
  if (vector.physicalType() != PhysicalType::Row) return {vector.rawValues(), vector.validity()};
  std::vector<ColumnAbi>& fields = rowFields.emplace_back(vector.children().size());
  for (size_t f = 0; f < fields.size(); ++f) fields[f] = describe(vector.children()[f], rowFields);
  return {fields.data(), vector.validity()};
}

void describeColumns(Batch& batch, std::vector<ColumnAbi>& columns,
                     std::deque<std::vector<ColumnAbi>>& rowFields) {
  columns.resize(batch.columnCount());
  for (int c = 0; c < batch.columnCount(); ++c) columns[c] = describe(batch.column(c), rowFields);
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
  if (!code_->precomputed.empty()) precomputed_ = std::make_unique<PrecomputedCalls>(*code_, calls_);
}

CompiledCalc::~CompiledCalc() = default;

void CompiledCalc::process(const Batch& input, Batch& output) {
  output.reserve(input.size());
  // The ABI takes non-const pointers; compiled code never writes the input.
  rowFields_.clear();
  describeColumns(const_cast<Batch&>(input), inputColumns_, rowFields_);
  describeColumns(output, outputColumns_, rowFields_);
  BatchAbi in{input.size(), input.capacity(), inputColumns_.data(),
              const_cast<RowKind*>(input.rowKinds())};
  BatchAbi out{0, output.capacity(), outputColumns_.data(), output.rowKinds()};
  task_.arena = &output.arena();
  int32_t written = 0;
  if (precomputed_) {
    // Their columns follow the input's; `in` sees the grown array.
    precomputed_->run(input, output, inputColumns_);
    in.columns = inputColumns_.data();
  }
  if (!task_.failed) written = code_->function(&in, &out, callPointers_.data(), &task_);
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
