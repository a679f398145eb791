// Flink's print format for changelog rows, the print sink's prefixes, and the collector that
// `sqlc run` and the SQL run tests read sinks through.
#include <gtest/gtest.h>

#include "connector_test_fixtures.h"
#include "connectors/builtin_connectors.h"
#include "connectors/collect/changelog_collector.h"
#include "connectors/print/changelog_text.h"
#include "connectors/print/print_connector.h"

namespace sluice::connectors {
namespace {

using runtime::Value;

std::vector<artifact::Field> sampleFields() {
  return {{"id", DataType::integer()},
          {"name", DataType::string()},
          {"ts", DataType::timestamp(3)},
          {"r", DataType::row({{"x", DataType::integer()}, {"y", DataType::string()}})}};
}

runtime::Batch sampleBatch() {
  runtime::Batch batch = testing::batchOf(
      testing::typesOf(sampleFields()),
      {{Value::ofInteger(1), Value::ofBytes("abc"), Value::ofInteger(1'767'225'605'000'000),
        Value::ofChildren({Value::ofInteger(2), Value::null()})},
       {Value::null(), Value::null(), Value::null(), Value::null()}});
  batch.rowKinds()[1] = runtime::RowKind::UpdateBefore;
  return batch;
}

TEST(ChangelogText, FormatsRowKindsValuesAndNulls) {
  const runtime::Batch batch = sampleBatch();
  EXPECT_EQ(formatChangelogRow(batch, 0, runtime::TimeZone::utc()),
            "+I[1, abc, 2026-01-01 00:00:05.000, (2, null)]");
  EXPECT_EQ(formatChangelogRow(batch, 1, runtime::TimeZone::utc()), "-U[null, null, null, null]");
}

TEST(ChangelogText, TimestampLtzInTheSessionZone) {
  runtime::Batch batch({DataType::timestampLtz(3)}, 1);
  runtime::writeValue(batch.column(0), 0, Value::ofInteger(0), batch.arena());
  batch.rowKinds()[0] = runtime::RowKind::UpdateAfter;
  batch.setSize(1);
  EXPECT_EQ(formatChangelogRow(batch, 0, *runtime::TimeZone::forName("Asia/Shanghai")),
            "+U[1970-01-01 08:00:00.000]");
}

TEST(ChangelogText, PrintPrefixAsFlinkWritesIt) {
  EXPECT_EQ(printPrefix("", 0, 1), "");
  EXPECT_EQ(printPrefix("out", 0, 1), "out> ");
  EXPECT_EQ(printPrefix("out", 1, 4), "out:2> ");
  EXPECT_EQ(printPrefix("", 2, 4), "3> ");
}

TEST(PrintSink, WritesPrefixedLinesToStandardOutput) {
  const artifact::Node node =
      testing::tableNode(artifact::NodeKind::Sink, "db.out", sampleFields(),
                         {{"connector", "print"}, {"print-identifier", "sink"}});
  auto sink = PrintConnectorFactory().createSink(testing::contextFor(node, 1, 2));
  ::testing::internal::CaptureStdout();
  sink->write(sampleBatch());
  EXPECT_EQ(::testing::internal::GetCapturedStdout(),
            "sink:2> +I[1, abc, 2026-01-01 00:00:05.000, (2, null)]\n"
            "sink:2> -U[null, null, null, null]\n");
}

TEST(CollectSink, AddsLinesUnderTheTableShortName) {
  auto collector = std::make_shared<ChangelogCollector>();
  const runtime::ConnectorFactories factories = builtinConnectors(collector);
  const artifact::Node node = testing::tableNode(artifact::NodeKind::Sink, "cat.db.out",
                                                 sampleFields(), {{"connector", "collect"}});
  const artifact::Node select =
      testing::tableNode(artifact::NodeKind::Sink, "", sampleFields(), {{"connector", "collect"}});
  factories.find("collect")->createSink(testing::contextFor(node))->write(sampleBatch());
  factories.find("collect")->createSink(testing::contextFor(select))->write(sampleBatch());
  const auto rows = collector->rows();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::pair<std::string, std::string>{
                         "out", "+I[1, abc, 2026-01-01 00:00:05.000, (2, null)]"}));
  EXPECT_EQ(rows[1].first, "out");
  EXPECT_EQ(rows[3], (std::pair<std::string, std::string>{"", "-U[null, null, null, null]"}));
}

TEST(ChangelogCollector, EchoesAsThePrintSinkWould) {
  ChangelogCollector collector(true);
  ::testing::internal::CaptureStdout();
  collector.add("out", {"+I[1]", "-D[1]"});
  collector.add("", {"+I[2]"});
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "out> +I[1]\nout> -D[1]\n+I[2]\n");
  EXPECT_EQ(collector.rows().size(), 3u);
}

TEST(BuiltinConnectors, RegistersEveryNameAndBlinkAliases) {
  const runtime::ConnectorFactories factories = builtinConnectors(nullptr);
  for (const char* name : {"datagen", "filesystem", "print", "blackhole", "collect", "random"}) {
    EXPECT_NE(factories.find(name), nullptr) << name;
  }
}

}  // namespace
}  // namespace sluice::connectors
