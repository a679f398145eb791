#include "runtime/operators/replicate_rows.h"

#include <algorithm>
#include <stdexcept>

#include "runtime/data/vector_copy.h"
#include "runtime/operators/operator_support.h"

namespace sluice::runtime {

ReplicateRowsOperator::ReplicateRowsOperator(const artifact::Node& node,
                                             const OperatorContext& context)
    : countColumn_(static_cast<int>(context.inputTypes.size()) - 1),
      output_(nodeTypes(node), context.batchSize) {
  if (countColumn_ < 0 || node.schema.size() != static_cast<size_t>(countColumn_) ||
      context.inputTypes.back().kind() != TypeKind::BigInt) {
    throw std::invalid_argument("ReplicateRows needs its input's columns and a BIGINT count last");
  }
}

void ReplicateRowsOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  const Vector& counts = batch.column(countColumn_);
  const int64_t* count = counts.values<int64_t>();
  // In slices of at most one output batch, so a row counted in the billions streams out.
  const auto capacity = static_cast<size_t>(output_.capacity());
  for (int row = 0; row < batch.size(); ++row) {
    if (counts.isNull(row)) continue;
    for (int64_t left = count[row]; left > 0;) {
      const auto room = static_cast<int64_t>(capacity - rows_.size());
      const int64_t now = std::min(left, room);
      rows_.insert(rows_.end(), static_cast<size_t>(now), row);
      left -= now;
      if (rows_.size() == capacity) emit(batch, out);
    }
  }
  emit(batch, out);
}

void ReplicateRowsOperator::emit(const Batch& input, Output& out) {
  if (rows_.empty()) return;
  const int count = static_cast<int>(rows_.size());
  output_.clear();
  output_.reserve(count);
  output_.shareArenasOf(input);
  for (int c = 0; c < countColumn_; ++c) {
    gatherRows(input.column(c), rows_.data(), count, output_.column(c), 0);
  }
  for (int k = 0; k < count; ++k) {
    output_.rowKinds()[k] = input.rowKind(rows_[static_cast<size_t>(k)]);
  }
  output_.setSize(count);
  out.emit(output_);
  rows_.clear();
}

std::unique_ptr<StreamOperator> makeReplicateRowsOperator(const artifact::Node& node,
                                                          const OperatorContext& context) {
  return std::make_unique<ReplicateRowsOperator>(node, context);
}

}  // namespace sluice::runtime
