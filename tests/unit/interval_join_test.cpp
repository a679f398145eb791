// The interval join operator driven row by row and watermark by watermark, so that the exact
// changelogs of Flink's RowTimeIntervalJoin / ProcTimeIntervalJoin can be checked (a SQL file
// interleaves two sources in no fixed order and compares final rows only).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/execution/calc_operator.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {
namespace {

using Rows = std::vector<std::string>;
using artifact::JoinType;
constexpr int kLeft = 0;
constexpr int kRight = 1;

// Left (k BIGINT, a STRING, ts BIGINT) joins right (k BIGINT, b STRING, ts BIGINT) on k and
// right.ts + lower <= left.ts <= right.ts + upper (times in microseconds, read as BIGINTs).
class IntervalJoinHarness final : public Output {
 public:
  IntervalJoinHarness(JoinType type, int64_t lower, int64_t upper, bool eventTime = true,
                      std::optional<artifact::Expression> condition = std::nullopt) {
    for (int id : {1, 2}) {
      artifact::Node input;
      input.id = id;
      input.schema = {{"k", DataType::bigInt()},
                      {id == 1 ? "a" : "b", DataType::string()},
                      {"ts", DataType::bigInt()}};
      plan_.nodes.push_back(input);
    }
    artifact::Node node;
    node.id = 3;
    node.kind = artifact::NodeKind::IntervalJoin;
    node.inputs = {1, 2};
    node.joinType = type;
    node.keys = {0};
    node.rightKeys = {0};
    node.condition = std::move(condition);
    node.leftTimeColumn = 2;
    node.rightTimeColumn = 2;
    node.lowerBoundMicros = lower;
    node.upperBoundMicros = upper;
    node.eventTime = eventTime;
    node.schema = plan_.nodes[0].schema;
    for (const artifact::Field& field : plan_.nodes[1].schema) node.schema.push_back(field);
    plan_.nodes.push_back(node);
    context_.plan = &plan_;
    context_.inputTypes = {DataType::bigInt(), DataType::string(), DataType::bigInt()};
    op_ = createStatefulOperator(plan_.nodes.back(), context_);
  }

  IntervalJoinHarness& row(int side, std::optional<int64_t> k, const std::string& text,
                           int64_t time) {
    Batch batch(context_.inputTypes, 1);
    writeValue(batch.column(0), 0, k ? Value::ofInteger(*k) : Value::null(), batch.arena());
    writeValue(batch.column(1), 0, Value::ofBytes(text), batch.arena());
    writeValue(batch.column(2), 0, Value::ofInteger(time), batch.arena());
    batch.rowKinds()[0] = RowKind::Insert;
    batch.setSize(1);
    op_->processBatch(batch, side, *this);
    return *this;
  }
  IntervalJoinHarness& watermark(int64_t watermark) {
    op_->processWatermark(watermark, *this);
    return *this;
  }
  IntervalJoinHarness& finish() {
    op_->finish(*this);
    return *this;
  }
  Rows take() { return std::exchange(rows_, {}); }
  std::vector<int64_t> takeWatermarks() { return std::exchange(watermarks_, {}); }
  int64_t stateKeys() const { return op_->stateSize().keys; }
  int64_t dropped() const { return op_->droppedRows(); }

  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) rows_.push_back(describeRow(batch, r));
  }
  void emitWatermark(int64_t watermark) override { watermarks_.push_back(watermark); }

 private:
  artifact::JobPlan plan_;
  OperatorContext context_;
  std::unique_ptr<StreamOperator> op_;
  Rows rows_;
  std::vector<int64_t> watermarks_;
};

// l.ts BETWEEN r.ts - 5 AND r.ts + 10.
constexpr int64_t kLower = -5;
constexpr int64_t kUpper = 10;

TEST(IntervalJoin, InnerJoinsRowsWithinTheBounds) {
  IntervalJoinHarness join(JoinType::Inner, kLower, kUpper);
  EXPECT_EQ(join.row(kLeft, 1, "a", 100).take(), Rows{});
  EXPECT_EQ(join.row(kRight, 1, "x", 95).take(), Rows{"+I[1, a, 100, 1, x, 95]"});
  EXPECT_EQ(join.row(kRight, 1, "y", 80).take(), Rows{});   // 100 > 80 + 10
  EXPECT_EQ(join.row(kRight, 1, "z", 106).take(), Rows{});  // 100 < 106 - 5
  EXPECT_EQ(join.row(kLeft, 1, "b", 101).take(),
            (Rows{"+I[1, b, 101, 1, x, 95]", "+I[1, b, 101, 1, z, 106]"}));
  EXPECT_EQ(join.row(kRight, 2, "w", 100).take(), Rows{});  // another key
  // Both bounds are inclusive: c at 90 joins the right rows of [80, 95].
  EXPECT_EQ(join.row(kLeft, 1, "c", 90).take(),
            (Rows{"+I[1, c, 90, 1, y, 80]", "+I[1, c, 90, 1, x, 95]"}));
  // The watermark leaves held back by the longest wait, max(-lower, upper).
  EXPECT_EQ(join.watermark(200).take(), Rows{});
  EXPECT_EQ(join.takeWatermarks(), std::vector<int64_t>{190});
  EXPECT_EQ(join.stateKeys(), 0);
}

TEST(IntervalJoin, RowsStayUntilTheWatermarkPassesTheirRange) {
  IntervalJoinHarness join(JoinType::Inner, kLower, kUpper);
  join.row(kLeft, 1, "a", 100);  // joins right rows of [90, 105]: kept until watermark 105
  join.row(kRight, 1, "x", 100);  // joins left rows of [95, 110]: kept until watermark 110
  EXPECT_EQ(join.take(), Rows{"+I[1, a, 100, 1, x, 100]"});
  join.watermark(104);
  EXPECT_EQ(join.row(kRight, 1, "y", 105).take(), Rows{"+I[1, a, 100, 1, y, 105]"});
  join.watermark(105);
  EXPECT_EQ(join.row(kRight, 1, "z", 106).take(), Rows{});  // a is gone
  EXPECT_EQ(join.row(kLeft, 1, "b", 110).take(),
            (Rows{"+I[1, b, 110, 1, x, 100]", "+I[1, b, 110, 1, y, 105]",
                  "+I[1, b, 110, 1, z, 106]"}));
  join.watermark(110);  // x is gone: c would have joined it
  EXPECT_EQ(join.row(kLeft, 1, "c", 110).take(),
            (Rows{"+I[1, c, 110, 1, y, 105]", "+I[1, c, 110, 1, z, 106]"}));
}

TEST(IntervalJoin, LeftJoinPadsARowWhoseRangeHasPassed) {
  IntervalJoinHarness join(JoinType::Left, kLower, kUpper);
  join.row(kLeft, 1, "a", 100).row(kLeft, 1, "c", 200).row(kLeft, std::nullopt, "n", 150);
  EXPECT_EQ(join.row(kRight, 1, "x", 98).take(), Rows{"+I[1, a, 100, 1, x, 98]"});
  EXPECT_EQ(join.row(kRight, 1, "y", 300).take(), Rows{});  // right rows alone emit nothing
  EXPECT_EQ(join.watermark(105).take(), Rows{});  // a joined: nothing to pad
  EXPECT_EQ(join.watermark(155).take(), Rows{"+I[null, n, 150, null, null, null]"});
  EXPECT_EQ(join.watermark(210).take(), Rows{"+I[1, c, 200, null, null, null]"});
  EXPECT_EQ(join.takeWatermarks(), (std::vector<int64_t>{95, 145, 200}));
}

TEST(IntervalJoin, FullJoinPadsBothSidesInTimeOrder) {
  IntervalJoinHarness join(JoinType::Full, kLower, kUpper);
  join.row(kRight, 1, "x", 100).row(kLeft, 2, "a", 100);
  EXPECT_EQ(join.take(), Rows{});
  // a's range ends at 105, x's at 110.
  EXPECT_EQ(join.watermark(107).take(), Rows{"+I[2, a, 100, null, null, null]"});
  EXPECT_EQ(join.watermark(110).take(), Rows{"+I[null, null, null, 1, x, 100]"});
  // Joined rows are not padded.
  join.row(kRight, 3, "y", 200).row(kLeft, 3, "b", 200);
  EXPECT_EQ(join.take(), Rows{"+I[3, b, 200, 3, y, 200]"});
  EXPECT_EQ(join.watermark(INT64_MAX).take(), Rows{});
  EXPECT_EQ(join.stateKeys(), 0);
}

TEST(IntervalJoin, LateRowsJoinWhatIsKeptAndAreNotKept) {
  IntervalJoinHarness join(JoinType::Inner, kLower, kUpper);
  join.watermark(100);
  EXPECT_EQ(join.row(kLeft, 1, "a", 50).take(), Rows{});  // its range ended at 55
  EXPECT_EQ(join.dropped(), 1);
  join.row(kRight, 1, "x", 98);  // kept until 108
  EXPECT_EQ(join.row(kLeft, 1, "b", 96).take(), Rows{"+I[1, b, 96, 1, x, 98]"});
  // Late (its range ended at 99) but it joins x.
  EXPECT_EQ(join.row(kLeft, 1, "c", 94).take(), Rows{"+I[1, c, 94, 1, x, 98]"});
  EXPECT_EQ(join.dropped(), 1);
  // b was kept, c was not.
  EXPECT_EQ(join.row(kRight, 1, "y", 100).take(), Rows{"+I[1, b, 96, 1, y, 100]"});
}

TEST(IntervalJoin, ResidualConditionDecidesWhichPairsJoin) {
  // a < b over the joined row ($1: a, $4: b).
  const artifact::Expression less = artifact::Expression::call(
      "<",
      {artifact::Expression::columnRef(1, DataType::string()),
       artifact::Expression::columnRef(4, DataType::string())},
      DataType::boolean());
  IntervalJoinHarness join(JoinType::Left, kLower, kUpper, true, less);
  join.row(kLeft, 1, "m", 100);
  EXPECT_EQ(join.row(kRight, 1, "a", 100).take(), Rows{});
  EXPECT_EQ(join.row(kRight, 1, "z", 100).take(), Rows{"+I[1, m, 100, 1, z, 100]"});
  join.row(kLeft, 1, "zz", 100);
  EXPECT_EQ(join.watermark(200).take(), Rows{"+I[1, zz, 100, null, null, null]"});
}

TEST(IntervalJoin, ProcessingTimeJoinsRowsArrivingWithinTheBounds) {
  constexpr int64_t kHour = 3600LL * 1000 * 1000;
  IntervalJoinHarness join(JoinType::Left, -kHour, kHour, /*eventTime=*/false);
  // The time columns are not read: rows are timed by their arrival.
  EXPECT_EQ(join.row(kLeft, 1, "a", 0).take(), Rows{});
  EXPECT_EQ(join.row(kRight, 1, "x", 0).take(), Rows{"+I[1, a, 0, 1, x, 0]"});
  EXPECT_EQ(join.row(kLeft, 2, "b", 0).take(), Rows{});
  // At the end of the input the kept rows can join nothing more.
  EXPECT_EQ(join.finish().take(), Rows{"+I[2, b, 0, null, null, null]"});
  EXPECT_EQ(join.stateKeys(), 0);
}

}  // namespace
}  // namespace sluice::runtime
