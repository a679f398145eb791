// ReplicateRows (INTERSECT ALL / EXCEPT ALL): each row as many times as its count column says,
// with its row kind, in slices of the output batch when the count is larger than a batch.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {
namespace {

class Collect final : public Output {
 public:
  void emit(Batch& batch) override {
    ++batches;
    for (int r = 0; r < batch.size(); ++r) {
      const Value v = readValue(batch.column(0), r);
      rows.push_back(std::string(rowKindShortString(batch.rowKind(r))) + " " +
                     (v.isNull ? "null" : v.bytes));
    }
  }
  void emitWatermark(int64_t) override {}
  std::vector<std::string> rows;
  int batches = 0;
};

std::unique_ptr<StreamOperator> replicate(OperatorContext& context, artifact::JobPlan& plan) {
  artifact::Node node;
  node.kind = artifact::NodeKind::ReplicateRows;
  node.schema = {{"v", DataType::string()}};
  context.plan = &plan;
  context.inputTypes = {DataType::string(), DataType::bigInt().notNull()};
  context.batchSize = 4;
  return createStatefulOperator(node, context);
}

TEST(ReplicateRows, CopiesEachRowByItsCountKeepingItsKind) {
  artifact::JobPlan plan;
  OperatorContext context;
  auto op = replicate(context, plan);
  Batch batch(context.inputTypes, 4);
  const std::vector<std::pair<Value, int64_t>> rows = {
      {Value::ofBytes("a"), 2}, {Value::ofBytes("b"), 0}, {Value::null(), 1}, {Value::ofBytes("c"), -3}};
  for (int r = 0; r < 4; ++r) {
    writeValue(batch.column(0), r, rows[r].first, batch.arena());
    writeValue(batch.column(1), r, Value::ofInteger(rows[r].second), batch.arena());
    batch.rowKinds()[r] = r == 0 ? RowKind::UpdateBefore : RowKind::Insert;
  }
  batch.setSize(4);
  Collect out;
  op->processBatch(batch, 0, out);
  EXPECT_EQ(out.rows, (std::vector<std::string>{"-U a", "-U a", "+I null"}));
}

TEST(ReplicateRows, ALargeCountStreamsOutInBatches) {
  artifact::JobPlan plan;
  OperatorContext context;
  auto op = replicate(context, plan);
  Batch batch(context.inputTypes, 2);
  writeValue(batch.column(0), 0, Value::ofBytes("x"), batch.arena());
  writeValue(batch.column(1), 0, Value::ofInteger(10), batch.arena());
  writeValue(batch.column(0), 1, Value::ofBytes("y"), batch.arena());
  writeValue(batch.column(1), 1, Value::ofInteger(3), batch.arena());
  batch.rowKinds()[0] = RowKind::Insert;
  batch.rowKinds()[1] = RowKind::Insert;
  batch.setSize(2);
  Collect out;
  op->processBatch(batch, 0, out);
  ASSERT_EQ(out.rows.size(), 13u);
  EXPECT_EQ(out.batches, 4);  // 13 rows in batches of at most 4
  std::map<std::string, int> copies;
  for (const std::string& row : out.rows) ++copies[row];
  EXPECT_EQ(copies["+I x"], 10);
  EXPECT_EQ(copies["+I y"], 3);
  EXPECT_EQ(out.rows.back(), "+I y");
}

}  // namespace
}  // namespace sluice::runtime
