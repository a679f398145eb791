// The two phases of a split GROUP BY (Flink's LocalGroupAggregate / GlobalGroupAggregate): the
// Local flushes a mini-batch as one partial row per key (the keys, each call's accumulator
// encoded by value_codec, the row count), the Global merges each partial into its key's state.
// A Local emits a key at most once per mini-batch, so at parallelism 1 the Global's changelog is
// the one-phase mini-batch one. (Flink's Global buffers partials in a mini-batch of its own;
// here each partial is applied as it comes, which differs only when several Locals send the
// same key within one of its mini-batches.)
#include <stdexcept>

#include "runtime/operators/group_aggregate.h"
#include "runtime/operators/operator_support.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {

// The Global's calls name the columns its Local reads: the types of the Local's input, found
// through the exchange between them.
std::vector<DataType> GroupAggregateOperator::argumentTypes(const artifact::Node& node,
                                                            const OperatorContext& context) {
  if (context.plan == nullptr) throw std::invalid_argument("a GlobalGroupAggregate without plan");
  const artifact::Node* upstream = &context.plan->node(node.inputs.at(0));
  while (upstream->kind == artifact::NodeKind::Exchange) {
    upstream = &context.plan->node(upstream->inputs.at(0));
  }
  if (upstream->kind != artifact::NodeKind::GroupAggregate ||
      upstream->aggregatePhase != artifact::AggregatePhase::Local) {
    throw std::invalid_argument("a GlobalGroupAggregate not fed by a LocalGroupAggregate");
  }
  return nodeTypes(context.plan->node(upstream->inputs.at(0)));
}

void GroupAggregateOperator::emitPartial(const std::vector<Value>& keyValues,
                                         std::vector<Value>& accumulators, int64_t rowCount,
                                         Output& out) {
  pack(accumulators);
  std::vector<Value> values;
  for (const Value& accumulator : accumulators) {
    encoded_.clear();
    encodeValue(accumulator, encoded_);
    values.push_back(Value::ofBytes(encoded_));
  }
  values.push_back(Value::ofInteger(rowCount));
  emit(RowKind::Insert, keyValues, values, out);
}

void GroupAggregateOperator::mergePartials(const Batch& batch, Output& out) {
  const size_t keys = node_.keys.size();
  Group& group = group_;
  for (int row = 0; row < batch.size(); ++row) {
    keyEncoder_.clear();
    keyValues_.clear();
    for (int column : node_.keys) {
      keyValues_.push_back(readValue(batch.column(column), row));
      appendKeyValue(keyValues_.back(), physicalTypeOf(inputTypes_[column]), keyEncoder_);
    }
    state_->setCurrentKey(keyEncoder_.bytes());
    load(group);
    partials_.clear();
    for (size_t i = 0; i < functions_.size(); ++i) {
      const Vector& column = batch.column(static_cast<int>(keys + i));
      std::string_view in = column.values<StringRef>()[row].view();
      partials_.push_back(decodeValue(in));
    }
    mergeInto(group, partials_);
    group.rowCount +=
        readValue(batch.column(static_cast<int>(keys + functions_.size())), row).integer;
    // A partial of retractions only, for a group state no longer holds: nothing to undo.
    if (!group.existed && group.rowCount <= 0) {
      pack(group.accumulators);  // dropped
      clearViews();
      continue;
    }
    store(group, keyValues_, out);
  }
}

}  // namespace sluice::runtime
