// Lookup joins: the filesystem lookup table (index, reload on change), the generic LRU cache in
// front of any lookup table (hits, misses, size and TTL limits, missing keys), the cache and
// hint options, and the operator's retry on a miss.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <thread>

#include "compiler/types/lookup_options.h"
#include "connectors/filesystem/file_lookup_table.h"
#include "runtime/connector/lookup_cache.h"
#include "runtime/operators/operator_factory.h"
#include "tests/unit/connector_test_fixtures.h"

namespace sluice {
namespace {

using connectors::testing::ScratchDirectory;
using runtime::LookupRows;
using runtime::Value;

const std::vector<artifact::Field> kUserSchema = {{"id", DataType::bigInt()},
                                                  {"name", DataType::string()}};

struct FakeClock {
  int64_t now = 1000;
  runtime::LookupClock clock() {
    return [this] { return now; };
  }
};

std::vector<std::string> namesOf(const LookupRows& rows) {
  std::vector<std::string> names;
  for (const auto& row : *rows) names.push_back(row[1].bytes);
  return names;
}

class FileLookupTableTest : public ::testing::Test {
 protected:
  std::unique_ptr<runtime::LookupTable> open(std::map<std::string, std::string> extra = {}) {
    std::map<std::string, std::string> options = {
        {"connector", "filesystem"}, {"path", dir_.file("users.csv")}, {"format", "csv"}};
    options.insert(extra.begin(), extra.end());
    node_ =
        connectors::testing::tableNode(artifact::NodeKind::Source, "users", kUserSchema, options);
    runtime::LookupContext context;
    context.node = &node_;
    context.keyColumns = {0};
    context.clock = clock_.clock();
    return connectors::FilesystemConnectorFactory().createLookupTable(context);
  }

  // Rewrites the file with a new modification time, as an editor would.
  void rewrite(const std::string& text) {
    const std::string path = dir_.write("users.csv", text);
    std::filesystem::last_write_time(
        path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
  }

  ScratchDirectory dir_;
  artifact::Node node_;
  FakeClock clock_;
};

TEST_F(FileLookupTableTest, IndexesRowsByTheKeyColumns) {
  dir_.write("users.csv", "1,alice\n2,bob\n1,alice-2\n,nobody\n");
  auto table = open();
  EXPECT_EQ(namesOf(table->lookup({Value::ofInteger(1)})),
            (std::vector<std::string>{"alice", "alice-2"}));
  EXPECT_EQ(namesOf(table->lookup({Value::ofInteger(2)})), std::vector<std::string>{"bob"});
  EXPECT_TRUE(table->lookup({Value::ofInteger(3)})->empty());
  std::vector<LookupRows> results;
  table->lookupBatch({{Value::ofInteger(2)}, {Value::ofInteger(3)}}, results);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(namesOf(results[0]), std::vector<std::string>{"bob"});
  EXPECT_TRUE(results[1]->empty());
}

TEST_F(FileLookupTableTest, ReloadsAChangedFileAtMostEveryCheckInterval) {
  dir_.write("users.csv", "1,alice\n");
  auto table = open({{"lookup.full-cache.periodic-reload.interval", "10 s"}});
  auto* file = dynamic_cast<connectors::FileLookupTable*>(table.get());
  ASSERT_NE(file, nullptr);
  const LookupRows before = table->lookup({Value::ofInteger(1)});
  rewrite("1,alice-renamed\n2,bob\n");
  clock_.now += 5000;  // not yet checked
  EXPECT_TRUE(table->lookup({Value::ofInteger(2)})->empty());
  clock_.now += 5000;
  EXPECT_EQ(namesOf(table->lookup({Value::ofInteger(2)})), std::vector<std::string>{"bob"});
  EXPECT_EQ(namesOf(table->lookup({Value::ofInteger(1)})),
            std::vector<std::string>{"alice-renamed"});
  EXPECT_EQ(namesOf(before), std::vector<std::string>{"alice"});  // results outlive a reload
  EXPECT_EQ(file->loads(), 2);
  clock_.now += 20000;  // unchanged: checked, not reloaded
  table->lookup({Value::ofInteger(1)});
  EXPECT_EQ(file->loads(), 2);
}

TEST_F(FileLookupTableTest, ABadRecordFailsWithItsPosition) {
  dir_.write("users.csv", "1,alice\nx,bob\n");
  try {
    open();
    FAIL() << "expected a ConnectorError";
  } catch (const runtime::ConnectorError& error) {
    EXPECT_NE(std::string(error.what()).find("users.csv:2:1"), std::string::npos) << error.what();
  }
}

// A table counting its lookups, whose rows the test sets.
class CountingTable : public runtime::LookupTable {
 public:
  std::map<int64_t, std::vector<std::string>> rows;
  int lookups = 0;
  int batches = 0;

  LookupRows lookup(const std::vector<Value>& key) override {
    ++lookups;
    auto result = std::make_shared<std::vector<runtime::LookupRow>>();
    for (const std::string& name : rows[key[0].integer]) {
      result->push_back({key[0], Value::ofBytes(name)});
    }
    return result;
  }
  void lookupBatch(const std::vector<std::vector<Value>>& keys,
                   std::vector<LookupRows>& results) override {
    ++batches;
    LookupTable::lookupBatch(keys, results);
  }
};

struct CacheHarness {
  explicit CacheHarness(LookupCacheOptions options) {
    auto table = std::make_unique<CountingTable>();
    inner = table.get();
    inner->rows = {{1, {"alice"}}, {2, {"bob"}}, {3, {"carol"}}};
    cache = std::make_unique<runtime::CachingLookupTable>(std::move(table), options, clock.clock());
  }
  LookupRows get(int64_t key) { return cache->lookup({Value::ofInteger(key)}); }

  FakeClock clock;
  CountingTable* inner = nullptr;
  std::unique_ptr<runtime::CachingLookupTable> cache;
};

LookupCacheOptions partial() {
  LookupCacheOptions options;
  options.kind = LookupCacheKind::Partial;
  return options;
}

TEST(LookupCacheTest, CountsHitsAndMissesAndEvictsTheLeastRecentlyUsed) {
  LookupCacheOptions options = partial();
  options.maxRows = 2;
  CacheHarness h(options);
  EXPECT_EQ(namesOf(h.get(1)), std::vector<std::string>{"alice"});
  h.get(2);
  h.get(1);  // hit: 1 is now the most recently used
  h.get(3);  // evicts 2
  EXPECT_EQ(h.cache->hits(), 1);
  EXPECT_EQ(h.cache->misses(), 3);
  EXPECT_EQ(h.cache->size(), 2);
  h.get(1);
  EXPECT_EQ(h.cache->hits(), 2);
  h.get(2);
  EXPECT_EQ(h.cache->misses(), 4);
  EXPECT_EQ(h.inner->lookups, 4);
}

TEST(LookupCacheTest, ExpiresAfterWriteAndAfterAccess) {
  LookupCacheOptions options = partial();
  options.expireAfterWriteMillis = 1000;
  CacheHarness write(options);
  write.get(1);
  write.clock.now += 999;
  write.get(1);
  EXPECT_EQ(write.inner->lookups, 1);
  write.clock.now += 1;
  write.get(1);
  EXPECT_EQ(write.inner->lookups, 2);

  options = partial();
  options.expireAfterAccessMillis = 1000;
  CacheHarness access(options);
  access.get(1);
  for (int i = 0; i < 3; ++i) {
    access.clock.now += 900;  // read before it expires: kept
    access.get(1);
  }
  EXPECT_EQ(access.inner->lookups, 1);
  access.clock.now += 1000;
  access.get(1);
  EXPECT_EQ(access.inner->lookups, 2);
}

TEST(LookupCacheTest, CachesMissingKeysUnlessTold) {
  CacheHarness cached(partial());
  cached.get(9);
  cached.get(9);
  EXPECT_EQ(cached.inner->lookups, 1);

  LookupCacheOptions options = partial();
  options.cacheMissingKey = false;
  CacheHarness uncached(options);
  uncached.get(9);
  uncached.get(9);
  EXPECT_EQ(uncached.inner->lookups, 2);
  uncached.inner->rows[9] = {"late"};
  EXPECT_EQ(namesOf(uncached.get(9)), std::vector<std::string>{"late"});
}

TEST(LookupCacheTest, ABatchAsksTheTableOnceForTheMissingKeys) {
  CacheHarness h(partial());
  h.get(1);
  std::vector<LookupRows> results;
  h.cache->lookupBatch({{Value::ofInteger(1)}, {Value::ofInteger(2)}, {Value::ofInteger(3)}},
                       results);
  EXPECT_EQ(h.inner->batches, 1);
  EXPECT_EQ(h.inner->lookups, 3);
  EXPECT_EQ(namesOf(results[2]), std::vector<std::string>{"carol"});
}

TEST(LookupOptionsTest, ReadsFlinkAndBlinkCacheOptions) {
  std::string error;
  auto flink = parseLookupCacheOptions({{"connector", "jdbc"},
                                        {"lookup.cache", "PARTIAL"},
                                        {"lookup.partial-cache.max-rows", "100"},
                                        {"lookup.partial-cache.expire-after-write", "10 s"},
                                        {"lookup.partial-cache.cache-missing-key", "false"}},
                                       error);
  ASSERT_TRUE(flink) << error;
  EXPECT_EQ(flink->kind, LookupCacheKind::Partial);
  EXPECT_EQ(flink->maxRows, 100);
  EXPECT_EQ(flink->expireAfterWriteMillis, 10000);
  EXPECT_FALSE(flink->cacheMissingKey);

  auto blink = parseLookupCacheOptions(
      {{"type", "rds"}, {"cache", "LRU"}, {"cachesize", "5"}, {"cacheTTLMs", "60000"}}, error);
  ASSERT_TRUE(blink) << error;
  EXPECT_EQ(blink->kind, LookupCacheKind::Partial);
  EXPECT_EQ(blink->maxRows, 5);
  EXPECT_EQ(blink->expireAfterWriteMillis, 60000);
  auto all = parseLookupCacheOptions({{"type", "rds"}, {"cache", "ALL"}}, error);
  ASSERT_TRUE(all) << error;
  EXPECT_EQ(all->kind, LookupCacheKind::Full);

  EXPECT_FALSE(parseLookupCacheOptions({{"lookup.partial-cache.max-rows", "ten"}}, error));
  EXPECT_EQ(error,
            "invalid value 'ten' for option 'lookup.partial-cache.max-rows': expected a "
            "non-negative integer");
}

TEST(LookupOptionsTest, ChecksTheLookupHint) {
  std::string error;
  auto hint = parseLookupHint({{"table", "d"},
                               {"retry-predicate", "lookup_miss"},
                               {"retry-strategy", "fixed_delay"},
                               {"fixed-delay", "10s"},
                               {"max-attempts", "3"}},
                              error);
  ASSERT_TRUE(hint) << error;
  EXPECT_TRUE(hint->retryOnMiss);
  EXPECT_EQ(hint->fixedDelayMillis, 10000);
  EXPECT_EQ(hint->maxAttempts, 3);
  EXPECT_FALSE(parseLookupHint({{"table", "d"}, {"max-attempts", "3"}}, error));
  EXPECT_NE(error.find("'retry-predicate' is missing"), std::string::npos) << error;
  EXPECT_FALSE(parseLookupHint({{"table", "d"}, {"async", "yes"}}, error));
  EXPECT_EQ(error,
            "invalid value 'yes' for LOOKUP hint option 'async': expected 'true' or 'false'");
}

// A lookup join of a BIGINT stream `k` against a (id BIGINT, name STRING) table on k = id.
artifact::Node userLookupJoin(const std::string& table, const std::string& connector,
                              artifact::JoinType type) {
  artifact::Node join;
  join.kind = artifact::NodeKind::LookupJoin;
  join.schema = {
      {"k", DataType::bigInt()}, {"id", DataType::bigInt()}, {"name", DataType::string()}};
  join.joinType = type;
  join.keys = {0};
  join.rightKeys = {0};
  join.lookupSchema = kUserSchema;
  join.table = table;
  join.connector = connector;
  return join;
}

// The operator against a table whose row appears after a few lookups: a retry finds it.
class AppearingTable : public runtime::LookupTable {
 public:
  explicit AppearingTable(int* lookups) : lookups_(lookups) {}
  LookupRows lookup(const std::vector<Value>& key) override {
    auto rows = std::make_shared<std::vector<runtime::LookupRow>>();
    if (++*lookups_ >= 3) rows->push_back({key[0], Value::ofBytes("found")});
    return rows;
  }

 private:
  int* lookups_;
};

class AppearingConnector : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::LookupTable> createLookupTable(
      const runtime::LookupContext& /*context*/) const override {
    return std::make_unique<AppearingTable>(&lookups);
  }
  mutable int lookups = 0;
};

class CollectOutput : public runtime::Output {
 public:
  void emit(runtime::Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      std::string line = runtime::rowKindShortString(batch.rowKind(r));
      const Value name = runtime::readValue(batch.column(2), r);
      line += name.isNull ? "null" : name.bytes;
      lines.push_back(line);
    }
  }
  void emitWatermark(int64_t /*watermark*/) override {}
  std::vector<std::string> lines;
};

std::vector<std::string> runRetry(const std::string& maxAttempts, int* lookups) {
  auto connector = std::make_shared<AppearingConnector>();
  runtime::ConnectorFactories factories;
  factories.add("appearing", connector);
  artifact::Node join = userLookupJoin("dim", "appearing", artifact::JoinType::Left);
  join.inputs = {1};
  join.lookupHint = {{"table", "dim"},
                     {"retry-predicate", "lookup_miss"},
                     {"retry-strategy", "fixed_delay"},
                     {"fixed-delay", "1 ms"},
                     {"max-attempts", maxAttempts}};
  runtime::OperatorContext context;
  context.inputTypes = {DataType::bigInt()};
  context.connectors = &factories;
  auto op = runtime::makeLookupJoinOperator(join, context);
  runtime::Batch batch =
      connectors::testing::batchOf({DataType::bigInt()}, {{Value::ofInteger(7)}});
  batch.rowKinds()[0] = runtime::RowKind::UpdateAfter;
  CollectOutput out;
  op->processBatch(batch, 0, out);
  *lookups = connector->lookups;
  return out.lines;
}

TEST(LookupJoinOperatorTest, RetriesAMissUpToMaxAttempts) {
  int lookups = 0;
  EXPECT_EQ(runRetry("3", &lookups), std::vector<std::string>{"+Ufound"});
  EXPECT_EQ(lookups, 3);
  EXPECT_EQ(runRetry("2", &lookups), std::vector<std::string>{"+Unull"});
  EXPECT_EQ(lookups, 2);
}

// A table whose lookups wait until the test opens its gate (or time out in the operator).
class GatedTable : public runtime::LookupTable {
 public:
  explicit GatedTable(std::shared_future<void> gate) : gate_(std::move(gate)) {}
  LookupRows lookup(const std::vector<Value>& key) override {
    gate_.wait();
    auto rows = std::make_shared<std::vector<runtime::LookupRow>>();
    rows->push_back({key[0], Value::ofBytes("name" + std::to_string(key[0].integer))});
    return rows;
  }

 private:
  std::shared_future<void> gate_;
};

class GatedConnector : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::LookupTable> createLookupTable(
      const runtime::LookupContext& /*context*/) const override {
    return std::make_unique<GatedTable>(gate);
  }
  std::shared_future<void> gate;
};

// Rows and watermarks in the order the operator emits them.
class SequenceOutput : public runtime::Output {
 public:
  void emit(runtime::Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      events.push_back(runtime::readValue(batch.column(2), r).bytes);
    }
  }
  void emitWatermark(int64_t watermark) override {
    events.push_back("wm" + std::to_string(watermark));
  }
  std::vector<std::string> events;
};

struct AsyncHarness {
  explicit AsyncHarness(std::map<std::string, std::string> hint) {
    connector->gate = open.get_future().share();
    factories.add("gated", connector);
    join = userLookupJoin("dim", "gated", artifact::JoinType::Inner);
    join.lookupHint = std::move(hint);
    join.lookupHint["table"] = "dim";
    join.lookupHint["async"] = "true";
    context.inputTypes = {DataType::bigInt()};
    context.connectors = &factories;
    op = runtime::makeLookupJoinOperator(join, context);
  }
  void row(int64_t key) {
    runtime::Batch batch =
        connectors::testing::batchOf({DataType::bigInt()}, {{Value::ofInteger(key)}});
    op->processBatch(batch, 0, out);
  }

  std::promise<void> open;
  std::shared_ptr<GatedConnector> connector = std::make_shared<GatedConnector>();
  runtime::ConnectorFactories factories;
  artifact::Node join;
  runtime::OperatorContext context;
  std::unique_ptr<runtime::StreamOperator> op;
  SequenceOutput out;
};

TEST(LookupJoinOperatorTest, AsyncLookupsLeaveThePipelineFreeAndKeepTheOrder) {
  AsyncHarness h(std::map<std::string, std::string>{});
  h.row(1);  // returns while the lookup waits at the gate
  h.op->processWatermark(10, h.out);
  h.row(2);
  EXPECT_EQ(h.out.events, std::vector<std::string>{});
  EXPECT_LE(h.op->nextProcessingTime(), 0);  // the task polls while lookups are out
  h.open.set_value();
  h.op->finish(h.out);
  EXPECT_EQ(h.out.events, (std::vector<std::string>{"name1", "wm10", "name2"}));
  EXPECT_EQ(h.op->nextProcessingTime(), INT64_MAX);
}

TEST(LookupJoinOperatorTest, AsyncCapacityMakesThePipelineWait) {
  AsyncHarness h(std::map<std::string, std::string>{{"capacity", "1"}});
  h.row(1);
  std::thread opener([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    h.open.set_value();
  });
  h.row(2);  // two rows in flight: waits for the first
  opener.join();
  ASSERT_FALSE(h.out.events.empty());
  EXPECT_EQ(h.out.events[0], "name1");
  h.op->finish(h.out);
  EXPECT_EQ(h.out.events, (std::vector<std::string>{"name1", "name2"}));
}

TEST(LookupJoinOperatorTest, AsyncTimeoutFailsTheJob) {
  AsyncHarness h(std::map<std::string, std::string>{{"timeout", "50 ms"}});
  h.row(1);
  try {
    h.op->finish(h.out);
    FAIL() << "expected a timeout";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("timed out after 50 ms"), std::string::npos)
        << error.what();
  }
  h.open.set_value();  // lets the worker finish so the operator can go
}

// End to end over the filesystem table: the row a retry finds is written while the operator
// waits between attempts, and the table (checking its file on every lookup) reloads it.
TEST_F(FileLookupTableTest, ARetryFindsARowWrittenMeanwhile) {
  dir_.write("users.csv", "1,alice\n");
  auto factory = std::make_shared<connectors::FilesystemConnectorFactory>();
  runtime::ConnectorFactories factories;
  factories.add("filesystem", factory);
  artifact::Node join = userLookupJoin("users", "filesystem", artifact::JoinType::Inner);
  join.options = {{"connector", "filesystem"},
                  {"path", dir_.file("users.csv")},
                  {"format", "csv"},
                  {"lookup.full-cache.periodic-reload.interval", "0 ms"}};
  join.lookupHint = {{"table", "users"},
                     {"retry-predicate", "lookup_miss"},
                     {"retry-strategy", "fixed_delay"},
                     {"fixed-delay", "100 ms"},
                     {"max-attempts", "20"}};
  runtime::OperatorContext context;
  context.inputTypes = {DataType::bigInt()};
  context.connectors = &factories;
  auto op = runtime::makeLookupJoinOperator(join, context);
  std::thread writer([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    rewrite("1,alice\n2,bob\n");
  });
  runtime::Batch batch =
      connectors::testing::batchOf({DataType::bigInt()}, {{Value::ofInteger(2)}});
  CollectOutput out;
  op->processBatch(batch, 0, out);
  writer.join();
  EXPECT_EQ(out.lines, std::vector<std::string>{"+Ibob"});
}

TEST(LookupJoinArtifactTest, TheLookupFieldsSurviveJson) {
  artifact::JobPlan plan;
  artifact::Node join;
  join.id = 1;
  join.kind = artifact::NodeKind::LookupJoin;
  join.schema = {{"k", DataType::bigInt()}};
  join.table = "db.dim";
  join.connector = "filesystem";
  join.keys = {0};
  join.rightKeys = {1};
  join.lookupSchema = kUserSchema;
  join.lookupConstantKeys = {0};
  join.lookupConstants = {artifact::Expression::constant("7", DataType::bigInt())};
  join.lookupHint = {{"table", "d"}, {"async", "true"}};
  plan.nodes.push_back(join);
  std::string error;
  auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  const artifact::Node& read = back->nodes[0];
  EXPECT_EQ(read.rightKeys, join.rightKeys);
  ASSERT_EQ(read.lookupSchema.size(), 2u);
  EXPECT_EQ(read.lookupSchema[1].name, "name");
  EXPECT_EQ(read.lookupConstantKeys, join.lookupConstantKeys);
  ASSERT_EQ(read.lookupConstants.size(), 1u);
  EXPECT_EQ(read.lookupConstants[0].digest(), join.lookupConstants[0].digest());
  EXPECT_EQ(read.lookupHint, join.lookupHint);
}

}  // namespace
}  // namespace sluice
