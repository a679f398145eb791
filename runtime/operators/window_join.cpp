// Window joins (Flink's WindowJoinOperator): both inputs are window TVF results and the join
// key includes window_start and window_end, so a key's state holds the rows of one window.
// Rows wait in a sorted map state per input under (window end, sequence) until the watermark
// passes the window's last instant (window_end - 1 ms); then the window's rows are joined, the
// outer sides' rows that joined nothing are padded with NULLs (semi / anti: the left rows with
// or without a partner), and the window's state is dropped. Rows of a window that has fired
// already are late: dropped and counted. The output is append-only.
#include <stdexcept>

#include "runtime/operators/join_condition.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/operator_support.h"
#include "runtime/operators/time_bounded_join_rows.h"
#include "runtime/operators/window_slices.h"

namespace sluice::runtime {
namespace {

class WindowJoinOperator final : public StreamOperator {
 public:
  WindowJoinOperator(const artifact::Node& node, const OperatorContext& context,
                     std::unique_ptr<KeyedStateBackend> state)
      : node_(node),
        state_(std::move(state)),
        leftTypes_(context.inputTypes),
        rightTypes_(nodeTypes(context.plan->node(node.inputs[1]))),
        semiOrAnti_(node.joinType == artifact::JoinType::Semi ||
                    node.joinType == artifact::JoinType::Anti),
        condition_(node, leftTypes_, rightTypes_, functionsOf(context), context.timeZone),
        output_(nodeTypes(node), leftTypes_.size(), semiOrAnti_ ? 0 : rightTypes_.size(),
                context.batchSize),
        leftRows_(state_->sortedMapState("left")),
        rightRows_(state_->sortedMapState("right")) {
    using artifact::JoinType;
    leftOuter_ = node.joinType == JoinType::Left || node.joinType == JoinType::Full;
    rightOuter_ = node.joinType == JoinType::Right || node.joinType == JoinType::Full;
  }

  void processBatch(Batch& batch, int input, Output& /*out*/) override {
    const bool isLeft = input == 0;
    const int endColumn = isLeft ? node_.windowEndColumn : node_.rightWindowEndColumn;
    for (int r = 0; r < batch.size(); ++r) {
      // Window TVF results are appends; the planner refuses anything else.
      if (batch.rowKind(r) != RowKind::Insert) {
        throw std::logic_error("a window join received an update or a deletion");
      }
      row_.clear();
      for (int c = 0; c < batch.columnCount(); ++c) row_.push_back(readValue(batch.column(c), r));
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
      state_->setCurrentKey(timeBoundedJoinKey(row_, isLeft ? node_.keys : node_.rightKeys,
                                               isLeft ? leftTypes_ : rightTypes_, isLeft));
      (isLeft ? leftRows_ : rightRows_)
          .put(bufferedRowKey(windowEnd.integer, sequence_++), encodeBufferedRow(row_, false));
      state_->timers().registerEventTimeTimer(fireAt);
    }
  }

  void processWatermark(int64_t watermark, Output& out) override {
    state_->timers().advanceWatermark(watermark, [&](const Timer& timer) { fire(timer, out); });
    output_.flush(out);
    out.emitWatermark(watermark);
  }

  StateSize stateSize() const override { return stateSizeOf(*state_); }
  int64_t droppedRows() const override { return dropped_; }

 private:
  const artifact::Node& node_;
  std::unique_ptr<KeyedStateBackend> state_;
  std::vector<DataType> leftTypes_;
  std::vector<DataType> rightTypes_;
  bool semiOrAnti_;
  JoinCondition condition_;
  JoinedRows output_;
  SortedMapState& leftRows_;
  SortedMapState& rightRows_;
  bool leftOuter_ = false;
  bool rightOuter_ = false;
  int64_t sequence_ = 0;
  int64_t dropped_ = 0;
  std::vector<Value> row_;
  std::vector<uint8_t> joins_;

  // Joins the rows of the current key's window ending at the timer's window end.
  void fire(const Timer& timer, Output& out) {
    const int64_t end = timer.timestamp + kWindowTimePrecisionMicros;
    const std::string from = rowsAt(end);
    const std::optional<std::string> to = rowsAfter(end);
    const std::vector<JoinRecord> lefts = bufferedRows(leftRows_, from, to);
    const std::vector<JoinRecord> rights = bufferedRows(rightRows_, from, to);
    std::vector<uint8_t> rightJoined(rights.size(), 0);
    for (const JoinRecord& left : lefts) {
      bool joined = false;
      if (!rights.empty()) condition_.evaluate(left.row, /*rowIsLeft=*/true, rights, joins_);
      for (size_t i = 0; i < rights.size(); ++i) {
        if (!joins_[i]) continue;
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
