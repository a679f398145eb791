// Event-time OVER with a bounded frame, `n PRECEDING` (Flink's
// RowTimeRowsBoundedPrecedingFunction and RowTimeRangeBoundedPrecedingFunction). Rows wait in a
// buffer sorted by (time, arrival); an event-time timer per distinct timestamp emits them when
// the watermark passes it, after retracting from the accumulators the rows that left the frame,
// which leave the state too.
//
// Lateness follows Flink's bounded functions, not the watermark: a row is dropped when its
// partition has already emitted a timestamp at or after it (`last-fired`, 0 before the first, so
// rows at or before 1970-01-01 00:00:00 are dropped as Flink drops them). A row behind the
// watermark but after its partition's last timestamp still joins, and leaves at the next
// watermark.
#include "runtime/operators/over_aggregate.h"

namespace sluice::runtime {
namespace {

// What both frames share: the buffer, the accumulators and the lateness rule.
class EventTimeBoundedOver : public OverAggregateOperator {
 public:
  EventTimeBoundedOver(const artifact::Node& node, const OperatorContext& context,
                       std::unique_ptr<KeyedStateBackend> state)
      : OverAggregateOperator(node, context, std::move(state), /*retracts=*/true),
        rows_(state_->sortedMapState("rows")),
        accumulators_(state_->valueState("accumulators")),
        lastFired_(state_->valueState("last-fired")) {}

  void processWatermark(int64_t watermark, Output& out) override {
    state_->timers().advanceWatermark(watermark,
                                      [&](const Timer& timer) { onTimer(timer.timestamp, out); });
    flush(out);
    out.emitWatermark(watermark);
  }

 protected:
  SortedMapState& rows_;
  ValueState& accumulators_;
  ValueState& lastFired_;

  virtual void onTimer(int64_t time, Output& out) = 0;
  virtual void buffered(int64_t /*time*/) {}

  // The rows of timestamp `time`, in arrival order.
  std::vector<BufferedRow> rowsOf(int64_t time) {
    if (time == INT64_MAX) return bufferedRows(rows_, rowsAt(time), std::nullopt);
    const std::string end = rowsAt(time + 1);
    return bufferedRows(rows_, rowsAt(time), std::string_view(end));
  }

 private:
  void processRow(const Row& row, Output& /*out*/) override {
    const std::optional<int64_t> time = eventTimeOf(row);
    if (!time) return;
    if (*time <= loadInt64(lastFired_).value_or(0)) {
      ++dropped_;
      return;
    }
    rows_.put(rowKey(*time, sequence_++), encodeRow(row));
    state_->timers().registerEventTimeTimer(*time);  // once per timestamp: timers deduplicate
    buffered(*time);
  }
};

// RANGE: the frame is the rows of [t - bound, t]; rows of one timestamp are peers and share one
// result. A cleanup timer clears the partition once the watermark is past every frame its rows
// can be in, at Flink's time: a row's time + 1.5 bound + 1 ms, moved on only by a row that needs
// more than its time + bound + 1 ms. The exact time matters: a late row arriving after it is
// taken again (its partition has emitted nothing now) and starts from empty state.
class EventTimeRangeOver final : public EventTimeBoundedOver {
 public:
  EventTimeRangeOver(const artifact::Node& node, const OperatorContext& context,
                     std::unique_ptr<KeyedStateBackend> state)
      : EventTimeBoundedOver(node, context, std::move(state)),
        cleanupAt_(state_->valueState("cleanup-at")) {}

 private:
  static constexpr int64_t kMillisecond = 1000;
  ValueState& cleanupAt_;

  void buffered(int64_t time) override {
    const int64_t bound = node_.precedingBound;
    const int64_t earliest = time + bound + kMillisecond;
    const int64_t latest = time + bound / kMillisecond * 3 / 2 * kMillisecond + kMillisecond;
    const std::optional<int64_t> current = loadInt64(cleanupAt_);
    if (current && *current >= earliest) return;
    // The earlier cleanup timer stays: it shares its namespace with the data timers.
    state_->timers().registerEventTimeTimer(latest);
    storeInt64(cleanupAt_, latest);
  }

  void onTimer(int64_t time, Output& out) override {
    if (const std::optional<int64_t> cleanup = loadInt64(cleanupAt_); cleanup && *cleanup <= time) {
      rows_.clear();
      accumulators_.clear();
      lastFired_.clear();
      cleanupAt_.clear();
      return;
    }
    const std::vector<BufferedRow> current = rowsOf(time);
    if (!current.empty()) {
      Accumulators accumulators = load(accumulators_);
      // Rows before time - bound have left the frame: every row before `time` was emitted.
      const int64_t bound = node_.precedingBound;
      if (time > INT64_MIN + bound) {
        const std::string end = rowsAt(time - bound);
        for (const BufferedRow& old : bufferedRows(rows_, {}, std::string_view(end))) {
          retract(accumulators, old.row);
        }
        rows_.removeRange({}, std::string_view(end));
      }
      for (const BufferedRow& peer : current) accumulate(accumulators, peer.row);
      const Row values = results(accumulators);
      for (const BufferedRow& peer : current) emit(peer.row, values, out);
      store(accumulators_, accumulators);
    }
    storeInt64(lastFired_, time);
  }
};

// ROWS: the frame is the current row and the `bound` rows before it in (time, arrival) order.
// The buffer keeps those; the oldest leaves as each new row comes in once it is full.
class EventTimeRowsOver final : public EventTimeBoundedOver {
 public:
  EventTimeRowsOver(const artifact::Node& node, const OperatorContext& context,
                    std::unique_ptr<KeyedStateBackend> state)
      : EventTimeBoundedOver(node, context, std::move(state)),
        count_(state_->valueState("count")) {}

 private:
  ValueState& count_;  // emitted rows still in the buffer: up to bound + 1

  void onTimer(int64_t time, Output& out) override {
    const std::vector<BufferedRow> current = rowsOf(time);
    if (!current.empty()) {
      Accumulators accumulators = load(accumulators_);
      int64_t count = loadInt64(count_).value_or(0);
      for (const BufferedRow& row : current) {
        if (count > node_.precedingBound) {
          // The oldest row in the buffer is the oldest of the frame.
          const std::optional<StateEntry> oldest = rows_.firstEntry();
          const std::string key(oldest->userKey);
          retract(accumulators, decodeRow(oldest->value));
          rows_.remove(key);
        } else {
          ++count;
        }
        accumulate(accumulators, row.row);
        emit(row.row, results(accumulators), out);
      }
      storeInt64(count_, count);
      store(accumulators_, accumulators);
    }
    storeInt64(lastFired_, time);
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeEventTimeRangeOver(const artifact::Node& node,
                                                       const OperatorContext& context,
                                                       std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<EventTimeRangeOver>(node, context, std::move(state));
}

std::unique_ptr<StreamOperator> makeEventTimeRowsOver(const artifact::Node& node,
                                                      const OperatorContext& context,
                                                      std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<EventTimeRowsOver>(node, context, std::move(state));
}

}  // namespace sluice::runtime
