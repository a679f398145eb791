// SinkUpsertMaterializer and ChangelogNormalize driven directly: the materializer's cases that a
// SQL file reaches only through an exact interleaving (a repeated row, a retraction of a row
// never kept, the list emptied row by row), and the state each keeps.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {
namespace {

using Rows = std::vector<std::string>;

// Rows (k STRING, v BIGINT) keyed by k, printed as "+I a 1".
class Harness final : public Output {
 public:
  explicit Harness(artifact::NodeKind kind, bool emitsUpdateBefore = true) {
    node_.kind = kind;
    node_.schema = {{"k", DataType::string()}, {"v", DataType::bigInt()}};
    node_.keys = {0};
    node_.inputUpdates = true;
    node_.emitsUpdateBefore = emitsUpdateBefore;
    context_.plan = &plan_;
    context_.inputTypes = {DataType::string(), DataType::bigInt()};
    op_ = createStatefulOperator(node_, context_);
  }

  void row(RowKind kind, const std::string& k, int64_t v) {
    Batch batch(context_.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofBytes(k), batch.arena());
    writeValue(batch.column(1), 0, Value::ofInteger(v), batch.arena());
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op_->processBatch(batch, 0, *this);
  }
  Rows take() { return std::exchange(rows_, {}); }
  int64_t keys() const { return op_->stateSize().keys; }

  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      rows_.push_back(std::string(rowKindShortString(batch.rowKind(r))) + " " +
                      readValue(batch.column(0), r).bytes + " " +
                      std::to_string(readValue(batch.column(1), r).integer));
    }
  }
  void emitWatermark(int64_t) override {}

 private:
  artifact::JobPlan plan_;
  artifact::Node node_;
  OperatorContext context_;
  std::unique_ptr<StreamOperator> op_;
  Rows rows_;
};

TEST(SinkUpsertMaterializer, TheSinkSeesTheNewestLiveRow) {
  Harness m(artifact::NodeKind::SinkUpsertMaterializer);
  m.row(RowKind::Insert, "a", 1);
  m.row(RowKind::UpdateAfter, "a", 2);
  m.row(RowKind::Insert, "a", 3);
  EXPECT_EQ(m.take(), (Rows{"+I a 1", "+U a 2", "+U a 3"}));
  m.row(RowKind::UpdateBefore, "a", 2);  // not the newest: the sink's row stays 3
  EXPECT_EQ(m.take(), Rows{});
  m.row(RowKind::Delete, "a", 3);  // the newest: 1 is current again
  EXPECT_EQ(m.take(), Rows{"+U a 1"});
  m.row(RowKind::Delete, "a", 1);
  EXPECT_EQ(m.take(), Rows{"-D a 1"});
  EXPECT_EQ(m.keys(), 0);
}

TEST(SinkUpsertMaterializer, AnEqualRowReplacesItsTwin) {
  Harness m(artifact::NodeKind::SinkUpsertMaterializer);
  m.row(RowKind::Insert, "a", 1);
  m.row(RowKind::Insert, "a", 2);
  // Kept once, in its first place; sent all the same, as Flink's materializer does.
  m.row(RowKind::UpdateAfter, "a", 1);
  EXPECT_EQ(m.take(), (Rows{"+I a 1", "+U a 2", "+U a 1"}));
  m.row(RowKind::Delete, "a", 2);  // the newest kept row: the one before it is current
  EXPECT_EQ(m.take(), Rows{"+U a 1"});
  m.row(RowKind::UpdateBefore, "a", 1);
  EXPECT_EQ(m.take(), Rows{"-D a 1"});
}

TEST(SinkUpsertMaterializer, RetractingAnUnknownRowChangesNothing) {
  Harness m(artifact::NodeKind::SinkUpsertMaterializer);
  m.row(RowKind::Delete, "a", 1);
  m.row(RowKind::Insert, "b", 1);
  m.row(RowKind::UpdateBefore, "b", 2);
  EXPECT_EQ(m.take(), Rows{"+I b 1"});
  EXPECT_EQ(m.keys(), 1);
}

TEST(SinkUpsertMaterializer, KeysAreIndependent) {
  Harness m(artifact::NodeKind::SinkUpsertMaterializer);
  m.row(RowKind::Insert, "a", 1);
  m.row(RowKind::Insert, "b", 1);
  m.row(RowKind::Delete, "a", 1);
  EXPECT_EQ(m.take(), (Rows{"+I a 1", "+I b 1", "-D a 1"}));
  EXPECT_EQ(m.keys(), 1);
}

TEST(ChangelogNormalize, KeepsTheLastRowPerKey) {
  Harness n(artifact::NodeKind::ChangelogNormalize);
  n.row(RowKind::Insert, "a", 1);
  n.row(RowKind::Insert, "a", 1);  // a duplicate event
  n.row(RowKind::UpdateAfter, "a", 2);
  n.row(RowKind::UpdateBefore, "a", 1);  // dropped: the +U says all
  n.row(RowKind::UpdateAfter, "a", 2);
  EXPECT_EQ(n.take(), (Rows{"+I a 1", "-U a 1", "+U a 2"}));
  n.row(RowKind::Delete, "a", 0);  // an upsert delete: the stored row is retracted
  n.row(RowKind::Delete, "a", 0);
  EXPECT_EQ(n.take(), Rows{"-D a 2"});
  EXPECT_EQ(n.keys(), 0);
}

TEST(ChangelogNormalize, SendsOnlyUpdateAfterToAnUpsertConsumer) {
  Harness n(artifact::NodeKind::ChangelogNormalize, /*emitsUpdateBefore=*/false);
  n.row(RowKind::UpdateAfter, "a", 1);
  n.row(RowKind::UpdateAfter, "a", 2);
  EXPECT_EQ(n.take(), (Rows{"+I a 1", "+U a 2"}));
}

}  // namespace
}  // namespace sluice::runtime
