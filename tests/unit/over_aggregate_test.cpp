// What the OVER operators keep and drop, which SQL output alone does not show: late rows and
// rows without a time are counted as dropped, rows that left every frame leave the state, and
// an idle partition of a RANGE frame is cleared once the watermark has passed its frames.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {
namespace {

constexpr int64_t kSecond = 1'000'000;

struct Capture final : Output {
  std::vector<std::string> rows;  // "key price time/s count"
  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      rows.push_back(std::to_string(readValue(batch.column(0), r).integer) + " " +
                     std::to_string(readValue(batch.column(1), r).integer) + " " +
                     std::to_string(readValue(batch.column(2), r).integer / kSecond) + " " +
                     std::to_string(readValue(batch.column(3), r).integer));
    }
  }
  void emitWatermark(int64_t) override {}
};

// An OverAggregate over (key BIGINT, price BIGINT, ts TIMESTAMP(3)) with COUNT(*) appended.
class OverHarness {
 public:
  OverHarness(bool eventTime, bool rows, int64_t precedingBound) {
    node_.kind = artifact::NodeKind::OverAggregate;
    node_.schema = {{"key", DataType::bigInt()},
                    {"price", DataType::bigInt()},
                    {"ts", DataType::timestamp(3)},
                    {"n", DataType::bigInt()}};
    node_.keys = {0};
    node_.sortKeys = {artifact::SortKey{2, false, false}};
    node_.eventTime = eventTime;
    node_.rowsFrame = rows;
    node_.precedingBound = precedingBound;
    artifact::AggregateCall count;
    count.function = "COUNT";
    count.type = DataType::bigInt();
    node_.aggregates = {count};
    OperatorContext context;
    context.plan = &plan_;
    context.inputTypes = {DataType::bigInt(), DataType::bigInt(), DataType::timestamp(3)};
    context.batchSize = 4;
    op_ = createStatefulOperator(node_, context);
  }

  // One row; `seconds` < 0 is a NULL time.
  void row(int64_t key, int64_t price, int64_t seconds) {
    Batch batch({DataType::bigInt(), DataType::bigInt(), DataType::timestamp(3)}, 1);
    writeValue(batch.column(0), 0, Value::ofInteger(key), batch.arena());
    writeValue(batch.column(1), 0, Value::ofInteger(price), batch.arena());
    writeValue(batch.column(2), 0,
               seconds < 0 ? Value::null() : Value::ofInteger(seconds * kSecond), batch.arena());
    batch.rowKinds()[0] = RowKind::Insert;
    batch.setSize(1);
    op_->processBatch(batch, 0, out);
  }
  void watermark(int64_t micros) { op_->processWatermark(micros, out); }

  StreamOperator& op() { return *op_; }
  Capture out;

 private:
  artifact::JobPlan plan_;
  artifact::Node node_;
  std::unique_ptr<StreamOperator> op_;
};

TEST(OverAggregate, EventTimeRangeDropsLateRowsAndClearsAnIdlePartition) {
  OverHarness over(/*eventTime=*/true, /*rows=*/false, 2 * kSecond);
  over.row(1, 10, 1);
  over.row(1, 20, 2);
  over.watermark(2 * kSecond);
  EXPECT_EQ(over.out.rows, (std::vector<std::string>{"1 10 1 1", "1 20 2 2"}));
  over.row(1, 30, 2);   // the partition has emitted 2 s: late
  over.row(1, 40, -1);  // no time
  EXPECT_EQ(over.op().droppedRows(), 2);
  EXPECT_GT(over.op().stateSize().keys, 0);
  // Flink's cleanup time: the first row + 1.5 x 2 s + 1 ms, kept while it is at least 2 s +
  // 1 ms after the latest row (so that no frame can still need the rows).
  over.watermark(4 * kSecond);
  EXPECT_GT(over.op().stateSize().keys, 0);
  over.watermark(4 * kSecond + 1000);
  EXPECT_EQ(over.op().stateSize().keys, 0);
  EXPECT_EQ(over.out.rows.size(), 2u);
}

TEST(OverAggregate, EventTimeRowsKeepsOnlyTheRowsOfTheFrame) {
  OverHarness over(/*eventTime=*/true, /*rows=*/true, 1);
  for (int64_t t = 1; t <= 10; ++t) over.row(7, 5, t);
  over.watermark(10 * kSecond);
  const StateSize afterTen = over.op().stateSize();
  for (int64_t t = 11; t <= 40; ++t) over.row(7, 5, t);
  over.watermark(40 * kSecond);
  EXPECT_EQ(over.op().stateSize().bytes, afterTen.bytes);
  ASSERT_EQ(over.out.rows.size(), 40u);
  EXPECT_EQ(over.out.rows[0], "7 5 1 1");
  EXPECT_EQ(over.out.rows[39], "7 5 40 2");
}

TEST(OverAggregate, EventTimeUnboundedDropsRowsBehindTheWatermark) {
  OverHarness over(/*eventTime=*/true, /*rows=*/false, -1);
  over.row(1, 10, 5);
  over.watermark(3 * kSecond);
  over.row(2, 20, 3);  // at the watermark: late, although key 2 has emitted nothing
  over.row(1, 30, 4);
  over.watermark(INT64_MAX);
  EXPECT_EQ(over.op().droppedRows(), 1);
  EXPECT_EQ(over.out.rows, (std::vector<std::string>{"1 30 4 1", "1 10 5 2"}));
}

// Rows wait for the end of their arrival millisecond; a bounded input that ends does not lose
// the last ones (Flink drops its pending processing-time timers there).
TEST(OverAggregate, ProcessingTimeRangeEmitsWaitingRowsAtTheEnd) {
  OverHarness over(/*eventTime=*/false, /*rows=*/false, 3600 * kSecond);
  over.row(1, 10, 1);
  over.row(1, 20, 1);
  over.row(2, 30, 1);
  EXPECT_NE(over.op().nextProcessingTime(), INT64_MAX);
  over.op().finish(over.out);
  ASSERT_EQ(over.out.rows.size(), 3u);
  EXPECT_EQ(over.out.rows[1], "1 20 1 2");
  EXPECT_EQ(over.out.rows[2], "2 30 1 1");
}

}  // namespace
}  // namespace sluice::runtime
