// The connector factories the compiler knows, named by the table's 'connector' option (or the
// legacy 'connector.type', or Blink's `type`), with the options each accepts, so a table's WITH
// clause is validated at `sqlc check` time: unknown keys are refused by name, required keys must be
// present. The runtime factories (issue 3) register against the same descriptors.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice {

enum class ConnectorRole : uint8_t {
  Source = 1,
  Sink = 2,
  Lookup = 4,
};

enum class OptionDialect : uint8_t {
  Flink,        // 'connector' = 'kafka', quoted keys, case-sensitive
  FlinkLegacy,  // 'connector.type' = 'kafka', 'format.type' = 'json', 'update-mode' = ...
  Blink,        // type = 'datahub', unquoted keys, case-insensitive
};

struct OptionSpec {
  // An exact key such as "topic", or a prefix ending in '.' such as "properties." that admits any
  // key beneath it.
  std::string key;
  bool required = false;
  // Allowed values, compared case-insensitively; empty means any value.
  std::vector<std::string> allowedValues;
  std::string description;
  // The value is a comma-separated list whose every item must be one of allowedValues.
  bool list = false;
};

struct FormatDescriptor {
  std::string identifier;  // "csv", "json", "avro", "debezium-json", ...
  // Keys without the format prefix: for "csv", "field-delimiter" means 'csv.field-delimiter'.
  std::vector<OptionSpec> options;
};

struct ConnectorDescriptor {
  std::string identifier;  // "kafka", "filesystem", "datahub", ...
  OptionDialect dialect = OptionDialect::Flink;
  unsigned roles = 0;  // bit set of ConnectorRole
  std::vector<OptionSpec> options;  // excluding 'connector' / 'connector.type' / 'type' itself
  // Whether 'format' / 'key.format' / 'value.format' select a FormatDescriptor whose options are
  // then accepted with the format's prefix.
  bool takesFormat = false;
  // Requirements met by any one of several keys, such as Kafka's 'topic' or 'topic-pattern':
  // each group names keys of which at least one must be present.
  std::vector<std::vector<std::string>> requiredOneOf;
};

struct OptionProblem {
  std::string key;  // the offending key; empty for a missing required key or unknown connector
  std::string message;
};

class ConnectorRegistry {
 public:
  // Every connector and format Sluice knows: the Flink ones (kafka, upsert-kafka, filesystem,
  // datagen, print, blackhole, jdbc, hbase-2.2, elasticsearch-7, nexmark, ...), the legacy
  // 'connector.type' forms, and Blink's (datahub, odps, rds, hbase, tt, sls, ots, mysql, print,
  // ...).
  static ConnectorRegistry withBuiltins();

  void addConnector(ConnectorDescriptor connector);
  void addFormat(FormatDescriptor format);
  const ConnectorDescriptor* findConnector(std::string_view identifier,
                                           OptionDialect dialect) const;
  const FormatDescriptor* findFormat(std::string_view identifier) const;

  // Validates a table's WITH options (keys as written, quotes removed). Detects the dialect from
  // the keys present. Returns one problem per unknown key (with a "did you mean" suggestion when a
  // known key is close), missing required key, disallowed value, or unknown connector/format.
  std::vector<OptionProblem> validate(const std::vector<std::pair<std::string, std::string>>&
                                          options) const;

  // The connector identifier named by a WITH clause in any dialect, if any.
  static std::optional<std::string> connectorIdentifier(
      const std::vector<std::pair<std::string, std::string>>& options);

 private:
  std::vector<ConnectorDescriptor> connectors_;
  std::map<std::string, FormatDescriptor, std::less<>> formats_;
};

}  // namespace sluice
