// The connector option catalog as a user meets it at `sqlc check`: real WITH clauses (the Nexmark
// suite's, Flink's documented examples, Blink jobs) pass; mistakes are refused by name with a
// suggestion.
#include "compiler/catalog/connector_registry.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

namespace sluice {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

const ConnectorRegistry& registry() {
  static const ConnectorRegistry builtins = ConnectorRegistry::withBuiltins();
  return builtins;
}

std::vector<std::string> messages(const Options& options) {
  std::vector<std::string> out;
  for (const auto& problem : registry().validate(options)) out.push_back(problem.message);
  return out;
}

// A Kafka table as the Nexmark suite's ddl_kafka.sql declares it.
Options nexmarkKafka() {
  return {{"connector", "kafka"},
          {"topic", "nexmark"},
          {"properties.bootstrap.servers", "localhost:9092"},
          {"properties.group.id", "nexmark"},
          {"scan.startup.mode", "earliest-offset"},
          {"sink.partitioner", "round-robin"},
          {"format", "json"}};
}

Options with(Options options, std::string key, std::string value) {
  options.emplace_back(std::move(key), std::move(value));
  return options;
}

Options without(Options options, const std::string& key) {
  std::erase_if(options, [&](const auto& option) { return option.first == key; });
  return options;
}

TEST(ConnectorRegistryTest, NexmarkGeneratorOptionsAreAccepted) {
  Options ddl = {{"connector", "nexmark"},        {"first-event.rate", "10000000"},
                 {"next-event.rate", "10000000"}, {"events.num", "100000000"},
                 {"person.proportion", "2"},      {"auction.proportion", "6"},
                 {"bid.proportion", "92"}};
  EXPECT_EQ(messages(ddl), std::vector<std::string>{});
  EXPECT_EQ(messages(with(ddl, "rate.shape", "sine")), std::vector<std::string>{});
}

TEST(ConnectorRegistryTest, NexmarkKafkaTableWithJsonFormatIsAccepted) {
  EXPECT_EQ(messages(nexmarkKafka()), std::vector<std::string>{});
  EXPECT_EQ(messages(with(nexmarkKafka(), "json.ignore-parse-errors", "true")),
            std::vector<std::string>{});
}

TEST(ConnectorRegistryTest, KeyAndValueFormatOptionsCarryTheirPrefix) {
  Options ddl = {{"connector", "kafka"},
                 {"topic", "user_behavior"},
                 {"properties.bootstrap.servers", "localhost:9092"},
                 {"key.format", "json"},
                 {"key.json.ignore-parse-errors", "true"},
                 {"key.fields", "user_id;item_id"},
                 {"value.format", "json"},
                 {"value.json.fail-on-missing-field", "false"},
                 {"value.fields-include", "EXCEPT_KEY"}};
  EXPECT_EQ(messages(ddl), std::vector<std::string>{});
  EXPECT_EQ(messages(with(ddl, "json.fail-on-missing-field", "false")),
            (std::vector<std::string>{"unsupported option 'json.fail-on-missing-field' for "
                                      "connector 'kafka'; did you mean "
                                      "'key.json.fail-on-missing-field'"}));
}

TEST(ConnectorRegistryTest, MistypedKeyIsRefusedWithSuggestion) {
  auto problems = registry().validate(
      with(without(nexmarkKafka(), "scan.startup.mode"), "scan.startup.mod", "earliest-offset"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "scan.startup.mod");
  EXPECT_EQ(problems[0].message,
            "unsupported option 'scan.startup.mod' for connector 'kafka'; did you mean "
            "'scan.startup.mode'");

  EXPECT_EQ(messages(with(nexmarkKafka(), "propertes.client.id", "q1")),
            std::vector<std::string>{"unsupported option 'propertes.client.id' for connector "
                                     "'kafka'; did you mean 'properties.client.id'"});
  EXPECT_EQ(messages(with(nexmarkKafka(), "json.ignore-parse-error", "true")),
            std::vector<std::string>{"unsupported option 'json.ignore-parse-error' for format "
                                     "'json'; did you mean 'json.ignore-parse-errors'"});
}

TEST(ConnectorRegistryTest, FlinkKeysAreCaseSensitive) {
  EXPECT_EQ(messages(with(nexmarkKafka(), "Sink.Parallelism", "2")),
            std::vector<std::string>{"unsupported option 'Sink.Parallelism' for connector "
                                     "'kafka'; did you mean 'sink.parallelism'"});
}

TEST(ConnectorRegistryTest, OptionOfAnotherFormatIsNamedAsSuch) {
  EXPECT_EQ(messages(with(nexmarkKafka(), "csv.field-delimiter", "|")),
            std::vector<std::string>{"unsupported option 'csv.field-delimiter' for connector "
                                     "'kafka'; it belongs to format 'csv', which 'format' does "
                                     "not select"});
}

TEST(ConnectorRegistryTest, MissingRequiredKeyIsRefused) {
  auto problems = registry().validate(without(nexmarkKafka(), "properties.bootstrap.servers"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "");
  EXPECT_EQ(problems[0].message,
            "connector 'kafka' requires option 'properties.bootstrap.servers'");

  EXPECT_EQ(messages(without(nexmarkKafka(), "topic")),
            std::vector<std::string>{"connector 'kafka' requires option 'topic' or "
                                     "'topic-pattern'"});
  EXPECT_EQ(messages(with(without(nexmarkKafka(), "topic"), "topic-pattern", "nexmark-.*")),
            std::vector<std::string>{});
  EXPECT_EQ(messages(without(nexmarkKafka(), "format")),
            std::vector<std::string>{"connector 'kafka' requires option 'format' or "
                                     "'value.format'"});
  EXPECT_EQ(messages({{"connector", "filesystem"}, {"format", "csv"}}),
            std::vector<std::string>{"connector 'filesystem' requires option 'path'"});
}

TEST(ConnectorRegistryTest, MisspelledRequiredKeyIsReportedOnce) {
  // The suggestion already names the missing required key.
  EXPECT_EQ(messages({{"type", "sls"},
                      {"endPiont", "cn-hangzhou-intranet.log.aliyuncs.com"},
                      {"accessId", "id"},
                      {"accessKey", "key"},
                      {"project", "p"},
                      {"logStore", "l"}}),
            std::vector<std::string>{"unsupported option 'endPiont' for connector 'sls'; did you "
                                     "mean 'endPoint'"});
  // A misspelling that is itself a valid Kafka client property is pointed at.
  EXPECT_EQ(messages(with(without(nexmarkKafka(), "properties.bootstrap.servers"),
                          "properties.bootstrap.server", "localhost:9092")),
            std::vector<std::string>{"connector 'kafka' requires option "
                                     "'properties.bootstrap.servers'; did you misspell it as "
                                     "'properties.bootstrap.server'"});
}

TEST(ConnectorRegistryTest, EnumeratedValuesAreChecked) {
  EXPECT_EQ(
      messages(with(without(nexmarkKafka(), "scan.startup.mode"), "scan.startup.mode", "earliest")),
      std::vector<std::string>{"invalid value 'earliest' for option 'scan.startup.mode'; "
                               "did you mean 'earliest-offset'"});
  EXPECT_EQ(messages(with(nexmarkKafka(), "sink.delivery-guarantee", "twice")),
            std::vector<std::string>{"invalid value 'twice' for option "
                                     "'sink.delivery-guarantee'; expected 'at-least-once', "
                                     "'exactly-once' or 'none'"});
  // Values compare case-insensitively.
  EXPECT_EQ(messages(with(nexmarkKafka(), "value.fields-include", "all")),
            std::vector<std::string>{});
}

TEST(ConnectorRegistryTest, JdbcLookupTableTakesTheLookupCacheOptions) {
  Options ddl = {{"connector", "jdbc"},
                 {"url", "jdbc:mysql://localhost:3306/mydatabase"},
                 {"table-name", "users"},
                 {"lookup.cache", "PARTIAL"},
                 {"lookup.partial-cache.max-rows", "10000"},
                 {"lookup.partial-cache.expire-after-write", "10 min"},
                 {"lookup.partial-cache.cache-missing-key", "false"},
                 {"lookup.max-retries", "3"},
                 {"lookup.cache.max-rows", "5000"}};
  EXPECT_EQ(messages(ddl), std::vector<std::string>{});
  EXPECT_EQ(messages(with(without(ddl, "lookup.cache"), "lookup.cache", "SOME")),
            std::vector<std::string>{"invalid value 'SOME' for option 'lookup.cache'; expected "
                                     "'NONE', 'PARTIAL' or 'FULL'"});
}

TEST(ConnectorRegistryTest, FilesystemServesAsALookupAndAPartitionedSink) {
  // Nexmark q10's sink.
  Options q10 = {{"connector", "filesystem"},
                 {"path", "file:///tmp/nexmark/bid/"},
                 {"format", "csv"},
                 {"sink.partition-commit.trigger", "partition-time"},
                 {"sink.partition-commit.delay", "1 min"},
                 {"sink.partition-commit.policy.kind", "success-file"},
                 {"partition.time-extractor.timestamp-pattern", "$dt $hm:00"},
                 {"sink.rolling-policy.rollover-interval", "1min"},
                 {"sink.rolling-policy.check-interval", "1min"}};
  EXPECT_EQ(messages(q10), std::vector<std::string>{});
  EXPECT_EQ(messages({{"connector", "filesystem"},
                      {"path", "file:///tmp/side_input.txt"},
                      {"format", "csv"},
                      {"lookup.cache", "FULL"},
                      {"lookup.full-cache.reload-strategy", "PERIODIC"}}),
            std::vector<std::string>{});
}

TEST(ConnectorRegistryTest, AvroConfluentRequiresItsRegistryUrl) {
  Options ddl = {{"connector", "upsert-kafka"},
                 {"topic", "pageviews_per_region"},
                 {"properties.bootstrap.servers", "localhost:9092"},
                 {"key.format", "raw"},
                 {"value.format", "avro-confluent"}};
  EXPECT_EQ(messages(ddl), std::vector<std::string>{"format 'avro-confluent' requires option "
                                                    "'value.avro-confluent.url'"});
  EXPECT_EQ(messages(with(ddl, "value.avro-confluent.url", "http://localhost:8082")),
            std::vector<std::string>{});
}

TEST(ConnectorRegistryTest, LegacyFilesystemSideInputOfNexmarkQ13IsAccepted) {
  Options q13 = {{"connector.type", "filesystem"},
                 {"connector.path", "file:///opt/flink/data/side_input.txt"},
                 {"format.type", "csv"}};
  EXPECT_EQ(messages(q13), std::vector<std::string>{});
  EXPECT_EQ(messages(with(q13, "format.field-delimiter", ",")), std::vector<std::string>{});
  EXPECT_EQ(messages(without(q13, "connector.path")),
            std::vector<std::string>{"connector 'filesystem' requires option 'connector.path'"});
}

TEST(ConnectorRegistryTest, LegacyKafkaTableIsAccepted) {
  Options ddl = {{"connector.type", "kafka"},
                 {"connector.version", "0.11"},
                 {"connector.topic", "topic_name"},
                 {"update-mode", "append"},
                 {"format.type", "avro"},
                 {"connector.properties.0.key", "bootstrap.servers"},
                 {"connector.properties.0.value", "localhost:9092"},
                 {"connector.startup-mode", "earliest-offset"}};
  EXPECT_EQ(messages(ddl), std::vector<std::string>{});
  EXPECT_EQ(messages(with(without(ddl, "format.type"), "format.type", "jsn")),
            std::vector<std::string>{"unknown format 'jsn' in option 'format.type'; did you mean "
                                     "'json'"});
}

TEST(ConnectorRegistryTest, BlinkDatahubSourceIsAccepted) {
  Options ddl = {{"type", "datahub"},
                 {"endPoint", "http://dh-cn-hangzhou.aliyuncs.com"},
                 {"project", "blink_datahub_test"},
                 {"topic", "test_topic_1"},
                 {"accessId", "0i70RRFJXXXX"},
                 {"accessKey", "yF60EwURseo1UAn4NiXXXXXhCfHU"},
                 {"startTime", "2017-07-21 00:00:00"},
                 {"lengthCheck", "PAD"}};
  EXPECT_EQ(messages(ddl), std::vector<std::string>{});
  EXPECT_EQ(messages(without(ddl, "accessKey")),
            std::vector<std::string>{"connector 'datahub' requires option 'accessKey'"});
}

TEST(ConnectorRegistryTest, BlinkRdsDimensionTableIsAcceptedInAnyCase) {
  Options ddl = {
      {"type", "rds"},           {"url", "jdbc:mysql://rm-xxxx.mysql.rds.aliyuncs.com:3306/db"},
      {"tableName", "dim_user"}, {"userName", "blink"},
      {"password", "secret"},    {"cache", "LRU"},
      {"cacheSize", "10000"},    {"cacheTTLMs", "60000"}};
  EXPECT_EQ(messages(ddl), std::vector<std::string>{});

  Options shouted = {
      {"TYPE", "RDS"},           {"URL", "jdbc:mysql://rm-xxxx.mysql.rds.aliyuncs.com:3306/db"},
      {"TABLENAME", "dim_user"}, {"username", "blink"},
      {"Password", "secret"},    {"CACHE", "lru"},
      {"CACHESIZE", "10000"},    {"cachettlms", "60000"}};
  EXPECT_EQ(messages(shouted), std::vector<std::string>{});

  EXPECT_EQ(messages(with(ddl, "cacheSizes", "10")),
            std::vector<std::string>{"unsupported option 'cacheSizes' for connector 'rds'; did "
                                     "you mean 'cacheSize'"});
  EXPECT_EQ(messages(with(without(ddl, "cache"), "cache", "LFU")),
            std::vector<std::string>{"invalid value 'LFU' for option 'cache'; did you mean "
                                     "'LRU'"});
  EXPECT_EQ(messages(with(ddl, "CacheSize", "5")),
            std::vector<std::string>{"option 'CacheSize' is given more than once"});
}

TEST(ConnectorRegistryTest, BlinkKafkaAndHBaseTablesAreAccepted) {
  EXPECT_EQ(messages({{"type", "kafka010"},
                      {"topic", "orders"},
                      {"bootstrap.servers", "broker:9092"},
                      {"group.id", "blink"},
                      {"startupMode", "EARLIEST"},
                      {"security.protocol", "SASL_PLAINTEXT"}}),
            std::vector<std::string>{});
  EXPECT_EQ(messages({{"TYPE", "cloudhbase"},
                      {"zkQuorum", "zk1,zk2"},
                      {"tableName", "dim_seo"},
                      {"columnFamily", "cf"},
                      {"cache", "ALL"},
                      {"cacheReloadTimeBlackList", "2017-10-24 14:00 -> 2017-10-24 15:00"},
                      {"partitionedJoin", "true"}}),
            std::vector<std::string>{});
}

TEST(ConnectorRegistryTest, UnknownConnectorSuggestsTheNearestKnownOne) {
  auto problems = registry().validate({{"connector", "kafak"}, {"topic", "t"}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "");
  EXPECT_EQ(problems[0].message, "unknown connector 'kafak'; did you mean 'kafka'");

  EXPECT_EQ(messages({{"type", "datahubb"}}),
            std::vector<std::string>{"unknown connector 'datahubb'; did you mean 'datahub'"});
  EXPECT_EQ(messages({{"connector", "datahub"}}),
            std::vector<std::string>{"unknown connector 'datahub'; 'datahub' is a blink "
                                     "connector, declared with type = 'datahub'"});
  EXPECT_EQ(messages({{"type", "filesystem"}}),
            std::vector<std::string>{"unknown connector 'filesystem'; 'filesystem' is a flink "
                                     "connector, declared with 'connector' = 'filesystem'"});
}

TEST(ConnectorRegistryTest, UnknownFormatIsNamed) {
  auto problems =
      registry().validate(with(without(nexmarkKafka(), "format"), "format", "protobuff"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "format");
  EXPECT_EQ(problems[0].message, "unknown format 'protobuff' in option 'format'");
  // The unknown format's own options are not reported one by one.
  EXPECT_EQ(messages(with(with(without(nexmarkKafka(), "format"), "format", "jsn"),
                          "jsn.ignore-parse-errors", "true")),
            std::vector<std::string>{"unknown format 'jsn' in option 'format'; did you mean "
                                     "'json'"});
}

TEST(ConnectorRegistryTest, TableWithoutConnectorIsReported) {
  EXPECT_EQ(messages({{"path", "/tmp/x"}}),
            std::vector<std::string>{"table has no 'connector' option"});
}

TEST(ConnectorRegistryTest, ConnectorIdentifierIsFoundInEveryDialect) {
  EXPECT_EQ(ConnectorRegistry::connectorIdentifier(nexmarkKafka()), "kafka");
  EXPECT_EQ(ConnectorRegistry::connectorIdentifier({{"connector.type", "filesystem"}}),
            "filesystem");
  EXPECT_EQ(ConnectorRegistry::connectorIdentifier({{"endPoint", "x"}, {"Type", "sls"}}), "sls");
  EXPECT_EQ(ConnectorRegistry::connectorIdentifier({{"path", "/tmp"}}), std::nullopt);
}

TEST(ConnectorRegistryTest, LookupHonoursEachDialectsCaseRules) {
  EXPECT_NE(registry().findConnector("kafka", OptionDialect::Flink), nullptr);
  EXPECT_EQ(registry().findConnector("Kafka", OptionDialect::Flink), nullptr);
  EXPECT_NE(registry().findConnector("kafka", OptionDialect::FlinkLegacy), nullptr);
  EXPECT_NE(registry().findConnector("CloudHBase", OptionDialect::Blink), nullptr);
  EXPECT_NE(registry().findConnector("hbase-1.4", OptionDialect::Flink), nullptr);
  EXPECT_EQ(registry().findConnector("datahub", OptionDialect::Flink), nullptr);
  const ConnectorDescriptor* rds = registry().findConnector("RDS", OptionDialect::Blink);
  ASSERT_NE(rds, nullptr);
  EXPECT_TRUE(rds->roles & static_cast<unsigned>(ConnectorRole::Lookup));
  for (const char* format : {"csv", "json", "avro", "avro-confluent", "debezium-json", "canal-json",
                             "maxwell-json", "ogg-json", "raw", "parquet", "orc"}) {
    EXPECT_NE(registry().findFormat(format), nullptr) << format;
  }
}

TEST(ConnectorRegistryTest, AddConnectorReplacesASameNamedOne) {
  ConnectorRegistry custom = ConnectorRegistry::withBuiltins();
  custom.addConnector(ConnectorDescriptor{"print",
                                          OptionDialect::Flink,
                                          static_cast<unsigned>(ConnectorRole::Sink),
                                          {OptionSpec{"color", false, {}, "Print in color"}},
                                          false,
                                          {}});
  EXPECT_EQ(custom.validate({{"connector", "print"}, {"color", "red"}}).size(), 0u);
  EXPECT_EQ(custom.validate({{"connector", "print"}, {"print-identifier", "x"}}).size(), 1u);
}

// The tables themselves: no key declared twice by a connector (Blink's compared in any case), and
// every key a requiredOneOf group names declared.
TEST(ConnectorRegistryTest, BuiltinTablesAreWellFormed) {
  const char* names[] = {
      "kafka",     "upsert-kafka", "filesystem", "datagen",  "print",           "blackhole",
      "jdbc",      "hbase-1.4",    "hbase-2.2",  "mongodb",  "elasticsearch-6", "nexmark",
      "mysql-cdc", "postgres-cdc", "hbase",      "datahub",  "elasticsearch-7", "odps",
      "rds",       "mysql",        "oracle",     "adb30",    "adbpg",           "cloudhbase",
      "ots",       "tt",           "sls",        "mq",       "metaq",           "kafka08",
      "kafka010",  "kafka011",     "redis",      "hologres", "random",          "elasticsearch"};
  size_t found = 0;
  for (OptionDialect dialect :
       {OptionDialect::Flink, OptionDialect::FlinkLegacy, OptionDialect::Blink}) {
    auto normalized = [&](std::string key) {
      if (dialect == OptionDialect::Blink) {
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      return key;
    };
    for (const char* name : names) {
      const ConnectorDescriptor* connector = registry().findConnector(name, dialect);
      if (connector == nullptr) continue;
      ++found;
      std::set<std::string> keys;
      for (const auto& spec : connector->options) {
        EXPECT_TRUE(keys.insert(normalized(spec.key)).second)
            << name << " declares " << spec.key << " twice";
      }
      for (const auto& group : connector->requiredOneOf) {
        for (const auto& key : group) {
          EXPECT_TRUE(keys.count(normalized(key))) << name << " requires undeclared " << key;
        }
      }
    }
  }
  EXPECT_GE(found, 40u);
}

}  // namespace
}  // namespace sluice
