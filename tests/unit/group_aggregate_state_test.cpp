// The GROUP BY operator's state layout (group_aggregate_views.h, group_aggregate_record.h):
// DISTINCT values and the values of MIN / MAX over updating input live in map states, one entry
// per distinct value, and the results stay those of the whole multiset however rows are
// retracted. Checked against a brute-force multiset per key, row by row.
#include <gtest/gtest.h>

#include <algorithm>
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

// The changelog materialized: key -> its latest result row (the columns after the key).
struct Materialize final : Output {
  std::map<std::string, std::vector<Value>> rows;
  std::vector<std::string> kinds;
  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      const std::string key = readValue(batch.column(0), r).bytes;
      std::vector<Value> values;
      for (int c = 1; c < batch.columnCount(); ++c) values.push_back(readValue(batch.column(c), r));
      const RowKind kind = batch.rowKind(r);
      kinds.push_back(rowKindShortString(kind));
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

artifact::AggregateCall call(const std::string& function, std::vector<int> arguments, DataType type,
                             bool distinct = false) {
  artifact::AggregateCall c;
  c.function = function;
  c.arguments = std::move(arguments);
  c.type = std::move(type);
  c.distinct = distinct;
  return c;
}

// SELECT k, COUNT(DISTINCT v), SUM(DISTINCT v), MIN(v), MAX(v), COUNT(*), MAX(DISTINCT v)
// FROM t GROUP BY k over updating input (k STRING, v BIGINT).
artifact::Node distinctAndExtremes(int64_t ttlMillis = 0) {
  artifact::Node node;
  node.kind = artifact::NodeKind::GroupAggregate;
  node.schema = {{"k", DataType::string()},  {"cd", DataType::bigInt().notNull()},
                 {"sd", DataType::bigInt()}, {"mn", DataType::bigInt()},
                 {"mx", DataType::bigInt()}, {"c", DataType::bigInt().notNull()},
                 {"mxd", DataType::bigInt()}};
  node.keys = {0};
  node.aggregates = {call("COUNT", {1}, DataType::bigInt().notNull(), true),
                     call("SUM", {1}, DataType::bigInt(), true),
                     call("MIN", {1}, DataType::bigInt()),
                     call("MAX", {1}, DataType::bigInt()),
                     call("COUNT", {}, DataType::bigInt().notNull()),
                     call("MAX", {1}, DataType::bigInt(), true)};
  node.inputUpdates = true;
  node.emitsUpdateBefore = true;
  node.stateTtlMillis = ttlMillis;
  return node;
}

class GroupAggregateStateTest : public ::testing::Test {
 protected:
  int64_t now = 1'000'000;
  artifact::JobPlan plan;
  OperatorContext context;
  Materialize out;

  GroupAggregateStateTest() {
    context.plan = &plan;
    context.batchSize = 3;  // several output batches per input batch
    context.inputTypes = {DataType::string(), DataType::bigInt()};
  }
  std::unique_ptr<InMemoryStateBackend> backend() {
    return std::make_unique<InMemoryStateBackend>([this] { return now; });
  }
  void send(StreamOperator& op, RowKind kind, const std::string& key, std::optional<int64_t> v) {
    Batch batch(context.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofBytes(key), batch.arena());
    writeValue(batch.column(1), 0, v ? Value::ofInteger(*v) : Value::null(), batch.arena());
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op.processBatch(batch, 0, out);
  }
  static const StateStatistics* statistics(const std::vector<StateStatistics>& all,
                                           const std::string& name) {
    for (const StateStatistics& s : all) {
      if (s.name == name) return &s;
    }
    return nullptr;
  }
};

// The expected result row of a multiset of values (nullopt for NULL).
std::vector<Value> expected(const std::multiset<std::optional<int64_t>>& rows) {
  std::set<int64_t> distinct;
  for (const auto& v : rows) {
    if (v) distinct.insert(*v);
  }
  const auto orNull = [&](auto f) { return distinct.empty() ? Value::null() : f(); };
  int64_t sum = 0;
  for (int64_t v : distinct) sum += v;
  return {Value::ofInteger(static_cast<int64_t>(distinct.size())),
          orNull([&] { return Value::ofInteger(sum); }),
          orNull([&] { return Value::ofInteger(*distinct.begin()); }),
          orNull([&] { return Value::ofInteger(*distinct.rbegin()); }),
          Value::ofInteger(static_cast<int64_t>(rows.size())),
          orNull([&] { return Value::ofInteger(*distinct.rbegin()); })};
}

TEST_F(GroupAggregateStateTest, DistinctAndExtremesFollowRetractionsInAnyOrder) {
  const artifact::Node node = distinctAndExtremes();
  auto state = backend();
  InMemoryStateBackend* backendView = state.get();
  GroupAggregateOperator op(node, context, std::move(state));
  std::mt19937 random(7);
  std::map<std::string, std::multiset<std::optional<int64_t>>> groups;
  const std::vector<std::string> keys = {"a", "b", "c"};
  for (int step = 0; step < 4000; ++step) {
    const std::string& key = keys[random() % keys.size()];
    auto& rows = groups[key];
    // Grow to a few hundred values, then shrink to nothing, twice: retractions hit the current
    // extremes, duplicates and values in the middle.
    const bool growing = (step / 1000) % 2 == 0;
    if (rows.empty() || (growing ? random() % 4 != 0 : random() % 4 == 0)) {
      const std::optional<int64_t> v =
          random() % 20 == 0 ? std::nullopt : std::optional<int64_t>(random() % 300 - 100);
      rows.insert(v);
      send(op, random() % 2 ? RowKind::Insert : RowKind::UpdateAfter, key, v);
    } else {
      auto victim = rows.begin();
      std::advance(victim, random() % rows.size());
      const std::optional<int64_t> v = *victim;
      rows.erase(victim);
      send(op, random() % 2 ? RowKind::Delete : RowKind::UpdateBefore, key, v);
    }
    if (rows.empty()) {
      ASSERT_EQ(out.rows.count(key), 0u) << "step " << step;
    } else {
      ASSERT_EQ(out.rows.count(key), 1u) << "step " << step;
      ASSERT_EQ(out.rows[key], expected(rows)) << "step " << step;
    }
  }
  // One map entry per distinct value and key, none once a group is gone.
  const auto all = backendView->statistics();
  const StateStatistics* distinct = statistics(all, "distinct$0");
  const StateStatistics* extreme = statistics(all, "extreme$2");
  ASSERT_NE(distinct, nullptr);
  ASSERT_NE(extreme, nullptr);
  int64_t distinctValues = 0;
  int64_t liveKeys = 0;
  for (const auto& [key, rows] : groups) {
    std::set<int64_t> values;
    for (const auto& v : rows) {
      if (v) values.insert(*v);
    }
    distinctValues += static_cast<int64_t>(values.size());
    liveKeys += values.empty() ? 0 : 1;
  }
  EXPECT_EQ(distinct->entries, distinctValues);
  EXPECT_EQ(extreme->entries, distinctValues);
  EXPECT_EQ(distinct->keys, liveKeys);
  EXPECT_GT(op.stateSize().bytes, statistics(all, "groups")->approximateBytes);
}

TEST_F(GroupAggregateStateTest, RetractingTheExtremeWithDuplicatesFallsBackInOrder) {
  const artifact::Node node = distinctAndExtremes();
  GroupAggregateOperator op(node, context, backend());
  // A NULL row too: the row count stays one ahead of the values, as a retraction of a value
  // never seen still counts as a row.
  send(op, RowKind::Insert, "a", std::nullopt);
  for (int64_t v : {5, 3, 3, 7, 7, 4}) send(op, RowKind::Insert, "a", v);
  const auto minMax = [&] {
    const std::vector<Value>& row = out.rows.at("a");
    return std::pair{row[2].integer, row[3].integer};
  };
  EXPECT_EQ(minMax(), (std::pair<int64_t, int64_t>{3, 7}));
  send(op, RowKind::Delete, "a", 3);  // one 3 is left: the minimum stays
  EXPECT_EQ(minMax(), (std::pair<int64_t, int64_t>{3, 7}));
  send(op, RowKind::Delete, "a", 7);
  EXPECT_EQ(minMax(), (std::pair<int64_t, int64_t>{3, 7}));
  send(op, RowKind::Delete, "a", 3);  // the last 3: the next value up
  EXPECT_EQ(minMax(), (std::pair<int64_t, int64_t>{4, 7}));
  send(op, RowKind::Delete, "a", 7);
  EXPECT_EQ(minMax(), (std::pair<int64_t, int64_t>{4, 5}));
  send(op, RowKind::Delete, "a", 100);  // never seen: only the row count moves
  EXPECT_EQ(minMax(), (std::pair<int64_t, int64_t>{4, 5}));
  send(op, RowKind::Delete, "a", 4);
  EXPECT_EQ(minMax(), (std::pair<int64_t, int64_t>{5, 5}));
  send(op, RowKind::Delete, "a", 5);  // the row count reaches 0: the group goes
  EXPECT_EQ(out.rows.count("a"), 0u);
  send(op, RowKind::Insert, "a", 9);  // a new group, with none of the old values
  EXPECT_EQ(out.rows.at("a"), expected({9}));
  EXPECT_EQ(out.kinds[out.kinds.size() - 2], "-D");
}

TEST_F(GroupAggregateStateTest, MapStatesExpireWithTheGroup) {
  const artifact::Node node = distinctAndExtremes(1000);
  auto state = backend();
  InMemoryStateBackend* backendView = state.get();
  GroupAggregateOperator op(node, context, std::move(state));
  for (int64_t v : {1, 2, 2, 3}) send(op, RowKind::Insert, "a", v);
  EXPECT_EQ(out.rows["a"], expected({1, 2, 2, 3}));
  now += 1500;  // idle for longer than the TTL: the group and its values are gone
  backendView->purgeExpired();
  for (const StateStatistics& s : backendView->statistics()) {
    EXPECT_EQ(s.entries, 0) << s.name;
  }
  out.rows.clear();
  send(op, RowKind::Delete, "a", 2);  // retracting from an expired group: nothing
  EXPECT_TRUE(out.rows.empty());
  send(op, RowKind::Insert, "a", 2);  // starts over: 2 is a new value again
  EXPECT_EQ(out.rows["a"], expected({2}));
  EXPECT_EQ(out.kinds.back(), "+I");
  // Without purging, an expired value is not seen either.
  now += 1500;
  send(op, RowKind::Insert, "a", 2);
  EXPECT_EQ(out.rows["a"], expected({2}));
  EXPECT_EQ(out.kinds.back(), "+I");
}

// Every key pays for its own values only: a group of many values costs a few map operations
// per row, and the accumulator in "groups" stays the same size.
TEST_F(GroupAggregateStateTest, AccumulatorSizeDoesNotGrowWithValues) {
  const artifact::Node node = distinctAndExtremes();
  auto state = backend();
  InMemoryStateBackend* backendView = state.get();
  GroupAggregateOperator op(node, context, std::move(state));
  send(op, RowKind::Insert, "a", 0);
  const int64_t small = statistics(backendView->statistics(), "groups")->approximateBytes;
  for (int64_t v = 1; v < 5000; ++v) send(op, RowKind::Insert, "a", v);
  const int64_t large = statistics(backendView->statistics(), "groups")->approximateBytes;
  EXPECT_LT(large, small + 64);
  EXPECT_EQ(statistics(backendView->statistics(), "distinct$0")->entries, 5000);
}

// LISTAGG over updating input: a retraction removes the value's first occurrence, the rest
// keeps arrival order; retractions of values not there are remembered for a later merge but
// change nothing here.
TEST_F(GroupAggregateStateTest, ListAggRetractsFirstOccurrences) {
  artifact::Node node;
  node.kind = artifact::NodeKind::GroupAggregate;
  node.schema = {{"k", DataType::string()}, {"l", DataType::string()}};
  node.keys = {0};
  artifact::AggregateCall listAgg = call("LISTAGG", {1}, DataType::string());
  listAgg.separator = "; ";
  node.aggregates = {listAgg};
  node.inputUpdates = true;
  node.emitsUpdateBefore = true;
  context.inputTypes = {DataType::string(), DataType::string()};
  auto state = backend();
  InMemoryStateBackend* backendView = state.get();
  GroupAggregateOperator op(node, context, std::move(state));
  const auto sendText = [&](RowKind kind, const std::string& text) {
    Batch batch(context.inputTypes, 1);
    writeValue(batch.column(0), 0, Value::ofBytes("a"), batch.arena());
    writeValue(batch.column(1), 0, Value::ofBytes(text), batch.arena());
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op.processBatch(batch, 0, out);
  };
  std::mt19937 random(11);
  std::vector<std::string> rows;    // the group's rows in arrival order
  std::vector<std::string> listed;  // what LISTAGG holds
  for (int step = 0; step < 3000; ++step) {
    const bool grow = (step / 500) % 2 == 0 ? random() % 3 != 0 : random() % 3 == 0;
    if (rows.empty() || grow) {
      // Long values too (not inline), and one with a NUL byte.
      std::string text = "v" + std::to_string(random() % 40);
      if (text == "v7") text = std::string("v\0x", 4);
      if (text == "v8") text = std::string(30, 'x');
      rows.push_back(text);
      listed.push_back(text);
      sendText(RowKind::Insert, text);
    } else {
      const size_t victim = random() % rows.size();
      const std::string text = rows[victim];
      rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(victim));
      listed.erase(std::find(listed.begin(), listed.end(), text));
      sendText(RowKind::Delete, text);
    }
    if (rows.empty()) {
      ASSERT_EQ(out.rows.count("a"), 0u) << "step " << step;
      continue;
    }
    std::string joined = listed.front();
    for (size_t i = 1; i < listed.size(); ++i) joined += "; " + listed[i];
    ASSERT_EQ(out.rows.at("a"), std::vector<Value>{Value::ofBytes(joined)}) << "step " << step;
  }
  const auto all = backendView->statistics();
  EXPECT_EQ(statistics(all, "listagg$0")->entries, static_cast<int64_t>(listed.size()));
  EXPECT_EQ(statistics(all, "listagg$0.index")->entries, static_cast<int64_t>(listed.size()));
}

// The typed record (every call COUNT / SUM / AVG / MIN / MAX over numbers) emits what the boxed
// accumulators emit: NULL sums of no values, averages truncated, FLOAT sums rounded.
TEST_F(GroupAggregateStateTest, TypedRecordMatchesTheBoxedResults) {
  artifact::Node node;
  node.kind = artifact::NodeKind::GroupAggregate;
  node.schema = {{"k", DataType::string()},  {"s", DataType::bigInt()},
                 {"s0", DataType::bigInt()}, {"a", DataType::bigInt()},
                 {"c", DataType::bigInt()},  {"n", DataType::bigInt().notNull()}};
  node.keys = {0};
  node.aggregates = {call("SUM", {1}, DataType::bigInt()), call("SUM0", {1}, DataType::bigInt()),
                     call("AVG", {1}, DataType::bigInt()),
                     call("COUNT", {1}, DataType::bigInt().notNull()),
                     call("COUNT", {}, DataType::bigInt().notNull())};
  node.inputUpdates = true;
  node.emitsUpdateBefore = true;
  GroupAggregateOperator op(node, context, backend());
  send(op, RowKind::Insert, "a", std::nullopt);
  EXPECT_EQ(out.rows["a"], (std::vector<Value>{Value::null(), Value::ofInteger(0), Value::null(),
                                               Value::ofInteger(0), Value::ofInteger(1)}));
  send(op, RowKind::Insert, "a", -7);
  send(op, RowKind::Insert, "a", 2);
  EXPECT_EQ(out.rows["a"],
            (std::vector<Value>{Value::ofInteger(-5), Value::ofInteger(-5), Value::ofInteger(-2),
                                Value::ofInteger(2), Value::ofInteger(3)}));
  const size_t emitted = out.kinds.size();
  send(op, RowKind::Insert, "a", 0);  // SUM, SUM0 and AVG unchanged, COUNTs not
  EXPECT_EQ(out.kinds.size(), emitted + 2);
  send(op, RowKind::Delete, "a", -7);
  send(op, RowKind::Delete, "a", 2);
  send(op, RowKind::Delete, "a", 0);
  EXPECT_EQ(out.rows["a"], (std::vector<Value>{Value::null(), Value::ofInteger(0), Value::null(),
                                               Value::ofInteger(0), Value::ofInteger(1)}));
  send(op, RowKind::Delete, "a", std::nullopt);
  EXPECT_EQ(out.rows.count("a"), 0u);
}

}  // namespace
}  // namespace sluice::runtime
