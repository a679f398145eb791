#include "runtime/operators/streaming_join.h"

#include <algorithm>

#include "runtime/data/row_kind.h"
#include "runtime/operators/operator_support.h"

namespace sluice::runtime {
namespace {

bool contains(const std::vector<int>& columns, int column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

// Whether every unique key column is a join key column: one row per join key then.
bool keysHoldUniqueKey(const std::vector<int>& joinKeys, const std::vector<int>& uniqueKey) {
  if (uniqueKey.empty()) return false;
  return std::all_of(uniqueKey.begin(), uniqueKey.end(),
                     [&](int column) { return contains(joinKeys, column); });
}

}  // namespace

StreamingJoinOperator::StreamingJoinOperator(const artifact::Node& node,
                                             const OperatorContext& context,
                                             std::unique_ptr<KeyedStateBackend> state)
    : node_(node),
      state_(std::move(state)),
      left_{node.keys, context.inputTypes, nullptr, false},
      right_{node.rightKeys, nodeTypes(context.plan->node(node.inputs[1])), nullptr, false},
      semiOrAnti_(node.joinType == artifact::JoinType::Semi ||
                  node.joinType == artifact::JoinType::Anti),
      condition_(node, left_.types, right_.types, functionsOf(context), context.timeZone),
      output_(nodeTypes(node), context.batchSize) {
  using artifact::JoinType;
  left_.outer = node.joinType == JoinType::Left || node.joinType == JoinType::Full;
  right_.outer = node.joinType == JoinType::Right || node.joinType == JoinType::Full;
  left_.records = std::make_unique<JoinRecordState>(
      *state_, "left", node.leftUniqueKey, keysHoldUniqueKey(node.keys, node.leftUniqueKey),
      node.stateTtlMillis);
  right_.records = std::make_unique<JoinRecordState>(
      *state_, "right", node.rightUniqueKey,
      keysHoldUniqueKey(node.rightKeys, node.rightUniqueKey), node.stateTtlMillis);
}

void StreamingJoinOperator::processBatch(Batch& batch, int input, Output& out) {
  const bool inputIsLeft = input == 0;
  const Side& side = inputIsLeft ? left_ : right_;
  for (int row = 0; row < batch.size(); ++row) {
    row_.clear();
    for (int c = 0; c < batch.columnCount(); ++c) row_.push_back(readValue(batch.column(c), row));
    const bool keyed = selectKey(side);
    if (semiOrAnti_) {
      processSemiAntiRow(batch.rowKind(row), inputIsLeft, keyed, out);
    } else {
      processRow(batch.rowKind(row), inputIsLeft, keyed, out);
    }
  }
  flush(out);
}

bool StreamingJoinOperator::selectKey(const Side& side) {
  KeyEncoder key;
  bool complete = true;
  for (int column : side.keys) {
    const Value& value = row_[static_cast<size_t>(column)];
    if (value.isNull) complete = false;
    appendKeyValue(value, physicalTypeOf(side.types[static_cast<size_t>(column)]), key);
  }
  state_->setCurrentKey(key.take());
  return complete;
}

void StreamingJoinOperator::associate(bool inputIsLeft, bool keyed) {
  associated_.clear();
  if (!keyed) return;
  candidates_.clear();
  Side& other = inputIsLeft ? right_ : left_;
  other.records->forEach([&](JoinRecord& record) { candidates_.push_back(std::move(record)); });
  if (candidates_.empty()) return;
  condition_.evaluate(row_, inputIsLeft, candidates_, joins_);
  for (size_t i = 0; i < candidates_.size(); ++i) {
    if (joins_[i]) associated_.push_back(std::move(candidates_[i]));
  }
}

// Flink's StreamingJoinOperator#processElement, case by case.
void StreamingJoinOperator::processRow(RowKind kind, bool inputIsLeft, bool keyed, Output& out) {
  Side& input = inputIsLeft ? left_ : right_;
  Side& other = inputIsLeft ? right_ : left_;
  associate(inputIsLeft, keyed);
  int64_t associatedRows = 0;
  for (const JoinRecord& record : associated_) associatedRows += record.copies;
  auto emitPairs = [&](RowKind pairKind) {
    for (const JoinRecord& record : associated_) {
      for (int64_t copy = 0; copy < record.copies; ++copy) {
        emitPair(pairKind, inputIsLeft, record.row, out);
      }
    }
  };
  auto emitOtherPadded = [&](RowKind paddedKind, const JoinRecord& record) {
    for (int64_t copy = 0; copy < record.copies; ++copy) {
      emitPadded(paddedKind, !inputIsLeft, record.row, out);
    }
  };

  if (isAccumulate(kind)) {
    if (input.outer && associated_.empty()) {
      emitPadded(RowKind::Insert, inputIsLeft, row_, out);
      if (keyed) input.records->add(row_, 0);
      return;
    }
    if (!input.outer && keyed) input.records->add(row_, 0);
    if (associated_.empty()) return;
    if (other.outer) {
      // The other rows' padded versions go as their first match arrives.
      for (const JoinRecord& record : associated_) {
        if (record.associations == 0) emitOtherPadded(RowKind::Delete, record);
        other.records->updateAssociations(record, record.associations + 1);
      }
    }
    // Kinds pass through (+U stays +U) unless padded rows are involved, which need inserts.
    emitPairs(input.outer || other.outer ? RowKind::Insert : kind);
    if (input.outer) input.records->add(row_, associatedRows);
    return;
  }

  if (keyed) input.records->retract(row_);
  if (associated_.empty()) {
    if (input.outer) emitPadded(RowKind::Delete, inputIsLeft, row_, out);
    return;
  }
  emitPairs(input.outer ? RowKind::Delete : kind);
  if (other.outer) {
    // The other rows' padded versions come back as their last match goes.
    for (const JoinRecord& record : associated_) {
      if (record.associations == 1) emitOtherPadded(RowKind::Insert, record);
      other.records->updateAssociations(record, record.associations - 1);
    }
  }
}

// Flink's StreamingSemiAntiJoinOperator: left rows carry how many right rows join them; a left
// row is output (semi) or withdrawn (anti) as that count leaves zero, and the reverse as it
// returns to zero.
void StreamingJoinOperator::processSemiAntiRow(RowKind kind, bool inputIsLeft, bool keyed,
                                               Output& out) {
  const bool anti = node_.joinType == artifact::JoinType::Anti;
  associate(inputIsLeft, keyed);
  if (inputIsLeft) {
    if (associated_.empty() == anti) emit(kind, &row_, nullptr, out);
    if (!keyed) return;
    if (isAccumulate(kind)) {
      int64_t associatedRows = 0;
      for (const JoinRecord& record : associated_) associatedRows += record.copies;
      left_.records->add(row_, associatedRows);
    } else {
      left_.records->retract(row_);
    }
    return;
  }
  if (!keyed) return;
  const bool accumulate = isAccumulate(kind);
  if (accumulate) {
    right_.records->add(row_, 0);
  } else {
    right_.records->retract(row_);
  }
  for (const JoinRecord& record : associated_) {
    const int64_t before = record.associations;
    const int64_t after = before + (accumulate ? 1 : -1);
    if (before == 0 || after == 0) {
      // The first right row to join it, or the last to leave.
      const bool appears = (after > 0) != anti;
      for (int64_t copy = 0; copy < record.copies; ++copy) {
        emit(appears ? RowKind::Insert : RowKind::Delete, &record.row, nullptr, out);
      }
    }
    left_.records->updateAssociations(record, after);
  }
}

void StreamingJoinOperator::emitPair(RowKind kind, bool inputIsLeft,
                                     const std::vector<Value>& other, Output& out) {
  if (inputIsLeft) {
    emit(kind, &row_, &other, out);
  } else {
    emit(kind, &other, &row_, out);
  }
}

void StreamingJoinOperator::emitPadded(RowKind kind, bool rowIsLeft, const std::vector<Value>& row,
                                       Output& out) {
  if (rowIsLeft) {
    emit(kind, &row, nullptr, out);
  } else {
    emit(kind, nullptr, &row, out);
  }
}

void StreamingJoinOperator::emit(RowKind kind, const std::vector<Value>* left,
                                 const std::vector<Value>* right, Output& out) {
  if (output_.full()) flush(out);
  const int at = output_.size();
  int column = 0;
  auto write = [&](const std::vector<Value>* row, size_t width) {
    for (size_t c = 0; c < width; ++c) {
      writeValue(output_.column(column++), at, row ? (*row)[c] : Value::null(), output_.arena());
    }
  };
  write(left, left_.types.size());
  if (!semiOrAnti_) write(right, right_.types.size());
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

void StreamingJoinOperator::flush(Output& out) {
  if (output_.size() > 0) out.emit(output_);
  output_.clear();
}

StateSize StreamingJoinOperator::stateSize() const { return stateSizeOf(*state_); }

std::unique_ptr<StreamOperator> makeJoinOperator(const artifact::Node& node,
                                                 const OperatorContext& context,
                                                 std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<StreamingJoinOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
