// Processing-time OVER (Flink's ProcTimeUnboundedPrecedingFunction,
// ProcTimeRowsBoundedPrecedingFunction and ProcTimeRangeBoundedPrecedingFunction): rows are
// ordered by their arrival, and the time attribute's value is never read.
//
// UNBOUNDED (ROWS and RANGE alike, as in Flink) and ROWS n PRECEDING emit each row as it
// arrives. RANGE INTERVAL .. PRECEDING groups rows by their arrival millisecond: rows of one
// millisecond are peers, emitted together by a processing-time timer once it has passed.
#include "runtime/execution/task_clock.h"
#include "runtime/operators/over_aggregate.h"

namespace sluice::runtime {
namespace {

class ProcessingTimeUnboundedOver final : public OverAggregateOperator {
 public:
  ProcessingTimeUnboundedOver(const artifact::Node& node, const OperatorContext& context,
                              std::unique_ptr<KeyedStateBackend> state)
      : OverAggregateOperator(node, context, std::move(state), /*retracts=*/false),
        accumulators_(state_->valueState("accumulators", node.stateTtlMillis)) {}

 private:
  ValueState& accumulators_;

  void processRow(const Row& row, Output& out) override {
    Accumulators accumulators = load(accumulators_);
    accumulate(accumulators, row);
    const Row values = results(accumulators);
    store(accumulators_, accumulators);
    emit(row, values, out);
  }
};

// The frame is the current row and the `bound` rows that arrived before it.
class ProcessingTimeRowsOver final : public OverAggregateOperator {
 public:
  ProcessingTimeRowsOver(const artifact::Node& node, const OperatorContext& context,
                         std::unique_ptr<KeyedStateBackend> state)
      : OverAggregateOperator(node, context, std::move(state), /*retracts=*/true),
        rows_(state_->sortedMapState("rows", node.stateTtlMillis)),
        accumulators_(state_->valueState("accumulators", node.stateTtlMillis)),
        count_(state_->valueState("count", node.stateTtlMillis)) {}

 private:
  SortedMapState& rows_;  // the frame's rows by arrival (time 0, sequence)
  ValueState& accumulators_;
  ValueState& count_;  // rows in the buffer: up to bound + 1

  void processRow(const Row& row, Output& out) override {
    Accumulators accumulators = load(accumulators_);
    const int64_t count = loadInt64(count_).value_or(0);
    if (count > node_.precedingBound) {
      if (const std::optional<StateEntry> oldest = rows_.firstEntry()) {
        const std::string key(oldest->userKey);
        retract(accumulators, decodeRow(oldest->value));
        rows_.remove(key);
      }
    } else {
      storeInt64(count_, count + 1);
    }
    rows_.put(rowKey(0, sequence_++), encodeRow(row));
    accumulate(accumulators, row);
    const Row values = results(accumulators);
    store(accumulators_, accumulators);
    emit(row, values, out);
  }
};

// The frame of a row that arrived in millisecond t is the rows of [t - bound, t]. A cleanup
// timer (Flink's: last millisecond + 1.5 bound + 1 ms) clears an idle partition.
class ProcessingTimeRangeOver final : public OverAggregateOperator {
 public:
  ProcessingTimeRangeOver(const artifact::Node& node, const OperatorContext& context,
                          std::unique_ptr<KeyedStateBackend> state)
      : OverAggregateOperator(node, context, std::move(state), /*retracts=*/true),
        rows_(state_->sortedMapState("rows")),
        accumulators_(state_->valueState("accumulators")),
        cleanupAt_(state_->valueState("cleanup-at")) {}

  int64_t nextProcessingTime() const override {
    return state_->timers().nextProcessingTime().value_or(INT64_MAX);
  }
  void onProcessingTime(int64_t now, Output& out) override {
    state_->timers().advanceProcessingTime(now, [&](const Timer& timer) { onTimer(timer, out); });
    flush(out);
  }
  // Flink drops the timers still pending when a bounded input ends, and with them the rows of
  // the last millisecond; they are emitted here.
  void finish(Output& out) override { onProcessingTime(INT64_MAX, out); }

 private:
  static constexpr int64_t kMillisecond = 1000;
  static constexpr std::string_view kCleanup = "cleanup";
  SortedMapState& rows_;  // by (arrival millisecond, sequence)
  ValueState& accumulators_;
  ValueState& cleanupAt_;

  void processRow(const Row& row, Output& /*out*/) override {
    const int64_t now = wallClockMicros();
    const int64_t millisecond = now - now % kMillisecond;
    rows_.put(rowKey(millisecond, sequence_++), encodeRow(row));
    state_->timers().registerProcessingTimeTimer(millisecond + kMillisecond);
    const int64_t bound = node_.precedingBound;
    const int64_t earliest = millisecond + bound + kMillisecond;
    const int64_t latest = millisecond + bound / kMillisecond * 3 / 2 * kMillisecond + kMillisecond;
    const std::optional<int64_t> current = loadInt64(cleanupAt_);
    if (current && *current >= earliest) return;
    // Unlike Flink, whose cleanup timer shares the data timers' time and so drops the rows of
    // `INTERVAL '0' .. PRECEDING`, cleanup timers have their own namespace, firing after data.
    state_->timers().registerProcessingTimeTimer(latest, kCleanup);
    storeInt64(cleanupAt_, latest);
  }

  void onTimer(const Timer& timer, Output& out) {
    if (timer.ns == kCleanup) {
      const std::optional<int64_t> cleanup = loadInt64(cleanupAt_);
      if (cleanup && *cleanup <= timer.timestamp) {
        rows_.clear();
        accumulators_.clear();
        cleanupAt_.clear();
      }
      return;
    }
    const int64_t millisecond = timer.timestamp - kMillisecond;
    const std::string end = rowsAt(millisecond + kMillisecond);
    const std::vector<BufferedRow> current =
        bufferedRows(rows_, rowsAt(millisecond), std::string_view(end));
    if (current.empty()) return;
    Accumulators accumulators = load(accumulators_);
    const std::string frameStart = rowsAt(millisecond - node_.precedingBound);
    for (const BufferedRow& old : bufferedRows(rows_, {}, std::string_view(frameStart))) {
      retract(accumulators, old.row);
    }
    rows_.removeRange({}, std::string_view(frameStart));
    for (const BufferedRow& peer : current) accumulate(accumulators, peer.row);
    const Row values = results(accumulators);
    for (const BufferedRow& peer : current) emit(peer.row, values, out);
    store(accumulators_, accumulators);
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeProcessingTimeOver(const artifact::Node& node,
                                                       const OperatorContext& context,
                                                       std::unique_ptr<KeyedStateBackend> state) {
  if (node.precedingBound < 0) {
    return std::make_unique<ProcessingTimeUnboundedOver>(node, context, std::move(state));
  }
  if (node.rowsFrame)
    return std::make_unique<ProcessingTimeRowsOver>(node, context, std::move(state));
  return std::make_unique<ProcessingTimeRangeOver>(node, context, std::move(state));
}

}  // namespace sluice::runtime
