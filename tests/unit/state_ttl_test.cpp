// State TTL in the operators (table.exec.state.ttl, STATE_TTL): a key idle for longer than the
// node's stateTtlMillis is forgotten, in processing time read from the backend's injected clock,
// so that these tests move time by hand instead of sleeping.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/operators/group_aggregate.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/state/in_memory_state_backend.h"

namespace sluice::runtime {
namespace {

// Rows as "+I a 2": the STRING key, then BIGINT columns.
struct Capture final : Output {
  std::vector<std::string> rows;
  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      std::string text = rowKindShortString(batch.rowKind(r));
      for (int c = 0; c < batch.columnCount(); ++c) {
        const Value value = readValue(batch.column(c), r);
        text += " " + (c == 0 ? value.bytes : std::to_string(value.integer));
      }
      rows.push_back(text);
    }
  }
  void emitWatermark(int64_t) override {}
};

class StateTtlTest : public ::testing::Test {
 protected:
  int64_t now = 1'000'000;
  artifact::JobPlan plan;
  OperatorContext context;
  Capture out;

  StateTtlTest() {
    context.plan = &plan;
    context.batchSize = 4;
  }
  std::unique_ptr<KeyedStateBackend> clockedBackend() {
    return std::make_unique<InMemoryStateBackend>([this] { return now; });
  }
  // One row of `types`: a STRING key, then BIGINTs.
  void send(StreamOperator& op, RowKind kind, const std::string& key,
            const std::vector<int64_t>& numbers = {}) {
    Batch batch(context.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofBytes(key), batch.arena());
    for (size_t i = 0; i < numbers.size(); ++i) {
      writeValue(batch.column(static_cast<int>(i) + 1), 0, Value::ofInteger(numbers[i]),
                 batch.arena());
    }
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op.processBatch(batch, 0, out);
  }
};

// SELECT k, COUNT(*) FROM t GROUP BY k with a TTL of 1 s.
artifact::Node countPerKey(int64_t ttlMillis) {
  artifact::Node node;
  node.kind = artifact::NodeKind::GroupAggregate;
  node.schema = {{"k", DataType::string()}, {"c", DataType::bigInt().notNull()}};
  node.keys = {0};
  artifact::AggregateCall count;
  count.function = "COUNT";
  count.type = DataType::bigInt().notNull();
  node.aggregates = {count};
  node.inputUpdates = true;
  node.stateTtlMillis = ttlMillis;
  return node;
}

TEST_F(StateTtlTest, AggregateGroupExpiresAfterTtlAndStartsOver) {
  const artifact::Node node = countPerKey(1000);
  context.inputTypes = {DataType::string()};
  GroupAggregateOperator op(node, context, clockedBackend());
  send(op, RowKind::Insert, "a");
  now += 600;
  send(op, RowKind::Insert, "a");  // a write: the group's TTL starts again from here
  now += 600;
  send(op, RowKind::Insert, "a");  // 600 ms idle: still there
  EXPECT_EQ(out.rows, (std::vector<std::string>{"+I a 1", "-U a 1", "+U a 2", "-U a 2",
                                                "+U a 3"}));
  out.rows.clear();
  now += 1000;  // idle for the whole TTL: the group is gone
  send(op, RowKind::Delete, "a");  // a retraction of an expired group is ignored
  EXPECT_TRUE(out.rows.empty());
  send(op, RowKind::Insert, "a");  // the group starts over, as a new one
  EXPECT_EQ(out.rows, (std::vector<std::string>{"+I a 1"}));
}

TEST_F(StateTtlTest, AggregateWithoutTtlKeepsGroups) {
  const artifact::Node node = countPerKey(0);
  context.inputTypes = {DataType::string()};
  GroupAggregateOperator op(node, context, clockedBackend());
  send(op, RowKind::Insert, "a");
  now += 86'400'000;
  send(op, RowKind::Insert, "a");
  EXPECT_EQ(out.rows, (std::vector<std::string>{"+I a 1", "-U a 1", "+U a 2"}));
}

// Keep-last deduplication on processing time: (k STRING, v BIGINT, proc).
artifact::Node keepLast(int64_t ttlMillis) {
  artifact::Node node;
  node.kind = artifact::NodeKind::Deduplicate;
  node.schema = {{"k", DataType::string()}, {"v", DataType::bigInt()}};
  node.keys = {0};
  node.sortKeys = {artifact::SortKey{1, false, false}};
  node.keepLastRow = true;
  node.eventTime = false;
  node.stateTtlMillis = ttlMillis;
  return node;
}

TEST_F(StateTtlTest, KeepLastDropsAnIdenticalRowOnlyWithoutTtl) {
  context.inputTypes = {DataType::string(), DataType::bigInt()};
  const artifact::Node withoutTtl = keepLast(0);
  auto plain = makeDeduplicateOperator(withoutTtl, context, clockedBackend());
  send(*plain, RowKind::Insert, "a", {1});
  send(*plain, RowKind::Insert, "a", {1});
  EXPECT_EQ(out.rows, (std::vector<std::string>{"+I a 1"}));

  out.rows.clear();
  const artifact::Node withTtl = keepLast(1000);
  auto expiring = makeDeduplicateOperator(withTtl, context, clockedBackend());
  send(*expiring, RowKind::Insert, "a", {1});
  now += 600;
  send(*expiring, RowKind::Insert, "a", {1});  // re-emitted, and the TTL refreshed
  now += 600;
  send(*expiring, RowKind::Insert, "a", {2});
  now += 1000;
  send(*expiring, RowKind::Insert, "a", {3});  // the key expired: a first row again
  EXPECT_EQ(out.rows, (std::vector<std::string>{"+I a 1", "-U a 1", "+U a 1", "-U a 1", "+U a 2",
                                                "+I a 3"}));
}

}  // namespace
}  // namespace sluice::runtime
