// The Correlate (Flink's StreamExecCorrelate): per input row, the table function's rows (its
// arguments computed from the row by the interpreter), each one joined to the row: the row's
// columns then the function's. The ON clause, when there is one, filters those pairs; a LEFT
// join emits the row padded with NULLs when none is left. Each output row keeps its input row's
// kind, so updates pass through. Stateless.
#include <stdexcept>

#include "runtime/execution/calc_operator.h"
#include "runtime/functions/table_kernel.h"
#include "runtime/operators/join_condition.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/operator_support.h"

namespace sluice::runtime {
namespace {

// The node's columns past the input's: the function's fields.
std::vector<DataType> functionTypes(const artifact::Node& node, size_t inputWidth) {
  std::vector<DataType> types;
  for (size_t c = inputWidth; c < node.schema.size(); ++c) types.push_back(node.schema[c].type);
  return types;
}

class CorrelateOperator final : public StreamOperator {
 public:
  CorrelateOperator(const artifact::Node& node, const OperatorContext& context)
      : node_(node),
        inputWidth_(context.inputTypes.size()),
        condition_(node, context.inputTypes, functionTypes(node, context.inputTypes.size()),
                   functionsOf(context), context.timeZone),
        leftOuter_(node.joinType == artifact::JoinType::Left),
        output_(nodeTypes(node), context.batchSize) {
    if (node.joinType != artifact::JoinType::Inner && node.joinType != artifact::JoinType::Left) {
      throw std::invalid_argument("a table function joins INNER or LEFT");
    }
    task_.timeZone = context.timeZone;
    // The arguments, computed for a whole batch at once.
    arguments_.kind = artifact::NodeKind::Calc;
    arguments_.location = node.location;
    arguments_.projections = node.projections;
    std::vector<DataType> argumentTypes;
    for (size_t i = 0; i < node.projections.size(); ++i) {
      arguments_.schema.push_back({"$" + std::to_string(i), node.projections[i].type});
      argumentTypes.push_back(node.projections[i].type);
    }
    argumentProgram_ = std::make_unique<InterpretedCalc>(arguments_, functionsOf(context), task_);
    argumentBatch_ = Batch(argumentTypes, context.batchSize);
    const TableKernel* kernel = functionsOf(context).findTable(node.tableFunction);
    if (kernel == nullptr) {
      throw std::invalid_argument("no implementation of table function " + node.tableFunction);
    }
    std::string error;
    entry_ = kernel->bind(argumentTypes, functionTypes(node, inputWidth_), error);
    if (!entry_) throw std::invalid_argument(node.tableFunction + ": " + error);
  }

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    argumentBatch_.clear();
    argumentBatch_.reserve(batch.size());
    task_.arena = &argumentBatch_.arena();
    argumentProgram_->process(batch, argumentBatch_);
    for (int r = 0; r < batch.size(); ++r) {
      argumentValues_.clear();
      for (int c = 0; c < argumentBatch_.columnCount(); ++c) {
        argumentValues_.push_back(readValue(argumentBatch_.column(c), r));
      }
      produced_.clear();
      entry_(task_, argumentValues_, produced_);
      if (task_.failed) {
        throw JobFailure(node_.location + ": " + task_.error + " (input row " +
                         describeRow(batch, r) + ")");
      }
      row_.clear();
      for (int c = 0; c < batch.columnCount(); ++c) row_.push_back(readValue(batch.column(c), r));
      candidates_.resize(produced_.size());
      for (size_t i = 0; i < produced_.size(); ++i) candidates_[i].row = std::move(produced_[i]);
      condition_.evaluate(row_, /*rowIsLeft=*/true, candidates_, passes_);
      bool emitted = false;
      for (size_t i = 0; i < candidates_.size(); ++i) {
        if (!passes_[i]) continue;
        emit(batch.rowKind(r), &candidates_[i].row, out);
        emitted = true;
      }
      if (!emitted && leftOuter_) emit(batch.rowKind(r), nullptr, out);
    }
    if (output_.size() > 0) out.emit(output_);
    output_.clear();
  }

 private:
  const artifact::Node& node_;
  size_t inputWidth_;
  TaskContext task_;
  artifact::Node arguments_;  // a Calc of the function's arguments
  std::unique_ptr<InterpretedCalc> argumentProgram_;
  Batch argumentBatch_{{}, 1};
  TableEntry entry_;
  JoinCondition condition_;
  bool leftOuter_;
  Batch output_;
  // scratch
  std::vector<Value> argumentValues_;
  std::vector<Value> row_;
  std::vector<std::vector<Value>> produced_;
  std::vector<JoinRecord> candidates_;
  std::vector<uint8_t> passes_;

  void emit(RowKind kind, const std::vector<Value>* produced, Output& out) {
    if (output_.full()) {
      out.emit(output_);
      output_.clear();
    }
    const int at = output_.size();
    int column = 0;
    for (const Value& value : row_) writeValue(output_.column(column++), at, value, output_.arena());
    const size_t width = node_.schema.size() - inputWidth_;
    for (size_t c = 0; c < width; ++c) {
      writeValue(output_.column(column++), at, produced ? (*produced)[c] : Value::null(),
                 output_.arena());
    }
    output_.rowKinds()[at] = kind;
    output_.setSize(at + 1);
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeCorrelateOperator(const artifact::Node& node,
                                                      const OperatorContext& context) {
  return std::make_unique<CorrelateOperator>(node, context);
}

}  // namespace sluice::runtime
