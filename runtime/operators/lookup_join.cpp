// The lookup join (Flink's LookupJoinRunner): each input row looks up the rows of the dimension
// table whose key columns equal its key values (left columns, or constants of the ON clause) at
// the time it arrives; the residual condition filters the matches; INNER drops a row without a
// passing match, LEFT pads it with NULLs. Output rows keep their input row's kind, so +I, -U, +U
// and -D pass through. A key with a NULL matches nothing.
//
// Per batch, each distinct key is looked up once (LookupTable::lookupBatch). With the LOOKUP
// hint's 'retry-predicate' = 'lookup_miss', keys that found nothing are looked up again, up to
// 'max-attempts' lookups in all, 'fixed-delay' apart (a cached miss is forgotten first).
//
// With 'async' = 'true' the lookups run on a LookupWorker: a batch waits in a queue, with the
// watermarks behind it, until its lookups are done, and comes out in input order (Flink's
// 'ordered' mode; 'allow_unordered' allows reordering, which one worker never does). At most
// 'capacity' rows wait; a batch whose lookups take longer than 'timeout' fails the job, as in
// Flink.
#include <algorithm>
#include <chrono>
#include <deque>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "compiler/types/lookup_options.h"
#include "runtime/connector/lookup_cache.h"
#include "runtime/connector/lookup_table.h"
#include "runtime/data/value_text.h"
#include "runtime/data/vector_copy.h"
#include "runtime/operators/join_condition.h"
#include "runtime/operators/lookup_worker.h"
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

// One input batch on its way through the lookups (or, async, a watermark queued behind them).
// Its rows stay columns: a copy whose strings still live in the input's arenas (kept alive).
struct PendingBatch {
  std::unique_ptr<Batch> rows;
  std::vector<int> keyIndex;  // per row: its key in request->keys, -1 for a NULL key
  size_t size() const { return rows ? static_cast<size_t>(rows->size()) : 0; }
  std::shared_ptr<LookupRequest> request = std::make_shared<LookupRequest>();
  std::chrono::steady_clock::time_point deadline;
  bool isWatermark = false;
  int64_t watermark = 0;
};

class LookupJoinOperator : public StreamOperator {
 public:
  LookupJoinOperator(const artifact::Node& node, const OperatorContext& context);

  void processBatch(Batch& batch, int input, Output& out) override;
  void processWatermark(int64_t watermark, Output& out) override;
  void finish(Output& out) override;
  int64_t nextProcessingTime() const override { return pending_.empty() ? INT64_MAX : 0; }
  void onProcessingTime(int64_t nowMicros, Output& out) override;
  StateSize stateSize() const override { return {cache_ ? cache_->size() : 0, 0}; }

 private:
  void openTable(const OperatorContext& context);
  void readHint();
  // The lookup key of row `row` of `batch` into key_; false when a key value is NULL.
  bool keyOf(const Batch& batch, int row);
  void lookUp(const std::vector<std::vector<Value>>& keys, std::vector<LookupRows>& results);
  // The batch's rows and distinct keys.
  std::unique_ptr<PendingBatch> prepare(const Batch& batch);
  void join(const PendingBatch& pending, Output& out);
  // Async: emits the queued batches (and watermarks) whose lookups are done, in order; with
  // `block`, waits for those that are not until `rowsLeft` rows or fewer still wait.
  void drain(Output& out, bool block, size_t rowsLeft);
  // Row `row` of `left` next to `right` (NULLs when there is none).
  void emit(const Batch& left, int row, const LookupRow* right, Output& out);
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
  std::unique_ptr<LookupWorker> worker_;  // async only
  std::deque<std::unique_ptr<PendingBatch>> pending_;
  size_t pendingRows_ = 0;
  std::vector<Value> key_;
  std::vector<Value> left_;  // the row the residual condition reads, boxed only when there is one
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
  if (hint_.async) {
    worker_ = std::make_unique<LookupWorker>(
        [this](const std::vector<std::vector<Value>>& keys, std::vector<LookupRows>& results) {
          lookUp(keys, results);
        });
  }
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

bool LookupJoinOperator::keyOf(const Batch& batch, int row) {
  key_.clear();
  for (int column : node_.keys) {
    if (batch.column(column).isNull(row)) return false;
    key_.push_back(readValue(batch.column(column), row));
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

std::unique_ptr<PendingBatch> LookupJoinOperator::prepare(const Batch& batch) {
  auto pending = std::make_unique<PendingBatch>();
  const int size = batch.size();
  pending->rows = std::make_unique<Batch>(leftTypes_, std::max(size, 1));
  Batch& rows = *pending->rows;
  for (int c = 0; c < batch.columnCount(); ++c) copyRows(batch.column(c), 0, size, rows.column(c), 0);
  std::copy_n(batch.rowKinds(), size, rows.rowKinds());
  rows.setSize(size);
  rows.shareArenasOf(batch);
  pending->keyIndex.assign(static_cast<size_t>(size), -1);
  std::vector<std::vector<Value>>& keys = pending->request->keys;
  std::unordered_map<std::vector<Value>, int, LookupKeyHash> distinct;
  for (int r = 0; r < size; ++r) {
    if (!keyOf(batch, r)) continue;
    auto [it, added] = distinct.emplace(key_, static_cast<int>(keys.size()));
    if (added) keys.push_back(key_);
    pending->keyIndex[static_cast<size_t>(r)] = it->second;
  }
  return pending;
}

void LookupJoinOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  std::unique_ptr<PendingBatch> pending = prepare(batch);
  if (!worker_) {
    if (!pending->request->keys.empty()) lookUp(pending->request->keys, pending->request->results);
    join(*pending, out);
    return;
  }
  pending->deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(hint_.timeoutMillis);
  pendingRows_ += pending->size();
  worker_->submit(pending->request);
  pending_.push_back(std::move(pending));
  // Past 'capacity' rows in flight the pipeline waits, as Flink's async operator does.
  const auto capacity = static_cast<size_t>(std::max<int64_t>(1, hint_.capacity));
  drain(out, pendingRows_ > capacity, capacity);
}

void LookupJoinOperator::processWatermark(int64_t watermark, Output& out) {
  if (pending_.empty()) {
    out.emitWatermark(watermark);
    return;
  }
  auto marker = std::make_unique<PendingBatch>();
  marker->isWatermark = true;
  marker->watermark = watermark;
  pending_.push_back(std::move(marker));
  drain(out, false, 0);
}

void LookupJoinOperator::onProcessingTime(int64_t /*nowMicros*/, Output& out) {
  drain(out, false, 0);
}

void LookupJoinOperator::finish(Output& out) { drain(out, true, 0); }

void LookupJoinOperator::drain(Output& out, bool block, size_t rowsLeft) {
  while (!pending_.empty()) {
    PendingBatch& front = *pending_.front();
    if (front.isWatermark) {
      out.emitWatermark(front.watermark);
      pending_.pop_front();
      continue;
    }
    if (!worker_->isDone(*front.request)) {
      if (!block || pendingRows_ <= rowsLeft) return;
      if (!worker_->await(*front.request, front.deadline)) {
        throw std::runtime_error("lookup in table " + node_.table + " timed out after " +
                                 std::to_string(hint_.timeoutMillis) + " ms (the LOOKUP hint's 'timeout')");
      }
    }
    if (front.request->error) std::rethrow_exception(front.request->error);
    join(front, out);
    pendingRows_ -= front.size();
    pending_.pop_front();
  }
}

void LookupJoinOperator::join(const PendingBatch& pending, Output& out) {
  const Batch& rows = *pending.rows;
  for (int r = 0; r < rows.size(); ++r) {
    const int index = pending.keyIndex[static_cast<size_t>(r)];
    bool matched = false;
    if (index >= 0) {
      const std::vector<LookupRow>& found = *pending.request->results[static_cast<size_t>(index)];
      if (node_.condition && !found.empty()) {
        left_.clear();
        for (int c = 0; c < rows.columnCount(); ++c) left_.push_back(readValue(rows.column(c), r));
        candidates_.resize(found.size());
        for (size_t i = 0; i < found.size(); ++i) candidates_[i].row = found[i];
        condition_.evaluate(left_, /*rowIsLeft=*/true, candidates_, passes_);
      } else {
        passes_.assign(found.size(), 1);
      }
      for (size_t i = 0; i < found.size(); ++i) {
        if (!passes_[i]) continue;
        emit(rows, r, &found[i], out);
        matched = true;
      }
    }
    if (!matched && leftOuter_) emit(rows, r, nullptr, out);
  }
  flush(out);
}

void LookupJoinOperator::emit(const Batch& left, int row, const LookupRow* right, Output& out) {
  if (output_.full()) flush(out);
  const int at = output_.size();
  int column = 0;
  for (; column < left.columnCount(); ++column) {
    gatherRows(left.column(column), &row, 1, output_.column(column), at);
  }
  output_.shareArenasOf(left);
  for (size_t c = 0; c < dimensionTypes_.size(); ++c) {
    writeValue(output_.column(column++), at, right ? (*right)[c] : Value::null(), output_.arena());
  }
  output_.rowKinds()[at] = left.rowKind(row);
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
