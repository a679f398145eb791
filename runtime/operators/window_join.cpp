// Window joins (Flink's WindowJoinOperator): both inputs are window TVF results and the join
// key includes window_start and window_end, so a key's state holds the rows of one window.
// Rows wait in a sorted map state per input under (window end, sequence) until the watermark
// passes the window's last instant (window_end - 1 ms); then the window's rows are joined, the
// outer sides' rows that joined nothing are padded with NULLs (semi / anti: the left rows with
// or without a partner), and the window's state is dropped. Rows of a window that has fired
// already are late: dropped and counted. The output is append-only.
#include <algorithm>

#include "runtime/operators/operator_support.h"
#include "runtime/operators/time_bounded_join_rows.h"
#include "runtime/operators/window_slices.h"

namespace sluice::runtime {
namespace {

class WindowJoinOperator final : public TimeBoundedJoin {
 public:
  WindowJoinOperator(const artifact::Node& node, const OperatorContext& context,
                     std::unique_ptr<KeyedStateBackend> state)
      : TimeBoundedJoin(node, context, std::move(state),
                        isSemiOrAnti(node) ? 0 : nodeTypes(context.plan->node(node.inputs[1])).size()),
        semiOrAnti_(isSemiOrAnti(node)) {}

  void processBatch(Batch& batch, int input, Output& /*out*/) override {
    const bool isLeft = input == 0;
    const int endColumn = isLeft ? node_.windowEndColumn : node_.rightWindowEndColumn;
    for (int r = 0; r < batch.size(); ++r) {
      readRow(batch, r, "a window join");
      const Value& windowEnd = row_[static_cast<size_t>(endColumn)];
      if (windowEnd.isNull) {
        ++dropped_;
        continue;
      }
      const int64_t fireAt = windowEnd.integer - kWindowTimePrecisionMicros;
      if (fireAt <= state_->timers().currentWatermark()) {
        ++dropped_;  // its window has fired
        continue;
      }
      selectKey(isLeft);
      rowsOf(isLeft).put(bufferedRowKey(windowEnd.integer, sequence_++),
                         encodeBufferedRow(row_, false));
      state_->timers().registerEventTimeTimer(fireAt);
    }
  }

  void processWatermark(int64_t watermark, Output& out) override {
    state_->timers().advanceWatermark(watermark, [&](const Timer& timer) { fire(timer, out); });
    output_.flush(out);
    out.emitWatermark(watermark);
  }

 private:
  static bool isSemiOrAnti(const artifact::Node& node) {
    return node.joinType == artifact::JoinType::Semi || node.joinType == artifact::JoinType::Anti;
  }

  bool semiOrAnti_;
  // pairs_[l * rights + r]: whether left l of the chunk joins right r.
  std::vector<uint8_t> pairs_;

  // How many lefts one chunk takes: all of them while the pairs fit in a few megabytes.
  static size_t chunkOfLefts(size_t lefts, size_t rights) {
    constexpr size_t kPairsPerChunk = size_t{4} << 20;
    return std::min(lefts, std::max<size_t>(1, kPairsPerChunk / std::max<size_t>(rights, 1)));
  }

  // Fills pairs_ for lefts [first, first + count). The condition is evaluated for one row of
  // the smaller side against all rows of the other: evaluating it per left row against one right
  // row (q5: 240 000 rows against a window's maximum) ran the interpreter once per pair.
  void evaluateChunk(const std::vector<JoinRecord>& lefts, size_t first, size_t count,
                     const std::vector<JoinRecord>& rights) {
    const size_t width = rights.size();
    pairs_.assign(count * width, 0);
    if (width == 0) return;
    if (count <= width) {
      for (size_t l = 0; l < count; ++l) {
        condition_.evaluate(lefts[first + l].row, /*rowIsLeft=*/true, rights, joins_);
        std::copy(joins_.begin(), joins_.end(), pairs_.begin() + static_cast<ptrdiff_t>(l * width));
      }
      return;
    }
    for (size_t r = 0; r < width; ++r) {
      condition_.evaluate(rights[r].row, /*rowIsLeft=*/false, lefts.data() + first, count, joins_);
      for (size_t l = 0; l < count; ++l) pairs_[l * width + r] = joins_[l];
    }
  }

  // Joins the rows of the current key's window ending at the timer's window end.
  void fire(const Timer& timer, Output& out) {
    const int64_t end = timer.timestamp + kWindowTimePrecisionMicros;
    const std::string from = rowsAt(end);
    const std::optional<std::string> to = rowsAfter(end);
    const std::vector<JoinRecord> lefts = bufferedRows(leftRows_, from, to);
    const std::vector<JoinRecord> rights = bufferedRows(rightRows_, from, to);
    std::vector<uint8_t> rightJoined(rights.size(), 0);
    // Pairs are emitted left by left, as Flink does; the condition runs in chunks of lefts.
    for (size_t first = 0; first < lefts.size();) {
      const size_t count = chunkOfLefts(lefts.size() - first, rights.size());
      evaluateChunk(lefts, first, count, rights);
      for (size_t l = first; l < first + count; ++l) {
        const JoinRecord& left = lefts[l];
        const uint8_t* joins = pairs_.data() + (l - first) * rights.size();
        bool joined = false;
        for (size_t i = 0; i < rights.size(); ++i) {
          if (!joins[i]) continue;
          joined = true;
          rightJoined[i] = 1;
          if (!semiOrAnti_) output_.emit(&left.row, &rights[i].row, out);
        }
        if (semiOrAnti_) {
          if (joined == (node_.joinType == artifact::JoinType::Semi)) {
            output_.emit(&left.row, nullptr, out);
          }
        } else if (!joined && leftOuter_) {
          output_.emit(&left.row, nullptr, out);
        }
      }
      first += count;
    }
    if (rightOuter_) {
      for (size_t i = 0; i < rights.size(); ++i) {
        if (!rightJoined[i]) output_.emit(nullptr, &rights[i].row, out);
      }
    }
    for (SortedMapState* rows : {&leftRows_, &rightRows_}) {
      if (to) {
        rows->removeRange(from, *to);
      } else {
        rows->removeRange(from, std::nullopt);
      }
    }
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeWindowJoinOperator(const artifact::Node& node,
                                                       const OperatorContext& context,
                                                       std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<WindowJoinOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
