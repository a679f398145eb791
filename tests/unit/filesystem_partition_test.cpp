// Partitioned filesystem sinks: Flink's partition path escaping, the partition time extractor,
// when partitions are committed (watermark, clock, end of input, several subtasks), and the
// directory tree a partitioned sink writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "compiler/driver/job_compiler.h"
#include "compiler/physical/physical_planner.h"
#include "connector_test_fixtures.h"
#include "connectors/filesystem/filesystem_connector.h"
#include "connectors/filesystem/partition_commit.h"
#include "connectors/filesystem/partition_path.h"
#include "connectors/options/table_options.h"
#include "session/local_job.h"

namespace sluice::connectors {
namespace {

using runtime::Value;
using testing::ScratchDirectory;
using Options = std::map<std::string, std::string>;

constexpr int64_t kMicros = 1'000'000;
// 2023-11-14 22:13:00 UTC.
constexpr int64_t k2213 = 1'699'999'980 * kMicros;

TEST(PartitionPath, EscapesAsFlink) {
  EXPECT_EQ(escapePartitionValue("22:13"), "22%3A13");
  EXPECT_EQ(escapePartitionValue("a/b=c%d#e"), "a%2Fb%3Dc%25d%23e");
  EXPECT_EQ(escapePartitionValue("q?*'\"\\{[]^"), "q%3F%2A%27%22%5C%7B%5B%5D%5E");
  EXPECT_EQ(escapePartitionValue(std::string("tab\tdel\x7F")), "tab%09del%7F");
  EXPECT_EQ(escapePartitionValue("plain-text_1.2 ok}"), "plain-text_1.2 ok}");
}

TEST(PartitionPath, DirectoryWithDefaultNameForNullAndBlank) {
  const std::vector<std::string> keys = {"dt", "hm"};
  EXPECT_EQ(partitionDirectory(keys, {"2023-11-14", "22:13"}), "dt=2023-11-14/hm=22%3A13");
  EXPECT_EQ(partitionDirectory(keys, {std::nullopt, " "}),
            "dt=__DEFAULT_PARTITION__/hm=__DEFAULT_PARTITION__");
  EXPECT_EQ(partitionDirectory(keys, {"x", std::nullopt}, "none"), "dt=x/hm=none");
}

TEST(PartitionTime, PatternOfSeveralKeys) {
  const PartitionTimeExtractor extractor({"dt", "hm"}, "$dt $hm:00", "");
  EXPECT_EQ(extractor.timestampText({"2023-11-14", "22:13"}), "2023-11-14 22:13:00");
  EXPECT_EQ(extractor.extract({"2023-11-14", "22:13"}), k2213);
  EXPECT_EQ(extractor.extract({"2023-11-14", "__DEFAULT_PARTITION__"}), std::nullopt);
}

TEST(PartitionTime, DefaultUsesTheFirstKeyAsTimestampOrDate) {
  const PartitionTimeExtractor extractor({"dt", "hr"}, "", "");
  EXPECT_EQ(extractor.extract({"2023-11-14 22:13:00", "x"}), k2213);
  EXPECT_EQ(extractor.extract({"2023-11-14", "x"}), (k2213 / kMicros - 22 * 3600 - 13 * 60) * kMicros);
  EXPECT_EQ(parseLocalTimestamp("2023-1-2 3:04:05.5"), parseLocalTimestamp("2023-01-02 03:04:05") .value() + kMicros / 2);
  EXPECT_EQ(parseLocalTimestamp("2023-02-30"), std::nullopt);
  EXPECT_EQ(parseLocalTimestamp("2023-11-14 22:13"), std::nullopt);
}

TEST(PartitionTime, Formatter) {
  const PartitionTimeExtractor extractor({"day", "hour"}, "$day$hour", "yyyyMMddHH");
  EXPECT_EQ(extractor.extract({"20231114", "22"}), (k2213 / kMicros - 13 * 60) * kMicros);
  EXPECT_EQ(parseLocalTimestamp("2023/11/14", "yyyy/MM/dd"), parseLocalTimestamp("2023-11-14"));
  EXPECT_EQ(parseLocalTimestamp("2023-11-14", "yyyy/MM/dd"), std::nullopt);
}

PartitionCommitPolicy successFiles(CommitTrigger trigger) {
  PartitionCommitPolicy policy;
  policy.trigger = trigger;
  policy.successFile = true;
  return policy;
}

TEST(PartitionCommitter, CommitsWhenTheLowestWatermarkPassesAndNoFileIsOpen) {
  ScratchDirectory scratch;
  PartitionCommitter committer(scratch.path(), 2, successFiles(CommitTrigger::PartitionTime));
  std::filesystem::create_directories(scratch.file("p=1"));
  committer.opened(0, "p=1", 100);
  committer.opened(1, "p=1", 100);
  committer.closed(0, "p=1");
  committer.advance(0, 500, 0);
  EXPECT_TRUE(committer.committed().empty());  // subtask 1 has no watermark yet
  committer.closed(1, "p=1");
  committer.advance(1, 100, 0);
  EXPECT_TRUE(committer.committed().empty());  // due strictly after 100
  committer.advance(1, 101, 0);
  EXPECT_EQ(committer.committed(), (std::vector<std::string>{"p=1"}));
  EXPECT_TRUE(std::filesystem::exists(scratch.file("p=1/_SUCCESS")));
}

TEST(PartitionCommitter, WaitsForOpenFilesAndCommitsAllAtTheEnd) {
  ScratchDirectory scratch;
  PartitionCommitter committer(scratch.path(), 2, successFiles(CommitTrigger::PartitionTime));
  std::filesystem::create_directories(scratch.file("p=1"));
  std::filesystem::create_directories(scratch.file("p=2"));
  committer.opened(0, "p=1", 100);
  committer.opened(1, "p=2", 1'000);
  committer.advance(0, 200, 0);
  committer.advance(1, 200, 0);
  EXPECT_TRUE(committer.committed().empty());  // subtask 0 still writes p=1
  committer.closed(0, "p=1");
  committer.finish(0);
  EXPECT_EQ(committer.committed(), (std::vector<std::string>{"p=1"}));
  committer.closed(1, "p=2");
  committer.finish(1);
  EXPECT_EQ(committer.committed(), (std::vector<std::string>{"p=1", "p=2"}));
  EXPECT_TRUE(std::filesystem::exists(scratch.file("p=2/_SUCCESS")));
}

TEST(PartitionCommitter, ProcessTimeByTheClock) {
  ScratchDirectory scratch;
  PartitionCommitter committer(scratch.path(), 1, successFiles(CommitTrigger::ProcessTime));
  std::filesystem::create_directories(scratch.file("p=1"));
  committer.opened(0, "p=1", 5'000);
  committer.closed(0, "p=1");
  committer.advance(0, INT64_MIN, 4'000);
  EXPECT_TRUE(committer.committed().empty());
  committer.advance(0, INT64_MIN, 6'000);
  EXPECT_EQ(committer.committed(), (std::vector<std::string>{"p=1"}));
}

TEST(PartitionCommitPolicy, RefusesMetastoreAndCustom) {
  for (const std::string kind : {"metastore,success-file", "custom"}) {
    const Options options = {{"sink.partition-commit.policy.kind", kind}};
    try {
      PartitionCommitPolicy::fromOptions(TableOptions(options, "db.t"));
      FAIL() << "expected a ConnectorError for " << kind;
    } catch (const runtime::ConnectorError& e) {
      EXPECT_NE(std::string(e.what()).find("is not supported"), std::string::npos) << e.what();
    }
  }
}

std::vector<artifact::Field> q10Fields() {
  return {{"auction", DataType::bigInt()},
          {"price", DataType::bigInt()},
          {"dt", DataType::string()},
          {"hm", DataType::string()}};
}

artifact::Node q10Sink(const std::string& path, const std::string& trigger) {
  artifact::Node node = testing::tableNode(
      artifact::NodeKind::Sink, "db.q10", q10Fields(),
      {{"connector", "filesystem"},
       {"path", path},
       {"format", "csv"},
       {"sink.partition-commit.trigger", trigger},
       {"sink.partition-commit.delay", "1 min"},
       {"sink.partition-commit.policy.kind", "success-file"},
       {"partition.time-extractor.timestamp-pattern", "$dt $hm:00"}});
  node.partitionKeys = {"dt", "hm"};
  return node;
}

runtime::Batch q10Rows(const std::vector<std::vector<Value>>& rows) {
  return testing::batchOf(testing::typesOf(q10Fields()), rows, 8);
}

std::vector<std::string> tree(const std::string& root) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      names.push_back(std::filesystem::relative(entry.path(), root).string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(PartitionedFileSink, WritesPartitionDirectoriesAndCommitsByWatermark) {
  ScratchDirectory scratch;
  const artifact::Node node = q10Sink(scratch.path(), "partition-time");
  auto sink = FilesystemConnectorFactory().createSink(testing::contextFor(node));
  sink->write(q10Rows({{Value::ofInteger(1), Value::ofInteger(10), Value::ofBytes("2023-11-14"),
                        Value::ofBytes("22:13")},
                       {Value::ofInteger(2), Value::ofInteger(20), Value::ofBytes("2023-11-14"),
                        Value::ofBytes("22:14")},
                       {Value::ofInteger(3), Value::ofInteger(30), Value::ofBytes("2023-11-14"),
                        Value::ofBytes("22:13")}}));
  EXPECT_EQ(tree(scratch.path()),
            (std::vector<std::string>{"dt=2023-11-14/hm=22%3A13/.part-0-0.csv.inprogress",
                                      "dt=2023-11-14/hm=22%3A14/.part-0-0.csv.inprogress"}));
  // 22:13 + 1 min delay: not due at 22:14:00, due just after.
  sink->watermark(k2213 + 60 * kMicros);
  EXPECT_FALSE(std::filesystem::exists(scratch.file("dt=2023-11-14/hm=22%3A13/_SUCCESS")));
  sink->watermark(k2213 + 60 * kMicros + 1);
  EXPECT_EQ(tree(scratch.path()),
            (std::vector<std::string>{
                "dt=2023-11-14/hm=22%3A13/_SUCCESS",
                "dt=2023-11-14/hm=22%3A13/part-0-0.csv",
                "dt=2023-11-14/hm=22%3A14/.part-0-0.csv.inprogress"}));
  EXPECT_EQ(testing::readText(scratch.file("dt=2023-11-14/hm=22%3A13/part-0-0.csv")),
            "1,10\n3,30\n");
  // A late row for the committed partition: a new part file, committed again.
  sink->write(q10Rows({{Value::ofInteger(5), Value::ofInteger(50), Value::ofBytes("2023-11-14"),
                        Value::ofBytes("22:13")}}));
  sink->watermark(k2213 + 90 * kMicros);
  EXPECT_TRUE(std::filesystem::exists(scratch.file("dt=2023-11-14/hm=22%3A13/part-0-1.csv")));
  EXPECT_FALSE(std::filesystem::exists(scratch.file("dt=2023-11-14/hm=22%3A14/_SUCCESS")));
  sink->finish();
  EXPECT_EQ(tree(scratch.path()),
            (std::vector<std::string>{
                "dt=2023-11-14/hm=22%3A13/_SUCCESS",
                "dt=2023-11-14/hm=22%3A13/part-0-0.csv",
                "dt=2023-11-14/hm=22%3A13/part-0-1.csv",
                "dt=2023-11-14/hm=22%3A14/_SUCCESS",
                "dt=2023-11-14/hm=22%3A14/part-0-0.csv"}));
}

// As in Flink, a partition whose time cannot be read fails the job ('__DEFAULT_PARTITION__').
TEST(PartitionedFileSink, PartitionTimeOfANullPartitionFails) {
  ScratchDirectory scratch;
  const artifact::Node node = q10Sink(scratch.path(), "partition-time");
  auto sink = FilesystemConnectorFactory().createSink(testing::contextFor(node));
  try {
    sink->write(q10Rows({{Value::ofInteger(4), Value::null(), Value::null(), Value::null()}}));
    FAIL() << "expected a ConnectorError";
  } catch (const runtime::ConnectorError& e) {
    EXPECT_STREQ(e.what(),
                 "filesystem table db.q10: cannot read the time of partition "
                 "'dt=__DEFAULT_PARTITION__/hm=__DEFAULT_PARTITION__' from "
                 "'__DEFAULT_PARTITION__ __DEFAULT_PARTITION__:00' "
                 "('partition.time-extractor.timestamp-pattern' / '.timestamp-formatter')");
  }
}

TEST(PartitionedFileSink, SuccessFileOnceEverySubtaskIsDone) {
  ScratchDirectory scratch;
  const artifact::Node node = q10Sink(scratch.path(), "partition-time");
  const FilesystemConnectorFactory factory;
  auto first = factory.createSink(testing::contextFor(node, 0, 2));
  auto second = factory.createSink(testing::contextFor(node, 1, 2));
  const auto row = q10Rows({{Value::ofInteger(1), Value::ofInteger(10),
                             Value::ofBytes("2023-11-14"), Value::ofBytes("22:13")}});
  first->write(row);
  second->write(row);
  first->watermark(k2213 + 120 * kMicros);
  EXPECT_TRUE(std::filesystem::exists(scratch.file("dt=2023-11-14/hm=22%3A13/part-0-0.csv")));
  EXPECT_FALSE(std::filesystem::exists(scratch.file("dt=2023-11-14/hm=22%3A13/_SUCCESS")));
  second->watermark(k2213 + 120 * kMicros);
  EXPECT_EQ(tree(scratch.path()), (std::vector<std::string>{
                                      "dt=2023-11-14/hm=22%3A13/_SUCCESS",
                                      "dt=2023-11-14/hm=22%3A13/part-0-0.csv",
                                      "dt=2023-11-14/hm=22%3A13/part-1-0.csv"}));
  first->finish();
  second->finish();
}

TEST(PartitionedFileSink, ProcessTimeCommitsAtTheEndOfInput) {
  ScratchDirectory scratch;
  const artifact::Node node = q10Sink(scratch.path(), "process-time");
  auto sink = FilesystemConnectorFactory().createSink(testing::contextFor(node));
  sink->write(q10Rows({{Value::ofInteger(1), Value::ofInteger(10), Value::ofBytes("2023-11-14"),
                        Value::ofBytes("22:13")},
                       {Value::ofInteger(4), Value::null(), Value::null(), Value::null()}}));
  sink->watermark(k2213 + 3600 * kMicros);  // a watermark does not commit by process time
  EXPECT_FALSE(std::filesystem::exists(scratch.file("dt=2023-11-14/hm=22%3A13/_SUCCESS")));
  sink->finish();
  EXPECT_EQ(tree(scratch.path()),
            (std::vector<std::string>{
                "dt=2023-11-14/hm=22%3A13/_SUCCESS",
                "dt=2023-11-14/hm=22%3A13/part-0-0.csv",
                "dt=__DEFAULT_PARTITION__/hm=__DEFAULT_PARTITION__/_SUCCESS",
                "dt=__DEFAULT_PARTITION__/hm=__DEFAULT_PARTITION__/part-0-0.csv"}));
  EXPECT_EQ(testing::readText(
                scratch.file("dt=__DEFAULT_PARTITION__/hm=__DEFAULT_PARTITION__/part-0-0.csv")),
            "4,\n");
}

TEST(PartitionedFileSink, RefusesMetastorePolicyAtStart) {
  ScratchDirectory scratch;
  artifact::Node node = q10Sink(scratch.path(), "partition-time");
  node.options["sink.partition-commit.policy.kind"] = "metastore,success-file";
  EXPECT_THROW(FilesystemConnectorFactory().createSink(testing::contextFor(node)),
               runtime::ConnectorError);
}

// A real job, planned, written as the JSON artifact and read back, at parallelism 2: the
// partition keys reach the sink, the rows land in their partitions without the partition
// columns, and every partition has its success file once the bounded input ends.
TEST(PartitionedFileSink, JobWritesPartitionsAndSuccessFiles) {
  ScratchDirectory scratch;
  scratch.write("in.csv",
                "1,10,2023-11-14 22:13:05\n2,20,2023-11-14 22:14:10\n"
                "3,30,2023-11-14 22:13:50\n4,40,2023-11-14 22:16:00\n");
  SourceFile file(
      "job.sql",
      "SET 'parallelism.default' = '2';\n"
      "CREATE TABLE src (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)"
      " WITH ('connector' = 'filesystem', 'path' = '" + scratch.file("in.csv") +
          "', 'format' = 'csv');\n"
      "CREATE TABLE out (auction BIGINT, price BIGINT, dt STRING, hm STRING)"
      " PARTITIONED BY (dt, hm) WITH ('connector' = 'filesystem', 'path' = '" +
          scratch.file("out") + "', 'format' = 'csv',"
      " 'sink.partition-commit.trigger' = 'partition-time',"
      " 'sink.partition-commit.delay' = '1 min',"
      " 'sink.partition-commit.policy.kind' = 'success-file',"
      " 'partition.time-extractor.timestamp-pattern' = '$dt $hm:00');\n"
      "INSERT INTO out SELECT auction, price, DATE_FORMAT(ts, 'yyyy-MM-dd'),"
      " DATE_FORMAT(ts, 'HH:mm') FROM src;\n");
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(file, diagnostics, CompileOptions{});
  ASSERT_FALSE(diagnostics.hasErrors()) << diagnostics.render(file);
  const auto runnable = physical::runnableStatements(job);
  ASSERT_EQ(runnable.size(), 1u);
  session::LocalRunOptions options;
  options.settings["sqlc.jit.mode"] = "interpreted";
  const artifact::JobPlan plan = session::planForLocalRun(job, *runnable[0], "job.sql", options);
  std::string error;
  auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  const session::StatementRun run = session::runPlan(*back, options, nullptr);
  ASSERT_TRUE(run.report.succeeded) << run.report.error;

  std::vector<std::string> successFiles;
  std::vector<std::string> rows;
  for (const std::string& name : tree(scratch.file("out"))) {
    if (name.ends_with("/_SUCCESS")) {
      successFiles.push_back(name);
      continue;
    }
    ASSERT_NE(name.find("/part-"), std::string::npos) << name;
    std::stringstream text(testing::readText(scratch.file("out/" + name)));
    for (std::string line; std::getline(text, line);) {
      rows.push_back(name.substr(0, name.find("/part-")) + " " + line);
    }
  }
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(successFiles, (std::vector<std::string>{"dt=2023-11-14/hm=22%3A13/_SUCCESS",
                                                     "dt=2023-11-14/hm=22%3A14/_SUCCESS",
                                                     "dt=2023-11-14/hm=22%3A16/_SUCCESS"}));
  EXPECT_EQ(rows, (std::vector<std::string>{"dt=2023-11-14/hm=22%3A13 1,10",
                                            "dt=2023-11-14/hm=22%3A13 3,30",
                                            "dt=2023-11-14/hm=22%3A14 2,20",
                                            "dt=2023-11-14/hm=22%3A16 4,40"}));
}

TEST(PartitionedFileSink, PlanJsonCarriesPartitionKeysAndReadsOlderPlans) {
  artifact::JobPlan plan;
  artifact::Node sink = q10Sink("/tmp/x", "partition-time");
  sink.id = 1;
  plan.nodes.push_back(sink);
  std::string json = artifact::toJson(plan);
  std::string error;
  auto back = artifact::fromJson(json, error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->nodes[0].partitionKeys, (std::vector<std::string>{"dt", "hm"}));
  plan.nodes[0].partitionKeys.clear();
  json = artifact::toJson(plan);
  EXPECT_EQ(json.find("partitionKeys"), std::string::npos);
  back = artifact::fromJson(json, error);
  ASSERT_TRUE(back) << error;
  EXPECT_TRUE(back->nodes[0].partitionKeys.empty());
}

}  // namespace
}  // namespace sluice::connectors
