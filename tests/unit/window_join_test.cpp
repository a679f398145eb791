// The window join operator driven row by row and watermark by watermark, so that the exact
// changelogs of Flink's WindowJoinOperator can be checked.
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
// Windows end at multiples of 10 ms and fire when the watermark reaches end - 1 ms.
constexpr int64_t kEnd1 = 10000;
constexpr int64_t kEnd2 = 20000;

// Left (k BIGINT, a STRING, wend BIGINT) joins right (k BIGINT, b STRING, wend BIGINT) on k
// and the window end.
class WindowJoinHarness final : public Output {
 public:
  explicit WindowJoinHarness(JoinType type) {
    for (int id : {1, 2}) {
      artifact::Node input;
      input.id = id;
      input.schema = {{"k", DataType::bigInt()},
                      {id == 1 ? "a" : "b", DataType::string()},
                      {"window_end", DataType::bigInt()}};
      plan_.nodes.push_back(input);
    }
    artifact::Node node;
    node.id = 3;
    node.kind = artifact::NodeKind::WindowJoin;
    node.inputs = {1, 2};
    node.joinType = type;
    node.keys = {0, 2};
    node.rightKeys = {0, 2};
    node.windowEndColumn = 2;
    node.rightWindowEndColumn = 2;
    node.schema = plan_.nodes[0].schema;
    if (type != JoinType::Semi && type != JoinType::Anti) {
      for (const artifact::Field& field : plan_.nodes[1].schema) node.schema.push_back(field);
    }
    plan_.nodes.push_back(node);
    context_.plan = &plan_;
    context_.inputTypes = {DataType::bigInt(), DataType::string(), DataType::bigInt()};
    op_ = createStatefulOperator(plan_.nodes.back(), context_);
  }

  WindowJoinHarness& row(int side, std::optional<int64_t> k, const std::string& text,
                         int64_t windowEnd) {
    Batch batch(context_.inputTypes, 1);
    writeValue(batch.column(0), 0, k ? Value::ofInteger(*k) : Value::null(), batch.arena());
    writeValue(batch.column(1), 0, Value::ofBytes(text), batch.arena());
    writeValue(batch.column(2), 0, Value::ofInteger(windowEnd), batch.arena());
    batch.rowKinds()[0] = RowKind::Insert;
    batch.setSize(1);
    op_->processBatch(batch, side, *this);
    return *this;
  }
  WindowJoinHarness& watermark(int64_t watermark) {
    op_->processWatermark(watermark, *this);
    return *this;
  }
  Rows take() { return std::exchange(rows_, {}); }
  int64_t stateKeys() const { return op_->stateSize().keys; }
  int64_t dropped() const { return op_->droppedRows(); }

  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) rows_.push_back(describeRow(batch, r));
  }
  void emitWatermark(int64_t) override {}

 private:
  artifact::JobPlan plan_;
  OperatorContext context_;
  std::unique_ptr<StreamOperator> op_;
  Rows rows_;
};

TEST(WindowJoin, InnerJoinsAWindowsRowsWhenItCloses) {
  WindowJoinHarness join(JoinType::Inner);
  join.row(kLeft, 1, "a", kEnd1).row(kRight, 1, "x", kEnd1).row(kRight, 1, "y", kEnd2);
  join.row(kLeft, 1, "b", kEnd1).row(kLeft, 2, "c", kEnd1);
  EXPECT_EQ(join.take(), Rows{});
  EXPECT_EQ(join.watermark(kEnd1 - 1001).take(), Rows{});
  EXPECT_EQ(join.watermark(kEnd1 - 1000).take(),
            (Rows{"+I[1, a, 10000, 1, x, 10000]", "+I[1, b, 10000, 1, x, 10000]"}));
  EXPECT_EQ(join.watermark(kEnd2).take(), Rows{});  // y had no partner in its window
  EXPECT_EQ(join.stateKeys(), 0);
}

TEST(WindowJoin, FullJoinPadsTheRowsThatJoinedNothing) {
  WindowJoinHarness join(JoinType::Full);
  join.row(kLeft, 1, "a", kEnd1).row(kRight, 2, "x", kEnd1).row(kLeft, 1, "b", kEnd1);
  join.row(kRight, 1, "y", kEnd1).row(kLeft, std::nullopt, "n", kEnd1);
  join.row(kRight, std::nullopt, "m", kEnd1);
  EXPECT_EQ(join.watermark(kEnd1).take(),
            (Rows{"+I[null, n, 10000, null, null, null]", "+I[null, null, null, null, m, 10000]",
                  "+I[1, a, 10000, 1, y, 10000]", "+I[1, b, 10000, 1, y, 10000]",
                  "+I[null, null, null, 2, x, 10000]"}));
}

TEST(WindowJoin, LeftAndRightJoinsPadTheirOwnSide) {
  WindowJoinHarness left(JoinType::Left);
  left.row(kLeft, 1, "a", kEnd1).row(kRight, 2, "x", kEnd1);
  EXPECT_EQ(left.watermark(kEnd1).take(), Rows{"+I[1, a, 10000, null, null, null]"});
  WindowJoinHarness right(JoinType::Right);
  right.row(kLeft, 1, "a", kEnd1).row(kRight, 2, "x", kEnd1);
  EXPECT_EQ(right.watermark(kEnd1).take(), Rows{"+I[null, null, null, 2, x, 10000]"});
}

TEST(WindowJoin, RowsOfAFiredWindowAreLate) {
  WindowJoinHarness join(JoinType::Left);
  join.watermark(kEnd1 - 1000);
  EXPECT_EQ(join.row(kLeft, 1, "a", kEnd1).take(), Rows{});
  EXPECT_EQ(join.dropped(), 1);
  join.row(kLeft, 1, "b", kEnd2);
  EXPECT_EQ(join.watermark(INT64_MAX).take(), Rows{"+I[1, b, 20000, null, null, null]"});
  EXPECT_EQ(join.dropped(), 1);
}

TEST(WindowJoin, SemiAndAntiJoinsOutputLeftRows) {
  for (JoinType type : {JoinType::Semi, JoinType::Anti}) {
    WindowJoinHarness join(type);
    join.row(kLeft, 1, "a", kEnd1).row(kLeft, 2, "b", kEnd1);
    join.row(kRight, 1, "x", kEnd1).row(kRight, 1, "y", kEnd1);
    EXPECT_EQ(join.watermark(kEnd1).take(),
              Rows{type == JoinType::Semi ? "+I[1, a, 10000]" : "+I[2, b, 10000]"});
  }
}

}  // namespace
}  // namespace sluice::runtime
