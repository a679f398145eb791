// Deduplication (ROW_NUMBER() = 1 ordered by a time attribute), as Flink's deduplicate
// functions: per key the first or the last row by processing time or by event time, and per
// key and window over window TVF output.
#include <cstring>
#include <stdexcept>

#include "runtime/operators/operator_factory.h"
#include "runtime/operators/rank_rows.h"
#include "runtime/operators/window_slices.h"

namespace sluice::runtime {
namespace {

// ProcTimeDeduplicateKeepFirstRowFunction: the first row of a key is emitted, once.
class ProcTimeFirstRow final : public RankOperatorBase {
 public:
  ProcTimeFirstRow(const artifact::Node& node, const OperatorContext& context,
                   std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        seen_(state_->valueState("first-row-seen", node.stateTtlMillis)) {}

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    for (int row = 0; row < batch.size(); ++row) {
      selectPartition(batch, row);
      if (seen_.get()) continue;
      seen_.put(std::string_view("\1", 1));
      emit(RowKind::Insert, encodeRow(batch, row), 0, out);
    }
    flush(out);
  }

 private:
  ValueState& seen_;
};

// ProcTimeDeduplicateKeepLastRowFunction: +I for a key's first row, then -U/+U (or +U for an
// upsert consumer) for each later row, nothing for a row equal to the one it replaces, but only
// with state TTL off: with TTL on, Flink re-emits it, as downstream state may have expired, and
// the write refreshes this key's TTL. Flink does not materialize processing-time attributes in
// the rows it compares, so neither do we: two rows differing only in their PROCTIME() are equal.
class ProcTimeLastRow final : public RankOperatorBase {
 public:
  ProcTimeLastRow(const artifact::Node& node, const OperatorContext& context,
                  std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        last_(state_->valueState("last-row", node.stateTtlMillis)) {
    for (const DataType& type : inputTypes_) compared_.push_back(!type.isProctime());
  }

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    for (int row = 0; row < batch.size(); ++row) {
      selectPartition(batch, row);
      const std::string bytes = encodeRow(batch, row);
      const std::optional<std::string_view> stored = last_.get();
      if (!stored) {
        emit(RowKind::Insert, bytes, 0, out);
      } else if (node_.stateTtlMillis > 0 || !sameRow(*stored, bytes)) {
        if (node_.emitsUpdateBefore) emit(RowKind::UpdateBefore, *stored, 0, out);
        emit(RowKind::UpdateAfter, bytes, 0, out);
      } else {
        continue;
      }
      last_.put(bytes);
    }
    flush(out);
  }

 private:
  ValueState& last_;
  std::vector<bool> compared_;  // the columns the equality looks at

  bool sameRow(std::string_view a, std::string_view b) const {
    if (a == b) return true;
    const std::vector<Value> left = decodeRow(a);
    const std::vector<Value> right = decodeRow(b);
    for (size_t i = 0; i < compared_.size(); ++i) {
      if (compared_[i] && !(left[i] == right[i])) return false;
    }
    return true;
  }
};

// Whether a row at `candidate` event time replaces the one kept at `kept` (Flink's
// DeduplicateFunctionHelper.isDuplicate): the last row takes ties, the first keeps them.
bool replaces(bool keepLastRow, int64_t kept, int64_t candidate) {
  return keepLastRow ? kept <= candidate : candidate < kept;
}

// An event-time deduplication keeps the row's time before the row's bytes.
std::string timedRow(int64_t time, const std::string& row) {
  std::string value(sizeof time, '\0');
  std::memcpy(value.data(), &time, sizeof time);
  return value + row;
}

int64_t timeOf(std::string_view stored) {
  int64_t time = 0;
  std::memcpy(&time, stored.data(), sizeof time);
  return time;
}

std::string_view rowOf(std::string_view stored) {
  return stored.substr(sizeof(int64_t));
}

// RowTimeDeduplicateFunction: per key the row with the greatest (last) or smallest (first)
// event time so far; a replacement is sent as -U/+U (or +U) at once, without waiting for the
// watermark. The kept row's time is stored before it.
class RowTimeRow final : public RankOperatorBase {
 public:
  RowTimeRow(const artifact::Node& node, const OperatorContext& context,
             std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        kept_(state_->valueState("rowtime-row", node.stateTtlMillis)) {}

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    const Vector& times = batch.column(node_.sortKeys[0].column);
    for (int row = 0; row < batch.size(); ++row) {
      if (times.isNull(row)) {
        ++dropped_;
        continue;
      }
      const int64_t time = times.values<int64_t>()[row];
      selectPartition(batch, row);
      const std::optional<std::string_view> stored = kept_.get();
      if (stored && !replaces(node_.keepLastRow, timeOf(*stored), time)) continue;
      const std::string value = timedRow(time, encodeRow(batch, row));
      if (!stored) {
        emit(RowKind::Insert, rowOf(value), 0, out);
      } else {
        if (node_.emitsUpdateBefore) emit(RowKind::UpdateBefore, rowOf(*stored), 0, out);
        emit(RowKind::UpdateAfter, rowOf(value), 0, out);
      }
      kept_.put(value);
    }
    flush(out);
  }

 private:
  ValueState& kept_;
};

// Window deduplication (RowTimeWindowDeduplicateProcessor): the first or last row of each key
// and window by event time, emitted as +I when the watermark passes the window end. Rows of a
// window that has fired are late and dropped.
class WindowRow final : public RankOperatorBase {
 public:
  WindowRow(const artifact::Node& node, const OperatorContext& context,
            std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        kept_(state_->valueState("window-row")) {}

  void processBatch(Batch& batch, int /*input*/, Output& /*out*/) override {
    const Vector& times = batch.column(node_.sortKeys[0].column);
    const Vector& windowEnds = batch.column(node_.windowEndColumn);
    for (int row = 0; row < batch.size(); ++row) {
      if (times.isNull(row) || windowEnds.isNull(row)) {
        ++dropped_;
        continue;
      }
      const int64_t fireAt = windowEnds.values<int64_t>()[row] - kWindowTimePrecisionMicros;
      if (fireAt <= state_->timers().currentWatermark()) {
        ++dropped_;  // its window has fired
        continue;
      }
      const int64_t time = times.values<int64_t>()[row];
      selectPartition(batch, row);
      const std::optional<std::string_view> stored = kept_.get();
      if (!stored || replaces(node_.keepLastRow, timeOf(*stored), time)) {
        kept_.put(timedRow(time, encodeRow(batch, row)));
      }
      state_->timers().registerEventTimeTimer(fireAt);
    }
  }

  void processWatermark(int64_t watermark, Output& out) override {
    advanceWatermark(watermark, out, [&](const Timer&) {
      if (auto stored = kept_.get()) emit(RowKind::Insert, rowOf(*stored), 0, out);
      kept_.clear();
    });
  }

 private:
  ValueState& kept_;
};

}  // namespace

std::unique_ptr<StreamOperator> makeDeduplicateOperator(const artifact::Node& node,
                                                        const OperatorContext& context,
                                                        std::unique_ptr<KeyedStateBackend> state) {
  if (node.sortKeys.empty()) throw std::invalid_argument("a deduplication without its time order");
  if (node.windowEndColumn >= 0) {
    if (!node.eventTime) throw std::invalid_argument("a processing-time window deduplication");
    return std::make_unique<WindowRow>(node, context, std::move(state));
  }
  if (node.eventTime) return std::make_unique<RowTimeRow>(node, context, std::move(state));
  if (node.keepLastRow) return std::make_unique<ProcTimeLastRow>(node, context, std::move(state));
  return std::make_unique<ProcTimeFirstRow>(node, context, std::move(state));
}

}  // namespace sluice::runtime
