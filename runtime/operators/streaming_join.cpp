#include "runtime/operators/streaming_join.h"

#include <algorithm>

#include "runtime/data/arena.h"
#include "runtime/data/row_kind.h"
#include "runtime/data/vector_copy.h"
#include "runtime/operators/operator_support.h"
#include "runtime/state/value_codec.h"

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

std::vector<DataType> concatenated(const std::vector<DataType>& left,
                                   const std::vector<DataType>& right) {
  std::vector<DataType> types = left;
  types.insert(types.end(), right.begin(), right.end());
  return types;
}

// Past this many bytes of candidates' strings, the next row's go to a new arena: the output
// keeps the old one alive only until it is emitted.
constexpr size_t kCandidateStringBytes = 16 * 1024 * 1024;

}  // namespace

StreamingJoinOperator::StreamingJoinOperator(const artifact::Node& node,
                                             const OperatorContext& context,
                                             std::unique_ptr<KeyedStateBackend> state)
    : node_(node),
      state_(std::move(state)),
      left_{node.keys, context.inputTypes, nullptr, false, 0},
      right_{node.rightKeys, nodeTypes(context.plan->node(node.inputs[1])), nullptr, false,
             static_cast<int>(context.inputTypes.size())},
      semiOrAnti_(node.joinType == artifact::JoinType::Semi ||
                  node.joinType == artifact::JoinType::Anti),
      condition_(node, left_.types, right_.types, functionsOf(context), context.timeZone),
      output_(nodeTypes(node), context.batchSize),
      candidateStrings_(std::make_shared<Arena>()),
      joined_(concatenated(left_.types, right_.types), context.batchSize) {
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
  const Side& side = sideOf(inputIsLeft);
  input_ = &batch;
  // A fresh arena per batch: the last one stays with the output batches that refer to it.
  candidateStrings_ = std::make_shared<Arena>();
  output_.shareArenasOf(batch);
  output_.keepAlive(candidateStrings_);
  for (int row = 0; row < batch.size(); ++row) {
    inputRow_ = row;
    const bool keyed = selectKey(side);
    associate(inputIsLeft, keyed);
    if (semiOrAnti_) {
      processSemiAntiRow(batch.rowKind(row), inputIsLeft, keyed, out);
    } else {
      processRow(batch.rowKind(row), inputIsLeft, keyed, out);
    }
  }
  flush(out);
  input_ = nullptr;
}

bool StreamingJoinOperator::selectKey(const Side& side) {
  key_.clear();
  bool complete = true;
  for (int column : side.keys) {
    const Vector& values = input_->column(column);
    if (values.isNull(inputRow_)) complete = false;
    appendKeyCell(values, inputRow_, key_);
  }
  state_->setCurrentKey(key_.bytes());
  return complete;
}

void StreamingJoinOperator::associate(bool inputIsLeft, bool keyed) {
  associated_.clear();
  candidates_.clear();
  candidateBytes_.clear();
  if (!keyed) return;
  sideOf(!inputIsLeft).records->collect(candidates_, candidateBytes_);
  if (candidates_.empty()) return;
  decodeCandidates(inputIsLeft);
  condition_.evaluate(joined_, joins_);
  for (size_t i = 0; i < candidates_.size(); ++i) {
    if (joins_[i]) associated_.push_back(static_cast<int32_t>(i));
  }
}

void StreamingJoinOperator::decodeCandidates(bool inputIsLeft) {
  const int count = static_cast<int>(candidates_.size());
  if (candidateStrings_->bytesAllocated() > kCandidateStringBytes) renewCandidateStrings();
  joined_.clear();
  joined_.reserve(count);
  const Side& input = sideOf(inputIsLeft);
  const Side& other = sideOf(!inputIsLeft);
  repeatedRow_.assign(static_cast<size_t>(count), inputRow_);
  for (size_t c = 0; c < input.types.size(); ++c) {
    gatherRows(input_->column(static_cast<int>(c)), repeatedRow_.data(), count,
               joined_.column(input.firstColumn + static_cast<int>(c)), 0);
  }
  for (int i = 0; i < count; ++i) {
    const StoredJoinRow& stored = candidates_[static_cast<size_t>(i)];
    std::string_view bytes(candidateBytes_.data() + stored.rowOffset, stored.rowSize);
    for (size_t c = 0; c < other.types.size(); ++c) {
      decodeCell(bytes, joined_.column(other.firstColumn + static_cast<int>(c)), i,
                 *candidateStrings_);
    }
    joined_.rowKinds()[i] = RowKind::Insert;
  }
  joined_.setSize(count);
}

// Flink's StreamingJoinOperator#processElement, case by case.
void StreamingJoinOperator::processRow(RowKind kind, bool inputIsLeft, bool keyed, Output& out) {
  Side& input = sideOf(inputIsLeft);
  Side& other = sideOf(!inputIsLeft);
  int64_t associatedRows = 0;
  for (int32_t i : associated_) associatedRows += candidates_[static_cast<size_t>(i)].copies;
  auto emitPairs = [&](RowKind pairKind) {
    selection_.clear();
    for (int32_t i : associated_) {
      selection_.insert(selection_.end(),
                        static_cast<size_t>(candidates_[static_cast<size_t>(i)].copies), i);
    }
    emitJoined(pairKind, selection_, out);
  };
  auto emitOtherPadded = [&](RowKind paddedKind, int32_t i) {
    for (int64_t copy = 0; copy < candidates_[static_cast<size_t>(i)].copies; ++copy) {
      emitPadded(paddedKind, !inputIsLeft, candidate(i, !inputIsLeft), out);
    }
  };

  if (isAccumulate(kind)) {
    if (input.outer && associated_.empty()) {
      emitPadded(RowKind::Insert, inputIsLeft, inputRow(), out);
      if (keyed) input.records->add(*input_, inputRow_, 0);
      return;
    }
    if (!input.outer && keyed) input.records->add(*input_, inputRow_, 0);
    if (associated_.empty()) return;
    if (other.outer) {
      // The other rows' padded versions go as their first match arrives.
      for (int32_t i : associated_) {
        const StoredJoinRow& stored = candidates_[static_cast<size_t>(i)];
        if (stored.associations == 0) emitOtherPadded(RowKind::Delete, i);
        other.records->updateAssociations(stored, candidateBytes_, stored.associations + 1);
      }
    }
    // Kinds pass through (+U stays +U) unless padded rows are involved, which need inserts.
    emitPairs(input.outer || other.outer ? RowKind::Insert : kind);
    if (input.outer) input.records->add(*input_, inputRow_, associatedRows);
    return;
  }

  if (keyed) input.records->retract(*input_, inputRow_);
  if (associated_.empty()) {
    if (input.outer) emitPadded(RowKind::Delete, inputIsLeft, inputRow(), out);
    return;
  }
  emitPairs(input.outer ? RowKind::Delete : kind);
  if (other.outer) {
    // The other rows' padded versions come back as their last match goes.
    for (int32_t i : associated_) {
      const StoredJoinRow& stored = candidates_[static_cast<size_t>(i)];
      if (stored.associations == 1) emitOtherPadded(RowKind::Insert, i);
      other.records->updateAssociations(stored, candidateBytes_, stored.associations - 1);
    }
  }
}

// Flink's StreamingSemiAntiJoinOperator: left rows carry how many right rows join them; a left
// row is output (semi) or withdrawn (anti) as that count leaves zero, and the reverse as it
// returns to zero.
void StreamingJoinOperator::processSemiAntiRow(RowKind kind, bool inputIsLeft, bool keyed,
                                               Output& out) {
  const bool anti = node_.joinType == artifact::JoinType::Anti;
  if (inputIsLeft) {
    if (associated_.empty() == anti) emit(kind, inputRow(), {}, out);
    if (!keyed) return;
    if (isAccumulate(kind)) {
      int64_t associatedRows = 0;
      for (int32_t i : associated_) associatedRows += candidates_[static_cast<size_t>(i)].copies;
      left_.records->add(*input_, inputRow_, associatedRows);
    } else {
      left_.records->retract(*input_, inputRow_);
    }
    return;
  }
  if (!keyed) return;
  const bool accumulate = isAccumulate(kind);
  if (accumulate) {
    right_.records->add(*input_, inputRow_, 0);
  } else {
    right_.records->retract(*input_, inputRow_);
  }
  for (int32_t i : associated_) {
    const StoredJoinRow& stored = candidates_[static_cast<size_t>(i)];
    const int64_t before = stored.associations;
    const int64_t after = before + (accumulate ? 1 : -1);
    if (before == 0 || after == 0) {
      // The first right row to join it, or the last to leave.
      const bool appears = (after > 0) != anti;
      for (int64_t copy = 0; copy < stored.copies; ++copy) {
        emit(appears ? RowKind::Insert : RowKind::Delete, candidate(i, true), {}, out);
      }
    }
    left_.records->updateAssociations(stored, candidateBytes_, after);
  }
}

void StreamingJoinOperator::emitPadded(RowKind kind, bool rowIsLeft, RowSource row,
                                       Output& out) {
  if (rowIsLeft) {
    emit(kind, row, {}, out);
  } else {
    emit(kind, {}, row, out);
  }
}

void StreamingJoinOperator::emit(RowKind kind, RowSource left, RowSource right, Output& out) {
  if (output_.full()) flush(out);
  const int at = output_.size();
  int column = 0;
  auto write = [&](RowSource source, size_t width) {
    for (size_t c = 0; c < width; ++c) {
      Vector& target = output_.column(column++);
      if (source.batch) {
        gatherRows(source.batch->column(source.firstColumn + static_cast<int>(c)), &source.row, 1,
                   target, at);
      } else {
        writeValue(target, at, Value::null(), output_.arena());
      }
    }
  };
  write(left, left_.types.size());
  if (!semiOrAnti_) write(right, right_.types.size());
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

void StreamingJoinOperator::emitJoined(RowKind kind, const std::vector<int32_t>& rows,
                                       Output& out) {
  const int width = output_.columnCount();
  size_t done = 0;
  while (done < rows.size()) {
    if (output_.full()) flush(out);
    const int at = output_.size();
    const int count =
        static_cast<int>(std::min(rows.size() - done, static_cast<size_t>(output_.capacity() - at)));
    for (int c = 0; c < width; ++c) {
      gatherRows(joined_.column(c), rows.data() + done, count, output_.column(c), at);
    }
    std::fill(output_.rowKinds() + at, output_.rowKinds() + at + count, kind);
    output_.setSize(at + count);
    done += static_cast<size_t>(count);
  }
}

void StreamingJoinOperator::flush(Output& out) {
  if (output_.size() > 0) out.emit(output_);
  output_.clear();
  if (input_) {
    output_.shareArenasOf(*input_);
    output_.keepAlive(candidateStrings_);
  }
}

void StreamingJoinOperator::renewCandidateStrings() {
  candidateStrings_ = std::make_shared<Arena>();
  output_.keepAlive(candidateStrings_);
}

StateSize StreamingJoinOperator::stateSize() const { return stateSizeOf(*state_); }

std::unique_ptr<StreamOperator> makeJoinOperator(const artifact::Node& node,
                                                 const OperatorContext& context,
                                                 std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<StreamingJoinOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
