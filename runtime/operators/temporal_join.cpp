// Event-time temporal join (Flink's TemporalRowTimeJoinOperator): `JOIN versioned FOR
// SYSTEM_TIME AS OF left.rowtime`. Per join key, left rows wait in a buffer sorted by (time,
// arrival) and the versioned side's rows in one sorted by their version time, one entry per
// time (a later row of the same time replaces it). When the watermark, the minimum over both
// inputs, passes a left row's time, the row joins the version valid at that time: the latest
// right row at or before it, unless that row is a -D (the key had no version then). Rows leave
// in the key's arrival order with the left row's kind; a LEFT join pads a row nothing joins.
//
// Versions older than the watermark are dropped once a newer one at or before the watermark
// supersedes them: no left row still to come can see them. A -U is not a version (its +U is),
// so it is not stored. Each key has one event-time timer, at the earliest time it waits for.
//
// With table.exec.state.ttl, a key that sees no row of either input for that long (processing
// time) is cleared whole, its waiting left rows and versions with it: Flink's state retention
// for this operator (BaseTwoInputStreamOperatorWithStateRetention), so later left rows of the
// key find no version.
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/data/row_kind.h"
#include "runtime/execution/task_clock.h"
#include "runtime/operators/join_condition.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/operator_support.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

// A buffered row as stored: its kind, then its columns.
struct StoredRow {
  RowKind kind = RowKind::Insert;
  std::vector<Value> row;
};

void encodeRow(RowKind kind, const std::vector<Value>& row, std::string& out) {
  out.clear();
  out.push_back(static_cast<char>(kind));
  for (const Value& value : row) encodeValue(value, out);
}

StoredRow decodeRow(std::string_view in) {
  StoredRow stored;
  stored.kind = static_cast<RowKind>(in.front());
  in.remove_prefix(1);
  while (!in.empty()) stored.row.push_back(decodeValue(in));
  return stored;
}

// An event time (or a sequence number) as an ordered key.
std::string timeKey(int64_t time) {
  return KeyEncoder().appendInt64(time).take();
}

class TemporalJoinOperator final : public StreamOperator {
 public:
  TemporalJoinOperator(const artifact::Node& node, const OperatorContext& context,
                       std::unique_ptr<KeyedStateBackend> state)
      : node_(node),
        state_(std::move(state)),
        leftTypes_(context.inputTypes),
        rightTypes_(nodeTypes(context.plan->node(node.inputs[1]))),
        left_(state_->sortedMapState("left")),
        right_(state_->sortedMapState("right")),
        timer_(state_->valueState("timer")),
        nextSequence_(state_->valueState("next-sequence")),
        cleanupAt_(state_->valueState("cleanup-at")),
        condition_(node, leftTypes_, rightTypes_, functionsOf(context), context.timeZone),
        outer_(node.joinType == artifact::JoinType::Left),
        output_(nodeTypes(node), context.batchSize) {}

  void processBatch(Batch& batch, int input, Output& out) override {
    for (int r = 0; r < batch.size(); ++r) {
      row_.clear();
      for (int c = 0; c < batch.columnCount(); ++c) row_.push_back(readValue(batch.column(c), r));
      if (input == 0) {
        bufferLeft(batch.rowKind(r));
      } else {
        bufferVersion(batch.rowKind(r));
      }
    }
    flush(out);
  }

  void processWatermark(int64_t watermark, Output& out) override {
    state_->timers().advanceWatermark(watermark, [&](const Timer&) { fire(watermark, out); });
    flush(out);
    out.emitWatermark(watermark);
  }

  int64_t nextProcessingTime() const override {
    return state_->timers().nextProcessingTime().value_or(INT64_MAX);
  }

  void onProcessingTime(int64_t now, Output& /*out*/) override {
    state_->timers().advanceProcessingTime(now, [&](const Timer& timer) {
      // Only the key's latest cleanup time counts: a row since then pushed it later.
      const std::optional<std::string_view> latest = cleanupAt_.get();
      if (!latest || KeyDecoder(*latest).readInt64() != timer.timestamp) return;
      if (std::optional<std::string_view> stored = timer_.get()) {
        state_->timers().deleteEventTimeTimer(KeyDecoder(*stored).readInt64());
      }
      for (SortedMapState* rows : {&left_, &right_}) rows->clear();
      for (ValueState* value : {&timer_, &nextSequence_, &cleanupAt_}) value->clear();
    });
  }

  StateSize stateSize() const override { return stateSizeOf(*state_); }
  int64_t droppedRows() const override { return dropped_; }

 private:
  struct Version {
    int64_t time = 0;
    StoredRow stored;
  };
  struct Ready {
    int64_t sequence = 0;
    StoredRow stored;
  };

  const artifact::Node& node_;
  std::unique_ptr<KeyedStateBackend> state_;
  std::vector<DataType> leftTypes_;
  std::vector<DataType> rightTypes_;
  SortedMapState& left_;      // (time, arrival sequence) -> left row
  SortedMapState& right_;     // version time -> right row
  ValueState& timer_;         // the key's registered timer
  ValueState& nextSequence_;  // the key's next left arrival number (state, so it restores)
  ValueState& cleanupAt_;     // with a state TTL: when the key is cleared unless a row comes
  JoinCondition condition_;
  bool outer_;
  int64_t dropped_ = 0;
  Batch output_;
  // scratch
  std::vector<Value> row_;
  std::string encoded_;
  std::vector<Version> versions_;
  std::vector<Ready> ready_;
  std::vector<JoinRecord> candidate_{1};
  std::vector<uint8_t> joins_;

  // Sets the current key to row_'s join key; false when a key column is NULL.
  bool selectKey(const std::vector<int>& keys, const std::vector<DataType>& types) {
    KeyEncoder key;
    bool complete = true;
    for (int column : keys) {
      const Value& value = row_[static_cast<size_t>(column)];
      if (value.isNull) complete = false;
      appendKeyValue(value, physicalTypeOf(types[static_cast<size_t>(column)]), key);
    }
    state_->setCurrentKey(key.take());
    return complete;
  }

  void bufferLeft(RowKind kind) {
    const Value& time = row_[static_cast<size_t>(node_.probeTimeColumn)];
    if (time.isNull) {
      ++dropped_;
      return;
    }
    // A row with a NULL key joins no version; a LEFT join still pads it when its time comes.
    selectKey(node_.keys, leftTypes_);
    int64_t sequence = 0;
    if (std::optional<std::string_view> stored = nextSequence_.get()) {
      sequence = KeyDecoder(*stored).readInt64();
    }
    nextSequence_.put(timeKey(sequence + 1));
    encodeRow(kind, row_, encoded_);
    left_.put(KeyEncoder().appendInt64(time.integer).appendInt64(sequence).take(), encoded_);
    registerTimer(time.integer);
    registerCleanup();
  }

  void bufferVersion(RowKind kind) {
    if (kind == RowKind::UpdateBefore) return;
    const Value& time = row_[static_cast<size_t>(node_.versionTimeColumn)];
    if (time.isNull) {
      ++dropped_;
      return;
    }
    if (!selectKey(node_.rightKeys, rightTypes_)) return;  // `=` joins no NULL key
    encodeRow(kind, row_, encoded_);
    right_.put(timeKey(time.integer), encoded_);
    registerTimer(time.integer);
    registerCleanup();
  }

  // The current key is cleared after the TTL without rows: one processing-time timer per row,
  // of which only the latest (cleanupAt_) clears.
  void registerCleanup() {
    if (node_.stateTtlMillis <= 0) return;
    const int64_t at = wallClockMicros() / 1000 * 1000 + node_.stateTtlMillis * 1000;
    if (std::optional<std::string_view> latest = cleanupAt_.get()) {
      const int64_t previous = KeyDecoder(*latest).readInt64();
      if (previous == at) return;
      state_->timers().deleteProcessingTimeTimer(previous);
    }
    state_->timers().registerProcessingTimeTimer(at);
    cleanupAt_.put(timeKey(at));
  }

  // Keeps one timer per key, at the earliest time it waits for.
  void registerTimer(int64_t time) {
    if (std::optional<std::string_view> stored = timer_.get()) {
      const int64_t registered = KeyDecoder(*stored).readInt64();
      if (registered <= time) return;
      state_->timers().deleteEventTimeTimer(registered);
    }
    state_->timers().registerEventTimeTimer(time);
    timer_.put(timeKey(time));
  }

  // The current key's left rows at or before the watermark join their versions; versions
  // no later left row can see are dropped.
  void fire(int64_t watermark, Output& out) {
    timer_.clear();
    versions_.clear();
    right_.forEach([&](std::string_view userKey, std::string_view value) {
      versions_.push_back({KeyDecoder(userKey).readInt64(), decodeRow(value)});
      return Visit::Continue;
    });

    const bool endOfTime = watermark == INT64_MAX;
    const std::string end = endOfTime ? std::string() : timeKey(watermark + 1);
    const std::optional<std::string_view> to =
        endOfTime ? std::nullopt : std::optional<std::string_view>(end);
    ready_.clear();
    left_.forEachInRange({}, to, [&](std::string_view userKey, std::string_view value) {
      KeyDecoder key(userKey);
      key.readInt64();
      ready_.push_back({key.readInt64(), decodeRow(value)});
      return Visit::Continue;
    });
    left_.removeRange({}, to);
    // In arrival order, as Flink emits them.
    std::sort(ready_.begin(), ready_.end(),
              [](const Ready& a, const Ready& b) { return a.sequence < b.sequence; });
    for (const Ready& left : ready_) join(left.stored, out);

    dropSupersededVersions(watermark);
    std::optional<int64_t> next;
    if (std::optional<StateEntry> first = left_.firstEntry()) {
      next = KeyDecoder(first->userKey).readInt64();
    } else {
      nextSequence_.clear();
    }
    for (const Version& version : versions_) {
      if (version.time <= watermark) continue;
      next = std::min(next.value_or(version.time), version.time);
      break;
    }
    if (next) registerTimer(*next);
  }

  void join(const StoredRow& left, Output& out) {
    const int64_t time = left.row[static_cast<size_t>(node_.probeTimeColumn)].integer;
    // The latest version at or before `time`.
    auto after = std::upper_bound(versions_.begin(), versions_.end(), time,
                                  [](int64_t t, const Version& v) { return t < v.time; });
    const Version* version = after == versions_.begin() ? nullptr : &*(after - 1);
    if (version != nullptr && isAccumulate(version->stored.kind)) {
      candidate_[0].row = version->stored.row;
      condition_.evaluate(left.row, /*rowIsLeft=*/true, candidate_, joins_);
      if (joins_[0]) {
        emit(left.kind, left.row, &version->stored.row, out);
        return;
      }
    }
    if (outer_) emit(left.kind, left.row, nullptr, out);
  }

  // Keeps the latest version at or before the watermark (left rows still to come may be at
  // its time or later) and the ones after it. A deletion kept that way is dropped as well:
  // no version and no entry read alike.
  void dropSupersededVersions(int64_t watermark) {
    auto after = std::upper_bound(versions_.begin(), versions_.end(), watermark,
                                  [](int64_t t, const Version& v) { return t < v.time; });
    if (after == versions_.begin()) return;
    const Version& latest = *(after - 1);
    const std::string latestKey = timeKey(latest.time);
    right_.removeBefore(latestKey);
    if (!isAccumulate(latest.stored.kind)) right_.remove(latestKey);
    versions_.erase(versions_.begin(), after);
  }

  void emit(RowKind kind, const std::vector<Value>& left, const std::vector<Value>* right,
            Output& out) {
    if (output_.full()) flush(out);
    const int at = output_.size();
    int column = 0;
    for (const Value& value : left)
      writeValue(output_.column(column++), at, value, output_.arena());
    for (size_t c = 0; c < rightTypes_.size(); ++c) {
      writeValue(output_.column(column++), at, right ? (*right)[c] : Value::null(),
                 output_.arena());
    }
    output_.rowKinds()[at] = kind;
    output_.setSize(at + 1);
  }

  void flush(Output& out) {
    if (output_.size() > 0) out.emit(output_);
    output_.clear();
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeTemporalJoinOperator(const artifact::Node& node,
                                                         const OperatorContext& context,
                                                         std::unique_ptr<KeyedStateBackend> state) {
  if (node.probeTimeColumn < 0 || node.versionTimeColumn < 0) {
    throw std::invalid_argument("TemporalJoin node " + std::to_string(node.id) +
                                " has no time columns");
  }
  return std::make_unique<TemporalJoinOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
