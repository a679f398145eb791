#include "runtime/operators/expand.h"
#include "runtime/operators/operator_support.h"

#include <algorithm>
#include <stdexcept>

#include "runtime/data/vector_copy.h"
#include "runtime/expression/evaluation_node.h"

namespace sluice::runtime {
namespace {


}  // namespace

ExpandOperator::ExpandOperator(const artifact::Node& node, const OperatorContext& context)
    : copies_(static_cast<int>(node.rows.size())),
      columns_(node.schema.size()),
      output_(nodeTypes(node), context.batchSize) {
  if (copies_ == 0) throw std::invalid_argument("Expand without projections");
  for (const std::vector<artifact::Expression>& copy : node.rows) {
    if (copy.size() != columns_.size()) {
      throw std::invalid_argument("Expand projections disagree with its schema");
    }
    for (size_t c = 0; c < copy.size(); ++c) {
      const artifact::Expression& e = copy[c];
      Column& column = columns_[c];
      if (e.kind == artifact::ExpressionKind::Column) {
        column.sources.push_back(e.column);
        column.literals.push_back(Value::null());
        column.shared = column.shared < 0 || column.shared == e.column ? e.column : -2;
      } else if (e.kind == artifact::ExpressionKind::Literal) {
        column.sources.push_back(-1);
        column.literals.push_back(literalValue(e, context.timeZone));
      } else {
        throw std::invalid_argument("Expand projects only columns and literals, not " + e.digest());
      }
    }
  }
}

void ExpandOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  const int perBatch = std::max(1, output_.capacity() / copies_);
  for (int start = 0; start < batch.size(); start += perBatch) {
    const int end = std::min(batch.size(), start + perBatch);
    for (int row = start; row < end; ++row) rows_.insert(rows_.end(), copies_, row);
    emit(batch, out);
  }
}

// Output row k is copy k % copies of input row rows_[k], as Flink emits them: all copies of a
// row before the next row.
void ExpandOperator::emit(const Batch& input, Output& out) {
  if (rows_.empty()) return;
  const int count = static_cast<int>(rows_.size());
  output_.clear();
  output_.reserve(count);
  output_.shareArenasOf(input);
  for (size_t c = 0; c < columns_.size(); ++c) {
    const Column& column = columns_[c];
    Vector& to = output_.column(static_cast<int>(c));
    if (column.shared >= 0) gatherRows(input.column(column.shared), rows_.data(), count, to, 0);
    for (int k = 0; k < count; ++k) {
      const int source = column.sources[static_cast<size_t>(k % copies_)];
      if (source >= 0 && source == column.shared) continue;
      if (source >= 0) {
        gatherRows(input.column(source), &rows_[static_cast<size_t>(k)], 1, to, k);
      } else {
        writeValue(to, k, column.literals[static_cast<size_t>(k % copies_)], output_.arena());
      }
    }
  }
  for (int k = 0; k < count; ++k)
    output_.rowKinds()[k] = input.rowKind(rows_[static_cast<size_t>(k)]);
  output_.setSize(count);
  out.emit(output_);
  rows_.clear();
}

std::unique_ptr<StreamOperator> makeExpandOperator(const artifact::Node& node,
                                                   const OperatorContext& context) {
  return std::make_unique<ExpandOperator>(node, context);
}

}  // namespace sluice::runtime
