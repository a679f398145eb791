#include "runtime/operators/over_aggregate.h"
#include "runtime/operators/operator_support.h"

#include <cstring>
#include <stdexcept>

#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {


const Value kNoArgument;  // COUNT(*)'s

}  // namespace

std::unique_ptr<StreamOperator> makeOverAggregateOperator(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state) {
  if (node.sortKeys.size() != 1) {
    throw std::invalid_argument("an OVER aggregation needs exactly one time attribute to order by");
  }
  if (node.inputUpdates) return makeUpdatingInputOver(node, context, std::move(state));
  if (!node.eventTime) return makeProcessingTimeOver(node, context, std::move(state));
  if (node.precedingBound < 0) return makeEventTimeUnboundedOver(node, context, std::move(state));
  if (node.rowsFrame) return makeEventTimeRowsOver(node, context, std::move(state));
  return makeEventTimeRangeOver(node, context, std::move(state));
}

OverAggregateOperator::OverAggregateOperator(const artifact::Node& node,
                                             const OperatorContext& context,
                                             std::unique_ptr<KeyedStateBackend> state,
                                             bool retracts)
    : node_(node),
      state_(std::move(state)),
      timeColumn_(node.sortKeys.at(0).column),
      output_(nodeTypes(node), context.batchSize) {
  for (const artifact::AggregateCall& call : node.aggregates) {
    const DataType argument =
        call.arguments.empty() ? DataType::bigInt() : context.inputTypes.at(call.arguments[0]);
    functions_.push_back(
        makeAggregateFunction(call, argument, retracts, jobConfiguration(context.plan)));
  }
}

void OverAggregateOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  Row row(static_cast<size_t>(batch.columnCount()));
  for (int r = 0; r < batch.size(); ++r) {
    // Only the operator for updating input revises its results.
    kind_ = batch.rowKind(r);
    if (kind_ != RowKind::Insert && !node_.inputUpdates) {
      throw std::logic_error("OVER aggregation received an update or a deletion");
    }
    for (int c = 0; c < batch.columnCount(); ++c) {
      row[static_cast<size_t>(c)] = readValue(batch.column(c), r);
    }
    key_.clear();
    for (int column : node_.keys) encodeValue(row[static_cast<size_t>(column)], key_);
    state_->setCurrentKey(key_);
    processRow(row, out);
  }
  flush(out);
}

std::optional<int64_t> OverAggregateOperator::eventTimeOf(const Row& row) {
  const Value& time = row[static_cast<size_t>(timeColumn_)];
  if (time.isNull) {
    ++dropped_;
    return std::nullopt;
  }
  return time.integer;
}

OverAggregateOperator::Accumulators OverAggregateOperator::load(ValueState& state) const {
  Accumulators accumulators;
  if (std::optional<std::string_view> stored = state.get()) {
    std::string_view in = *stored;
    for (size_t i = 0; i < functions_.size(); ++i) accumulators.push_back(decodeValue(in));
    return accumulators;
  }
  for (const auto& function : functions_) accumulators.push_back(function->create());
  return accumulators;
}

void OverAggregateOperator::store(ValueState& state, Accumulators& accumulators) {
  bytes_.clear();
  for (size_t i = 0; i < functions_.size(); ++i) {
    functions_[i]->pack(accumulators[i]);
    encodeValue(accumulators[i], bytes_);
  }
  state.put(bytes_);
}

void OverAggregateOperator::accumulate(Accumulators& accumulators, const Row& row) const {
  update(accumulators, row, /*adds=*/true);
}

void OverAggregateOperator::retract(Accumulators& accumulators, const Row& row) const {
  update(accumulators, row, /*adds=*/false);
}

void OverAggregateOperator::update(Accumulators& accumulators, const Row& row, bool adds) const {
  for (size_t i = 0; i < functions_.size(); ++i) {
    const artifact::AggregateCall& call = node_.aggregates[i];
    if (call.filterColumn >= 0) {
      const Value& keep = row[static_cast<size_t>(call.filterColumn)];
      if (keep.isNull || keep.integer == 0) continue;
    }
    Value several;  // a native function's arguments
    if (call.arguments.size() > 1 && call.native()) {
      several = aggregateInput(call, [&](int column) { return row[static_cast<size_t>(column)]; });
    }
    const Value& argument = call.arguments.empty() ? kNoArgument
                            : call.arguments.size() > 1 && call.native()
                                ? several
                                : row[static_cast<size_t>(call.arguments[0])];
    if (adds) {
      functions_[i]->accumulate(accumulators[i], argument);
    } else {
      functions_[i]->retract(accumulators[i], argument);
    }
  }
}

OverAggregateOperator::Row OverAggregateOperator::results(const Accumulators& accumulators) const {
  Row values;
  values.reserve(functions_.size());
  for (size_t i = 0; i < functions_.size(); ++i)
    values.push_back(functions_[i]->result(accumulators[i]));
  return values;
}

OverAggregateOperator::Accumulators OverAggregateOperator::fresh() const {
  Accumulators accumulators;
  accumulators.reserve(functions_.size());
  for (const auto& function : functions_) accumulators.push_back(function->create());
  return accumulators;
}

void OverAggregateOperator::discard(Accumulators& accumulators) const {
  for (size_t i = 0; i < functions_.size(); ++i) functions_[i]->pack(accumulators[i]);
}

void OverAggregateOperator::emit(const Row& row, const Row& values, Output& out, RowKind kind) {
  if (output_.full()) flush(out);
  const int at = output_.size();
  int column = 0;
  for (const Value& value : row) writeValue(output_.column(column++), at, value, output_.arena());
  for (const Value& value : values)
    writeValue(output_.column(column++), at, value, output_.arena());
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

void OverAggregateOperator::flush(Output& out) {
  if (output_.size() == 0) return;
  out.emit(output_);
  output_.clear();
}

StateSize OverAggregateOperator::stateSize() const { return stateSizeOf(*state_); }

std::string OverAggregateOperator::encodeRow(const Row& row) {
  std::string bytes;
  for (const Value& value : row) encodeValue(value, bytes);
  return bytes;
}

OverAggregateOperator::Row OverAggregateOperator::decodeRow(std::string_view bytes) {
  Row row;
  while (!bytes.empty()) row.push_back(decodeValue(bytes));
  return row;
}

std::optional<int64_t> OverAggregateOperator::loadInt64(ValueState& state) {
  const std::optional<std::string_view> bytes = state.get();
  if (!bytes || bytes->size() != sizeof(int64_t)) return std::nullopt;
  int64_t value = 0;
  std::memcpy(&value, bytes->data(), sizeof value);
  return value;
}

void OverAggregateOperator::storeInt64(ValueState& state, int64_t value) {
  state.put(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
}

std::string OverAggregateOperator::rowKey(int64_t time, int64_t sequence) {
  return KeyEncoder().appendInt64(time).appendInt64(sequence).take();
}

std::string OverAggregateOperator::rowsAt(int64_t time) {
  return KeyEncoder().appendInt64(time).take();
}

std::vector<OverAggregateOperator::BufferedRow> OverAggregateOperator::bufferedRows(
    SortedMapState& rows, std::string_view from, std::optional<std::string_view> to) {
  std::vector<BufferedRow> found;
  rows.forEachInRange(from, to, [&](std::string_view key, std::string_view value) {
    found.push_back({KeyDecoder(key).readInt64(), std::string(key), decodeRow(value)});
    return Visit::Continue;
  });
  return found;
}

}  // namespace sluice::runtime
