// Flink's JSON changelog formats read from files: debezium-json (with and without the schema
// envelope), canal-json (row arrays, partial "old" images, DDL events, include filters) and
// maxwell-json, each giving +I / -U,+U / -D rows; bad records fail with "path:line:column" or are
// skipped and counted with the format's ignore-parse-errors option.
#include <gtest/gtest.h>

#include "connector_test_fixtures.h"

namespace sluice::connectors {
namespace {

std::vector<artifact::Field> productFields() {
  return {{"id", DataType::integer()}, {"name", DataType::string()}, {"w", DataType::doubleType()}};
}

class ChangelogFile : public testing::FormatFileTest {
 protected:
  ChangelogFile() : FormatFileTest("json") {}

  // The fixture's read() keeps 'format' = 'json'; this one reads `text` in `format`.
  std::vector<std::string> readAs(const std::string& format, const std::string& text,
                                  Options extra = {}) {
    path_ = scratch_.write("input.json", text);
    Options options = {{"connector", "filesystem"}, {"path", path_}, {"format", format}};
    options.insert(extra.begin(), extra.end());
    node_ = testing::tableNode(artifact::NodeKind::Source, "src", productFields(), options);
    reader_ = FilesystemConnectorFactory().createSource(testing::contextFor(node_));
    return testing::readAll(*reader_, testing::typesOf(productFields()));
  }
  std::string failureAs(const std::string& format, const std::string& text, Options extra = {}) {
    try {
      readAs(format, text, std::move(extra));
    } catch (const runtime::ConnectorError& e) {
      std::string message = e.what();
      const std::string directory = scratch_.path() + "/";
      if (message.starts_with(directory)) message.erase(0, directory.size());
      return message;
    }
    return "(no error)";
  }
};

TEST_F(ChangelogFile, DebeziumOpsGiveInsertsUpdatesAndDeletes) {
  const std::string text =
      R"({"before": null, "after": {"id": 1, "name": "a", "w": 1.5}, "op": "c"})"
      "\n"
      R"({"before": null, "after": {"id": 2, "name": "b"}, "op": "r"})"
      "\n"
      R"({"before": {"id": 1, "name": "a", "w": 1.5}, "after": {"id": 1, "name": "a2", "w": 2}, "op": "u"})"
      "\n\n"
      R"({"before": {"id": 2, "name": "b"}, "after": null, "op": "d"})"
      "\n";
  // A batch of 4 rows: the update's -U and +U straddle two batches.
  EXPECT_EQ(
      readAs("debezium-json", text + text),
      (std::vector<std::string>{
          "+I[1, a, 1.5]", "+I[2, b, null]", "-U[1, a, 1.5]", "+U[1, a2, 2.0]", "-D[2, b, null]",
          "+I[1, a, 1.5]", "+I[2, b, null]", "-U[1, a, 1.5]", "+U[1, a2, 2.0]", "-D[2, b, null]"}));
}

TEST_F(ChangelogFile, DebeziumSchemaEnvelope) {
  const std::string record =
      R"({"schema": {"type": "struct"}, "payload": {"before": null, "after": {"id": 7}, "op": "c"}})"
      "\n";
  EXPECT_EQ(readAs("debezium-json", record, {{"debezium-json.schema-include", "true"}}),
            (std::vector<std::string>{"+I[7, null, null]"}));
  EXPECT_EQ(failureAs("debezium-json", record),
            "input.json:1:1: Debezium record holds a \"schema\" and a \"payload\": set "
            "'debezium-json.schema-include' = 'true' to read it");
}

TEST_F(ChangelogFile, DebeziumBadRecordsNameLineAndColumn) {
  EXPECT_EQ(failureAs("debezium-json",
                      "{\"after\": {\"id\": 1}, \"op\": \"c\"}\n{\"after\": {}, \"op\": \"x\"}\n"),
            "input.json:2:21: unknown \"op\" value \"x\" in Debezium record (expected c, r, u or "
            "d)");
  EXPECT_EQ(failureAs("debezium-json", "{\"before\": null, \"op\": \"d\"}\n"),
            "input.json:1:12: the \"before\" field of a Debezium DELETE record is null; with the "
            "Debezium Postgres connector, set the table's REPLICA IDENTITY to FULL");
  EXPECT_EQ(failureAs("debezium-json", "{\"after\": {\"id\": \"one\"}, \"op\": \"c\"}\n"),
            "input.json:1:11: cannot parse 'one' as INT (field id) in \"after\"");
  EXPECT_EQ(failureAs("debezium-json", "{\"after\": {\"id\": 1}, \"op\": c}\n").substr(0, 45),
            "input.json:1:28: invalid JSON in Debezium rec");
}

TEST_F(ChangelogFile, IgnoreParseErrorsSkipsAndCounts) {
  EXPECT_EQ(
      readAs("debezium-json", "{oops\n{\"after\": {\"id\": 1}, \"op\": \"c\"}\n{\"op\": \"t\"}\n",
             {{"debezium-json.ignore-parse-errors", "true"}}),
      (std::vector<std::string>{"+I[1, null, null]"}));
  EXPECT_EQ(reader_->skippedRows(), 2);
}

TEST_F(ChangelogFile, CanalArraysAndPartialOldImages) {
  const std::string text =
      R"({"data": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}], "old": null, "type": "INSERT", "database": "db", "table": "p"})"
      "\n"
      R"({"data": [{"id": 1, "name": "a2", "w": 3}], "old": [{"name": "a", "w": null}], "type": "UPDATE", "database": "db", "table": "p"})"
      "\n"
      R"({"data": null, "type": "CREATE", "isDdl": true, "sql": "CREATE TABLE p"})"
      "\n"
      R"({"data": [{"id": 2, "name": "b"}], "type": "DELETE", "database": "db", "table": "p"})"
      "\n"
      R"({"data": [{"id": 9}], "type": "INSERT", "database": "other", "table": "p"})"
      "\n";
  EXPECT_EQ(readAs("canal-json", text, {{"canal-json.database.include", "d."}}),
            (std::vector<std::string>{"+I[1, a, null]", "+I[2, b, null]", "-U[1, a, null]",
                                      "+U[1, a2, 3.0]", "-D[2, b, null]"}));
  EXPECT_EQ(failureAs("canal-json", R"({"data": [], "type": "ALTER"})"),
            "input.json:1:22: unknown \"type\" value \"ALTER\" in Canal record (expected INSERT, "
            "UPDATE or DELETE)");
}

TEST_F(ChangelogFile, MaxwellRows) {
  const std::string text =
      R"({"database": "db", "table": "p", "type": "insert", "data": {"id": 1, "name": "a"}})"
      "\n"
      R"({"type": "update", "data": {"id": 1, "name": "a2"}, "old": {"name": "a"}})"
      "\n"
      R"({"type": "delete", "data": {"id": 1, "name": "a2"}})"
      "\n";
  EXPECT_EQ(readAs("maxwell-json", text),
            (std::vector<std::string>{"+I[1, a, null]", "-U[1, a, null]", "+U[1, a2, null]",
                                      "-D[1, a2, null]"}));
}

}  // namespace
}  // namespace sluice::connectors
