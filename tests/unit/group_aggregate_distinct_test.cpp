// DISTINCT calls of a GROUP BY over one argument with FILTERs (group_aggregate_views.h,
// DistinctValues): they share one map per group, and each call's results stay those of the rows
// its FILTER takes, however rows are retracted, across a snapshot and restore. Checked against a
// brute-force multiset per key and call, row by row.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/operators/group_aggregate.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/state/in_memory_state_backend.h"

namespace sluice::runtime {
namespace {

constexpr int kFilters = 10;  // more than 8: the calls' bits take two bytes

// The changelog materialized: key -> its latest result row (the columns after the key).
struct Materialize final : Output {
  std::map<std::string, std::vector<Value>> rows;
  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      const std::string key = readValue(batch.column(0), r).bytes;
      std::vector<Value> values;
      for (int c = 1; c < batch.columnCount(); ++c) values.push_back(readValue(batch.column(c), r));
      const RowKind kind = batch.rowKind(r);
      if (kind == RowKind::Insert || kind == RowKind::UpdateAfter) {
        rows[key] = std::move(values);
      } else {
        ASSERT_EQ(rows.count(key), 1u) << "a retraction of a row never emitted";
        EXPECT_EQ(rows[key], values) << "a retraction of another row than the latest";
        rows.erase(key);
      }
    }
  }
  void emitWatermark(int64_t) override {}
};

artifact::AggregateCall call(const std::string& function, std::vector<int> arguments,
                             int filterColumn, bool distinct) {
  artifact::AggregateCall c;
  c.function = function;
  c.arguments = std::move(arguments);
  c.type = function == "COUNT" ? DataType::bigInt().notNull() : DataType::bigInt();
  c.distinct = distinct;
  c.filterColumn = filterColumn;
  return c;
}

// Input (k STRING, v BIGINT, f0 .. f9 BOOLEAN). SELECT k, COUNT(DISTINCT v) FILTER (WHERE fi)
// for each i, COUNT(DISTINCT v), SUM(DISTINCT v) FILTER (WHERE f0), COUNT(*) GROUP BY k.
artifact::Node sharedDistinct(bool updating) {
  artifact::Node node;
  node.kind = artifact::NodeKind::GroupAggregate;
  node.schema = {{"k", DataType::string()}};
  for (int i = 0; i < kFilters; ++i) {
    node.aggregates.push_back(call("COUNT", {1}, 2 + i, true));
    node.schema.push_back({"c" + std::to_string(i), DataType::bigInt().notNull()});
  }
  node.aggregates.push_back(call("COUNT", {1}, -1, true));
  node.schema.push_back({"c", DataType::bigInt().notNull()});
  node.aggregates.push_back(call("SUM", {1}, 2, true));
  node.schema.push_back({"s", DataType::bigInt()});
  node.aggregates.push_back(call("COUNT", {}, -1, false));
  node.schema.push_back({"n", DataType::bigInt().notNull()});
  node.keys = {0};
  node.inputUpdates = updating;
  node.emitsUpdateBefore = true;
  return node;
}

struct Row {
  std::optional<int64_t> v;
  std::vector<std::optional<bool>> filters;
  bool operator<(const Row& other) const {
    return std::tie(v, filters) < std::tie(other.v, other.filters);
  }
};

std::vector<Value> expected(const std::multiset<Row>& rows) {
  const auto distinctWhere = [&](int filter) {
    std::set<int64_t> values;
    for (const Row& row : rows) {
      if (row.v && (filter < 0 || row.filters[filter].value_or(false))) values.insert(*row.v);
    }
    return values;
  };
  std::vector<Value> result;
  for (int i = 0; i < kFilters; ++i) {
    result.push_back(Value::ofInteger(static_cast<int64_t>(distinctWhere(i).size())));
  }
  result.push_back(Value::ofInteger(static_cast<int64_t>(distinctWhere(-1).size())));
  const std::set<int64_t> summed = distinctWhere(0);
  int64_t sum = 0;
  for (int64_t v : summed) sum += v;
  result.push_back(summed.empty() ? Value::null() : Value::ofInteger(sum));
  result.push_back(Value::ofInteger(static_cast<int64_t>(rows.size())));
  return result;
}

class GroupAggregateDistinctTest : public ::testing::TestWithParam<bool> {
 protected:
  int64_t now = 1'000'000;
  artifact::JobPlan plan;
  OperatorContext context;
  Materialize out;

  GroupAggregateDistinctTest() {
    context.plan = &plan;
    context.batchSize = 4;
    context.inputTypes = {DataType::string(), DataType::bigInt()};
    for (int i = 0; i < kFilters; ++i) context.inputTypes.push_back(DataType::boolean());
  }
  std::unique_ptr<InMemoryStateBackend> backend() {
    return std::make_unique<InMemoryStateBackend>([this] { return now; });
  }
  void send(StreamOperator& op, RowKind kind, const std::string& key, const Row& row) {
    Batch batch(context.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofBytes(key), batch.arena());
    writeValue(batch.column(1), 0, row.v ? Value::ofInteger(*row.v) : Value::null(), batch.arena());
    for (int i = 0; i < kFilters; ++i) {
      const std::optional<bool>& f = row.filters[i];
      writeValue(batch.column(2 + i), 0, f ? Value::ofInteger(*f ? 1 : 0) : Value::null(),
                 batch.arena());
    }
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op.processBatch(batch, 0, out);
  }
};

TEST_P(GroupAggregateDistinctTest, EachCallFollowsItsFilterAcrossRestore) {
  const bool updating = GetParam();
  const artifact::Node node = sharedDistinct(updating);
  auto state = backend();
  InMemoryStateBackend* backendView = state.get();
  auto op = std::make_unique<GroupAggregateOperator>(node, context, std::move(state));
  std::mt19937 random(updating ? 13 : 17);
  std::map<std::string, std::multiset<Row>> groups;
  const std::vector<std::string> keys = {"a", "b", "c"};
  for (int step = 0; step < 4000; ++step) {
    if (step == 2000) {
      // A snapshot restored into a new operator carries on where the old one stopped.
      const std::string snapshot = backendView->snapshot();
      auto restored = backend();
      restored->restore(snapshot);
      backendView = restored.get();
      op = std::make_unique<GroupAggregateOperator>(node, context, std::move(restored));
    }
    const std::string& key = keys[random() % keys.size()];
    auto& rows = groups[key];
    // Updating input grows each group to a few hundred rows, then shrinks it, twice.
    const bool growing = (step / 1000) % 2 == 0;
    if (!updating || rows.empty() || (growing ? random() % 4 != 0 : random() % 4 == 0)) {
      Row row;
      if (random() % 20 != 0) row.v = static_cast<int64_t>(random() % 60);
      for (int i = 0; i < kFilters; ++i) {
        const unsigned f = random() % 7;
        row.filters.push_back(f == 0 ? std::nullopt : std::optional<bool>(f % 2 == 0));
      }
      rows.insert(row);
      send(*op, updating && random() % 2 ? RowKind::UpdateAfter : RowKind::Insert, key, row);
    } else {
      auto victim = rows.begin();
      std::advance(victim, random() % rows.size());
      const Row row = *victim;
      rows.erase(victim);
      send(*op, random() % 2 ? RowKind::Delete : RowKind::UpdateBefore, key, row);
    }
    if (rows.empty()) {
      ASSERT_EQ(out.rows.count(key), 0u) << "step " << step;
    } else {
      ASSERT_EQ(out.rows.count(key), 1u) << "step " << step;
      ASSERT_EQ(out.rows[key], expected(rows)) << "step " << step;
    }
  }
  // One map for v, one entry per distinct non-NULL value of a live group.
  int64_t entries = -1;
  int maps = 0;
  for (const StateStatistics& s : backendView->statistics()) {
    if (s.name.rfind("distinct$", 0) != 0) continue;
    ++maps;
    entries = s.entries;
  }
  int64_t values = 0;
  for (const auto& [key, rows] : groups) {
    std::set<int64_t> distinct;
    for (const Row& row : rows) {
      if (row.v) distinct.insert(*row.v);
    }
    values += static_cast<int64_t>(distinct.size());
  }
  EXPECT_EQ(maps, 1);
  // A value has its entry while the unfiltered call holds it.
  EXPECT_EQ(entries, values);
}

// With a TTL, a row that finds its value already held still writes the entry, so that the value
// lives as long as rows keep bringing it (the group does), on insert-only input too where the
// calls' bits do not change.
TEST_P(GroupAggregateDistinctTest, RowsKeepTheirValuesAliveUnderTtl) {
  artifact::Node node = sharedDistinct(GetParam());
  node.stateTtlMillis = 1000;
  auto state = backend();
  GroupAggregateOperator op(node, context, std::move(state));
  Row row{7, std::vector<std::optional<bool>>(kFilters, true)};
  std::multiset<Row> rows;
  for (int i = 0; i < 5; ++i) {
    rows.insert(row);
    send(op, RowKind::Insert, "a", row);
    ASSERT_EQ(out.rows.at("a"), expected(rows)) << "row " << i;
    now += 600;  // the value's first write is older than the TTL from the third row on
  }
  now += 1500;  // idle: the group and its values expire together
  rows = {row};
  send(op, RowKind::Insert, "a", row);
  EXPECT_EQ(out.rows.at("a"), expected(rows));
}

INSTANTIATE_TEST_SUITE_P(InsertOnlyAndUpdating, GroupAggregateDistinctTest, ::testing::Bool());

}  // namespace
}  // namespace sluice::runtime
