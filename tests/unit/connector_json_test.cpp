// The 'json' format as Flink reads and writes it: one object per line, nested rows, arrays and
// maps, missing fields, bad JSON failing with "path:line:column", and the encoder's output.
#include <gtest/gtest.h>

#include "connector_test_fixtures.h"
#include "connectors/filesystem/filesystem_connector.h"
#include "connectors/format/json_row_decoder.h"
#include "connectors/format/json_row_encoder.h"

namespace sluice::connectors {
namespace {

using runtime::Value;
using Options = std::map<std::string, std::string>;

std::vector<artifact::Field> orderFields() {
  return {{"id", DataType::bigInt()},
          {"name", DataType::string()},
          {"ts", DataType::timestamp(3)},
          {"price", DataType::decimal(10, 2)}};
}

class JsonFile : public testing::FormatFileTest {
 protected:
  JsonFile() : FormatFileTest("json") {}
};

TEST_F(JsonFile, ReadsFieldsByNameIgnoringExtraOnesAndMissingOnesAreNull) {
  const auto rows = read(
      "{\"id\": 1, \"name\": \"a\", \"ts\": \"2026-01-01 00:00:05.000\", \"price\": 9.99}\n"
      "{\"price\": \"12.5\", \"id\": \"2\", \"other\": [1, 2]}\n"
      "{\"id\": 3, \"name\": {\"nested\": true}, \"ts\": null}\n",
      orderFields());
  EXPECT_EQ(rows, (std::vector<std::string>{"+I[1, a, 2026-01-01 00:00:05.000, 9.99]",
                                            "+I[2, null, null, 12.50]",
                                            "+I[3, {\"nested\":true}, null, null]"}));
}

TEST_F(JsonFile, ReadsNestedRowsArraysAndMaps) {
  const std::vector<artifact::Field> fields = {
      {"r",
       DataType::row({{"x", DataType::integer()}, {"tags", DataType::array(DataType::string())}})},
      {"m", DataType::map(DataType::string(), DataType::doubleType())},
      {"ok", DataType::boolean()}};
  EXPECT_EQ(
      read("{\"r\": {\"x\": 7, \"tags\": [\"a\", null]}, \"m\": {\"k\": 1.5}, \"ok\": true}\n",
           fields),
      (std::vector<std::string>{"+I[(7, [a, null]), {k=1.5}, TRUE]"}));
}

TEST_F(JsonFile, IsoTimestampsWithTheIsoStandard) {
  EXPECT_EQ(read("{\"id\": 1, \"ts\": \"2026-01-01T00:00:05.120\"}\n", orderFields(),
                 {{"json.timestamp-format.standard", "ISO-8601"}}),
            (std::vector<std::string>{"+I[1, null, 2026-01-01 00:00:05.120, null]"}));
}

TEST_F(JsonFile, MalformedJsonNamesLineAndColumn) {
  EXPECT_EQ(failure("{\"id\": 1}\n{\"id\": 2, \"name\": x}\n", orderFields()),
            "input.json:2:19: invalid JSON: syntax error while parsing value - invalid literal; "
            "last read: '\"name\": x'");
  EXPECT_EQ(failure("{\"id\": 1", orderFields()).substr(0, 60),
            "input.json:1:9: invalid JSON: syntax error while parsing obj");
}

TEST_F(JsonFile, ValueOfTheWrongTypeNamesTheColumnOfTheValue) {
  EXPECT_EQ(failure("{\"id\": 1,  \"ts\": 5}\n", orderFields()),
            "input.json:1:18: cannot read JSON number as TIMESTAMP(3) (field ts)");
  EXPECT_EQ(failure("{\"id\": \"one\"}\n", orderFields()),
            "input.json:1:8: cannot parse 'one' as BIGINT (field id)");
  EXPECT_EQ(failure("[1, 2]\n", orderFields()),
            "input.json:1:1: expected a JSON object but found array");
}

TEST_F(JsonFile, FailOnMissingField) {
  EXPECT_EQ(failure("{\"id\": 1}\n", orderFields(), {{"json.fail-on-missing-field", "true"}}),
            "input.json:1:1: field 'name' is missing");
}

TEST_F(JsonFile, IgnoreParseErrorsSkipsAndCountsBadRows) {
  EXPECT_EQ(read("{\"id\": 1}\n{oops\n{\"id\": \"x\"}\n{\"id\": 4}\n", orderFields(),
                 {{"json.ignore-parse-errors", "true"}}),
            (std::vector<std::string>{"+I[1, null, null, null]", "+I[4, null, null, null]"}));
  EXPECT_EQ(reader_->skippedRows(), 2);
}

TEST(JsonMemberOffset, FindsTopLevelMembersOnly) {
  const std::string text = R"({"a": {"b": 1}, "b" : "x,}", "c":[1,{"d":2}], "d": 4})";
  EXPECT_EQ(jsonMemberValueOffset(text, "b"), text.find("\"x,}\""));
  EXPECT_EQ(jsonMemberValueOffset(text, "d"), text.find('4'));
  EXPECT_EQ(jsonMemberValueOffset(text, "missing"), 0u);
}

TEST(JsonEncoder, WritesCompactObjectsInSchemaOrder) {
  const Options options = {{"json.map-null-key.mode", "LITERAL"}};
  const std::vector<artifact::Field> fields = {
      {"id", DataType::bigInt()},     {"name", DataType::string()},
      {"ts", DataType::timestamp(3)}, {"price", DataType::decimal(10, 2)},
      {"x", DataType::doubleType()},  {"m", DataType::map(DataType::string(), DataType::integer())},
      {"b", DataType::bytes()}};
  FormatContext context{TableOptions(options, "t"), "json.", fields, runtime::TimeZone::utc()};
  JsonRowEncoder encoder(context);
  std::string out;
  encoder.encode({Value::ofInteger(1), Value::ofBytes("a\"b\n"), Value::ofInteger(5'120'000),
                  Value::ofInteger(999), Value::ofReal(1e10),
                  Value::ofChildren({Value::null(), Value::ofInteger(1)}), Value::ofBytes("hi")},
                 out);
  EXPECT_EQ(out, R"({"id":1,"name":"a\"b\n","ts":"1970-01-01 00:00:05.12","price":9.99,"x":1.0E10,)"
                 R"("m":{"null":1},"b":"aGk="})");
}

TEST(JsonEncoder, NullMapKeyFailsByDefault) {
  const Options options;
  const std::vector<artifact::Field> fields = {
      {"m", DataType::map(DataType::string(), DataType::integer())}};
  FormatContext context{TableOptions(options, "t"), "json.", fields, runtime::TimeZone::utc()};
  std::string out;
  EXPECT_THROW(JsonRowEncoder(context).encode(
                   {Value::ofChildren({Value::null(), Value::ofInteger(1)})}, out),
               runtime::ConnectorError);
}

}  // namespace
}  // namespace sluice::connectors
