// The lookup join (Flink's LookupJoinRunner): each input row looks up the rows of the dimension
// table whose key columns equal its key values (left columns, or constants of the ON clause) at
// the time it arrives; the residual condition filters the matches; INNER drops a row without a
// passing match, LEFT pads it with NULLs. Output rows keep their input row's kind, so +I, -U, +U
// and -D pass through. A key with a NULL matches nothing.
//
// Per batch, each distinct key is looked up once (LookupTable::lookupBatch). With the LOOKUP
// hint's 'retry-predicate' = 'lookup_miss', keys that found nothing are looked up again, up to
// 'max-attempts' lookups in all, 'fixed-delay' apart (a cached miss is forgotten first). An
// 'async' = 'true' hint is accepted and runs synchronously: results are the same, in order.
#include <chrono>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "compiler/types/lookup_options.h"
#include "runtime/connector/lookup_cache.h"
#include "runtime/connector/lookup_table.h"
#include "runtime/data/value_text.h"
#include "runtime/operators/join_condition.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/operator_support.h"

namespace sluice::runtime {
namespace {

std::vector<DataType> typesOf(const std::vector<artifact::Field>& fields) {
  std::vector<DataType> types;
  types.reserve(fields.size());
  for (const artifact::Field& field : fields) types.push_back(field.type);
  return types;
}

// The dimension table as a connector sees a table: a Source-like node of its physical columns.
artifact::Node dimensionNode(const artifact::Node& join) {
  artifact::Node dim;
  dim.kind = artifact::NodeKind::Source;
  dim.id = join.id;
  dim.schema = join.lookupSchema;
  dim.location = join.location;
  dim.table = join.table;
  dim.connector = join.connector;
  dim.options = join.options;
  return dim;
}

class LookupJoinOperator : public StreamOperator {
 public:
  LookupJoinOperator(const artifact::Node& node, const OperatorContext& context);

  void processBatch(Batch& batch, int input, Output& out) override;
  StateSize stateSize() const override { return {cache_ ? cache_->size() : 0, 0}; }

 private:
  void openTable(const OperatorContext& context);
  void readHint();
  // The lookup key of `row` into key_; false when a key value is NULL.
  bool keyOf(const std::vector<Value>& row);
  void lookUp(const std::vector<std::vector<Value>>& keys, std::vector<LookupRows>& results);
  void emit(const std::vector<Value>& left, const LookupRow* right, RowKind kind, Output& out);
  void flush(Output& out);

  const artifact::Node& node_;
  artifact::Node dimension_;  // outlives table_, which may keep references into its options
  std::vector<DataType> leftTypes_;
  std::vector<DataType> dimensionTypes_;
  std::vector<Value> constants_;  // the values of node_.lookupConstants
  LookupHintOptions hint_;
  std::unique_ptr<LookupTable> table_;
  CachingLookupTable* cache_ = nullptr;  // table_ when it is a cache
  JoinCondition condition_;
  bool leftOuter_;
  Batch output_;
  // Per batch: each row's values and key index (-1: a NULL key), the distinct keys, results.
  std::vector<std::vector<Value>> rows_;
  std::vector<int> keyIndex_;
  std::vector<std::vector<Value>> keys_;
  std::vector<LookupRows> results_;
  std::vector<Value> key_;
  std::vector<JoinRecord> candidates_;
  std::vector<uint8_t> passes_;
};

LookupJoinOperator::LookupJoinOperator(const artifact::Node& node, const OperatorContext& context)
    : node_(node),
      dimension_(dimensionNode(node)),
      leftTypes_(context.inputTypes),
      dimensionTypes_(typesOf(node.lookupSchema)),
      condition_(node, leftTypes_, dimensionTypes_, functionsOf(context), context.timeZone),
      leftOuter_(node.joinType == artifact::JoinType::Left),
      output_(nodeTypes(node), context.batchSize) {
  if (node.joinType != artifact::JoinType::Inner && node.joinType != artifact::JoinType::Left) {
    throw std::invalid_argument("a lookup join is INNER or LEFT");
  }
  const TimeZone zone = TimeZone::forName(context.timeZone).value_or(TimeZone::utc());
  for (size_t i = 0; i < node.lookupConstants.size(); ++i) {
    const artifact::Expression& constant = node.lookupConstants[i];
    if (!constant.literal) {
      constants_.push_back(Value::null());
      continue;
    }
    ParsedValue parsed = parseValue(*constant.literal, constant.type, zone);
    if (!parsed.ok) throw std::invalid_argument("lookup key constant: " + parsed.error);
    constants_.push_back(std::move(parsed.value));
  }
  readHint();
  openTable(context);
}

void LookupJoinOperator::readHint() {
  if (node_.lookupHint.empty()) return;
  std::vector<std::pair<std::string, std::string>> options(node_.lookupHint.begin(),
                                                           node_.lookupHint.end());
  std::string error;
  auto hint = parseLookupHint(options, error);
  if (!hint) throw std::invalid_argument(error);
  hint_ = *hint;
}

void LookupJoinOperator::openTable(const OperatorContext& context) {
  if (context.connectors == nullptr) throw std::invalid_argument("no connectors to look up in");
  const ConnectorFactory* factory = context.connectors->find(node_.connector);
  if (factory == nullptr) {
    throw std::invalid_argument("no connector '" + node_.connector + "' for table " + node_.table);
  }
  std::string error;
  auto cacheOptions = parseLookupCacheOptions(node_.options, error);
  if (!cacheOptions) throw std::invalid_argument("lookup table " + node_.table + ": " + error);
  LookupContext lookup;
  lookup.node = &dimension_;
  lookup.batchSize = context.batchSize;
  lookup.timeZone = context.timeZone;
  lookup.keyColumns = node_.rightKeys;
  lookup.keyColumns.insert(lookup.keyColumns.end(), node_.lookupConstantKeys.begin(),
                           node_.lookupConstantKeys.end());
  lookup.clock = context.lookupClock;
  table_ = factory->createLookupTable(lookup);
  if (cacheOptions->kind == LookupCacheKind::Partial) {
    auto cache =
        std::make_unique<CachingLookupTable>(std::move(table_), *cacheOptions, context.lookupClock);
    cache_ = cache.get();
    table_ = std::move(cache);
  }
}

bool LookupJoinOperator::keyOf(const std::vector<Value>& row) {
  key_.clear();
  for (int column : node_.keys) {
    const Value& value = row[static_cast<size_t>(column)];
    if (value.isNull) return false;
    key_.push_back(value);
  }
  for (const Value& constant : constants_) {
    if (constant.isNull) return false;
    key_.push_back(constant);
  }
  return true;
}

void LookupJoinOperator::lookUp(const std::vector<std::vector<Value>>& keys,
                                std::vector<LookupRows>& results) {
  table_->lookupBatch(keys, results);
  if (!hint_.retryOnMiss) return;
  for (int64_t attempt = 2; attempt <= hint_.maxAttempts; ++attempt) {
    std::vector<size_t> missing;
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i]->empty()) missing.push_back(i);
    }
    if (missing.empty()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(hint_.fixedDelayMillis));
    std::vector<std::vector<Value>> retried;
    for (size_t i : missing) {
      if (cache_) cache_->invalidate(keys[i]);
      retried.push_back(keys[i]);
    }
    std::vector<LookupRows> found;
    table_->lookupBatch(retried, found);
    for (size_t j = 0; j < missing.size(); ++j) results[missing[j]] = std::move(found[j]);
  }
}

void LookupJoinOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  const int size = batch.size();
  rows_.resize(static_cast<size_t>(size));
  keyIndex_.assign(static_cast<size_t>(size), -1);
  keys_.clear();
  std::unordered_map<std::vector<Value>, int, LookupKeyHash> distinct;
  for (int r = 0; r < size; ++r) {
    std::vector<Value>& row = rows_[static_cast<size_t>(r)];
    row.clear();
    for (int c = 0; c < batch.columnCount(); ++c) row.push_back(readValue(batch.column(c), r));
    if (!keyOf(row)) continue;
    auto [it, added] = distinct.emplace(key_, static_cast<int>(keys_.size()));
    if (added) keys_.push_back(key_);
    keyIndex_[static_cast<size_t>(r)] = it->second;
  }
  results_.clear();
  if (!keys_.empty()) lookUp(keys_, results_);

  for (int r = 0; r < size; ++r) {
    const std::vector<Value>& row = rows_[static_cast<size_t>(r)];
    const RowKind kind = batch.rowKind(r);
    const int index = keyIndex_[static_cast<size_t>(r)];
    bool matched = false;
    if (index >= 0) {
      const std::vector<LookupRow>& found = *results_[static_cast<size_t>(index)];
      candidates_.resize(found.size());
      for (size_t i = 0; i < found.size(); ++i) candidates_[i].row = found[i];
      condition_.evaluate(row, /*rowIsLeft=*/true, candidates_, passes_);
      for (size_t i = 0; i < found.size(); ++i) {
        if (!passes_[i]) continue;
        emit(row, &found[i], kind, out);
        matched = true;
      }
    }
    if (!matched && leftOuter_) emit(row, nullptr, kind, out);
  }
  flush(out);
}

void LookupJoinOperator::emit(const std::vector<Value>& left, const LookupRow* right, RowKind kind,
                              Output& out) {
  if (output_.full()) flush(out);
  const int at = output_.size();
  int column = 0;
  for (const Value& value : left) writeValue(output_.column(column++), at, value, output_.arena());
  for (size_t c = 0; c < dimensionTypes_.size(); ++c) {
    writeValue(output_.column(column++), at, right ? (*right)[c] : Value::null(), output_.arena());
  }
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

void LookupJoinOperator::flush(Output& out) {
  if (output_.size() > 0) out.emit(output_);
  output_.clear();
}

}  // namespace

std::unique_ptr<StreamOperator> makeLookupJoinOperator(const artifact::Node& node,
                                                       const OperatorContext& context) {
  return std::make_unique<LookupJoinOperator>(node, context);
}

}  // namespace sluice::runtime
