// The event-time temporal join driven row by row and watermark by watermark, so that the exact
// output of Flink's TemporalRowTimeJoinOperator can be checked: which version each left row
// sees, when it is emitted, in which order, and what state is left behind.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

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
constexpr int kLeft = 0;
constexpr int kRight = 1;

// Left (k BIGINT, t BIGINT, a STRING) joins right (k BIGINT, t BIGINT, v STRING) on k, AS OF
// the left's t; the right's t is its version time. (BIGINT times keep the rows short: the
// operator reads any time attribute as its integer.)
class TemporalJoinHarness final : public Output {
 public:
  explicit TemporalJoinHarness(artifact::JoinType type,
                               std::optional<artifact::Expression> condition = std::nullopt,
                               int64_t stateTtlMillis = 0) {
    for (int id : {1, 2}) {
      artifact::Node input;
      input.id = id;
      input.schema = {{"k", DataType::bigInt()},
                      {"t", DataType::bigInt()},
                      {id == 1 ? "a" : "v", DataType::string()}};
      plan_.nodes.push_back(input);
    }
    node_.id = 3;
    node_.kind = artifact::NodeKind::TemporalJoin;
    node_.inputs = {1, 2};
    node_.joinType = type;
    node_.keys = {0};
    node_.rightKeys = {0};
    node_.probeTimeColumn = 1;
    node_.versionTimeColumn = 1;
    node_.condition = std::move(condition);
    node_.stateTtlMillis = stateTtlMillis;
    node_.schema = plan_.nodes[0].schema;
    for (const auto& field : plan_.nodes[1].schema) node_.schema.push_back(field);
    plan_.nodes.push_back(node_);
    context_.plan = &plan_;
    context_.inputTypes = {DataType::bigInt(), DataType::bigInt(), DataType::string()};
    op_ = createStatefulOperator(plan_.nodes.back(), context_);
  }

  TemporalJoinHarness& row(int side, RowKind kind, int64_t k, int64_t t, const std::string& text) {
    Batch batch(context_.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofInteger(k), batch.arena());
    writeValue(batch.column(1), 0, Value::ofInteger(t), batch.arena());
    writeValue(batch.column(2), 0, Value::ofBytes(text), batch.arena());
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op_->processBatch(batch, side, *this);
    return *this;
  }
  void rowOf(int side, const std::vector<Value>& values) {
    Batch batch(context_.inputTypes, 1);
    for (int c = 0; c < 3; ++c)
      writeValue(batch.column(c), 0, values[static_cast<size_t>(c)], batch.arena());
    batch.rowKinds()[0] = RowKind::Insert;
    batch.setSize(1);
    op_->processBatch(batch, side, *this);
  }
  TemporalJoinHarness& left(int64_t k, int64_t t, const std::string& a) {
    return row(kLeft, RowKind::Insert, k, t, a);
  }
  TemporalJoinHarness& version(int64_t k, int64_t t, const std::string& v,
                               RowKind kind = RowKind::Insert) {
    return row(kRight, kind, k, t, v);
  }
  TemporalJoinHarness& watermark(int64_t watermark) {
    op_->processWatermark(watermark, *this);
    return *this;
  }
  // Processing time moves to `micros` (the operator's clock is the wall clock: tests jump past it).
  TemporalJoinHarness& processingTime(int64_t micros) {
    op_->onProcessingTime(micros, *this);
    return *this;
  }
  int64_t nextProcessingTime() const { return op_->nextProcessingTime(); }
  Rows take() { return std::exchange(rows_, {}); }
  StateSize state() const { return op_->stateSize(); }
  int64_t dropped() const { return op_->droppedRows(); }

  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) rows_.push_back(describeRow(batch, r));
  }
  void emitWatermark(int64_t) override {}

 private:
  artifact::JobPlan plan_;
  artifact::Node node_;
  OperatorContext context_;
  std::unique_ptr<StreamOperator> op_;
  Rows rows_;
};

using artifact::JoinType;

TEST(TemporalJoin, LeftRowsWaitForTheWatermarkAndJoinTheVersionOfTheirTime) {
  TemporalJoinHarness join(JoinType::Inner);
  // A version before the left row, and one arriving after it but valid only later.
  EXPECT_EQ(join.version(1, 1, "v1").left(1, 5, "a").version(1, 10, "v2").take(), Rows{});
  join.left(1, 12, "b");
  EXPECT_EQ(join.watermark(4).take(), Rows{});
  EXPECT_EQ(join.watermark(11).take(), Rows{"+I[1, 5, a, 1, 1, v1]"});
  EXPECT_EQ(join.watermark(20).take(), Rows{"+I[1, 12, b, 1, 10, v2]"});
  // A left row exactly at a version's time sees that version.
  EXPECT_EQ(join.left(1, 30, "c").version(1, 30, "v3").watermark(30).take(),
            Rows{"+I[1, 30, c, 1, 30, v3]"});
}

TEST(TemporalJoin, OutOfOrderLeftRowsLeaveInArrivalOrder) {
  TemporalJoinHarness join(JoinType::Inner);
  join.left(1, 8, "a").left(1, 3, "b").version(1, 5, "v2").version(1, 1, "v1");
  join.left(2, 4, "c").version(2, 2, "w1");
  EXPECT_EQ(join.watermark(10).take(),
            (Rows{"+I[1, 8, a, 1, 5, v2]", "+I[1, 3, b, 1, 1, v1]", "+I[2, 4, c, 2, 2, w1]"}));
}

TEST(TemporalJoin, UpdatesReplaceAVersionAndDeletionsEndIt) {
  for (JoinType type : {JoinType::Inner, JoinType::Left}) {
    TemporalJoinHarness join(type);
    join.version(1, 1, "v1");
    // An upsert stream's update: the -U is no version, the +U is the next one.
    join.version(1, 1, "v1", RowKind::UpdateBefore).version(1, 4, "v2", RowKind::UpdateAfter);
    join.version(1, 6, "v2", RowKind::Delete);
    join.left(1, 3, "a").left(1, 5, "b").left(1, 7, "c");
    Rows expected{"+I[1, 3, a, 1, 1, v1]", "+I[1, 5, b, 1, 4, v2]"};
    if (type == JoinType::Left) expected.push_back("+I[1, 7, c, null, null, null]");
    EXPECT_EQ(join.watermark(10).take(), expected);
    // The key has a version again after its deletion.
    EXPECT_EQ(join.version(1, 12, "v3").left(1, 15, "d").watermark(20).take(),
              Rows{"+I[1, 15, d, 1, 12, v3]"});
  }
}

TEST(TemporalJoin, LeftJoinPadsRowsWithoutAVersion) {
  TemporalJoinHarness join(JoinType::Left);
  join.version(1, 5, "v1");
  join.left(1, 2, "before").left(2, 6, "nokey").left(1, 6, "after");
  EXPECT_EQ(join.watermark(10).take(),
            (Rows{"+I[1, 2, before, null, null, null]", "+I[1, 6, after, 1, 5, v1]",
                  "+I[2, 6, nokey, null, null, null]"}));
}

TEST(TemporalJoin, ResidualConditionFiltersTheVersion) {
  // a < v over the joined row ($2: a, $5: v).
  const artifact::Expression less =
      artifact::Expression::call("<",
                                 {artifact::Expression::columnRef(2, DataType::string()),
                                  artifact::Expression::columnRef(5, DataType::string())},
                                 DataType::boolean());
  TemporalJoinHarness inner(JoinType::Inner, less);
  inner.version(1, 1, "m").left(1, 2, "a").left(1, 3, "z");
  EXPECT_EQ(inner.watermark(5).take(), Rows{"+I[1, 2, a, 1, 1, m]"});
  TemporalJoinHarness left(JoinType::Left, less);
  left.version(1, 1, "m").left(1, 2, "a").left(1, 3, "z");
  EXPECT_EQ(left.watermark(5).take(),
            (Rows{"+I[1, 2, a, 1, 1, m]", "+I[1, 3, z, null, null, null]"}));
}

TEST(TemporalJoin, LeftRowKindsPassThrough) {
  TemporalJoinHarness join(JoinType::Inner);
  join.version(1, 1, "v1").row(kLeft, RowKind::UpdateAfter, 1, 2, "a");
  join.row(kLeft, RowKind::Delete, 1, 3, "a");
  EXPECT_EQ(join.watermark(5).take(), (Rows{"+U[1, 2, a, 1, 1, v1]", "-D[1, 3, a, 1, 1, v1]"}));
}

TEST(TemporalJoin, SupersededVersionsAndJoinedRowsLeaveState) {
  TemporalJoinHarness join(JoinType::Inner);
  join.version(1, 1, "v1").version(1, 5, "v2").version(1, 9, "v3").version(2, 1, "w1");
  join.left(1, 6, "a");
  const StateSize before = join.state();
  EXPECT_EQ(before.keys, 2);
  EXPECT_EQ(join.watermark(6).take(), Rows{"+I[1, 6, a, 1, 5, v2]"});
  // v1 is gone (v2 supersedes it at the watermark), and so is the left row.
  const StateSize afterFirst = join.state();
  EXPECT_LT(afterFirst.bytes, before.bytes);
  // Late left rows (behind the watermark) join at the next watermark, as in Flink: one at the
  // watermark still sees v2, one before v2 finds no version any more (v1 is gone).
  EXPECT_EQ(join.left(1, 2, "late").left(1, 6, "late").watermark(7).take(),
            Rows{"+I[1, 6, late, 1, 5, v2]"});
  // Once the watermark passes v3, v2 goes too; a deleted key leaves no state at all.
  join.version(2, 3, "w1", RowKind::Delete).watermark(10);
  EXPECT_EQ(join.state().keys, 1);
  EXPECT_LT(join.state().bytes, afterFirst.bytes);
  EXPECT_EQ(join.left(1, 20, "b").watermark(INT64_MAX).take(), Rows{"+I[1, 20, b, 1, 9, v3]"});
  EXPECT_EQ(join.left(2, 20, "c").take(), Rows{});
}

TEST(TemporalJoin, AStateTtlClearsAKeyIdleThatLong) {
  TemporalJoinHarness join(JoinType::Left, std::nullopt, /*stateTtlMillis=*/60'000);
  join.version(1, 1, "v1").version(2, 1, "w1");
  EXPECT_EQ(join.state().keys, 2);
  const int64_t cleanup = join.nextProcessingTime();
  EXPECT_GT(cleanup, 0);
  EXPECT_LT(cleanup, INT64_MAX);
  // Key 1 sees a row again a little later: its clearing moves on, key 2's does not.
  join.processingTime(cleanup - 1);
  EXPECT_EQ(join.state().keys, 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(3));  // the TTL counts in milliseconds
  join.left(1, 5, "a");
  join.processingTime(cleanup);
  EXPECT_EQ(join.state().keys, 1);
  // Key 2's version is gone: a later left row of it finds none. Key 1 still joins.
  EXPECT_EQ(join.left(2, 6, "b").watermark(10).take(),
            (Rows{"+I[1, 5, a, 1, 1, v1]", "+I[2, 6, b, null, null, null]"}));
  join.processingTime(INT64_MAX - 1);
  EXPECT_EQ(join.state().keys, 0);
}

TEST(TemporalJoin, NullTimesAreDroppedAndNullKeysJoinNothing) {
  TemporalJoinHarness join(JoinType::Left);
  const Value null = Value::null();
  join.rowOf(kRight, {null, Value::ofInteger(0), Value::ofBytes("nullkey")});
  join.rowOf(kRight, {Value::ofInteger(1), null, Value::ofBytes("notime")});
  join.rowOf(kLeft, {null, Value::ofInteger(1), Value::ofBytes("n")});
  join.rowOf(kLeft, {Value::ofInteger(1), null, Value::ofBytes("t")});
  EXPECT_EQ(join.watermark(2).take(), Rows{"+I[null, 1, n, null, null, null]"});
  EXPECT_EQ(join.dropped(), 2);
}

}  // namespace
}  // namespace sluice::runtime
