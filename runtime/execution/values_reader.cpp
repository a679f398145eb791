#include "runtime/execution/values_reader.h"

#include "runtime/data/vector_copy.h"
#include "runtime/execution/calc_operator.h"

namespace sluice::runtime {

ValuesReader::ValuesReader(const artifact::Node& node, const ScalarFunctionRegistry& registry,
                           TaskContext& task, int subtask)
    : node_(node), registry_(registry), task_(task), done_(subtask != 0) {}

ReadStatus ValuesReader::read(Batch& batch) {
  if (done_) return ReadStatus::End;
  done_ = true;
  // Each value is an expression over no input: evaluate it on a one-row batch without columns.
  Batch unit({}, 1);
  unit.setSize(1);
  const int32_t row = 0;
  const int rows = static_cast<int>(node_.rows.size());
  batch.reserve(rows);
  task_.arena = &batch.arena();
  for (int r = 0; r < rows; ++r) {
    for (size_t c = 0; c < node_.rows[r].size(); ++c) {
      ExpressionProgram program(node_.rows[r][c], registry_, task_);
      const Vector& value = program.evaluate(unit, &row, 1);
      if (task_.failed) throw JobFailure(node_.location + ": " + task_.error);
      // Constants may live in the task's constant arena, which the batch keeps alive.
      gatherRows(value, &row, 1, batch.column(static_cast<int>(c)), r);
    }
    batch.rowKinds()[r] = RowKind::Insert;
  }
  batch.keepAlive(task_.constants);
  batch.setSize(rows);
  return ReadStatus::Data;
}

}  // namespace sluice::runtime
