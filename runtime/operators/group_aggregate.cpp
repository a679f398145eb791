#include "runtime/operators/group_aggregate.h"
#include "runtime/operators/operator_support.h"

#include <cstring>

#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {


}  // namespace

GroupAggregateOperator::GroupAggregateOperator(const artifact::Node& node,
                                               const OperatorContext& context,
                                               std::unique_ptr<KeyedStateBackend> state)
    : node_(node),
      inputTypes_(context.inputTypes),
      state_(std::move(state)),
      output_(nodeTypes(node), context.batchSize),
      miniBatch_(context.miniBatch) {
  // A Global phase's calls name the columns of its Local's input.
  const std::vector<DataType> argumentTypes =
      node.aggregatePhase == artifact::AggregatePhase::Global ? this->argumentTypes(node, context)
                                                              : inputTypes_;
  for (const artifact::AggregateCall& call : node.aggregates) {
    const DataType argument =
        call.arguments.empty() ? DataType::bigInt() : argumentTypes[call.arguments[0]];
    functions_.push_back(makeAggregateFunction(call, argument, node.inputUpdates));
  }
  groups_ = &state_->valueState("groups", node.stateTtlMillis);  // 0: no TTL
  if (node.aggregatePhase == artifact::AggregatePhase::Local && !miniBatch_.enabled) {
    throw std::invalid_argument("a LocalGroupAggregate without table.exec.mini-batch.enabled");
  }
  // The Global phase merges partials as they come: its Local already combined each mini-batch.
  if (node.aggregatePhase == artifact::AggregatePhase::Global) miniBatch_.enabled = false;
  if (miniBatch_.enabled) {
    // The combiner counts the group's rows as one more call: state keeps the count.
    artifact::Node counted = node;
    artifact::AggregateCall count;
    count.function = "COUNT";
    count.type = DataType::bigInt();
    counted.aggregates.push_back(count);
    if (AggregateBuffer::supports(counted, inputTypes_)) {
      typedBuffer_ = std::make_unique<AggregateBuffer>(counted, inputTypes_);
    }
  }
}

void GroupAggregateOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  output_.clear();
  if (node_.aggregatePhase == artifact::AggregatePhase::Global) {
    mergePartials(batch, out);
  } else if (miniBatch_.enabled) {
    bufferBatch(batch, out);
  } else {
    for (int row = 0; row < batch.size(); ++row) processRow(batch, row, out);
  }
  emitOutput(out);
}

void GroupAggregateOperator::emitOutput(Output& out) {
  if (output_.size() > 0) out.emit(output_);
  output_.clear();
}

// The row's group key (key_, keyValues_) and each call's argument and FILTER verdict.
void GroupAggregateOperator::readRow(const Batch& batch, int row) {
  KeyEncoder key;
  keyValues_.clear();
  for (int column : node_.keys) {
    keyValues_.push_back(readValue(batch.column(column), row));
    appendKeyValue(keyValues_.back(), physicalTypeOf(inputTypes_[column]), key);
  }
  key_ = key.take();
  arguments_.clear();
  applies_.clear();
  for (const artifact::AggregateCall& call : node_.aggregates) {
    bool applies = true;
    if (call.filterColumn >= 0) {
      const Vector& filter = batch.column(call.filterColumn);
      applies = !filter.isNull(row) && filter.values<uint8_t>()[row] != 0;
    }
    applies_.push_back(applies);
    arguments_.push_back(call.arguments.empty() || !applies
                             ? Value::null()
                             : readValue(batch.column(call.arguments[0]), row));
  }
}

void GroupAggregateOperator::processRow(const Batch& batch, int row, Output& out) {
  readRow(batch, row);
  state_->setCurrentKey(key_);
  const bool accumulates = isAccumulate(batch.rowKind(row));
  Group group;
  // Retracting from a group that does not exist (its state expired): nothing to undo.
  if (!load(group) && !accumulates) return;
  apply(group, accumulates, arguments_.data(), applies_.data());
  store(group, keyValues_, out);
}

// The current key's state: its row count, then one accumulator per call. False when the group
// is new (fresh accumulators).
bool GroupAggregateOperator::load(Group& group) {
  const std::optional<std::string_view> stored = groups_->get();
  group.existed = stored.has_value();
  group.accumulators.clear();
  if (!stored) {
    group.rowCount = 0;
    for (const auto& function : functions_) group.accumulators.push_back(function->create());
    return false;
  }
  std::string_view in = *stored;
  group.rowCount = decodeValue(in).integer;
  for (size_t i = 0; i < functions_.size(); ++i) group.accumulators.push_back(decodeValue(in));
  group.before = results(group.accumulators);
  return true;
}

void GroupAggregateOperator::apply(Group& group, bool accumulates, const Value* arguments,
                                   const uint8_t* applies) const {
  for (size_t i = 0; i < functions_.size(); ++i) {
    if (!applies[i]) continue;
    if (accumulates) {
      functions_[i]->accumulate(group.accumulators[i], arguments[i]);
    } else {
      functions_[i]->retract(group.accumulators[i], arguments[i]);
    }
  }
  group.rowCount += accumulates ? 1 : -1;
}

// Writes the group back to the current key and emits its change: one per row, or one per key
// and mini-batch.
void GroupAggregateOperator::store(Group& group, const std::vector<Value>& keyValues,
                                   Output& out) {
  if (group.rowCount <= 0) {
    groups_->clear();
    if (group.existed) emit(RowKind::Delete, keyValues, group.before, out);
    return;
  }
  encoded_.clear();
  encodeValue(Value::ofInteger(group.rowCount), encoded_);
  for (const Value& accumulator : group.accumulators) encodeValue(accumulator, encoded_);
  groups_->put(encoded_);

  const std::vector<Value> after = results(group.accumulators);
  if (!group.existed) {
    emit(RowKind::Insert, keyValues, after, out);
  } else if (after != group.before) {
    if (node_.emitsUpdateBefore) emit(RowKind::UpdateBefore, keyValues, group.before, out);
    emit(RowKind::UpdateAfter, keyValues, after, out);
  }
}

std::vector<Value> GroupAggregateOperator::results(const std::vector<Value>& accumulators) const {
  std::vector<Value> values;
  for (size_t i = 0; i < functions_.size(); ++i) values.push_back(functions_[i]->result(accumulators[i]));
  return values;
}

// One output row: the group's key columns, then the aggregate results.
void GroupAggregateOperator::emit(RowKind kind, const std::vector<Value>& keyValues,
                                  const std::vector<Value>& values, Output& out) {
  if (output_.full()) {
    out.emit(output_);
    output_.clear();
  }
  const int at = output_.size();
  int column = 0;
  for (const Value& key : keyValues) writeValue(output_.column(column++), at, key, output_.arena());
  for (const Value& value : values) writeValue(output_.column(column++), at, value, output_.arena());
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

StateSize GroupAggregateOperator::stateSize() const { return stateSizeOf(*state_); }

}  // namespace sluice::runtime
