#include "runtime/operators/group_aggregate.h"

#include <cstring>

#include "runtime/data/arena.h"
#include "runtime/operators/operator_support.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

// How a key column is copied from the input to the output: its bytes per row, -1 for a string
// (copied into the output's arena), 0 through a boxed Value.
int keyCopyWidth(PhysicalType from, PhysicalType to) {
  if (from != to) return 0;
  if (from == PhysicalType::String) return -1;
  if (from == PhysicalType::Row || from == PhysicalType::Array || from == PhysicalType::Map) {
    return 0;
  }
  return physicalWidth(from);
}

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
  // The Local phase keeps no state: its partials are the boxed accumulators.
  const bool local = node.aggregatePhase == artifact::AggregatePhase::Local;
  std::vector<DataType> callArgumentTypes;
  sharesDistinct_.assign(node.aggregates.size(), 0);
  for (size_t i = 0; i < node.aggregates.size(); ++i) {
    const artifact::AggregateCall& call = node.aggregates[i];
    const DataType argument =
        call.arguments.empty() ? DataType::bigInt() : argumentTypes[call.arguments[0]];
    callArgumentTypes.push_back(argument);
    if (!local && sharesDistinctValues(call)) {
      // The DISTINCT values live in a DistinctValues; the call keeps the plain accumulator.
      artifact::AggregateCall plain = call;
      plain.distinct = false;
      functions_.push_back(makeAggregateFunction(plain, argument, node.inputUpdates));
      sharesDistinct_[i] = 1;
      continue;
    }
    if (!local) {
      StateBackedAggregate view = makeStateBackedAggregate(
          call, static_cast<int>(i), argument, node.inputUpdates, *state_, node.stateTtlMillis);
      if (view.function) {
        functions_.push_back(std::move(view.function));
        views_.insert(views_.end(), view.states.begin(), view.states.end());
        continue;
      }
    }
    functions_.push_back(
        makeAggregateFunction(call, argument, node.inputUpdates, jobConfiguration(context.plan)));
  }
  // A row's arguments: one per distinct argument list, whatever the number of calls reading it.
  for (size_t i = 0; i < node.aggregates.size(); ++i) {
    const artifact::AggregateCall& call = node.aggregates[i];
    argumentOf_.push_back(-1);
    if (call.arguments.empty()) continue;
    for (size_t a = 0; a < argumentCalls_.size(); ++a) {
      const artifact::AggregateCall& other = node.aggregates[argumentCalls_[a]];
      if (other.arguments == call.arguments && other.native() == call.native()) {
        argumentOf_.back() = static_cast<int>(a);
        break;
      }
    }
    if (argumentOf_.back() >= 0) continue;
    argumentOf_.back() = static_cast<int>(argumentCalls_.size());
    argumentCalls_.push_back(static_cast<int>(i));
  }
  if (!local) {
    distincts_ = makeDistinctValues(node.aggregates, callArgumentTypes, functions_,
                                    node.inputUpdates, *state_, node.stateTtlMillis, views_);
  }
  groups_ = &state_->valueState("groups", node.stateTtlMillis);  // 0: no TTL
  if (local && !miniBatch_.enabled) {
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
      typedBuffer_ = std::make_unique<AggregateBuffer>(counted, inputTypes_, context.nativeCode);
    }
  }
  // The typed record replaces the boxed accumulators in state when every path of this operator
  // can use it: one phase, and a mini-batch only through the typed combiner.
  if (node.aggregatePhase == artifact::AggregatePhase::Single &&
      (!miniBatch_.enabled || typedBuffer_) && GroupAggregateRecord::supports(node, inputTypes_)) {
    record_ = std::make_unique<GroupAggregateRecord>(node, inputTypes_);
    recordWords_.assign(record_->words(), 0);
    before_.resize(record_->calls());
    after_.resize(record_->calls());
    const std::vector<DataType> outputTypes = nodeTypes(node);
    for (size_t k = 0; k < node.keys.size(); ++k) {
      keyCopyWidths_.push_back(
          keyCopyWidth(physicalTypeOf(inputTypes_[node.keys[k]]), physicalTypeOf(outputTypes[k])));
    }
  }
}

void GroupAggregateOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  output_.clear();
  if (node_.aggregatePhase == artifact::AggregatePhase::Global) {
    mergePartials(batch, out);
  } else if (miniBatch_.enabled) {
    bufferBatch(batch, out);
  } else if (record_) {
    processTypedRows(batch, out);
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
  keyEncoder_.clear();
  keyValues_.clear();
  for (int column : node_.keys) {
    keyValues_.push_back(readValue(batch.column(column), row));
    appendKeyValue(keyValues_.back(), physicalTypeOf(inputTypes_[column]), keyEncoder_);
  }
  key_.assign(keyEncoder_.bytes());
  applies_.clear();
  for (const artifact::AggregateCall& call : node_.aggregates) {
    bool applies = true;
    if (call.filterColumn >= 0) {
      const Vector& filter = batch.column(call.filterColumn);
      applies = !filter.isNull(row) && filter.values<uint8_t>()[row] != 0;
    }
    applies_.push_back(applies);
  }
  arguments_.resize(argumentCalls_.size());
  for (size_t a = 0; a < argumentCalls_.size(); ++a) {
    arguments_[a] = aggregateInput(node_.aggregates[argumentCalls_[a]], [&](int column) {
      return readValue(batch.column(column), row);
    });
  }
}

void GroupAggregateOperator::processRow(const Batch& batch, int row, Output& out) {
  readRow(batch, row);
  state_->setCurrentKey(key_);
  const bool accumulates = isAccumulate(batch.rowKind(row));
  // Retracting from a group that does not exist (its state expired): nothing to undo.
  if (!load(group_) && !accumulates) return;
  apply(group_, accumulates, arguments_.data(), applies_.data());
  store(group_, keyValues_, out);
}

// The current key's state: its row count, then one accumulator per call. False when the group
// is new (fresh accumulators, and no values left in the calls' maps).
bool GroupAggregateOperator::load(Group& group) {
  const std::optional<std::string_view> stored = groups_->get();
  group.existed = stored.has_value();
  group.accumulators.clear();
  if (!stored) {
    group.rowCount = 0;
    group.before.clear();
    for (const auto& function : functions_) group.accumulators.push_back(function->create());
    clearViews();
    return false;
  }
  std::string_view in = *stored;
  group.rowCount = decodeValue(in).integer;
  for (size_t i = 0; i < functions_.size(); ++i) {
    group.accumulators.push_back(decodeValue(in));
    functions_[i]->unpack(group.accumulators.back());  // read, then updated
  }
  results(group.accumulators, group.before);
  return true;
}

void GroupAggregateOperator::pack(std::vector<Value>& accumulators) const {
  for (size_t i = 0; i < functions_.size(); ++i) functions_[i]->pack(accumulators[i]);
}

void GroupAggregateOperator::apply(Group& group, bool accumulates, const Value* arguments,
                                   const uint8_t* applies) {
  static const Value kNoArgument;
  for (size_t i = 0; i < functions_.size(); ++i) {
    if (!applies[i] || sharesDistinct_[i]) continue;
    const int at = argumentOf_[i];
    const Value& argument = at < 0 ? kNoArgument : arguments[at];
    if (accumulates) {
      functions_[i]->accumulate(group.accumulators[i], argument);
    } else {
      functions_[i]->retract(group.accumulators[i], argument);
    }
  }
  for (const auto& distinct : distincts_) {
    distinct->apply(group.accumulators, accumulates, arguments[argumentOf_[distinct->calls()[0]]],
                    applies);
  }
  group.rowCount += accumulates ? 1 : -1;
}

void GroupAggregateOperator::mergeInto(Group& group, const std::vector<Value>& partials) {
  for (size_t i = 0; i < functions_.size(); ++i) {
    if (!sharesDistinct_[i]) functions_[i]->merge(group.accumulators[i], partials[i]);
  }
  for (const auto& distinct : distincts_) distinct->merge(group.accumulators, partials);
}

// Writes the group back to the current key and emits its change: one per row, or one per key
// and mini-batch.
void GroupAggregateOperator::store(Group& group, const std::vector<Value>& keyValues, Output& out) {
  if (group.rowCount <= 0) {
    pack(group.accumulators);  // dropped
    groups_->clear();
    clearViews();
    if (group.existed) emit(RowKind::Delete, keyValues, group.before, out);
    return;
  }
  results(group.accumulators, afterValues_);  // before packing: from the working accumulators
  pack(group.accumulators);
  encoded_.clear();
  encodeValue(Value::ofInteger(group.rowCount), encoded_);
  for (const Value& accumulator : group.accumulators) encodeValue(accumulator, encoded_);
  groups_->put(encoded_);

  if (!group.existed) {
    emit(RowKind::Insert, keyValues, afterValues_, out);
  } else if (afterValues_ != group.before) {
    if (node_.emitsUpdateBefore) emit(RowKind::UpdateBefore, keyValues, group.before, out);
    emit(RowKind::UpdateAfter, keyValues, afterValues_, out);
  }
}

void GroupAggregateOperator::results(const std::vector<Value>& accumulators,
                                     std::vector<Value>& values) const {
  values.resize(functions_.size());
  for (size_t i = 0; i < functions_.size(); ++i) values[i] = functions_[i]->result(accumulators[i]);
}

void GroupAggregateOperator::clearViews() {
  for (KeyedState* view : views_) view->clear();
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
  for (const Value& value : values)
    writeValue(output_.column(column++), at, value, output_.arena());
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

void GroupAggregateOperator::processTypedRows(const Batch& batch, Output& out) {
  int64_t* record = recordWords_.data();
  for (int row = 0; row < batch.size(); ++row) {
    keyEncoder_.clear();
    for (int column : node_.keys) appendKeyCell(batch.column(column), row, keyEncoder_);
    state_->setCurrentKey(keyEncoder_.bytes());
    const bool accumulates = isAccumulate(batch.rowKind(row));
    const std::optional<std::string_view> stored = groups_->get();
    if (stored) {
      loadRecord(*stored);
    } else if (!accumulates) {
      continue;  // retracting from a group that does not exist: nothing to undo
    } else {
      record_->init(record);
    }
    record_->apply(record, batch, row, accumulates);
    storeTyped(stored.has_value(), &batch, row, out);
  }
}

// The stored record into recordWords_, and its results into before_.
void GroupAggregateOperator::loadRecord(std::string_view stored) {
  if (stored.size() != record_->bytes()) {
    throw StateError("group aggregate state of " + std::to_string(stored.size()) +
                     " bytes, expected a record of " + std::to_string(record_->bytes()));
  }
  std::memcpy(recordWords_.data(), stored.data(), stored.size());
  record_->results(recordWords_.data(), before_.data());
}

// store() for the typed record in recordWords_; before_ holds the results state held.
void GroupAggregateOperator::storeTyped(bool existed, const Batch* keyBatch, int keyRow,
                                        Output& out) {
  const int64_t* record = recordWords_.data();
  if (GroupAggregateRecord::rowCount(record) <= 0) {
    groups_->clear();
    if (existed) emitTyped(RowKind::Delete, before_.data(), keyBatch, keyRow, out);
    return;
  }
  groups_->put({reinterpret_cast<const char*>(record), record_->bytes()});
  record_->results(record, after_.data());
  if (!existed) {
    emitTyped(RowKind::Insert, after_.data(), keyBatch, keyRow, out);
  } else if (after_ != before_) {
    if (node_.emitsUpdateBefore) {
      emitTyped(RowKind::UpdateBefore, before_.data(), keyBatch, keyRow, out);
    }
    emitTyped(RowKind::UpdateAfter, after_.data(), keyBatch, keyRow, out);
  }
}

void GroupAggregateOperator::emitTyped(RowKind kind, const TypedResult* results,
                                       const Batch* keyBatch, int keyRow, Output& out) {
  if (output_.full()) {
    out.emit(output_);
    output_.clear();
  }
  const int at = output_.size();
  const int keys = static_cast<int>(node_.keys.size());
  for (int k = 0; k < keys; ++k) {
    Vector& to = output_.column(k);
    if (keyBatch == nullptr) {
      writeValue(to, at, keyValues_[k], output_.arena());
      continue;
    }
    const Vector& from = keyBatch->column(node_.keys[k]);
    const int width = keyCopyWidths_[k];
    if (width == 0) {
      writeValue(to, at, readValue(from, keyRow), output_.arena());
      continue;
    }
    const bool isNull = from.isNull(keyRow);
    to.setNull(at, isNull);
    if (isNull) continue;
    if (width < 0) {
      to.values<StringRef>()[at] = output_.arena().copy(from.values<StringRef>()[keyRow].view());
    } else if (width == 8) {
      to.values<int64_t>()[at] = from.values<int64_t>()[keyRow];
    } else {
      std::memcpy(to.values<char>() + static_cast<size_t>(at) * width,
                  from.values<char>() + static_cast<size_t>(keyRow) * width,
                  static_cast<size_t>(width));
    }
  }
  record_->write(results, output_, keys, at);
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

StateSize GroupAggregateOperator::stateSize() const {
  return stateSizeOf(*state_);
}

}  // namespace sluice::runtime
