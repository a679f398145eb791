// The legacy connectors of Flink 1.9-1.10, named with 'connector.type' = '...' and described by
// 'connector.*', 'format.*', 'schema.*' and 'update-mode' keys (docs/dev/table/connect.md of those
// releases). The Nexmark suite still declares its q13 side input this way:
//   'connector.type' = 'filesystem', 'connector.path' = 'file://...', 'format.type' = 'csv'
// Legacy format options ('format.field-delimiter', 'format.derive-schema', ...) are admitted by
// the 'format.' prefix; 'format.type' itself must name a known format.
#include "compiler/catalog/connector_builtins.h"

namespace sluice::builtin_connectors {

namespace {

// Accepted by every legacy connector.
std::vector<OptionSpec> legacyTableOptions() {
  return {
      option("connector.property-version", "Version of the connector properties"),
      choiceOption("update-mode", {"append", "retract", "upsert"},
                   "How the sink writes a changing table"),
      option("schema.", "Schema properties ('schema.0.name', 'schema.0.data-type', ...)"),
  };
}

// Accepted by the legacy connectors that read or write a format.
std::vector<OptionSpec> legacyFormatOptions() {
  return {
      requiredOption("format.type", "Format of the data: 'csv', 'json', 'avro', ..."),
      option("format.", "Options of the format ('format.field-delimiter', ...)"),
  };
}

ConnectorDescriptor legacy(std::string identifier, unsigned roles, std::vector<OptionSpec> options,
                           bool takesFormat) {
  ConnectorDescriptor connector{std::move(identifier),
                                OptionDialect::FlinkLegacy,
                                roles,
                                std::move(options),
                                takesFormat,
                                {}};
  appendOptions(connector.options, legacyTableOptions());
  if (takesFormat) appendOptions(connector.options, legacyFormatOptions());
  return connector;
}

ConnectorDescriptor kafka() {
  return legacy(
      "kafka", kSource | kSink,
      {
          choiceOption("connector.version", {"0.8", "0.9", "0.10", "0.11", "universal"},
                       "Kafka version"),
          requiredOption("connector.topic", "Topic to read from or write to"),
          option("connector.properties.",
                 "Kafka client configuration: 'connector.properties.bootstrap.servers', or the "
                 "1.9 form 'connector.properties.0.key' / 'connector.properties.0.value'"),
          choiceOption("connector.startup-mode",
                       {"earliest-offset", "latest-offset", "group-offsets", "specific-offsets",
                        "timestamp"},
                       "Where the source starts reading"),
          option("connector.specific-offsets",
                 "Offsets per partition, 'partition:0,offset:42;partition:1,offset:300'"),
          option("connector.specific-offsets.",
                 "The 1.9 form: 'connector.specific-offsets.0.partition' / '.0.offset'"),
          option("connector.startup-timestamp-millis", "Epoch milliseconds for 'timestamp'"),
          choiceOption("connector.sink-partitioner", {"fixed", "round-robin", "custom"},
                       "Output partitioning"),
          option("connector.sink-partitioner-class", "FlinkKafkaPartitioner class for 'custom'"),
      },
      true);
}

ConnectorDescriptor filesystem() {
  return legacy("filesystem", kSource | kSink | kLookup,
                {
                    requiredOption("connector.path", "Path of the file or directory"),
                },
                true);
}

ConnectorDescriptor jdbc() {
  return legacy(
      "jdbc", kSource | kSink | kLookup,
      {
          requiredOption("connector.url", "JDBC database URL"),
          requiredOption("connector.table", "Name of the table"),
          option("connector.driver", "JDBC driver class; derived from the URL when unset"),
          option("connector.username", "User name"),
          option("connector.password", "Password"),
          option("connector.read.query", "Query the source reads instead of the whole table"),
          option("connector.read.partition.column", "Column that partitions a parallel scan"),
          option("connector.read.partition.num", "Number of scan partitions"),
          option("connector.read.partition.lower-bound", "Smallest value of the first partition"),
          option("connector.read.partition.upper-bound", "Largest value of the last partition"),
          option("connector.read.fetch-size", "Rows fetched per round trip"),
          option("connector.lookup.cache.max-rows", "Maximum rows of the lookup cache"),
          option("connector.lookup.cache.ttl", "Time to live of cached rows"),
          option("connector.lookup.max-retries", "Maximum retries of a failed lookup"),
          option("connector.write.flush.max-rows", "Rows buffered before a flush"),
          option("connector.write.flush.interval", "Interval of flushing buffered rows"),
          option("connector.write.max-retries", "Maximum retries of a failed write"),
      },
      false);
}

ConnectorDescriptor hbase() {
  return legacy(
      "hbase", kSource | kSink | kLookup,
      {
          option("connector.version", "HBase version, '1.4.3'"),
          requiredOption("connector.table-name", "HBase table"),
          requiredOption("connector.zookeeper.quorum", "HBase ZooKeeper quorum"),
          option("connector.zookeeper.znode.parent", "Root znode of the cluster"),
          option("connector.write.buffer-flush.max-size", "Buffered bytes per write request"),
          option("connector.write.buffer-flush.max-rows", "Buffered rows per write request"),
          option("connector.write.buffer-flush.interval", "Interval of flushing buffered rows"),
      },
      false);
}

ConnectorDescriptor elasticsearch() {
  return legacy(
      "elasticsearch", kSink,
      {
          choiceOption("connector.version", {"6", "7"}, "Elasticsearch version"),
          requiredOption("connector.hosts", "Hosts, 'http://host_name:9092;http://host_name:9093'"),
          option("connector.hosts.",
                 "The 1.9 form: 'connector.hosts.0.hostname' / '.port' / "
                 "'.protocol'"),
          requiredOption("connector.index", "Index of every record"),
          requiredOption("connector.document-type", "Document type of every record"),
          option("connector.key-delimiter", "Delimiter of composite keys"),
          option("connector.key-null-literal", "Representation of null keys"),
          choiceOption("connector.failure-handler", {"fail", "ignore", "retry-rejected", "custom"},
                       "Handling of failed requests"),
          option("connector.failure-handler-class", "ActionRequestFailureHandler for 'custom'"),
          option("connector.flush-on-checkpoint", "Flush pending requests on checkpoints"),
          option("connector.bulk-flush.max-actions", "Buffered actions per bulk request"),
          option("connector.bulk-flush.max-size", "Buffered bytes per bulk request"),
          option("connector.bulk-flush.interval", "Interval of flushing buffered actions"),
          choiceOption("connector.bulk-flush.backoff.type", {"disabled", "constant", "exponential"},
                       "How failed bulk requests are retried"),
          option("connector.bulk-flush.backoff.max-retries", "Maximum backoff retries"),
          option("connector.bulk-flush.backoff.delay", "Delay between backoff attempts"),
          option("connector.connection-max-retry-timeout", "Maximum timeout between retries"),
          option("connector.connection-path-prefix", "Prefix of every REST request's path"),
      },
      true);
}

}  // namespace

std::vector<ConnectorDescriptor> flinkLegacyConnectors() {
  return {kafka(), filesystem(), jdbc(), hbase(), elasticsearch()};
}

}  // namespace sluice::builtin_connectors
