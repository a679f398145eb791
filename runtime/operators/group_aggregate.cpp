#include "runtime/operators/group_aggregate.h"

#include <cstring>

#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

std::vector<DataType> schemaTypes(const artifact::Node& node) {
  std::vector<DataType> types;
  for (const artifact::Field& field : node.schema) types.push_back(field.type);
  return types;
}

// The group key as bytes. Flink groups by binary rows, so -0.0 and 0.0 are two groups (their
// bits differ); the hash exchange sends both to one instance, which is all it must do.
void encodeKeyValue(const Value& value, PhysicalType type, KeyEncoder& key) {
  key.appendNullMarker(value.isNull);
  if (value.isNull) return;
  switch (type) {
    case PhysicalType::Float32:
    case PhysicalType::Float64: {
      int64_t bits = 0;
      std::memcpy(&bits, &value.real, sizeof bits);
      key.appendInt64(bits);
      break;
    }
    case PhysicalType::String: key.appendString(value.bytes); break;
    case PhysicalType::Int128: {
      char raw[sizeof(int128_t)];
      std::memcpy(raw, &value.wide, sizeof raw);
      key.appendString(std::string_view(raw, sizeof raw));
      break;
    }
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map: {
      std::string nested;
      encodeValue(value, nested);
      key.appendString(nested);
      break;
    }
    default: key.appendInt64(value.integer); break;
  }
}

}  // namespace

GroupAggregateOperator::GroupAggregateOperator(const artifact::Node& node,
                                               const std::vector<DataType>& inputTypes,
                                               std::unique_ptr<KeyedStateBackend> state,
                                               int batchSize)
    : node_(node),
      inputTypes_(inputTypes),
      state_(std::move(state)),
      output_(schemaTypes(node), batchSize) {
  for (const artifact::AggregateCall& call : node.aggregates) {
    const DataType argument =
        call.arguments.empty() ? DataType::bigInt() : inputTypes_[call.arguments[0]];
    functions_.push_back(makeAggregateFunction(call, argument, node.inputUpdates));
  }
  groups_ = &state_->valueState("groups");
}

void GroupAggregateOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  output_.clear();
  for (int row = 0; row < batch.size(); ++row) processRow(batch, row, out);
  if (output_.size() > 0) out.emit(output_);
}

void GroupAggregateOperator::processRow(const Batch& batch, int row, Output& out) {
  KeyEncoder key;
  for (int column : node_.keys) {
    encodeKeyValue(readValue(batch.column(column), row), physicalTypeOf(inputTypes_[column]), key);
  }
  state_->setCurrentKey(key.bytes());
  const bool accumulates = isAccumulate(batch.rowKind(row));

  // State: the group's row count, then one accumulator per call.
  int64_t rowCount = 0;
  std::vector<Value> accumulators;
  const std::optional<std::string_view> stored = groups_->get();
  const bool firstRow = !stored;
  if (stored) {
    std::string_view in = *stored;
    rowCount = decodeValue(in).integer;
    for (size_t i = 0; i < functions_.size(); ++i) accumulators.push_back(decodeValue(in));
  } else {
    // Retracting from a group that does not exist (its state expired): nothing to undo.
    if (!accumulates) return;
    for (const auto& function : functions_) accumulators.push_back(function->create());
  }
  const std::vector<Value> before = firstRow ? std::vector<Value>{} : results(accumulators);

  for (size_t i = 0; i < functions_.size(); ++i) {
    const artifact::AggregateCall& call = node_.aggregates[i];
    if (call.filterColumn >= 0) {
      const Vector& filter = batch.column(call.filterColumn);
      if (filter.isNull(row) || filter.values<uint8_t>()[row] == 0) continue;
    }
    const Value argument =
        call.arguments.empty() ? Value::null() : readValue(batch.column(call.arguments[0]), row);
    if (accumulates) {
      functions_[i]->accumulate(accumulators[i], argument);
    } else {
      functions_[i]->retract(accumulators[i], argument);
    }
  }
  rowCount += accumulates ? 1 : -1;

  if (rowCount <= 0) {
    groups_->clear();
    if (!firstRow) emit(RowKind::Delete, batch, row, before, out);
    return;
  }
  encoded_.clear();
  encodeValue(Value::ofInteger(rowCount), encoded_);
  for (const Value& accumulator : accumulators) encodeValue(accumulator, encoded_);
  groups_->put(encoded_);

  const std::vector<Value> after = results(accumulators);
  if (firstRow) {
    emit(RowKind::Insert, batch, row, after, out);
  } else if (after != before) {
    if (node_.emitsUpdateBefore) emit(RowKind::UpdateBefore, batch, row, before, out);
    emit(RowKind::UpdateAfter, batch, row, after, out);
  }
}

std::vector<Value> GroupAggregateOperator::results(const std::vector<Value>& accumulators) const {
  std::vector<Value> values;
  for (size_t i = 0; i < functions_.size(); ++i) values.push_back(functions_[i]->result(accumulators[i]));
  return values;
}

// One output row: the group's key columns (from the input row: they are the key), then the
// aggregate results.
void GroupAggregateOperator::emit(RowKind kind, const Batch& input, int row,
                                  const std::vector<Value>& values, Output& out) {
  if (output_.full()) {
    out.emit(output_);
    output_.clear();
  }
  const int at = output_.size();
  int column = 0;
  for (int key : node_.keys) {
    writeValue(output_.column(column++), at, readValue(input.column(key), row), output_.arena());
  }
  for (const Value& value : values) writeValue(output_.column(column++), at, value, output_.arena());
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

StateSize GroupAggregateOperator::stateSize() const {
  StateSize size;
  for (const StateStatistics& s : state_->statistics()) {
    size.keys += s.keys;
    size.bytes += s.approximateBytes;
  }
  return size;
}

}  // namespace sluice::runtime
