// Window TopN over window TVF output (Flink's WindowRankProcessor): the partition keys include
// window_start and window_end, so each partition is one window. Its best rankEnd rows are kept
// until the watermark passes the window end, then ranks rankStart..rankEnd are emitted as +I
// and the window's state is dropped. Rows of a window that has fired already are late and
// dropped.
#include "runtime/operators/rank_rows.h"
#include "runtime/operators/rank_strategies.h"
#include "runtime/operators/window_slices.h"

namespace sluice::runtime {
namespace {

class WindowTopN final : public RankOperatorBase {
 public:
  WindowTopN(const artifact::Node& node, const OperatorContext& context,
             std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        top_(*state_) {}

  void processBatch(Batch& batch, int /*input*/, Output& /*out*/) override {
    const Vector& windowEnds = batch.column(node_.windowEndColumn);
    for (int row = 0; row < batch.size(); ++row) {
      if (windowEnds.isNull(row)) {
        ++dropped_;
        continue;
      }
      const int64_t fireAt = windowEnds.values<int64_t>()[row] - kWindowTimePrecisionMicros;
      if (fireAt <= state_->timers().currentWatermark()) {
        ++dropped_;  // its window has fired
        continue;
      }
      selectPartition(batch, row);
      keep(batch, row);
      state_->timers().registerEventTimeTimer(fireAt);
    }
  }

  void processWatermark(int64_t watermark, Output& out) override {
    advanceWatermark(watermark, out, [&](const Timer&) { fire(out); });
  }

 private:
  RankedList top_;

  // Keeps the row if it ranks within rankEnd, pushing out the row that ranked last.
  void keep(const Batch& batch, int row) {
    const std::string sortKey = this->sortKey(batch, row);
    const std::vector<RankedList::Entry> entries = top_.first(node_.rankEnd);
    if (static_cast<int64_t>(RankedList::arrivalIndex(entries, sortKey)) >= node_.rankEnd) return;
    top_.insert(sortKey, encodeRow(batch, row));
    if (static_cast<int64_t>(entries.size()) == node_.rankEnd) top_.remove(entries.back().key);
  }

  void fire(Output& out) {
    int64_t rank = 0;
    for (const RankedList::Entry& entry : top_.first(node_.rankEnd)) {
      ++rank;
      if (rank >= node_.rankStart) emit(RowKind::Insert, entry.row, rank, out);
    }
    top_.clear();
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeWindowTopN(const artifact::Node& node,
                                               const OperatorContext& context,
                                               std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<WindowTopN>(node, context, std::move(state));
}

}  // namespace sluice::runtime
