#include "runtime/execution/calc_operator.h"

#include "runtime/data/value_text.h"
#include "runtime/data/vector_copy.h"

namespace sluice::runtime {

InterpretedCalc::InterpretedCalc(const artifact::Node& node, const ScalarFunctionRegistry& registry,
                                 TaskContext& task)
    : node_(node), task_(task), expressions_(node, registry, task) {}

void InterpretedCalc::process(const Batch& input, Batch& output) {
  const int rows = input.size();
  all_.resize(rows);
  for (int i = 0; i < rows; ++i) all_[i] = i;
  task_.arena = &output.arena();
  expressions_.startEvaluation();
  const std::vector<int32_t>* kept = &all_;
  if (expressions_.hasCondition()) {
    const Vector& keep = expressions_.evaluateCondition(input, all_.data(), rows);
    if (task_.failed) fail(input, all_);
    selected_.clear();
    const uint8_t* values = keep.values<uint8_t>();
    for (int i = 0; i < rows; ++i) {
      if (!keep.isNull(i) && values[i]) selected_.push_back(i);
    }
    kept = &selected_;
  }
  const int count = static_cast<int>(kept->size());
  output.reserve(count);
  for (size_t p = 0; p < expressions_.projectionCount(); ++p) {
    const Vector& value = expressions_.evaluateProjection(p, input, kept->data(), count);
    if (task_.failed) fail(input, *kept);
    gatherRows(value, kept->data(), count, output.column(static_cast<int>(p)), 0);
  }
  for (int k = 0; k < count; ++k) output.rowKinds()[k] = input.rowKind((*kept)[k]);
  output.setSize(count);
  output.shareArenasOf(input);
  output.keepAlive(task_.constants);
}

// Finds the first row that fails on its own, to name it in the error.
void InterpretedCalc::fail(const Batch& input, const std::vector<int32_t>& rows) {
  const std::string message = task_.error;
  for (int32_t row : rows) {
    task_.failed = false;
    expressions_.startEvaluation();  // one row: nothing computed for the batch is reused
    if (expressions_.hasCondition()) expressions_.evaluateCondition(input, &row, 1);
    for (size_t p = 0; p < expressions_.projectionCount(); ++p) {
      if (!task_.failed) expressions_.evaluateProjection(p, input, &row, 1);
    }
    if (task_.failed) {
      throw JobFailure(node_.location + ": " + task_.error + " (input row " +
                       describeRow(input, row) + ")");
    }
  }
  throw JobFailure(node_.location + ": " + message);
}

std::string describeRow(const Batch& batch, int row) {
  std::string out = std::string(rowKindShortString(batch.rowKind(row))) + "[";
  for (int c = 0; c < batch.columnCount(); ++c) {
    if (c > 0) out += ", ";
    const Value value = readValue(batch.column(c), row);
    out += value.isNull ? "null" : formatValue(value, batch.column(c).type());
  }
  return out + "]";
}

}  // namespace sluice::runtime
