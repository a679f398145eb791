// The filesystem connector: part files written and read back in both formats, directories
// split among subtasks (hidden files left out), the append-only guard, and the legacy form.
#include <gtest/gtest.h>

#include <algorithm>

#include "connector_test_fixtures.h"
#include "connectors/filesystem/file_listing.h"
#include "connectors/filesystem/filesystem_connector.h"

namespace sluice::connectors {
namespace {

using runtime::Value;
using testing::ScratchDirectory;
using testing::typesOf;
using Options = std::map<std::string, std::string>;

std::vector<artifact::Field> mixedFields() {
  return {{"id", DataType::bigInt()},
          {"name", DataType::string()},
          {"ts", DataType::timestamp(3)},
          {"price", DataType::decimal(10, 2)},
          {"tags", DataType::array(DataType::string())},
          {"ok", DataType::boolean()}};
}

runtime::Batch mixedBatch() {
  return testing::batchOf(
      typesOf(mixedFields()),
      {{Value::ofInteger(1), Value::ofBytes("plain"), Value::ofInteger(1'767'225'605'000'000),
        Value::ofInteger(1999), Value::ofChildren({Value::ofBytes("a"), Value::ofBytes("b")}),
        Value::ofInteger(1)},
       {Value::ofInteger(-2), Value::ofBytes("with, comma and \"quotes\"\nand a line break"),
        Value::null(), Value::ofInteger(-5), Value::ofChildren({}), Value::ofInteger(0)},
       {Value::null(), Value::null(), Value::null(), Value::null(), Value::null(), Value::null()}});
}

std::vector<std::string> listNames(const std::string& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class FilesystemRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(FilesystemRoundTrip, RowsWrittenReadBackTheSame) {
  ScratchDirectory scratch;
  const std::string directory = scratch.file("out");
  const Options options = {
      {"connector", "filesystem"}, {"path", directory}, {"format", GetParam()}};
  const artifact::Node sinkNode =
      testing::tableNode(artifact::NodeKind::Sink, "db.out", mixedFields(), options);
  auto sink = FilesystemConnectorFactory().createSink(testing::contextFor(sinkNode, 3, 4));
  sink->write(mixedBatch());
  EXPECT_EQ(listNames(directory),
            (std::vector<std::string>{".part-3-0." + GetParam() + ".inprogress"}));
  sink->finish();
  EXPECT_EQ(listNames(directory), (std::vector<std::string>{"part-3-0." + GetParam()}));

  const artifact::Node sourceNode =
      testing::tableNode(artifact::NodeKind::Source, "db.out", mixedFields(), options);
  auto reader = FilesystemConnectorFactory().createSource(testing::contextFor(sourceNode));
  const auto rows = testing::readAll(*reader, typesOf(mixedFields()));
  const std::string nullName = GetParam() == "csv" ? "" : "null";  // CSV writes NULL as ""
  const std::string emptyTags = GetParam() == "csv" ? "null" : "[]";
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "+I[1, plain, 2026-01-01 00:00:05.000, 19.99, [a, b], TRUE]",
                      "+I[-2, with, comma and \"quotes\"\nand a line break, null, -0.05, " +
                          emptyTags + ", FALSE]",
                      "+I[null, " + nullName + ", null, null, null, null]"}));
}

INSTANTIATE_TEST_SUITE_P(Formats, FilesystemRoundTrip, ::testing::Values("csv", "json"));

TEST(FilesystemSink, WritesTheFormatsText) {
  ScratchDirectory scratch;
  const artifact::Node node = testing::tableNode(
      artifact::NodeKind::Sink, "out", mixedFields(),
      {{"connector", "filesystem"}, {"path", scratch.path()}, {"format", "json"}});
  auto sink = FilesystemConnectorFactory().createSink(testing::contextFor(node));
  sink->write(mixedBatch());
  sink->finish();
  const std::string text = testing::readText(scratch.file("part-0-0.json"));
  EXPECT_EQ(text.substr(0, text.find('\n')),
            R"({"id":1,"name":"plain","ts":"2026-01-01 00:00:05","price":19.99,)"
            R"("tags":["a","b"],"ok":true})");
}

TEST(FilesystemSink, RefusesUpdates) {
  ScratchDirectory scratch;
  const artifact::Node node = testing::tableNode(
      artifact::NodeKind::Sink, "db.out", mixedFields(),
      {{"connector", "filesystem"}, {"path", scratch.path()}, {"format", "csv"}});
  auto sink = FilesystemConnectorFactory().createSink(testing::contextFor(node));
  runtime::Batch batch = mixedBatch();
  batch.rowKinds()[1] = runtime::RowKind::UpdateBefore;
  try {
    sink->write(batch);
    FAIL() << "expected a ConnectorError";
  } catch (const runtime::ConnectorError& e) {
    EXPECT_STREQ(e.what(), "filesystem sink db.out cannot accept updates (row kind -U)");
  }
}

TEST(FilesystemSink, RollsPartFilesBySize) {
  ScratchDirectory scratch;
  const artifact::Node node = testing::tableNode(artifact::NodeKind::Sink, "out", mixedFields(),
                                                 {{"connector", "filesystem"},
                                                  {"path", scratch.path()},
                                                  {"format", "csv"},
                                                  {"sink.rolling-policy.file-size", "1b"}});
  auto sink = FilesystemConnectorFactory().createSink(testing::contextFor(node));
  sink->write(mixedBatch());
  sink->finish();
  EXPECT_EQ(listNames(scratch.path()),
            (std::vector<std::string>{"part-0-0.csv", "part-0-1.csv", "part-0-2.csv"}));
}

TEST(FilesystemSource, SplitsADirectoryAmongSubtasksSkippingHiddenFiles) {
  ScratchDirectory scratch;
  scratch.write("b.csv", "2\n");
  scratch.write("a.csv", "1\n");
  scratch.write("c.csv", "3\n");
  scratch.write("sub/d.csv", "4\n");
  scratch.write(".hidden.csv", "100\n");
  scratch.write("_SUCCESS", "");
  scratch.write(".part-0-0.csv.inprogress", "200\n");
  const std::vector<artifact::Field> fields = {{"n", DataType::integer()}};
  const artifact::Node node = testing::tableNode(
      artifact::NodeKind::Source, "src", fields,
      {{"connector", "filesystem"}, {"path", "file://" + scratch.path()}, {"format", "csv"}});
  auto read = [&](int subtask) {
    auto reader = FilesystemConnectorFactory().createSource(testing::contextFor(node, subtask, 2));
    return testing::readAll(*reader, {DataType::integer()});
  };
  EXPECT_EQ(read(0), (std::vector<std::string>{"+I[1]", "+I[3]"}));
  EXPECT_EQ(read(1), (std::vector<std::string>{"+I[2]", "+I[4]"}));
}

TEST(FilesystemSource, RegexPatternSelectsFiles) {
  ScratchDirectory scratch;
  scratch.write("a.csv", "1\n");
  scratch.write("b.txt", "2\n");
  EXPECT_EQ(listInputFiles(scratch.path(), std::string(".*\\.csv")),
            (std::vector<std::string>{scratch.file("a.csv")}));
  EXPECT_THROW(listInputFiles(scratch.file("missing"), std::nullopt), runtime::ConnectorError);
}

TEST(FilesystemSource, LegacyConnectorPathAndFormatType) {
  ScratchDirectory scratch;
  const std::string path = scratch.write("side.txt", "1|x\n");
  const std::vector<artifact::Field> fields = {{"n", DataType::integer()},
                                               {"s", DataType::string()}};
  artifact::Node node = testing::tableNode(artifact::NodeKind::Source, "side", fields,
                                           {{"connector.type", "filesystem"},
                                            {"connector.path", "file://" + path},
                                            {"format.type", "csv"},
                                            {"format.field-delimiter", "|"}});
  node.connector = "filesystem";
  auto reader = FilesystemConnectorFactory().createSource(testing::contextFor(node));
  EXPECT_EQ(testing::readAll(*reader, typesOf(fields)), (std::vector<std::string>{"+I[1, x]"}));
}

}  // namespace
}  // namespace sluice::connectors
