// The regular join operator driven row by row, so that each exact changelog Flink's
// StreamingJoinOperator and StreamingSemiAntiJoinOperator emit can be checked: a SQL file joins
// two sources whose rows interleave in no fixed order.
#include <gtest/gtest.h>

#include <algorithm>
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

// Left (k BIGINT, a STRING) joins right (k BIGINT, b STRING) on k.
class JoinHarness final : public Output {
 public:
  explicit JoinHarness(artifact::JoinType type, std::vector<int> leftUniqueKey = {},
                       std::optional<artifact::Expression> condition = std::nullopt) {
    for (int id : {1, 2}) {
      artifact::Node input;
      input.id = id;
      input.schema = {{"k", DataType::bigInt()}, {id == 1 ? "a" : "b", DataType::string()}};
      plan_.nodes.push_back(input);
    }
    node_.id = 3;
    node_.kind = artifact::NodeKind::Join;
    node_.inputs = {1, 2};
    node_.joinType = type;
    node_.keys = {0};
    node_.rightKeys = {0};
    node_.leftUniqueKey = std::move(leftUniqueKey);
    node_.condition = std::move(condition);
    node_.schema = plan_.nodes[0].schema;
    if (type != artifact::JoinType::Semi && type != artifact::JoinType::Anti) {
      node_.schema.push_back({"k0", DataType::bigInt()});
      node_.schema.push_back({"b", DataType::string()});
    }
    plan_.nodes.push_back(node_);
    context_.plan = &plan_;
    context_.inputTypes = {DataType::bigInt(), DataType::string()};
    op_ = createStatefulOperator(plan_.nodes.back(), context_);
  }

  JoinHarness& row(int side, RowKind kind, int64_t k, const std::string& text) {
    Batch batch(context_.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofInteger(k), batch.arena());
    writeValue(batch.column(1), 0, Value::ofBytes(text), batch.arena());
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op_->processBatch(batch, side, *this);
    return *this;
  }
  Rows take() { return std::exchange(rows_, {}); }
  // The rows emitted for several rows of one key, whose order state does not fix (Flink's map
  // state iterates in no particular order either), sorted within runs of one row kind.
  Rows takeSorted() {
    Rows rows = take();
    auto run = rows.begin();
    while (run != rows.end()) {
      auto end = std::find_if(run, rows.end(), [&](const std::string& r) { return r[0] != (*run)[0] || r[1] != (*run)[1]; });
      std::sort(run, end);
      run = end;
    }
    return rows;
  }
  int64_t stateKeys() const { return op_->stateSize().keys; }

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

TEST(StreamingJoin, InnerJoinEmitsPairsAndRetractsThem) {
  JoinHarness join(JoinType::Inner);
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "a").take(), Rows{});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "x").take(), Rows{"+I[1, a, 1, x]"});
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "b").take(), Rows{"+I[1, b, 1, x]"});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 2, "y").take(), Rows{});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 1, "x").takeSorted(),
            (Rows{"-D[1, a, 1, x]", "-D[1, b, 1, x]"}));
  // An inner join passes update kinds through.
  EXPECT_EQ(join.row(kLeft, RowKind::UpdateAfter, 2, "c").take(), Rows{"+U[2, c, 2, y]"});
  EXPECT_EQ(join.row(kLeft, RowKind::UpdateBefore, 2, "c").take(), Rows{"-U[2, c, 2, y]"});
}

TEST(StreamingJoin, LeftJoinPadsUntilTheFirstMatchAndAfterTheLast) {
  JoinHarness join(JoinType::Left);
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "a").take(), Rows{"+I[1, a, null, null]"});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "x").take(),
            (Rows{"-D[1, a, null, null]", "+I[1, a, 1, x]"}));
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "y").take(), Rows{"+I[1, a, 1, y]"});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 1, "x").take(), Rows{"-D[1, a, 1, x]"});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 1, "y").take(),
            (Rows{"-D[1, a, 1, y]", "+I[1, a, null, null]"}));
  EXPECT_EQ(join.row(kLeft, RowKind::Delete, 1, "a").take(), Rows{"-D[1, a, null, null]"});
  // A left row arriving after its match joins at once; right rows alone emit nothing.
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 2, "z").take(), Rows{});
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 2, "b").take(), Rows{"+I[2, b, 2, z]"});
  EXPECT_EQ(join.row(kLeft, RowKind::Delete, 2, "b").take(), Rows{"-D[2, b, 2, z]"});
}

TEST(StreamingJoin, FullJoinPadsBothSides) {
  JoinHarness join(JoinType::Full);
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 2, "z").take(), Rows{"+I[null, null, 2, z]"});
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 2, "c").take(),
            (Rows{"-D[null, null, 2, z]", "+I[2, c, 2, z]"}));
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 2, "d").take(), Rows{"+I[2, d, 2, z]"});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 2, "z").takeSorted(),
            (Rows{"-D[2, c, 2, z]", "-D[2, d, 2, z]", "+I[2, c, null, null]",
                  "+I[2, d, null, null]"}));
  EXPECT_EQ(join.row(kLeft, RowKind::Delete, 2, "c").take(), Rows{"-D[2, c, null, null]"});
}

TEST(StreamingJoin, DuplicateRowsJoinOncePerCopy) {
  JoinHarness join(JoinType::Left);
  join.row(kLeft, RowKind::Insert, 1, "a").row(kLeft, RowKind::Insert, 1, "a").take();
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "x").take(),
            (Rows{"-D[1, a, null, null]", "-D[1, a, null, null]", "+I[1, a, 1, x]",
                  "+I[1, a, 1, x]"}));
  EXPECT_EQ(join.row(kLeft, RowKind::Delete, 1, "a").take(), Rows{"-D[1, a, 1, x]"});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 1, "x").take(),
            (Rows{"-D[1, a, 1, x]", "+I[1, a, null, null]"}));
}

TEST(StreamingJoin, UniqueKeySideKeepsOneRowPerKey) {
  JoinHarness join(JoinType::Inner, /*leftUniqueKey=*/{0});
  join.row(kRight, RowKind::Insert, 1, "x").row(kLeft, RowKind::Insert, 1, "a").take();
  EXPECT_EQ(join.row(kLeft, RowKind::UpdateBefore, 1, "a").take(), Rows{"-U[1, a, 1, x]"});
  EXPECT_EQ(join.row(kLeft, RowKind::UpdateAfter, 1, "b").take(), Rows{"+U[1, b, 1, x]"});
  // Only the newest left row is kept: a new right row joins it alone.
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "y").take(), Rows{"+I[1, b, 1, y]"});
  EXPECT_EQ(join.stateKeys(), 1);
}

TEST(StreamingJoin, SemiJoinOutputsALeftRowWhileSomethingMatches) {
  JoinHarness join(JoinType::Semi);
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "a").take(), Rows{});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "x").take(), Rows{"+I[1, a]"});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "y").take(), Rows{});
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "b").take(), Rows{"+I[1, b]"});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 1, "x").take(), Rows{});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 1, "y").takeSorted(), (Rows{"-D[1, a]", "-D[1, b]"}));
}

TEST(StreamingJoin, AntiJoinOutputsALeftRowWhileNothingMatches) {
  JoinHarness join(JoinType::Anti);
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "a").take(), Rows{"+I[1, a]"});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "x").take(), Rows{"-D[1, a]"});
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "b").take(), Rows{});
  EXPECT_EQ(join.row(kRight, RowKind::Delete, 1, "x").takeSorted(), (Rows{"+I[1, a]", "+I[1, b]"}));
  EXPECT_EQ(join.row(kLeft, RowKind::Delete, 1, "a").take(), Rows{"-D[1, a]"});
}

TEST(StreamingJoin, ResidualConditionDecidesWhichPairsJoin) {
  // a < b over the joined row ($1: a, $3: b).
  const artifact::Expression less = artifact::Expression::call(
      "<",
      {artifact::Expression::columnRef(1, DataType::string()),
       artifact::Expression::columnRef(3, DataType::string())},
      DataType::boolean());
  JoinHarness join(JoinType::Left, {}, less);
  EXPECT_EQ(join.row(kLeft, RowKind::Insert, 1, "m").take(), Rows{"+I[1, m, null, null]"});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "a").take(), Rows{});
  EXPECT_EQ(join.row(kRight, RowKind::Insert, 1, "z").take(),
            (Rows{"-D[1, m, null, null]", "+I[1, m, 1, z]"}));
}

}  // namespace
}  // namespace sluice::runtime
