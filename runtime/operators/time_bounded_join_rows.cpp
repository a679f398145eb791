#include "runtime/operators/time_bounded_join_rows.h"

#include <stdexcept>

#include "runtime/operators/operator_support.h"

#include <climits>

#include "runtime/operators/operator_support.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {

std::string timeBoundedJoinKey(const std::vector<Value>& row, const std::vector<int>& keys,
                               const std::vector<DataType>& types, bool isLeft) {
  KeyEncoder key;
  bool complete = true;
  for (int column : keys) {
    const Value& value = row[static_cast<size_t>(column)];
    if (value.isNull) complete = false;
    appendKeyValue(value, physicalTypeOf(types[static_cast<size_t>(column)]), key);
  }
  std::string bytes = key.take();
  if (!complete) bytes += isLeft ? "\x01L" : "\x01R";
  return bytes;
}

std::string bufferedRowKey(int64_t time, int64_t sequence) {
  return KeyEncoder().appendInt64(time).appendInt64(sequence).take();
}

std::string rowsAt(int64_t time) { return KeyEncoder().appendInt64(time).take(); }

std::optional<std::string> rowsAfter(int64_t time) {
  if (time == INT64_MAX) return std::nullopt;
  return rowsAt(time + 1);
}

std::string encodeBufferedRow(const std::vector<Value>& row, bool joined) {
  std::string out;
  encodeValue(Value::ofInteger(joined ? 1 : 0), out);
  for (const Value& value : row) encodeValue(value, out);
  return out;
}

std::vector<JoinRecord> bufferedRows(SortedMapState& rows, std::string_view from,
                                     const std::optional<std::string>& to) {
  std::vector<JoinRecord> records;
  std::optional<std::string_view> end;
  if (to) end = *to;
  rows.forEachInRange(from, end, [&](std::string_view key, std::string_view value) {
    JoinRecord& record = records.emplace_back();
    record.entryKey = std::string(key);
    record.associations = decodeValue(value).integer;
    while (!value.empty()) record.row.push_back(decodeValue(value));
    return Visit::Continue;
  });
  return records;
}

JoinedRows::JoinedRows(const std::vector<DataType>& types, size_t leftWidth, size_t rightWidth,
                       int batchSize)
    : leftWidth_(leftWidth), rightWidth_(rightWidth), batch_(types, batchSize) {}

void JoinedRows::emit(const std::vector<Value>* left, const std::vector<Value>* right,
                      Output& out) {
  if (batch_.full()) flush(out);
  const int at = batch_.size();
  int column = 0;
  auto write = [&](const std::vector<Value>* row, size_t width) {
    for (size_t c = 0; c < width; ++c) {
      writeValue(batch_.column(column++), at, row ? (*row)[c] : Value::null(), batch_.arena());
    }
  };
  write(left, leftWidth_);
  write(right, rightWidth_);
  batch_.rowKinds()[at] = RowKind::Insert;
  batch_.setSize(at + 1);
}

void JoinedRows::flush(Output& out) {
  if (batch_.size() > 0) out.emit(batch_);
  batch_.clear();
}

TimeBoundedJoin::TimeBoundedJoin(const artifact::Node& node, const OperatorContext& context,
                                 std::unique_ptr<KeyedStateBackend> state, size_t outputRightWidth)
    : node_(node),
      state_(std::move(state)),
      leftTypes_(context.inputTypes),
      rightTypes_(nodeTypes(context.plan->node(node.inputs[1]))),
      condition_(node, leftTypes_, rightTypes_, functionsOf(context), context.timeZone),
      output_(nodeTypes(node), leftTypes_.size(), outputRightWidth, context.batchSize),
      leftRows_(state_->sortedMapState("left")),
      rightRows_(state_->sortedMapState("right")) {
  using artifact::JoinType;
  leftOuter_ = node.joinType == JoinType::Left || node.joinType == JoinType::Full;
  rightOuter_ = node.joinType == JoinType::Right || node.joinType == JoinType::Full;
}

StateSize TimeBoundedJoin::stateSize() const { return stateSizeOf(*state_); }

void TimeBoundedJoin::readRow(const Batch& batch, int r, const char* what) {
  if (batch.rowKind(r) != RowKind::Insert) {
    throw std::logic_error(std::string(what) + " received an update or a deletion");
  }
  row_.clear();
  for (int c = 0; c < batch.columnCount(); ++c) row_.push_back(readValue(batch.column(c), r));
}

void TimeBoundedJoin::selectKey(bool isLeft) {
  state_->setCurrentKey(timeBoundedJoinKey(row_, isLeft ? node_.keys : node_.rightKeys,
                                           isLeft ? leftTypes_ : rightTypes_, isLeft));
}

}  // namespace sluice::runtime
