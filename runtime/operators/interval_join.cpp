// Interval joins (Flink's RowTimeIntervalJoin and ProcTimeIntervalJoin, over TimeIntervalJoin):
// a left row at time l joins a right row at time r when r + lower <= l <= r + upper. Each input
// keeps its rows per join key in a sorted map state under (time, sequence), with whether each
// has joined anything. An arriving row joins the other side's rows in its range (through the
// residual condition), and is kept while rows of the other side may still come that it joins:
// until the watermark (processing time: the clock) reaches its range's end. Then a timer drops
// it, padding it with NULLs first when its side is outer and it never joined. A row whose range
// has passed already when it arrives is joined with what is kept and not kept itself (Flink
// does the same); one that produces nothing is counted as dropped.
//
// The output is append-only (+I), and on event time the watermark leaves held back by the
// longest time a row may wait for its partner, so that output rows are not late downstream.
#include <algorithm>
#include <climits>
#include <stdexcept>

#include "runtime/execution/task_clock.h"
#include "runtime/operators/join_condition.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/operator_support.h"
#include "runtime/operators/time_bounded_join_rows.h"

namespace sluice::runtime {
namespace {

constexpr std::string_view kLeftTimer = "left";
constexpr std::string_view kRightTimer = "right";

int64_t saturatingAdd(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? INT64_MAX : INT64_MIN;
  return sum;
}

class IntervalJoinOperator final : public TimeBoundedJoin {
 public:
  IntervalJoinOperator(const artifact::Node& node, const OperatorContext& context,
                       std::unique_ptr<KeyedStateBackend> state)
      : TimeBoundedJoin(node, context, std::move(state),
                        nodeTypes(context.plan->node(node.inputs[1])).size()) {
    if (node.joinType == artifact::JoinType::Semi || node.joinType == artifact::JoinType::Anti) {
      throw std::invalid_argument("no runtime operator for a semi or anti interval join yet");
    }
  }

  void processBatch(Batch& batch, int input, Output& out) override {
    const bool isLeft = input == 0;
    const int timeColumn = isLeft ? node_.leftTimeColumn : node_.rightTimeColumn;
    for (int r = 0; r < batch.size(); ++r) {
      readRow(batch, r, "an interval join");
      int64_t time = 0;
      if (node_.eventTime) {
        const Value& value = row_[static_cast<size_t>(timeColumn)];
        if (value.isNull) {
          ++dropped_;
          continue;
        }
        time = value.integer;
      } else {
        time = wallClockMicros();
      }
      selectKey(isLeft);
      processRow(isLeft, time, out);
    }
    output_.flush(out);
  }

  void processWatermark(int64_t watermark, Output& out) override {
    if (!node_.eventTime) {
      out.emitWatermark(watermark);
      return;
    }
    state_->timers().advanceWatermark(watermark, [&](const Timer& timer) { expire(timer, out); });
    output_.flush(out);
    // Rows kept up to the longest range wait for it: hold the watermark back by as much.
    const int64_t delay = std::max<int64_t>({0, -node_.lowerBoundMicros, node_.upperBoundMicros});
    const bool unbounded = watermark == INT64_MAX || watermark == TimerService::kNoWatermark;
    out.emitWatermark(unbounded ? watermark : saturatingAdd(watermark, -delay));
  }

  int64_t nextProcessingTime() const override {
    return state_->timers().nextProcessingTime().value_or(INT64_MAX);
  }

  void onProcessingTime(int64_t now, Output& out) override {
    state_->timers().advanceProcessingTime(now, [&](const Timer& timer) { expire(timer, out); });
    output_.flush(out);
  }

  // Processing time: the rows still kept can join nothing more (event time has expired them
  // all at the end-of-time watermark already).
  void finish(Output& out) override {
    if (!node_.eventTime) onProcessingTime(INT64_MAX, out);
  }

 private:
  // The time at which a row of this side at `time` has met every row of the other side it
  // may join: the end of its range.
  int64_t rangeEnd(bool isLeft, int64_t time) const {
    return saturatingAdd(time, isLeft ? -node_.lowerBoundMicros : node_.upperBoundMicros);
  }

  // Whether rows of the other side arriving from now on are all past `end`. Event time: later
  // rows are after the watermark; processing time: they arrive at `now` or later.
  bool passed(int64_t end, int64_t now) const { return node_.eventTime ? end <= now : end < now; }

  void processRow(bool isLeft, int64_t time, Output& out) {
    const int64_t now = node_.eventTime ? state_->timers().currentWatermark() : time;
    SortedMapState& others = rowsOf(!isLeft);
    const bool otherOuter = isLeft ? rightOuter_ : leftOuter_;
    // The other side's times this row joins: [from, to].
    const int64_t from =
        saturatingAdd(time, isLeft ? -node_.upperBoundMicros : node_.lowerBoundMicros);
    const int64_t to =
        saturatingAdd(time, isLeft ? -node_.lowerBoundMicros : node_.upperBoundMicros);
    bool joined = false;
    if (from <= to) {
      std::vector<JoinRecord> candidates =
          bufferedRows(others, rowsAt(from), rowsAfter(to));
      if (!candidates.empty()) condition_.evaluate(row_, isLeft, candidates, joins_);
      for (size_t i = 0; i < candidates.size(); ++i) {
        if (!joins_[i]) continue;
        joined = true;
        const JoinRecord& other = candidates[i];
        output_.emit(isLeft ? &row_ : &other.row, isLeft ? &other.row : &row_, out);
        if (otherOuter && other.associations == 0) {
          others.put(other.entryKey, encodeBufferedRow(other.row, true));
        }
      }
    }
    const int64_t end = rangeEnd(isLeft, time);
    if (!passed(end, now)) {
      rowsOf(isLeft).put(bufferedRowKey(time, sequence_++), encodeBufferedRow(row_, joined));
      registerExpiry(isLeft, end);
      return;
    }
    // Late: nothing to come can join it.
    if (!joined && (isLeft ? leftOuter_ : rightOuter_)) {
      output_.emit(isLeft ? &row_ : nullptr, isLeft ? nullptr : &row_, out);
    } else if (!joined) {
      ++dropped_;
    }
  }

  // A timer when the row's range has passed; processing time fires it once the clock is past.
  void registerExpiry(bool isLeft, int64_t end) {
    const std::string_view ns = isLeft ? kLeftTimer : kRightTimer;
    if (node_.eventTime) {
      state_->timers().registerEventTimeTimer(end, ns);
    } else {
      state_->timers().registerProcessingTimeTimer(saturatingAdd(end, 1), ns);
    }
  }

  // Drops the rows of the timer's side whose range ended at or before the timer's time, after
  // padding the never-joined ones of an outer side.
  void expire(const Timer& timer, Output& out) {
    const bool isLeft = timer.ns == kLeftTimer;
    const int64_t end = node_.eventTime ? timer.timestamp : timer.timestamp - 1;
    // rangeEnd(isLeft, time) <= end  <=>  time <= last.
    const int64_t last =
        saturatingAdd(end, isLeft ? node_.lowerBoundMicros : -node_.upperBoundMicros);
    const std::optional<std::string> until = rowsAfter(last);
    SortedMapState& rows = rowsOf(isLeft);
    if (isLeft ? leftOuter_ : rightOuter_) {
      for (const JoinRecord& record : bufferedRows(rows, {}, until)) {
        if (record.associations != 0) continue;
        output_.emit(isLeft ? &record.row : nullptr, isLeft ? nullptr : &record.row, out);
      }
    }
    if (until) {
      rows.removeBefore(*until);
    } else {
      rows.clear();
    }
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeIntervalJoinOperator(const artifact::Node& node,
                                                         const OperatorContext& context,
                                                         std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<IntervalJoinOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
