// Event-time OVER with an UNBOUNDED PRECEDING frame (Flink's RowTimeRowsUnboundedPrecedingFunction
// and RowTimeRangeUnboundedPrecedingFunction). Rows wait in a buffer sorted by (time, arrival)
// until the watermark passes them, then leave in time order with the accumulators of everything
// before them added. A row at or behind the watermark when it arrives is late: dropped, counted.
//
// ROWS: each row's frame ends at itself, so rows of one timestamp see each other in arrival
// order. RANGE: rows of one timestamp are peers; each sees all of them.
#include "runtime/operators/over_aggregate.h"

namespace sluice::runtime {
namespace {

class EventTimeUnboundedOver final : public OverAggregateOperator {
 public:
  EventTimeUnboundedOver(const artifact::Node& node, const OperatorContext& context,
                         std::unique_ptr<KeyedStateBackend> state)
      : OverAggregateOperator(node, context, std::move(state), /*retracts=*/false),
        rows_(state_->sortedMapState("rows")),
        accumulators_(state_->valueState("accumulators")) {}

  void processWatermark(int64_t watermark, Output& out) override {
    state_->timers().advanceWatermark(watermark, [&](const Timer&) { fire(watermark, out); });
    flush(out);
    out.emitWatermark(watermark);
  }

 private:
  SortedMapState& rows_;
  ValueState& accumulators_;

  void processRow(const Row& row, Output& /*out*/) override {
    const std::optional<int64_t> time = eventTimeOf(row);
    if (!time) return;
    const int64_t watermark = state_->timers().currentWatermark();
    if (*time <= watermark) {
      ++dropped_;
      return;
    }
    rows_.put(rowKey(*time, sequence_++), encodeRow(row));
    // One timer per key for the next watermark. Flink starts at 0 while the watermark is
    // negative (none yet), so rows before 1970 wait until event time reaches 1970.
    state_->timers().registerEventTimeTimer(watermark < 0 ? 0 : watermark + 1);
  }

  // Emits the key's rows at or before the watermark, in time order.
  void fire(int64_t watermark, Output& out) {
    const bool endOfTime = watermark == INT64_MAX;
    const std::string end = endOfTime ? std::string() : rowsAt(watermark + 1);
    const std::optional<std::string_view> to =
        endOfTime ? std::nullopt : std::optional<std::string_view>(end);
    const std::vector<BufferedRow> ready = bufferedRows(rows_, {}, to);
    if (!ready.empty()) emitInOrder(ready, out);
    rows_.removeRange({}, to);
    // Rows after the watermark wait for the next one.
    if (rows_.firstEntry()) state_->timers().registerEventTimeTimer(watermark + 1);
  }

  void emitInOrder(const std::vector<BufferedRow>& ready, Output& out) {
    Accumulators accumulators = load(accumulators_);
    for (size_t first = 0; first < ready.size();) {
      size_t last = first;  // one past the rows of this timestamp
      while (last < ready.size() && ready[last].time == ready[first].time) ++last;
      if (node_.rowsFrame) {
        for (size_t i = first; i < last; ++i) {
          accumulate(accumulators, ready[i].row);
          emit(ready[i].row, results(accumulators), out);
        }
      } else {
        for (size_t i = first; i < last; ++i) accumulate(accumulators, ready[i].row);
        const Row values = results(accumulators);
        for (size_t i = first; i < last; ++i) emit(ready[i].row, values, out);
      }
      first = last;
    }
    store(accumulators_, accumulators);
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeEventTimeUnboundedOver(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<EventTimeUnboundedOver>(node, context, std::move(state));
}

}  // namespace sluice::runtime
