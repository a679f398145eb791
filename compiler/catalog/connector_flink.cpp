// The connectors a Flink table names with 'connector' = '...', with their options as the Flink
// 1.17-1.19 connector docs list them (and the externalized kafka, jdbc, hbase, elasticsearch and
// mongodb connectors' docs, the Flink CDC docs for mysql-cdc and postgres-cdc, and the Nexmark
// suite's NexmarkSourceOptions for nexmark). Every scan source also accepts the watermark and
// parallelism options, and every lookup source the generic lookup cache options.
#include "compiler/catalog/connector_builtins.h"

namespace sluice::builtin_connectors {

namespace {

const std::vector<std::string> kDeliveryGuarantees = {"at-least-once", "exactly-once", "none"};
const std::vector<std::string> kFieldsInclude = {"ALL", "EXCEPT_KEY"};

// Accepted by every connector with the Source role: the source parallelism and the watermark
// options of FLIP-296 (Flink 1.18), written out so that a mistyped one gets a suggestion.
std::vector<OptionSpec> scanSourceOptions() {
  return {
      option("scan.parallelism", "Parallelism of the source operator"),
      choiceOption("scan.watermark.emit.strategy", {"on-event", "on-periodic"},
                   "When watermarks are emitted"),
      option("scan.watermark.alignment.group", "Watermark alignment group of the source"),
      option("scan.watermark.alignment.max-drift", "Maximum drift from the group's watermark"),
      option("scan.watermark.alignment.update-interval", "How often alignment is updated"),
      option("scan.watermark.emit.on-event.gap", "Events between watermarks for 'on-event'"),
      option("scan.watermark.idle-timeout", "Idle time after which a split is marked idle"),
  };
}

// The generic lookup options (FLIP-221), for every connector with the Lookup role. Sluice serves
// any lookup source from one cache, so each accepts the full-cache options too.
std::vector<OptionSpec> lookupOptions() {
  return {
      choiceOption("lookup.cache", {"NONE", "PARTIAL", "FULL"}, "Caching strategy of lookups"),
      option("lookup.partial-cache.expire-after-access",
             "Expire a cached row this long after it was read"),
      option("lookup.partial-cache.expire-after-write",
             "Expire a cached row this long after it was written"),
      option("lookup.partial-cache.max-rows", "Maximum rows in the partial cache"),
      option("lookup.partial-cache.cache-missing-key",
             "Cache the absence of a key, true by default"),
      choiceOption("lookup.full-cache.reload-strategy", {"PERIODIC", "TIMED"},
                   "When the full cache is reloaded"),
      option("lookup.full-cache.periodic-reload.interval", "Interval of periodic reloads"),
      choiceOption("lookup.full-cache.periodic-reload.schedule-mode", {"FIXED_DELAY", "FIXED_RATE"},
                   "Whether the interval runs between reloads or between their starts"),
      option("lookup.full-cache.timed-reload.iso-time", "ISO-8601 time of day of timed reloads"),
      option("lookup.full-cache.timed-reload.interval-in-days", "Days between timed reloads"),
      option("lookup.async", "Look up asynchronously"),
      option("lookup.max-retries", "Maximum retries of a failed lookup"),
  };
}

// The pre-FLIP-221 cache options jdbc and hbase still accept.
std::vector<OptionSpec> deprecatedLookupCacheOptions() {
  return {
      option("lookup.cache.max-rows", "Deprecated: use 'lookup.partial-cache.max-rows'"),
      option("lookup.cache.ttl", "Deprecated: use 'lookup.partial-cache.expire-after-write'"),
  };
}

ConnectorDescriptor withRoleOptions(ConnectorDescriptor connector) {
  if (connector.roles & kSource) appendOptions(connector.options, scanSourceOptions());
  if (connector.roles & kLookup) appendOptions(connector.options, lookupOptions());
  return connector;
}

ConnectorDescriptor kafka() {
  return {
      "kafka",
      OptionDialect::Flink,
      kSource | kSink,
      {
          option("topic", "Topic(s) to read, separated by ';', or the topic to write"),
          option("topic-pattern", "Regular expression of the topics to read"),
          requiredOption("properties.bootstrap.servers", "Comma separated Kafka brokers"),
          option("properties.group.id", "Consumer group of the source"),
          option("properties.", "Kafka client configuration, passed on without the prefix"),
          option("format", "Format of the record value (synonym of 'value.format')"),
          option("key.format", "Format of the record key"),
          option("key.fields", "Columns of the key, separated by ';'"),
          option("key.fields-prefix", "Prefix of the key columns' names in the schema"),
          option("value.format", "Format of the record value"),
          choiceOption("value.fields-include", kFieldsInclude,
                       "Whether key columns also appear in the value format"),
          choiceOption("scan.startup.mode",
                       {"earliest-offset", "latest-offset", "group-offsets", "timestamp",
                        "specific-offsets"},
                       "Where the source starts reading"),
          option("scan.startup.specific-offsets",
                 "Offsets per partition for 'specific-offsets', e.g. "
                 "'partition:0,offset:42;partition:1,offset:300'"),
          option("scan.startup.timestamp-millis", "Epoch milliseconds for 'timestamp'"),
          choiceOption(
              "scan.bounded.mode",
              {"unbounded", "latest-offset", "group-offsets", "timestamp", "specific-offsets"},
              "Where a bounded source stops reading"),
          option("scan.bounded.specific-offsets", "Offsets per partition to stop at"),
          option("scan.bounded.timestamp-millis", "Epoch milliseconds to stop at"),
          option("scan.topic-partition-discovery.interval",
                 "Interval of discovering new topics and partitions; 0 disables it"),
          option("sink.partitioner",
                 "'default', 'fixed', 'round-robin' or a FlinkKafkaPartitioner class"),
          choiceOption("sink.semantic",
                       {"at-least-once", "exactly-once", "none", "AT_LEAST_ONCE", "EXACTLY_ONCE"},
                       "Deprecated: use 'sink.delivery-guarantee'"),
          choiceOption("sink.delivery-guarantee", kDeliveryGuarantees,
                       "Delivery guarantee of the sink"),
          option("sink.transactional-id-prefix",
                 "Prefix of transaction ids, required for 'exactly-once'"),
          option("sink.parallelism", "Parallelism of the sink operator"),
      },
      true,
      {{"topic", "topic-pattern"}, {"format", "value.format"}}};
}

ConnectorDescriptor upsertKafka() {
  return {"upsert-kafka",
          OptionDialect::Flink,
          kSource | kSink,
          {
              requiredOption("topic", "Topic to read from and write to"),
              requiredOption("properties.bootstrap.servers", "Comma separated Kafka brokers"),
              option("properties.", "Kafka client configuration, passed on without the prefix"),
              requiredOption("key.format", "Format of the record key (the primary key columns)"),
              option("key.fields-prefix", "Prefix of the key columns' names in the schema"),
              requiredOption("value.format", "Format of the record value"),
              choiceOption("value.fields-include", kFieldsInclude,
                           "Whether key columns also appear in the value format"),
              option("sink.parallelism", "Parallelism of the sink operator"),
              option("sink.buffer-flush.max-rows",
                     "Rows buffered per key before a flush; 0 "
                     "disables buffering"),
              option("sink.buffer-flush.interval", "Interval of flushing the buffer"),
              choiceOption("sink.delivery-guarantee", kDeliveryGuarantees,
                           "Delivery guarantee of the sink"),
              option("sink.transactional-id-prefix",
                     "Prefix of transaction ids, required for 'exactly-once'"),
          },
          true,
          {}};
}

// In Sluice a filesystem table also serves as a lookup (dimension) table, as the Nexmark q13 side
// input does.
ConnectorDescriptor filesystem() {
  return {
      "filesystem",
      OptionDialect::Flink,
      kSource | kSink | kLookup,
      {
          requiredOption("path", "Path of the table's directory (or file)"),
          requiredOption("format", "Format of the files"),
          option("partition.default-name", "Partition name for a null or empty partition value"),
          option("source.monitor-interval",
                 "Interval of watching the path for new files; unset reads it once"),
          option("source.path.regex-pattern", "Regular expression the read files must match"),
          choiceOption("source.report-statistics", {"NONE", "ALL"},
                       "Whether the source reports file statistics to the planner"),
          option("sink.rolling-policy.file-size", "Part file size before rolling"),
          option("sink.rolling-policy.rollover-interval", "Time a part file stays open"),
          option("sink.rolling-policy.inactivity-interval",
                 "Inactivity after which a part file rolls"),
          option("sink.rolling-policy.check-interval", "Interval of checking time-based rolling"),
          option("sink.shuffle-by-partition.enable", "Shuffle rows by dynamic partition"),
          choiceOption("sink.partition-commit.trigger", {"process-time", "partition-time"},
                       "What triggers a partition commit"),
          option("sink.partition-commit.delay", "Delay before a partition is committed"),
          option("sink.partition-commit.watermark-time-zone",
                 "Time zone of the watermark for 'partition-time' commits"),
          // Flink's 'metastore' and 'custom' need a Hive metastore or user classes: refused
          // here at check time rather than when the job starts.
          choiceListOption("sink.partition-commit.policy.kind", {"success-file"},
                           "'success-file' (Flink's 'metastore' and 'custom' policies need a "
                           "metastore or user code, which Sluice does not have)"),
          option("sink.partition-commit.policy.class", "Class of a 'custom' commit policy"),
          option("sink.partition-commit.policy.class.parameters",
                 "Parameters of the custom commit policy's constructor, separated by ';'"),
          option("sink.partition-commit.success-file.name",
                 "Name of the success file, '_SUCCESS' by default"),
          option("partition.time-extractor.kind", "'default' or 'custom'"),
          option("partition.time-extractor.class", "Class of a 'custom' time extractor"),
          option("partition.time-extractor.timestamp-pattern",
                 "Timestamp built from partition fields, e.g. '$dt $hour:00:00'"),
          option("partition.time-extractor.timestamp-formatter",
                 "Formatter of the partition timestamp, 'yyyy-MM-dd HH:mm:ss' by default"),
          option("auto-compaction", "Compact the files a checkpoint wrote"),
          option("compaction.file-size", "Target size of compacted files"),
          option("compaction.parallelism", "Parallelism of compaction"),
          option("sink.parallelism", "Parallelism of writing files"),
          option("lookup.join.cache.ttl", "How long a lookup join caches the table"),
      },
      true,
      {}};
}

ConnectorDescriptor datagen() {
  return {"datagen",
          OptionDialect::Flink,
          kSource,
          {
              option("rows-per-second", "Rows generated per second"),
              option("number-of-rows", "Rows to generate; unbounded when unset"),
              option("fields.",
                     "Per-column generators: 'fields.<column>.kind' ('random' or 'sequence'), "
                     ".min, .max, .max-past, .length, .var-len, .start, .end, .null-rate"),
          },
          false,
          {}};
}

ConnectorDescriptor print() {
  return {"print",
          OptionDialect::Flink,
          kSink,
          {
              option("print-identifier", "Message put before each printed row"),
              option("standard-error", "Print to standard error instead of standard output"),
              option("sink.parallelism", "Parallelism of the sink operator"),
          },
          false,
          {}};
}

ConnectorDescriptor blackhole() {
  return {"blackhole", OptionDialect::Flink, kSink, {}, false, {}};
}

ConnectorDescriptor jdbc() {
  ConnectorDescriptor connector{
      "jdbc",
      OptionDialect::Flink,
      kSource | kSink | kLookup,
      {
          requiredOption("url", "JDBC database URL"),
          requiredOption("table-name", "Name of the table"),
          option("driver", "JDBC driver class; derived from the URL when unset"),
          option("compatible-mode", "Compatible mode of the database"),
          option("username", "User name; 'username' and 'password' go together"),
          option("password", "Password"),
          option("connection.max-retry-timeout", "Maximum timeout between retries"),
          option("scan.partition.column", "Column that partitions a parallel scan"),
          option("scan.partition.num", "Number of scan partitions"),
          option("scan.partition.lower-bound", "Smallest value of the first partition"),
          option("scan.partition.upper-bound", "Largest value of the last partition"),
          option("scan.fetch-size", "Rows fetched per round trip; 0 leaves it to the driver"),
          option("scan.auto-commit", "Auto-commit flag of the JDBC driver"),
          option("lookup.cache.caching-missing-key",
                 "Deprecated: use 'lookup.partial-cache.cache-missing-key'"),
          option("sink.buffer-flush.max-rows", "Rows buffered before a flush"),
          option("sink.buffer-flush.interval", "Interval of flushing buffered rows"),
          option("sink.max-retries", "Maximum retries of a failed write"),
          option("sink.parallelism", "Parallelism of the sink operator"),
      },
      false,
      {}};
  appendOptions(connector.options, deprecatedLookupCacheOptions());
  return connector;
}

ConnectorDescriptor hbase() {
  ConnectorDescriptor connector{
      "hbase-2.2",
      OptionDialect::Flink,
      kSource | kSink | kLookup,
      {
          requiredOption("table-name", "HBase table, 'namespace:table' outside 'default'"),
          requiredOption("zookeeper.quorum", "HBase ZooKeeper quorum"),
          option("zookeeper.znode.parent", "Root znode of the cluster, '/hbase' by default"),
          option("null-string-literal", "Representation of null strings"),
          option("sink.buffer-flush.max-size", "Buffered bytes per write request"),
          option("sink.buffer-flush.max-rows", "Buffered rows per write request"),
          option("sink.buffer-flush.interval", "Interval of flushing buffered rows"),
          option("sink.ignore-null-value", "Do not write null values"),
          option("sink.parallelism", "Parallelism of the sink operator"),
          option("properties.", "HBase client configuration, passed on without the prefix"),
      },
      false,
      {}};
  appendOptions(connector.options, deprecatedLookupCacheOptions());
  return connector;
}

ConnectorDescriptor elasticsearch(bool requiresDocumentType) {
  return {
      "elasticsearch-7",
      OptionDialect::Flink,
      kSink,
      {
          requiredOption("hosts", "Hosts to connect to, e.g. 'http://host:9200;http://host:9201'"),
          requiredOption("index", "Static index, or dynamic as 'index-{log_ts|yyyy-MM-dd}'"),
          OptionSpec{"document-type",
                     requiresDocumentType,
                     {},
                     "Document type; required by elasticsearch-6 only"},
          option("document-id.key-delimiter", "Delimiter of composite document ids"),
          option("username", "User name"),
          option("password", "Password"),
          option("failure-handler",
                 "'fail', 'ignore', 'retry-rejected' or an ActionRequestFailureHandler class"),
          choiceOption("sink.delivery-guarantee", kDeliveryGuarantees,
                       "Delivery guarantee of the sink"),
          option("sink.flush-on-checkpoint", "Flush pending requests on checkpoints"),
          option("sink.bulk-flush.max-actions", "Buffered actions per bulk request"),
          option("sink.bulk-flush.max-size", "Buffered bytes per bulk request"),
          option("sink.bulk-flush.interval", "Interval of flushing buffered actions"),
          choiceOption("sink.bulk-flush.backoff.strategy", {"DISABLED", "CONSTANT", "EXPONENTIAL"},
                       "How failed bulk requests are retried"),
          option("sink.bulk-flush.backoff.max-retries", "Maximum backoff retries"),
          option("sink.bulk-flush.backoff.delay", "Delay between backoff attempts"),
          option("connection.path-prefix", "Prefix of every REST request's path"),
          option("connection.request-timeout", "Timeout of requesting a connection"),
          option("connection.timeout", "Timeout of establishing a connection"),
          option("socket.timeout", "Timeout of waiting for data"),
          option("format", "Format of documents, 'json' by default"),
          option("sink.parallelism", "Parallelism of the sink operator"),
      },
      true,
      {}};
}

ConnectorDescriptor mongodb() {
  return {"mongodb",
          OptionDialect::Flink,
          kSource | kSink | kLookup,
          {
              requiredOption("uri", "MongoDB connection string"),
              requiredOption("database", "Database to read or write"),
              requiredOption("collection", "Collection to read or write"),
              option("scan.fetch-size", "Documents fetched per round trip"),
              option("scan.cursor.no-timeout", "Keep idle cursors open"),
              choiceOption("scan.partition.strategy",
                           {"single", "sample", "split-vector", "sharded", "default"},
                           "How a scan is split"),
              option("scan.partition.size", "Memory size of a scan partition"),
              option("scan.partition.samples", "Samples per partition for 'sample'"),
              option("lookup.retry.interval", "Delay between lookup retries"),
              option("sink.buffer-flush.max-rows", "Rows buffered before a flush"),
              option("sink.buffer-flush.interval", "Interval of flushing buffered rows"),
              option("sink.max-retries", "Maximum retries of a failed write"),
              option("sink.retry.interval", "Delay between write retries"),
              choiceOption("sink.delivery-guarantee", kDeliveryGuarantees,
                           "Delivery guarantee of the sink"),
              option("sink.parallelism", "Parallelism of the sink operator"),
          },
          false,
          {}};
}

// Sluice's Nexmark generator takes the options of the Nexmark suite's 'nexmark' connector.
ConnectorDescriptor nexmark() {
  return {"nexmark",
          OptionDialect::Flink,
          kSource,
          {
              choiceOption("rate.shape", {"SQUARE", "SINE"}, "Shape of the event rate over time"),
              option("rate.period", "Period of the rate shape, 10 min by default"),
              option("rate.limited", "Whether the rate is limited"),
              option("first-event.rate", "Events per second at first, 10000 by default"),
              option("next-event.rate", "Events per second afterwards, 10000 by default"),
              option("person.avg-size", "Average size of a person event, 200b by default"),
              option("auction.avg-size", "Average size of an auction event, 500b by default"),
              option("bid.avg-size", "Average size of a bid event, 100b by default"),
              option("person.proportion", "Share of person events, 1 by default"),
              option("auction.proportion", "Share of auction events, 3 by default"),
              option("bid.proportion", "Share of bid events, 46 by default"),
              option("bid.hot-ratio.auctions", "Ratio of bids for hot auctions, 2 by default"),
              option("bid.hot-ratio.bidders", "Ratio of bids by hot bidders, 4 by default"),
              option("auction.hot-ratio.sellers", "Ratio of auctions by hot sellers, 4 by default"),
              option("events.num", "Events to generate; 0 (the default) is unbounded"),
              option("keep-alive", "Keep the source running after the last event"),
              option("stop-at", "Stop at this event number; -1 (the default) never stops"),
              option("max-emit-speed", "Emit as fast as possible, ignoring the rate"),
              // Sluice's own: the suite starts event time at the wall clock, so two runs never
              // generate the same timestamps; a fixed start makes a run reproducible (tests).
              option("sqlc.nexmark.base-time",
                     "Sluice: event time of the first event, epoch milliseconds (default: now)"),
          },
          false,
          {}};
}

// The options the Flink CDC database connectors share.
std::vector<OptionSpec> cdcOptions() {
  return {
      requiredOption("hostname", "Host name or IP address of the database server"),
      option("port", "Port of the database server"),
      requiredOption("username", "User name"),
      requiredOption("password", "Password"),
      requiredOption("database-name", "Database(s) to capture, a regular expression"),
      requiredOption("table-name", "Table(s) to capture, a regular expression"),
      option("scan.incremental.snapshot.enabled", "Read the snapshot incrementally, in chunks"),
      option("scan.incremental.snapshot.chunk.size", "Rows per snapshot chunk"),
      option("scan.incremental.snapshot.chunk.key-column", "Column that splits chunks"),
      option("scan.incremental.close-idle-reader.enabled", "Close readers idle after the snapshot"),
      option("scan.snapshot.fetch.size", "Rows fetched per poll of the snapshot"),
      option("scan.newly-added-table.enabled", "Capture tables added after the job started"),
      option("connect.timeout", "Timeout of connecting to the server"),
      option("connect.max-retries", "Maximum retries of connecting"),
      option("connection.pool.size", "Size of the connection pool"),
      option("chunk-meta.group.size", "Chunk metadata entries per group"),
      option("chunk-key.even-distribution.factor.upper-bound",
             "Upper bound of the distribution factor for evenly split chunks"),
      option("chunk-key.even-distribution.factor.lower-bound",
             "Lower bound of the distribution factor for evenly split chunks"),
      option("debezium.", "Debezium configuration, passed on without the prefix"),
  };
}

ConnectorDescriptor mysqlCdc() {
  ConnectorDescriptor connector{
      "mysql-cdc",
      OptionDialect::Flink,
      kSource,
      {
          option("server-id", "Server id (or range, '5400-5408') the readers use"),
          option("server-time-zone", "Session time zone of the server"),
          choiceOption("scan.startup.mode",
                       {"initial", "earliest-offset", "latest-offset", "specific-offset",
                        "timestamp", "snapshot"},
                       "Where capture starts"),
          option("scan.startup.specific-offset.file", "Binlog file of 'specific-offset'"),
          option("scan.startup.specific-offset.pos", "Binlog position of 'specific-offset'"),
          option("scan.startup.specific-offset.gtid-set", "GTID set of 'specific-offset'"),
          option("scan.startup.specific-offset.skip-events", "Events skipped after the offset"),
          option("scan.startup.specific-offset.skip-rows", "Rows skipped after the offset"),
          option("scan.startup.timestamp-millis", "Epoch milliseconds of 'timestamp'"),
          option("heartbeat.interval", "Interval of heartbeat events"),
          option("jdbc.properties.", "JDBC URL properties, passed on without the prefix"),
      },
      false,
      {}};
  appendOptions(connector.options, cdcOptions());
  return connector;
}

ConnectorDescriptor postgresCdc() {
  ConnectorDescriptor connector{
      "postgres-cdc",
      OptionDialect::Flink,
      kSource,
      {
          requiredOption("schema-name", "Schema(s) to capture, a regular expression"),
          requiredOption("slot.name", "Replication slot to stream changes from"),
          option("decoding.plugin.name",
                 "Logical decoding plugin, e.g. 'decoderbufs' or "
                 "'pgoutput'"),
          choiceOption("changelog-mode", {"all", "upsert"}, "Changelog mode of the source"),
          choiceOption("scan.startup.mode",
                       {"initial", "latest-offset", "committed-offset", "snapshot"},
                       "Where capture starts"),
          option("heartbeat.interval.ms", "Interval of heartbeat messages"),
          option("scan.lsn-commit.checkpoints-num-delay",
                 "Checkpoints to wait before committing the LSN offset"),
      },
      false,
      {}};
  appendOptions(connector.options, cdcOptions());
  return connector;
}

}  // namespace

std::vector<ConnectorDescriptor> flinkConnectors() {
  std::vector<ConnectorDescriptor> connectors;
  for (auto connector : {kafka(), upsertKafka(), filesystem(), datagen(), print(), blackhole(),
                         jdbc(), mongodb(), nexmark(), mysqlCdc(), postgresCdc()}) {
    connectors.push_back(withRoleOptions(std::move(connector)));
  }
  addUnderIdentifiers(connectors, withRoleOptions(hbase()), {"hbase-1.4", "hbase-2.2"});
  addUnderIdentifiers(connectors, elasticsearch(true), {"elasticsearch-6"});
  addUnderIdentifiers(connectors, elasticsearch(false), {"elasticsearch-7"});
  return connectors;
}

}  // namespace sluice::builtin_connectors
