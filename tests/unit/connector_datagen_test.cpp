// The datagen source: sequences split across subtasks, random values within their options,
// repeatable values with a seed, shares of 'number-of-rows', and the rows-per-second throttle.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "connector_test_fixtures.h"
#include "connectors/datagen/datagen_connector.h"

namespace sluice::connectors {
namespace {

using Options = std::map<std::string, std::string>;

std::vector<DataType> typesOf(const artifact::Node& node) {
  return testing::typesOf(node.schema);
}

artifact::Node datagenNode(std::vector<artifact::Field> fields, Options extra) {
  Options options = {{"connector", "datagen"}, {"rows-per-second", "1000000000"}};
  for (auto& [key, value] : extra) options[key] = value;
  return testing::tableNode(artifact::NodeKind::Source, "gen", std::move(fields), options);
}

std::vector<std::string> generate(const artifact::Node& node, int subtask = 0,
                                  int parallelism = 1) {
  auto reader =
      DatagenConnectorFactory().createSource(testing::contextFor(node, subtask, parallelism));
  return testing::readAll(*reader, typesOf(node), 3);
}

TEST(Datagen, SequenceYieldsEachValueOnceThenEnds) {
  const auto node = datagenNode({{"id", DataType::bigInt()}, {"s", DataType::string()}},
                                {{"fields.id.kind", "sequence"},
                                 {"fields.id.start", "1"},
                                 {"fields.id.end", "5"},
                                 {"fields.s.kind", "sequence"},
                                 {"fields.s.start", "10"},
                                 {"fields.s.end", "100"}});
  EXPECT_EQ(generate(node), (std::vector<std::string>{"+I[1, 10]", "+I[2, 11]", "+I[3, 12]",
                                                      "+I[4, 13]", "+I[5, 14]"}));
}

TEST(Datagen, SequenceIsSplitAmongSubtasks) {
  const auto node = datagenNode(
      {{"id", DataType::integer()}},
      {{"fields.id.kind", "sequence"}, {"fields.id.start", "1"}, {"fields.id.end", "10"}});
  EXPECT_EQ(generate(node, 0, 3), (std::vector<std::string>{"+I[1]", "+I[4]", "+I[7]", "+I[10]"}));
  EXPECT_EQ(generate(node, 1, 3), (std::vector<std::string>{"+I[2]", "+I[5]", "+I[8]"}));
  EXPECT_EQ(generate(node, 2, 3), (std::vector<std::string>{"+I[3]", "+I[6]", "+I[9]"}));
  const auto few = datagenNode(
      {{"id", DataType::integer()}},
      {{"fields.id.kind", "sequence"}, {"fields.id.start", "1"}, {"fields.id.end", "2"}});
  EXPECT_TRUE(generate(few, 2, 3).empty());
}

TEST(Datagen, NumberOfRowsIsSharedWithTheRemainderFirst) {
  const auto node = datagenNode({{"b", DataType::boolean()}}, {{"number-of-rows", "10"}});
  EXPECT_EQ(generate(node, 0, 3).size(), 4u);
  EXPECT_EQ(generate(node, 1, 3).size(), 3u);
  EXPECT_EQ(generate(node, 2, 3).size(), 3u);
}

TEST(Datagen, RandomValuesStayWithinTheirOptions) {
  const auto node = datagenNode({{"n", DataType::integer()},
                                 {"s", DataType::string()},
                                 {"d", DataType::decimal(5, 2)},
                                 {"x", DataType::doubleType()},
                                 {"v", DataType::varchar(4)},
                                 {"z", DataType::bigInt()}},
                                {{"number-of-rows", "200"},
                                 {"fields.n.min", "-3"},
                                 {"fields.n.max", "3"},
                                 {"fields.s.length", "7"},
                                 {"fields.d.min", "-1.5"},
                                 {"fields.d.max", "1.5"},
                                 {"fields.x.min", "10"},
                                 {"fields.x.max", "20"},
                                 {"fields.z.null-rate", "1"},
                                 {"sqlc.datagen.seed", "7"}});
  auto reader = DatagenConnectorFactory().createSource(testing::contextFor(node));
  std::set<int64_t> seen;
  int rows = 0;
  while (true) {
    runtime::Batch batch(typesOf(node), 64);
    if (reader->read(batch) == runtime::ReadStatus::End) break;
    for (int r = 0; r < batch.size(); ++r, ++rows) {
      const int64_t n = runtime::readValue(batch.column(0), r).integer;
      EXPECT_TRUE(n >= -3 && n <= 3) << n;
      seen.insert(n);
      const std::string s = runtime::readValue(batch.column(1), r).bytes;
      EXPECT_EQ(s.size(), 7u);
      EXPECT_EQ(s.find_first_not_of("0123456789abcdef"), std::string::npos) << s;
      const int64_t unscaled = runtime::readValue(batch.column(2), r).integer;
      EXPECT_TRUE(unscaled >= -150 && unscaled <= 150) << unscaled;
      const double x = runtime::readValue(batch.column(3), r).real;
      EXPECT_TRUE(x >= 10 && x <= 20) << x;
      EXPECT_EQ(runtime::readValue(batch.column(4), r).bytes.size(), 4u);
      EXPECT_TRUE(batch.column(5).isNull(r));
    }
  }
  EXPECT_EQ(rows, 200);
  EXPECT_EQ(seen.size(), 7u);
}

TEST(Datagen, NestedTypesGetDefaultGenerators) {
  const auto node = datagenNode(
      {{"r", DataType::row({{"a", DataType::integer()}, {"t", DataType::timestamp(3)}})},
       {"xs", DataType::array(DataType::smallInt())},
       {"m", DataType::map(DataType::integer(), DataType::string())}},
      {{"number-of-rows", "5"},
       {"fields.r.a.min", "5"},
       {"fields.r.a.max", "5"},
       {"fields.xs.length", "2"},
       {"fields.m.key.min", "1"},
       {"fields.m.key.max", "1"},
       {"fields.m.value.length", "1"}});
  auto reader = DatagenConnectorFactory().createSource(testing::contextFor(node));
  runtime::Batch batch(typesOf(node), 8);
  ASSERT_EQ(reader->read(batch), runtime::ReadStatus::Data);
  ASSERT_EQ(batch.size(), 5);
  const runtime::Value row = runtime::readValue(batch.column(0), 4);
  EXPECT_EQ(row.children[0].integer, 5);
  EXPECT_GT(row.children[1].integer, 1'700'000'000'000'000);  // now, in microseconds
  EXPECT_EQ(runtime::readValue(batch.column(1), 4).children.size(), 2u);
  EXPECT_EQ(runtime::readValue(batch.column(2), 4).children.size(), 2u);  // one key, one value
}

TEST(Datagen, SeedMakesValuesRepeatablePerSubtask) {
  const auto node = datagenNode({{"n", DataType::bigInt()}, {"s", DataType::varchar(10)}},
                                {{"number-of-rows", "20"}, {"sqlc.datagen.seed", "42"}});
  EXPECT_EQ(generate(node, 0, 2), generate(node, 0, 2));
  EXPECT_NE(generate(node, 0, 2), generate(node, 1, 2));
  const auto other = datagenNode({{"n", DataType::bigInt()}, {"s", DataType::varchar(10)}},
                                 {{"number-of-rows", "20"}, {"sqlc.datagen.seed", "43"}});
  EXPECT_NE(generate(node, 0, 2), generate(other, 0, 2));
}

TEST(Datagen, ThrottlesToRowsPerSecond) {
  const auto node =
      testing::tableNode(artifact::NodeKind::Source, "gen", {{"n", DataType::integer()}},
                         {{"connector", "datagen"}, {"rows-per-second", "2"}});
  auto reader = DatagenConnectorFactory().createSource(testing::contextFor(node));
  runtime::Batch first({DataType::integer()}, 100);
  EXPECT_EQ(reader->read(first), runtime::ReadStatus::Data);
  EXPECT_EQ(first.size(), 1);  // only the first row is due at once
  runtime::Batch second({DataType::integer()}, 100);
  EXPECT_EQ(reader->read(second), runtime::ReadStatus::Idle);
  EXPECT_EQ(second.size(), 0);
}

TEST(Datagen, BadOptionsFailWithTheKey) {
  const auto node = datagenNode({{"id", DataType::integer()}}, {{"fields.id.kind", "sequence"}});
  try {
    generate(node);
    FAIL() << "expected a ConnectorError";
  } catch (const runtime::ConnectorError& e) {
    EXPECT_STREQ(e.what(),
                 "datagen table gen: sequence field id needs options 'fields.id.start' and "
                 "'fields.id.end'");
  }
  const auto badMin = datagenNode({{"id", DataType::tinyInt()}}, {{"fields.id.min", "-500"}});
  EXPECT_THROW(generate(badMin), runtime::ConnectorError);
}

}  // namespace
}  // namespace sluice::connectors
