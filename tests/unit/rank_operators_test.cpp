// What the TopN and deduplication operators keep and drop, which SQL output alone does not show
// (late rows counted, state dropped once a window has fired or a partition has emptied), and the
// TopN over upserts (UpdatableTopNFunction), which plans cannot reach until the artifact carries
// the input's unique key.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/rank_strategies.h"
#include "runtime/state/state_backend_factory.h"

namespace sluice::runtime {
namespace {

constexpr int64_t kSecond = 1'000'000;

// Rows as "+I a x 10" (the BIGINT columns after the first two strings), with " #n" for a rank.
struct Capture final : Output {
  std::vector<std::string> rows;
  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      std::string text = rowKindShortString(batch.rowKind(r));
      for (int c = 0; c < batch.columnCount(); ++c) {
        const Value value = readValue(batch.column(c), r);
        text += " ";
        if (value.isNull) {
          text += "null";
        } else if (c < 2) {
          text += value.bytes;
        } else {
          text += std::to_string(value.integer);
        }
      }
      rows.push_back(text);
    }
  }
  void emitWatermark(int64_t) override {}
};

// Input rows (partition STRING, name STRING, score BIGINT, ts TIMESTAMP(3)); the operator is
// keyed by the partition and ordered by the score, descending.
class Harness {
 public:
  explicit Harness(artifact::NodeKind kind) {
    node_.kind = kind;
    node_.schema = {{"p", DataType::string()},
                    {"name", DataType::string()},
                    {"score", DataType::bigInt()},
                    {"ts", DataType::timestamp(3)}};
    node_.keys = {0};
    node_.sortKeys = {artifact::SortKey{2, true, false}};
    node_.rankFunction = "ROW_NUMBER";
    context_.plan = &plan_;
    context_.inputTypes = {node_.schema[0].type, node_.schema[1].type, DataType::bigInt(),
                           DataType::timestamp(3)};
    context_.batchSize = 3;
  }

  artifact::Node& node() { return node_; }
  void withRankNumber() {
    node_.outputRankNumber = true;
    node_.schema.push_back({"rn", DataType::bigInt()});
  }
  void build() { op_ = createStatefulOperator(node_, context_); }
  void buildUpdatable(std::vector<int> rowKey) {
    op_ = makeUpdatableTopN(node_, context_, createStateBackend(plan_.configuration),
                            std::move(rowKey));
  }

  void row(RowKind kind, const std::string& p, const std::string& name, int64_t score,
           int64_t seconds = 0) {
    Batch batch(context_.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofBytes(p), batch.arena());
    writeValue(batch.column(1), 0, Value::ofBytes(name), batch.arena());
    writeValue(batch.column(2), 0, Value::ofInteger(score), batch.arena());
    writeValue(batch.column(3), 0, Value::ofInteger(seconds * kSecond), batch.arena());
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op_->processBatch(batch, 0, out);
  }
  void watermark(int64_t micros) { op_->processWatermark(micros, out); }
  // The rows emitted since the last call.
  std::vector<std::string> take() { return std::exchange(out.rows, {}); }

  StreamOperator& op() { return *op_; }
  Capture out;

 private:
  artifact::JobPlan plan_;
  artifact::Node node_;
  OperatorContext context_;
  std::unique_ptr<StreamOperator> op_;
};

using Rows = std::vector<std::string>;

TEST(RankOperators, WindowTopNDropsLateRowsAndItsStateOnceFired) {
  // The window end travels in the `ts` column here: the window is [0 s, 10 s).
  Harness topn(artifact::NodeKind::Rank);
  topn.node().rankEnd = 2;
  topn.node().windowEndColumn = 3;
  topn.build();
  topn.row(RowKind::Insert, "w", "a", 10, 10);
  topn.row(RowKind::Insert, "w", "b", 30, 10);
  topn.row(RowKind::Insert, "w", "c", 20, 10);
  EXPECT_EQ(topn.op().stateSize().keys, 1);
  topn.watermark(10 * kSecond - 1001);  // not yet window_end - 1 ms
  EXPECT_EQ(topn.take(), Rows{});
  topn.watermark(10 * kSecond - 1000);
  EXPECT_EQ(topn.take(), (Rows{"+I w b 30 10000000", "+I w c 20 10000000"}));
  EXPECT_EQ(topn.op().stateSize().keys, 0);
  topn.row(RowKind::Insert, "w", "d", 40, 10);  // its window has fired
  EXPECT_EQ(topn.op().droppedRows(), 1);
  EXPECT_EQ(topn.op().stateSize().keys, 0);
}

TEST(RankOperators, WindowDeduplicationDropsLateRows) {
  Harness dedup(artifact::NodeKind::Deduplicate);
  dedup.node().sortKeys = {artifact::SortKey{2, true, false}};  // the "time": the score
  dedup.node().keepLastRow = true;
  dedup.node().windowEndColumn = 3;
  dedup.build();
  dedup.row(RowKind::Insert, "w", "a", 5, 10);
  dedup.row(RowKind::Insert, "w", "b", 5, 10);  // as late: the last row takes a tie
  dedup.row(RowKind::Insert, "w", "c", 4, 10);
  dedup.watermark(10 * kSecond);
  EXPECT_EQ(dedup.take(), (Rows{"+I w b 5 10000000"}));
  dedup.row(RowKind::Insert, "w", "d", 9, 10);
  EXPECT_EQ(dedup.op().droppedRows(), 1);
  EXPECT_EQ(dedup.op().stateSize().keys, 0);
}

TEST(RankOperators, RetractableTopNForgetsAnEmptiedPartition) {
  Harness topn(artifact::NodeKind::Rank);
  topn.node().rankEnd = 1;
  topn.node().inputUpdates = true;
  topn.build();
  topn.row(RowKind::Insert, "p", "a", 1);
  topn.row(RowKind::Insert, "p", "b", 2);
  topn.row(RowKind::Delete, "p", "b", 2);
  EXPECT_EQ(topn.take(),
            (Rows{"+I p a 1 0", "-D p a 1 0", "+I p b 2 0", "-D p b 2 0", "+I p a 1 0"}));
  topn.row(RowKind::UpdateBefore, "p", "a", 1);
  EXPECT_EQ(topn.take(), (Rows{"-D p a 1 0"}));
  EXPECT_EQ(topn.op().stateSize().keys, 0);
}

// UpdatableTopNFunction with rank numbers, top 2: an update passes the rows it overtakes
// (each moves down one rank), and the old version is retracted right after the first of them.
TEST(RankOperators, UpdatableTopNWithRankNumbers) {
  Harness topn(artifact::NodeKind::Rank);
  topn.node().rankEnd = 2;
  topn.withRankNumber();
  topn.buildUpdatable({1});
  topn.row(RowKind::Insert, "a", "x", 10);
  topn.row(RowKind::Insert, "a", "y", 5);
  EXPECT_EQ(topn.take(), (Rows{"+I a x 10 0 1", "+I a y 5 0 2"}));
  topn.row(RowKind::Insert, "a", "z", 7);  // pushes y out
  EXPECT_EQ(topn.take(), (Rows{"-U a y 5 0 2", "+U a z 7 0 2"}));
  topn.row(RowKind::UpdateAfter, "a", "z", 12);  // overtakes x
  EXPECT_EQ(topn.take(), (Rows{"-U a x 10 0 1", "-U a z 7 0 2", "+U a z 12 0 1", "+U a x 10 0 2"}));
  topn.row(RowKind::UpdateAfter, "a", "y", 11);  // y left the top: it comes back as a new row
  EXPECT_EQ(topn.take(), (Rows{"-U a x 10 0 2", "+U a y 11 0 2"}));
  topn.row(RowKind::UpdateAfter, "a", "x", 10);  // out of the top, and not better
  EXPECT_EQ(topn.take(), Rows{});
  topn.row(RowKind::UpdateAfter, "a", "y", 11);  // the same sort key: same rank
  EXPECT_EQ(topn.take(), (Rows{"-U a y 11 0 2", "+U a y 11 0 2"}));
}

TEST(RankOperators, UpdatableTopNWithoutRankNumbers) {
  Harness topn(artifact::NodeKind::Rank);
  topn.node().rankEnd = 2;
  topn.buildUpdatable({1});
  topn.row(RowKind::Insert, "a", "x", 10);
  topn.row(RowKind::Insert, "a", "y", 5);
  topn.row(RowKind::Insert, "a", "z", 7);
  topn.row(RowKind::UpdateAfter, "a", "z", 12);
  topn.row(RowKind::UpdateAfter, "a", "y", 11);
  EXPECT_EQ(topn.take(), (Rows{"+I a x 10 0", "+I a y 5 0", "-D a y 5 0", "+I a z 7 0",
                               "-U a z 7 0", "+U a z 12 0", "-D a x 10 0", "+I a y 11 0"}));
}

}  // namespace
}  // namespace sluice::runtime
