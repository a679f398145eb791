#include "runtime/operators/window_accumulators.h"
#include "runtime/operators/operator_support.h"

#include "runtime/data/row_kind.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/operators/window_slices.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {


}  // namespace

void encodeGroupKey(const Batch& batch, int row, const std::vector<int>& keys, std::string& out) {
  out.clear();
  for (int column : keys) encodeValue(readValue(batch.column(column), row), out);
}

std::vector<Value> decodeGroupKey(std::string_view bytes) {
  std::vector<Value> values;
  while (!bytes.empty()) values.push_back(decodeValue(bytes));
  return values;
}

WindowAccumulators::WindowAccumulators(const artifact::Node& node,
                                       const std::vector<DataType>& inputTypes, bool retracts,
                                       const std::map<std::string, std::string>* configuration)
    : node_(node) {
  for (const artifact::AggregateCall& call : node.aggregates) {
    const DataType argument =
        call.arguments.empty() ? DataType::bigInt() : inputTypes[call.arguments[0]];
    functions_.push_back(makeAggregateFunction(call, argument, retracts, configuration));
  }
}

std::vector<Value> WindowAccumulators::create() const {
  std::vector<Value> accumulators;
  accumulators.reserve(functions_.size());
  for (const auto& function : functions_) accumulators.push_back(function->create());
  return accumulators;
}

void WindowAccumulators::accumulate(std::vector<Value>& accumulators, const Batch& batch,
                                    int row) const {
  const bool adds = isAccumulate(batch.rowKind(row));
  for (size_t i = 0; i < functions_.size(); ++i) {
    const artifact::AggregateCall& call = node_.aggregates[i];
    if (call.filterColumn >= 0) {
      const Vector& filter = batch.column(call.filterColumn);
      if (filter.isNull(row) || filter.values<uint8_t>()[row] == 0) continue;
    }
    const Value argument =
        aggregateInput(call, [&](int column) { return readValue(batch.column(column), row); });
    if (adds) {
      functions_[i]->accumulate(accumulators[i], argument);
    } else {
      functions_[i]->retract(accumulators[i], argument);
    }
  }
}

void WindowAccumulators::merge(std::vector<Value>& accumulators,
                               const std::vector<Value>& other) const {
  for (size_t i = 0; i < functions_.size(); ++i) functions_[i]->merge(accumulators[i], other[i]);
}

void WindowAccumulators::results(const std::vector<Value>& accumulators,
                                 std::vector<Value>& out) const {
  out.clear();
  for (size_t i = 0; i < functions_.size(); ++i) out.push_back(functions_[i]->result(accumulators[i]));
}

void WindowAccumulators::pack(std::vector<Value>& accumulators) const {
  for (size_t i = 0; i < functions_.size(); ++i) functions_[i]->pack(accumulators[i]);
}

void WindowAccumulators::encode(std::vector<Value>& accumulators, std::string& out) const {
  pack(accumulators);
  out.clear();
  for (const Value& accumulator : accumulators) encodeValue(accumulator, out);
}

std::vector<Value> WindowAccumulators::decode(std::string_view bytes) const {
  std::vector<Value> accumulators;
  accumulators.reserve(functions_.size());
  for (size_t i = 0; i < functions_.size(); ++i) accumulators.push_back(decodeValue(bytes));
  return accumulators;
}

WindowRowWriter::WindowRowWriter(const artifact::Node& node, int batchSize)
    : node_(node), output_(nodeTypes(node), batchSize) {}

void WindowRowWriter::write(const std::vector<Value>& key, const std::vector<Value>& results,
                            int64_t start, int64_t end, Output& out) {
  if (output_.full()) flush(out);
  const int at = output_.size();
  int column = 0;
  for (const Value& value : key) writeValue(output_.column(column++), at, value, output_.arena());
  for (const Value& value : results) writeValue(output_.column(column++), at, value, output_.arena());
  for (artifact::WindowProperty property : node_.windowProperties) {
    int64_t time = end - kWindowTimePrecisionMicros;  // rowtime and proctime: window_time
    if (property == artifact::WindowProperty::Start) time = start;
    if (property == artifact::WindowProperty::End) time = end;
    writeValue(output_.column(column++), at, Value::ofInteger(time), output_.arena());
  }
  output_.rowKinds()[at] = RowKind::Insert;
  output_.setSize(at + 1);
}

void WindowRowWriter::flush(Output& out) {
  if (output_.size() > 0) out.emit(output_);
  output_.clear();
}

}  // namespace sluice::runtime
