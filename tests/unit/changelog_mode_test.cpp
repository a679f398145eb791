// The changelog planning pass: what each node of an optimized plan sends (insert-only,
// retractions, upserts by key), what each sink takes, and the plans no sink can take, as Flink's
// planner decides them.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "compiler/driver/job_compiler.h"
#include "compiler/physical/changelog_inference.h"
#include "compiler/physical/changelog_printer.h"

namespace sluice {
namespace {

using physical::ChangelogPlan;
using physical::NodeChangelog;
using physical::RankStrategy;
using physical::UpdateKind;
using physical::UpsertKeys;

const char* kTables = R"(CREATE TABLE clicks (
  user_id BIGINT, channel STRING, url STRING, ts TIMESTAMP(3), pt AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE users (user_id BIGINT, name STRING) WITH ('connector' = 'datagen');
CREATE TABLE user_changes (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED)
  WITH ('connector' = 'upsert-kafka', 'topic' = 'users', 'properties.bootstrap.servers' = 'k:9092',
        'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE orders_cdc (id BIGINT, user_id BIGINT, amount INT, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'k:9092',
        'format' = 'debezium-json');
CREATE TABLE print_out (channel STRING, cnt BIGINT) WITH ('connector' = 'print');
CREATE TABLE blackhole_out (channel STRING, cnt BIGINT) WITH ('connector' = 'blackhole');
CREATE TABLE fs_out (channel STRING, cnt BIGINT)
  WITH ('connector' = 'filesystem', 'path' = '/tmp/out', 'format' = 'csv');
CREATE TABLE kafka_out (channel STRING, cnt BIGINT)
  WITH ('connector' = 'kafka', 'topic' = 'out', 'properties.bootstrap.servers' = 'k:9092',
        'format' = 'json');
CREATE TABLE upsert_out (channel STRING, cnt BIGINT, PRIMARY KEY (channel) NOT ENFORCED)
  WITH ('connector' = 'upsert-kafka', 'topic' = 'out', 'properties.bootstrap.servers' = 'k:9092',
        'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE upsert_no_key (channel STRING, cnt BIGINT)
  WITH ('connector' = 'upsert-kafka', 'topic' = 'out', 'properties.bootstrap.servers' = 'k:9092',
        'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE jdbc_out (channel STRING, cnt BIGINT, PRIMARY KEY (channel) NOT ENFORCED)
  WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/app', 'table-name' = 'out');
CREATE TABLE jdbc_no_key (channel STRING, cnt BIGINT)
  WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/app', 'table-name' = 'out');
CREATE TABLE jdbc_by_channel_url (channel STRING, url STRING, cnt BIGINT,
                                  PRIMARY KEY (channel) NOT ENFORCED)
  WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/app', 'table-name' = 'out');
CREATE TABLE orders_out (id BIGINT, user_id BIGINT, amount INT, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/app', 'table-name' = 'orders');
)";

// The line the statement after kTables starts on.
int firstStatementLine() {
  return static_cast<int>(
             std::count(kTables, kTables + std::char_traits<char>::length(kTables), '\n')) +
         1;
}

struct Analysis {
  std::unique_ptr<SourceFile> file;
  DiagnosticSink diagnostics;
  CompiledJob job;
  const CompiledStatement* statement = nullptr;
  ChangelogPlan plan;

  const plan::NodeRef& root() const { return statement->optimized.at(0); }

  // The `nth` node of `kind` in the first root, in preorder.
  const plan::LogicalNode* node(plan::NodeKind kind, int nth = 0) const {
    const plan::LogicalNode* found = nullptr;
    std::function<void(const plan::NodeRef&)> walk = [&](const plan::NodeRef& n) {
      if (found != nullptr) return;
      if (n->kind == kind && nth-- == 0) {
        found = n.get();
        return;
      }
      for (const auto& input : n->inputs) walk(input);
    };
    walk(root());
    return found;
  }

  const NodeChangelog& info(plan::NodeKind kind, int nth = 0) const {
    const plan::LogicalNode* n = node(kind, nth);
    EXPECT_NE(n, nullptr) << "no " << plan::nodeKindName(kind) << " #" << nth;
    static const NodeChangelog kMissing;
    if (n == nullptr) return kMissing;
    const NodeChangelog* found = plan.find(*n);
    EXPECT_NE(found, nullptr) << plan::nodeKindName(kind) << " has no changelog";
    return found != nullptr ? *found : kMissing;
  }

  std::string mode(plan::NodeKind kind, int nth = 0) const {
    return info(kind, nth).mode().toString();
  }

  const physical::SinkChangelog& sink() const { return plan.sinks.at(0); }

  std::string explain() const { return physical::printPlanWithChangelog(root(), plan); }
};

std::unique_ptr<SourceFile> sourceOf(const std::string& statements) {
  return std::make_unique<SourceFile>("job.sql", std::string(kTables) + statements);
}

// Compiles the tables and `statements`, and runs the pass over the last statement with a plan.
std::unique_ptr<Analysis> analyze(const std::string& statements) {
  auto a = std::make_unique<Analysis>();
  a->file = sourceOf(statements);
  a->job = compileJob(*a->file, a->diagnostics);
  EXPECT_FALSE(a->diagnostics.hasErrors()) << a->diagnostics.render(*a->file);
  for (const auto& s : a->job.statements) {
    if (!s.optimized.empty()) a->statement = &s;
  }
  if (a->statement == nullptr) {
    ADD_FAILURE() << "no statement with a plan";
    return a;
  }
  try {
    a->plan = physical::inferChangelogModes(*a->statement);
  } catch (const UserError& error) {
    ADD_FAILURE() << "refused: " << error.what();
  }
  return a;
}

struct Refusal {
  SourceLocation location;
  std::string message;
};

// Compiles like analyze() and expects the pass to refuse the last statement.
Refusal refusalOf(const std::string& statements) {
  auto file = sourceOf(statements);
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(*file, diagnostics);
  EXPECT_FALSE(diagnostics.hasErrors()) << diagnostics.render(*file);
  const CompiledStatement* last = nullptr;
  for (const auto& s : job.statements) {
    if (!s.optimized.empty()) last = &s;
  }
  if (last == nullptr) {
    ADD_FAILURE() << "no statement with a plan";
    return {};
  }
  try {
    physical::inferChangelogModes(*last);
  } catch (const UserError& error) {
    return {error.location(), error.what()};
  }
  ADD_FAILURE() << "the plan was not refused";
  return {};
}

TEST(ChangelogMode, AppendOnlyFilterAndProjectAreInsertOnly) {
  auto a =
      analyze("INSERT INTO fs_out SELECT UPPER(channel), user_id FROM clicks WHERE user_id > 10;");
  EXPECT_EQ(a->mode(plan::NodeKind::TableScan), "[I]");
  EXPECT_EQ(a->mode(plan::NodeKind::Filter), "[I]");
  EXPECT_EQ(a->mode(plan::NodeKind::Project), "[I]");
  EXPECT_EQ(a->sink().input.toString(), "[I]");
  EXPECT_FALSE(a->sink().upsertMaterialize);
  EXPECT_EQ(a->info(plan::NodeKind::Filter).state, "");
}

// Flink: an aggregate over an insert-only input inserts and updates groups but never deletes
// one; the print sink takes -U.
TEST(ChangelogMode, GroupByIntoPrintSendsRetractions) {
  auto a = analyze(
      "INSERT INTO print_out SELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel;");
  const NodeChangelog& aggregate = a->info(plan::NodeKind::Aggregate);
  EXPECT_EQ(aggregate.mode().toString(), "[I,UB,UA]");
  EXPECT_EQ(aggregate.upsertKeys, (UpsertKeys{{0}}));
  EXPECT_EQ(aggregate.state, "per group key: accumulators");
  EXPECT_EQ(a->sink().input.toString(), "[I,UB,UA]");
  EXPECT_EQ(a->mode(plan::NodeKind::TableScan), "[I]");
}

TEST(ChangelogMode, GroupByIntoUpsertKafkaWithMatchingKeySendsUpserts) {
  auto a = analyze(
      "INSERT INTO upsert_out SELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UA]");
  EXPECT_EQ(a->info(plan::NodeKind::Aggregate).updateKind, UpdateKind::OnlyUpdateAfter);
  EXPECT_EQ(a->sink().input.toString(), "[I,UA]");
  EXPECT_EQ(a->sink().primaryKey, (std::vector<int>{0}));
  EXPECT_FALSE(a->sink().upsertMaterialize);
}

TEST(ChangelogMode, GroupByIntoJdbcWithPrimaryKeySendsUpserts) {
  auto a =
      analyze("INSERT INTO jdbc_out SELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UA]");
  EXPECT_FALSE(a->sink().upsertMaterialize);
}

// An aggregate over an input with deletes deletes groups too: upserts are +I, +U and -D.
TEST(ChangelogMode, AggregateOverDeletesSendsUpsertsWithDeletes) {
  auto a = analyze(
      "INSERT INTO jdbc_out SELECT u.name, COUNT(c.url) FROM users u "
      "LEFT JOIN clicks c ON u.user_id = c.user_id GROUP BY u.name;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UA,D]");
  EXPECT_EQ(a->mode(plan::NodeKind::Join), "[I,UB,UA,D]");  // the aggregate retracts
  EXPECT_EQ(a->info(plan::NodeKind::Aggregate).state, "per group key: accumulators, a row count");
}

// The sink's key (channel) is not the query's (channel, url): the sink materializes, and needs -U.
TEST(ChangelogMode, UpsertSinkWithAnotherKeyIsMaterialized) {
  auto a = analyze(
      "INSERT INTO jdbc_by_channel_url SELECT channel, url, COUNT(*) FROM clicks "
      "GROUP BY channel, url;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UB,UA]");
  EXPECT_EQ(a->info(plan::NodeKind::Aggregate).upsertKeys, (UpsertKeys{{0, 1}}));
  EXPECT_TRUE(a->sink().upsertMaterialize);
  const std::string text = a->explain();
  EXPECT_NE(text.find("upsertMaterialize=[true]"), std::string::npos) << text;
  EXPECT_NE(text.find("SinkUpsertMaterializer"), std::string::npos) << text;
}

TEST(ChangelogMode, UpsertMaterializeFollowsTheOption) {
  auto a = analyze(
      "SET 'table.exec.sink.upsert-materialize' = 'NONE';\n"
      "INSERT INTO jdbc_by_channel_url SELECT channel, url, COUNT(*) FROM clicks "
      "GROUP BY channel, url;");
  EXPECT_FALSE(a->sink().upsertMaterialize);
  auto forced = analyze(
      "SET 'table.exec.sink.upsert-materialize' = 'FORCE';\n"
      "INSERT INTO jdbc_out SELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel;");
  EXPECT_TRUE(forced->sink().upsertMaterialize);
}

TEST(ChangelogMode, GroupByIntoFilesystemIsRefusedNamingSinkAndNode) {
  Refusal refusal = refusalOf(
      "INSERT INTO fs_out\nSELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel;");
  EXPECT_EQ(refusal.location.line, firstStatementLine());
  EXPECT_EQ(refusal.location.column, 1);
  EXPECT_NE(refusal.message.find(
                "table sink 'default_catalog.default_database.fs_out' doesn't support consuming "
                "update changes which is produced by node GroupAggregate(groupBy=[channel], "
                "select=[channel, COUNT(*) AS cnt])"),
            std::string::npos)
      << refusal.message;
  EXPECT_NE(refusal.message.find("connector 'filesystem' with format 'csv' accepts inserts only"),
            std::string::npos)
      << refusal.message;
}

TEST(ChangelogMode, GroupByIntoKafkaIsRefused) {
  Refusal refusal =
      refusalOf("INSERT INTO kafka_out SELECT channel, SUM(user_id) FROM clicks GROUP BY channel;");
  EXPECT_NE(refusal.message.find("table sink 'default_catalog.default_database.kafka_out'"),
            std::string::npos)
      << refusal.message;
  EXPECT_NE(refusal.message.find("SUM(user_id)"), std::string::npos) << refusal.message;
}

TEST(ChangelogMode, LeftJoinIntoFilesystemNamesUpdateAndDelete) {
  Refusal refusal = refusalOf(
      "INSERT INTO fs_out SELECT c.channel, u.user_id FROM clicks c "
      "LEFT JOIN users u ON c.user_id = u.user_id;");
  EXPECT_NE(refusal.message.find("doesn't support consuming update and delete changes which is "
                                 "produced by node Join(joinType=[LeftOuterJoin]"),
            std::string::npos)
      << refusal.message;
}

TEST(ChangelogMode, JdbcWithoutPrimaryKeyRefusesUpdates) {
  Refusal refusal =
      refusalOf("INSERT INTO jdbc_no_key SELECT channel, COUNT(*) FROM clicks GROUP BY channel;");
  EXPECT_NE(refusal.message.find("please declare primary key for sink table "
                                 "'default_catalog.default_database.jdbc_no_key'"),
            std::string::npos)
      << refusal.message;
  // Inserts need no key.
  auto a = analyze("INSERT INTO jdbc_no_key SELECT channel, user_id FROM clicks;");
  EXPECT_EQ(a->sink().input.toString(), "[I]");
}

TEST(ChangelogMode, UpsertKafkaSinkNeedsPrimaryKey) {
  Refusal refusal = refusalOf("INSERT INTO upsert_no_key SELECT channel, user_id FROM clicks;");
  EXPECT_NE(refusal.message.find("'upsert-kafka' table "
                                 "'default_catalog.default_database.upsert_no_key' requires a "
                                 "PRIMARY KEY"),
            std::string::npos)
      << refusal.message;
}

TEST(ChangelogMode, WindowTvfAggregateIsInsertOnly) {
  auto a = analyze(
      "INSERT INTO fs_out SELECT channel, COUNT(*) FROM "
      "TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
      "GROUP BY window_start, window_end, channel;");
  const NodeChangelog& window = a->info(plan::NodeKind::WindowAggregate);
  EXPECT_EQ(window.mode().toString(), "[I]");
  EXPECT_EQ(window.upsertKeys, (UpsertKeys{{0, 1, 2}}));
  EXPECT_EQ(window.state, "per key and window: accumulators, until the window closes");
  EXPECT_EQ(a->sink().input.toString(), "[I]");
}

TEST(ChangelogMode, LegacyGroupWindowIsInsertOnly) {
  auto a = analyze(
      "INSERT INTO fs_out SELECT channel, COUNT(*) FROM clicks "
      "GROUP BY channel, TUMBLE(ts, INTERVAL '1' MINUTE);");
  EXPECT_EQ(a->mode(plan::NodeKind::WindowAggregate), "[I]");
}

TEST(ChangelogMode, TopNProducesUpdates) {
  auto a = analyze(
      "SELECT * FROM (SELECT channel, url, ROW_NUMBER() OVER (PARTITION BY channel "
      "ORDER BY ts DESC) AS rn FROM clicks) WHERE rn <= 10;");
  const NodeChangelog& rank = a->info(plan::NodeKind::Rank);
  EXPECT_EQ(rank.mode().toString(), "[I,UB,UA,D]");
  EXPECT_EQ(rank.rankStrategy, RankStrategy::AppendFast);
  EXPECT_EQ(rank.state, "per partition key: the top 10 rows");
  // The partition key with the row number.
  EXPECT_EQ(rank.upsertKeys, (UpsertKeys{{1, 5}}));
}

// Over an aggregate whose COUNT only grows, ordered DESC, a TopN takes upserts by the group key.
TEST(ChangelogMode, TopNOverGrowingCountTakesUpserts) {
  auto a = analyze(
      "SELECT * FROM (SELECT channel, url, cnt, ROW_NUMBER() OVER (PARTITION BY channel "
      "ORDER BY cnt DESC) AS rn FROM (SELECT channel, url, COUNT(*) AS cnt FROM clicks "
      "GROUP BY channel, url)) WHERE rn <= 3;");
  EXPECT_EQ(a->info(plan::NodeKind::Rank).rankStrategy, RankStrategy::UpdateFast);
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UA]");
  EXPECT_EQ(a->mode(plan::NodeKind::Rank), "[I,UB,UA,D]");
}

TEST(ChangelogMode, TopNOverNonMonotonicSumRetracts) {
  auto a = analyze(
      "SELECT * FROM (SELECT channel, s, ROW_NUMBER() OVER (PARTITION BY channel "
      "ORDER BY s DESC) AS rn FROM (SELECT channel, url, SUM(user_id) AS s FROM clicks "
      "GROUP BY channel, url)) WHERE rn <= 3;");
  const NodeChangelog& rank = a->info(plan::NodeKind::Rank);
  EXPECT_EQ(rank.rankStrategy, RankStrategy::Retract);
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UB,UA]");
  EXPECT_EQ(rank.state,
            "per partition key: every input row, to refill the top 3 rows when a "
            "row leaves it");
}

TEST(ChangelogMode, DeduplicateKeepFirstOnProcessingTimeIsInsertOnly) {
  auto a = analyze(
      "INSERT INTO fs_out SELECT channel, user_id FROM (SELECT *, ROW_NUMBER() OVER "
      "(PARTITION BY channel ORDER BY pt) AS rn FROM clicks) WHERE rn = 1;");
  const NodeChangelog& dedup = a->info(plan::NodeKind::Deduplicate);
  EXPECT_EQ(dedup.mode().toString(), "[I]");
  EXPECT_EQ(dedup.upsertKeys, (UpsertKeys{{1}}));
  EXPECT_EQ(dedup.state, "per key: whether a row was seen");
}

// Flink's Deduplicate on event time revises its first row when an earlier one arrives late, so
// it sends updates even keeping the first row; keeping the last row always does.
TEST(ChangelogMode, DeduplicateOnEventTimeOrKeepingLastRowUpdates) {
  auto first = analyze(
      "SELECT channel, url FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY channel "
      "ORDER BY ts) AS rn FROM clicks) WHERE rn = 1;");
  EXPECT_EQ(first->mode(plan::NodeKind::Deduplicate), "[I,UB,UA,D]");
  EXPECT_EQ(first->info(plan::NodeKind::Deduplicate).state, "per key: the first row");
  auto last = analyze(
      "INSERT INTO upsert_out SELECT channel, user_id FROM (SELECT *, ROW_NUMBER() OVER "
      "(PARTITION BY channel ORDER BY pt DESC) AS rn FROM clicks) WHERE rn = 1;");
  EXPECT_EQ(last->mode(plan::NodeKind::Deduplicate), "[I,UA,D]");
  EXPECT_FALSE(last->sink().upsertMaterialize);
  Refusal refusal = refusalOf(
      "INSERT INTO fs_out SELECT channel, user_id FROM (SELECT *, ROW_NUMBER() OVER "
      "(PARTITION BY channel ORDER BY ts DESC) AS rn FROM clicks) WHERE rn = 1;");
  EXPECT_NE(refusal.message.find("produced by node Deduplicate(keep=[LastRow]"), std::string::npos)
      << refusal.message;
}

TEST(ChangelogMode, WindowDeduplicateIsInsertOnly) {
  auto a = analyze(
      "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, "
      "channel ORDER BY window_time) AS rn FROM "
      "TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))) WHERE rn = 1;");
  EXPECT_EQ(a->mode(plan::NodeKind::Deduplicate), "[I]");
}

TEST(ChangelogMode, InnerJoinOfAppendOnlyInputsIsInsertOnly) {
  auto a = analyze(
      "INSERT INTO fs_out SELECT u.name, c.user_id FROM clicks c "
      "JOIN users u ON c.user_id = u.user_id;");
  const NodeChangelog& join = a->info(plan::NodeKind::Join);
  EXPECT_EQ(join.mode().toString(), "[I]");
  EXPECT_EQ(join.state,
            "left: rows with their counts per join key; "
            "right: rows with their counts per join key");
}

TEST(ChangelogMode, LeftJoinProducesUpdatesAndDeletes) {
  auto a =
      analyze("SELECT c.channel, u.name FROM clicks c LEFT JOIN users u ON c.user_id = u.user_id;");
  const NodeChangelog& join = a->info(plan::NodeKind::Join);
  EXPECT_TRUE(join.kinds.deletes);
  EXPECT_EQ(join.mode().toString(), "[I,UB,UA,D]");
}

TEST(ChangelogMode, IntervalLookupAndTemporalJoinsFollowTheirInputs) {
  auto interval = analyze(
      "INSERT INTO fs_out SELECT a.channel, b.user_id FROM clicks a JOIN clicks b "
      "ON a.user_id = b.user_id AND a.ts BETWEEN b.ts - INTERVAL '1' MINUTE AND b.ts;");
  EXPECT_EQ(interval->mode(plan::NodeKind::Join), "[I]");
  auto lookup = analyze(
      "INSERT INTO fs_out SELECT c.channel, o.amount FROM clicks c "
      "JOIN orders_out FOR SYSTEM_TIME AS OF c.pt AS o ON c.user_id = o.id;");
  const plan::LogicalNode* join = lookup->node(plan::NodeKind::Join);
  ASSERT_NE(join, nullptr);
  EXPECT_EQ(lookup->mode(plan::NodeKind::Join), "[I]");
  EXPECT_EQ(lookup->plan.find(*join->inputs[1]), nullptr);  // the table side is looked up
}

TEST(ChangelogMode, UnionOfAppendAndUpdatingIsUpdating) {
  auto a = analyze(
      "INSERT INTO print_out SELECT channel, CAST(1 AS BIGINT) FROM clicks "
      "UNION ALL SELECT channel, COUNT(*) FROM clicks GROUP BY channel;");
  EXPECT_EQ(a->mode(plan::NodeKind::Union), "[I,UB,UA]");
  Refusal refusal = refusalOf(
      "INSERT INTO fs_out SELECT channel, CAST(1 AS BIGINT) FROM clicks "
      "UNION ALL SELECT channel, COUNT(*) FROM clicks GROUP BY channel;");
  EXPECT_NE(refusal.message.find("GroupAggregate(groupBy=[channel]"), std::string::npos)
      << refusal.message;
}

TEST(ChangelogMode, SelectDistinctProducesUpdates) {
  auto a = analyze("SELECT DISTINCT channel FROM clicks;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UB,UA]");
  EXPECT_EQ(a->info(plan::NodeKind::Aggregate).upsertKeys, (UpsertKeys{{0}}));
}

// The outer aggregate retracts from its accumulators: it needs -U from the inner one even when
// its own sink takes upserts.
TEST(ChangelogMode, AggregateOfAggregateRequiresUpdateBeforeFromBelow) {
  auto a = analyze(
      "INSERT INTO blackhole_out SELECT CAST(cnt AS STRING), COUNT(*) FROM "
      "(SELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel) GROUP BY cnt;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate, 0), "[I,UA,D]");   // outer
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate, 1), "[I,UB,UA]");  // inner
  EXPECT_EQ(a->info(plan::NodeKind::Aggregate, 1).updateKind, UpdateKind::BeforeAndAfter);
}

TEST(ChangelogMode, BlackholeTakesUpserts) {
  auto a =
      analyze("INSERT INTO blackhole_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UA]");
}

// FLINK-9528: `cnt < 10` over upserts would keep a row whose count passed 10.
TEST(ChangelogMode, FilterOverUpdatesNeedsRetractions) {
  auto a = analyze(
      "INSERT INTO upsert_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel "
      "HAVING COUNT(*) < 10;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UB,UA]");
  EXPECT_EQ(a->sink().input.toString(), "[I,UB,UA]");
}

// Unlike Flink 1.19 (which refuses it, and with it Nexmark's q6), an OVER aggregation reads
// updating input: it takes retractions and passes the changes on.
TEST(ChangelogMode, OverAggregateOverUpdatesRetracts) {
  auto a = analyze(
      "SELECT channel, SUM(cnt) OVER (PARTITION BY channel ORDER BY pt) FROM "
      "(SELECT channel, COUNT(*) AS cnt, PROCTIME() AS pt FROM clicks GROUP BY channel);");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UB,UA]");
  EXPECT_EQ(a->mode(plan::NodeKind::OverAggregate), "[I,UB,UA]");
}

// Over a Top-1 (Nexmark q6's shape) the OVER passes its input's deletes on; each row it revises
// sends -U and +U. An upsert sink keyed by the Top-1's key takes the changes without
// materialization; an append-only one refuses them, naming the OVER node.
TEST(ChangelogMode, OverAggregateOverTopOneRetractsAndDeletes) {
  const std::string query =
      "SELECT channel, COUNT(*) OVER (PARTITION BY channel ORDER BY ts ROWS 2 PRECEDING) "
      "FROM (SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY channel "
      "ORDER BY user_id DESC) AS rn FROM clicks) WHERE rn <= 1);";
  auto printed = analyze("INSERT INTO print_out " + query);
  EXPECT_EQ(printed->mode(plan::NodeKind::OverAggregate), "[I,UB,UA,D]");
  EXPECT_EQ(printed->sink().input.toString(), "[I,UB,UA,D]");
  EXPECT_EQ(printed->info(plan::NodeKind::OverAggregate).state,
            "per partition key: every current row with the results last sent for it");
  auto upsert = analyze("INSERT INTO upsert_out " + query);
  EXPECT_EQ(upsert->mode(plan::NodeKind::OverAggregate), "[I,UB,UA,D]");
  EXPECT_FALSE(upsert->sink().upsertMaterialize);
  Refusal refusal = refusalOf("INSERT INTO fs_out " + query);
  EXPECT_NE(refusal.message.find("produced by node OverAggregate"), std::string::npos)
      << refusal.message;
}

TEST(ChangelogMode, UpsertSourceIsNormalizedPerPrimaryKey) {
  auto a = analyze("SELECT * FROM user_changes;");
  const NodeChangelog& scan = a->info(plan::NodeKind::TableScan);
  EXPECT_EQ(scan.mode().toString(), "[I,UB,UA,D]");
  EXPECT_TRUE(scan.changelogNormalize);
  EXPECT_EQ(scan.upsertKeys, (UpsertKeys{{0}}));
  EXPECT_EQ(scan.state, "per primary key: the last row (ChangelogNormalize)");
}

TEST(ChangelogMode, CdcSourceDropsUpdateBeforeForAnUpsertSink) {
  auto a = analyze("INSERT INTO orders_out SELECT * FROM orders_cdc;");
  const NodeChangelog& scan = a->info(plan::NodeKind::TableScan);
  EXPECT_EQ(scan.mode().toString(), "[I,UA,D]");
  EXPECT_TRUE(scan.dropsUpdateBefore);
  EXPECT_FALSE(a->sink().upsertMaterialize);
  auto printed = analyze("SELECT * FROM orders_cdc;");
  EXPECT_EQ(printed->mode(plan::NodeKind::TableScan), "[I,UB,UA,D]");
}

TEST(ChangelogMode, DuplicateCdcEventsAreNormalized) {
  auto a = analyze(
      "SET 'table.exec.source.cdc-events-duplicate' = 'true';\n"
      "INSERT INTO orders_out SELECT * FROM orders_cdc;");
  const NodeChangelog& scan = a->info(plan::NodeKind::TableScan);
  EXPECT_TRUE(scan.changelogNormalize);
  EXPECT_FALSE(scan.dropsUpdateBefore);  // the normalizer sends upserts itself
  EXPECT_EQ(scan.mode().toString(), "[I,UA,D]");
}

// The client of a bare SELECT prints -U rows, as Flink's SQL client does.
TEST(ChangelogMode, QueryClientTakesRetractions) {
  auto a = analyze("SELECT channel, COUNT(*) FROM clicks GROUP BY channel;");
  EXPECT_EQ(a->sink().name, "collect");
  EXPECT_EQ(a->sink().input.toString(), "[I,UB,UA]");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I,UB,UA]");
}

TEST(ChangelogMode, BatchModeIsInsertOnly) {
  auto a = analyze(
      "SET 'execution.runtime-mode' = 'batch';\n"
      "INSERT INTO fs_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;");
  EXPECT_EQ(a->mode(plan::NodeKind::Aggregate), "[I]");
}

TEST(ChangelogMode, ExplainShowsModeKeysAndState) {
  auto a = analyze(
      "INSERT INTO print_out SELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel;");
  const std::string text = a->explain();
  EXPECT_NE(text.find("Sink(table=[default_catalog.default_database.print_out], fields=[channel, "
                      "cnt], changelogMode=[NONE])"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Aggregate(groupBy=[channel], select=[COUNT(*) AS EXPR$0], "
                      "changelogMode=[I,UB,UA], upsertKeys=[[0]], "
                      "state=[per group key: accumulators])"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("TableScan(table=[default_catalog.default_database.clicks], "
                      "fields=[user_id, channel, url, ts], changelogMode=[I])"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("schema: (channel STRING, cnt BIGINT)"), std::string::npos) << text;
}

TEST(ChangelogMode, StatementSetSinksAreEachChecked) {
  auto a = analyze(
      "EXECUTE STATEMENT SET BEGIN\n"
      "INSERT INTO upsert_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;\n"
      "INSERT INTO fs_out SELECT channel, user_id FROM clicks;\n"
      "END;");
  ASSERT_EQ(a->plan.sinks.size(), 2u);
  EXPECT_EQ(a->plan.sinks[0].input.toString(), "[I,UA]");
  EXPECT_EQ(a->plan.sinks[1].input.toString(), "[I]");
}

// What `sqlc check` adds: each refused statement is an error at its location; the others pass.
TEST(ChangelogMode, CheckReportsEachRefusedStatement) {
  auto file = sourceOf(
      "INSERT INTO fs_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;\n"
      "INSERT INTO print_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;\n"
      "INSERT INTO jdbc_no_key SELECT channel, COUNT(*) FROM clicks GROUP BY channel;\n");
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(*file, diagnostics);
  ASSERT_FALSE(diagnostics.hasErrors()) << diagnostics.render(*file);
  physical::checkChangelogs(job, diagnostics);
  ASSERT_EQ(diagnostics.errorCount(), 2u) << diagnostics.render(*file);
  EXPECT_EQ(diagnostics.diagnostics()[0].location.line, firstStatementLine());
  EXPECT_EQ(diagnostics.diagnostics()[1].location.line, firstStatementLine() + 2);
  const std::string rendered = diagnostics.render(*file);
  EXPECT_NE(rendered.find(fmt::format("job.sql:{}:1: error: table sink", firstStatementLine())),
            std::string::npos)
      << rendered;
}

TEST(ChangelogMode, StatementChangelogPrintsEveryRoot) {
  auto a = analyze(
      "EXECUTE STATEMENT SET BEGIN\n"
      "INSERT INTO upsert_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;\n"
      "INSERT INTO fs_out SELECT channel, user_id FROM clicks;\n"
      "END;");
  const std::string text = physical::printStatementChangelog(*a->statement);
  EXPECT_NE(text.find("Sink(table=[default_catalog.default_database.upsert_out]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Sink(table=[default_catalog.default_database.fs_out]"), std::string::npos)
      << text;
  EXPECT_NE(text.find("changelogMode=[I,UA], upsertKeys=[[0]]"), std::string::npos) << text;
}

// Two sinks reading one subplan: the upsert sink alone would take upserts, the print sink needs
// -U, so the shared aggregate sends retractions to both.
TEST(ChangelogMode, SharedSubplanSendsRetractionsWhenOneConsumerNeedsThem) {
  auto file = sourceOf(
      "EXECUTE STATEMENT SET BEGIN\n"
      "INSERT INTO upsert_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;\n"
      "INSERT INTO print_out SELECT channel, COUNT(*) FROM clicks GROUP BY channel;\n"
      "END;");
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(*file, diagnostics);
  ASSERT_FALSE(diagnostics.hasErrors()) << diagnostics.render(*file);
  const CompiledStatement& statement = job.statements.back();
  ASSERT_EQ(statement.optimized.size(), 2u);
  const plan::NodeRef& upsertSink = statement.optimized[0];
  auto printSink = std::make_shared<plan::LogicalNode>(*statement.optimized[1]);
  printSink->inputs = upsertSink->inputs;  // both sinks read the same Project and Aggregate
  ChangelogPlan plan =
      physical::inferChangelogModes({upsertSink, printSink}, statement.options, {});
  EXPECT_EQ(plan.sinks[0].input.toString(), "[I,UB,UA]");
  EXPECT_EQ(plan.sinks[1].input.toString(), "[I,UB,UA]");
  const plan::LogicalNode& aggregate = *upsertSink->inputs[0]->inputs[0];
  ASSERT_EQ(aggregate.kind, plan::NodeKind::Aggregate);
  EXPECT_EQ(plan.find(aggregate)->mode().toString(), "[I,UB,UA]");
}

}  // namespace
}  // namespace sluice
