// The 'csv' format as Flink reads it: quotes, escapes, the null literal, comments, nested values,
// and bad rows failing with "path:line:column" or skipped with 'csv.ignore-parse-errors'.
#include <gtest/gtest.h>

#include "connector_test_fixtures.h"
#include "connectors/filesystem/filesystem_connector.h"
#include "connectors/format/csv_row_decoder.h"
#include "connectors/format/csv_row_encoder.h"

namespace sluice::connectors {
namespace {

using Options = std::map<std::string, std::string>;

std::vector<artifact::Field> intStringTimestamp() {
  return {{"a", DataType::integer()}, {"b", DataType::string()}, {"ts", DataType::timestamp(3)}};
}

class CsvFile : public testing::FormatFileTest {
 protected:
  CsvFile() : FormatFileTest("csv") {}
};

TEST_F(CsvFile, ReadsValuesOfEachColumnType) {
  EXPECT_EQ(read("1,abc,2026-01-01 00:00:05\n-7,x y,2026-01-01 00:00:05.5\n", intStringTimestamp()),
            (std::vector<std::string>{"+I[1, abc, 2026-01-01 00:00:05.000]",
                                      "+I[-7, x y, 2026-01-01 00:00:05.500]"}));
}

TEST_F(CsvFile, QuotedValuesHoldDelimitersDoubledQuotesAndLineBreaks) {
  const auto rows =
      read("1,\"a,b\",\n2,\"say \"\"hi\"\"\",\n3,\"two\nlines\",\n", intStringTimestamp());
  EXPECT_EQ(rows, (std::vector<std::string>{"+I[1, a,b, null]", "+I[2, say \"hi\", null]",
                                            "+I[3, two\nlines, null]"}));
}

TEST_F(CsvFile, EmptyValueIsNullExceptForStrings) {
  EXPECT_EQ(read(",,\n", intStringTimestamp()), (std::vector<std::string>{"+I[null, , null]"}));
  EXPECT_EQ(read("\"\",\"\",\n", intStringTimestamp()),
            (std::vector<std::string>{"+I[null, , null]"}));
}

TEST_F(CsvFile, NullLiteralIsNullForEveryType) {
  EXPECT_EQ(read("N/A,N/A,N/A\n", intStringTimestamp(), {{"csv.null-literal", "N/A"}}),
            (std::vector<std::string>{"+I[null, null, null]"}));
}

TEST_F(CsvFile, EscapeCharacterTakesTheNextCharacterLiterally) {
  EXPECT_EQ(
      read("1,a\\,b\\tc,\n2,\"q\\\"q\",\n", intStringTimestamp(), {{"csv.escape-character", "\\"}}),
      (std::vector<std::string>{"+I[1, a,b\tc, null]", "+I[2, q\"q, null]"}));
}

TEST_F(CsvFile, CommentsAndBlankLinesAreSkipped) {
  EXPECT_EQ(
      read("# header\n1,a,\n\n2,b,\n", intStringTimestamp(), {{"csv.allow-comments", "true"}}),
      (std::vector<std::string>{"+I[1, a, null]", "+I[2, b, null]"}));
}

TEST_F(CsvFile, OtherDelimiterAndNoQuoteCharacter) {
  EXPECT_EQ(read("1|\"x\"|\r\n", intStringTimestamp(),
                 {{"csv.field-delimiter", "|"}, {"csv.disable-quote-character", "true"}}),
            (std::vector<std::string>{"+I[1, \"x\", null]"}));
}

TEST_F(CsvFile, ArraysAndRowsUseTheArrayElementDelimiter) {
  const std::vector<artifact::Field> fields = {
      {"xs", DataType::array(DataType::integer())},
      {"r", DataType::row({{"n", DataType::integer()}, {"s", DataType::string()}})}};
  EXPECT_EQ(read("1;2;;3,7;seven\n", fields),
            (std::vector<std::string>{"+I[[1, 2, null, 3], (7, seven)]"}));
  EXPECT_EQ(read("1|2,7|x\n", fields, {{"csv.array-element-delimiter", "|"}}),
            (std::vector<std::string>{"+I[[1, 2], (7, x)]"}));
}

TEST_F(CsvFile, WrongFieldCountNamesLineAndColumn) {
  EXPECT_EQ(failure("1,a,\n2,b\n", intStringTimestamp()),
            "input.csv:2:4: expected 3 fields but found 2");
  EXPECT_EQ(failure("1,a,,extra\n", intStringTimestamp()),
            "input.csv:1:6: expected 3 fields but found 4");
}

TEST_F(CsvFile, UnparseableValueNamesTheColumnWhereTheFieldStarts) {
  EXPECT_EQ(failure("1,a,\n22,\"b\",2026-13-01\n", intStringTimestamp()),
            "input.csv:2:8: cannot parse '2026-13-01' as TIMESTAMP(3) (column ts)");
  EXPECT_EQ(failure("x,a,\n", intStringTimestamp()),
            "input.csv:1:1: cannot parse 'x' as INT (column a)");
}

TEST_F(CsvFile, ErrorsInsideMultiLineRecordsCountTheLines) {
  EXPECT_EQ(failure("1,\"a\nb\",oops\n", intStringTimestamp()),
            "input.csv:2:4: cannot parse 'oops' as TIMESTAMP(3) (column ts)");
  EXPECT_EQ(failure("1,\"never closed\n2,b,\n", intStringTimestamp()),
            "input.csv:1:3: missing closing quote");
}

TEST_F(CsvFile, IgnoreParseErrorsSkipsAndCountsBadRows) {
  EXPECT_EQ(
      read("1,a,\nx,b,\n3,c\n4,d,\n", intStringTimestamp(), {{"csv.ignore-parse-errors", "true"}}),
      (std::vector<std::string>{"+I[1, a, null]", "+I[4, d, null]"}));
  EXPECT_EQ(reader_->skippedRows(), 2);
}

TEST_F(CsvFile, MapColumnsAreRefused) {
  EXPECT_NE(failure("", {{"m", DataType::map(DataType::string(), DataType::integer())}})
                .find("MAP has no CSV form"),
            std::string::npos);
}

TEST(CsvEncoder, QuotesTextAsJacksonsLooseCheckDoes) {
  const Options options;
  const std::vector<artifact::Field> fields = {{"a", DataType::integer()},
                                               {"s", DataType::string()},
                                               {"ts", DataType::timestamp(3)},
                                               {"d", DataType::decimal(10, 8)},
                                               {"xs", DataType::array(DataType::string())}};
  FormatContext context{TableOptions(options, "t"), "csv.", fields, runtime::TimeZone::utc()};
  CsvRowEncoder encoder(context);
  using runtime::Value;
  std::string out;
  encoder.encode({Value::ofInteger(-1), Value::ofBytes("plain"), Value::ofInteger(5'000'000),
                  Value::ofInteger(12), Value::ofChildren({Value::ofBytes("x"), Value::null()})},
                 out);
  EXPECT_EQ(out, "-1,plain,\"1970-01-01 00:00:05\",1.2E-7,x;");
  out.clear();
  encoder.encode(
      {Value::null(), Value::ofBytes("a \"b\", c"), Value::null(), Value::null(), Value::null()},
      out);
  EXPECT_EQ(out, ",\"a \"\"b\"\", c\",,,");
}

}  // namespace
}  // namespace sluice::connectors
