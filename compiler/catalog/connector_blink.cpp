// The connectors of Alibaba's Blink SQL (Realtime Compute Blink 1.x-3.x), named with an unquoted
// `type = '...'` and configured with unquoted keys written in any case (endPoint, ENDPOINT and
// endpoint are one key). The options follow Alibaba's Blink pages ("Create a ... source table",
// "... result table", "... dimension table") for each connector. Where those pages did not give
// a complete list (marked "partial" below) the table holds the documented keys only; a key
// missing here is refused, so extend the table when a real job needs one.
#include "compiler/catalog/connector_builtins.h"

namespace sluice::builtin_connectors {

namespace {

// Keys Blink accepts on every connector: the parsing and batching knobs Alibaba documents for its
// sources and sinks alike.
std::vector<OptionSpec> blinkCommonOptions() {
  return {
      choiceOption("lengthCheck", {"NONE", "SKIP", "EXCEPTION", "PAD"},
                   "What to do when a row has more or fewer fields than the table"),
      option("columnErrorDebug", "Log rows that fail to parse"),
      option("maxRetryTimes", "Maximum retries of a failed read or write"),
      option("retryIntervalMs", "Delay between retries in milliseconds"),
      option("batchSize", "Rows written per batch"),
      option("bufferSize", "Rows buffered (deduplicated by key) before a write"),
      option("flushIntervalMs", "Interval of flushing buffered rows in milliseconds"),
      option("partitionBy", "Columns the sink's input is hashed by before writing"),
  };
}

// The cache options of Blink dimension tables.
std::vector<OptionSpec> blinkLookupOptions() {
  return {
      choiceOption("cache", {"None", "LRU", "ALL"}, "Caching strategy of the dimension table"),
      option("cacheSize", "Rows kept by the 'LRU' cache, 10000 by default"),
      option("cacheTTLMs", "Expiry of 'LRU' rows, or the reload interval of 'ALL', in ms"),
      option("cacheReloadTimeBlackList",
             "Periods without 'ALL' reloads, '2017-10-24 14:00 -> 2017-10-24 15:00, ...'"),
      option("cacheScanLimit", "Rows per RPC while loading the 'ALL' cache"),
      option("partitionedJoin", "Partition the input by the join key to raise the hit rate"),
      option("shuffleEmptyKey", "Spread rows with an empty join key randomly"),
  };
}

ConnectorDescriptor blink(std::string identifier, unsigned roles, std::vector<OptionSpec> options,
                          std::vector<std::vector<std::string>> requiredOneOf = {}) {
  ConnectorDescriptor connector{
      std::move(identifier),   OptionDialect::Blink, roles, std::move(options), false,
      std::move(requiredOneOf)};
  appendOptions(connector.options, blinkCommonOptions());
  if (roles & kLookup) appendOptions(connector.options, blinkLookupOptions());
  return connector;
}

// The account keys of Alibaba Cloud services.
std::vector<OptionSpec> accessKeyOptions() {
  return {
      requiredOption("accessId", "AccessKey ID"),
      requiredOption("accessKey", "AccessKey secret"),
  };
}

std::vector<OptionSpec> with(std::vector<OptionSpec> options, const std::vector<OptionSpec>& more) {
  appendOptions(options, more);
  return options;
}

// Partial: the sink keys beyond batchSize are from the Blink 2.x/3.x result table page.
ConnectorDescriptor datahub() {
  return blink("datahub", kSource | kSink,
               with(
                   {
                       requiredOption("endPoint", "DataHub endpoint"),
                       requiredOption("project", "DataHub project"),
                       requiredOption("topic", "Topic of the project"),
                       option("startTime", "Time to start reading, 'yyyy-MM-dd hh:mm:ss'"),
                       option("endTime", "Time to stop reading; required in batch mode"),
                       option("batchReadSize", "Records per read, 10 by default"),
                       option("isBlob", "Whether the topic holds BLOB records"),
                       option("batchWriteTimeoutMs", "Time after which a partial batch is written"),
                       option("reserveMilliSecond", "Keep milliseconds of TIMESTAMP values"),
                       option("hashFields", "Columns that pick the shard a row is written to"),
                   },
                   accessKeyOptions()));
}

ConnectorDescriptor odps() {
  return blink("odps", kSource | kSink | kLookup,
               with(
                   {
                       requiredOption("endPoint", "MaxCompute endpoint"),
                       option("tunnelEndpoint", "MaxCompute Tunnel endpoint; required in a VPC"),
                       requiredOption("project", "MaxCompute project"),
                       requiredOption("tableName", "MaxCompute table"),
                       option("partition", "Partition read or written, e.g. 'ds=20180905'"),
                       option("isOverwrite", "Overwrite the partition instead of appending"),
                       option("dynamicPartitionLimit", "Maximum dynamic partitions written"),
                       option("maxRowCount", "Maximum rows a dimension table loads"),
                   },
                   accessKeyOptions()));
}

// RDS, DRDS and PolarDB share these keys; so do the other JDBC sinks below.
std::vector<OptionSpec> jdbcOptions() {
  return {
      requiredOption("url", "JDBC URL, 'jdbc:mysql://<address>/<database>'"),
      requiredOption("tableName", "Name of the table"),
      requiredOption("userName", "User name"),
      requiredOption("password", "Password"),
      option("excludeUpdateColumns", "Columns not updated when a row with the key exists"),
      option("ignoreDelete", "Ignore delete messages"),
  };
}

ConnectorDescriptor rds() { return blink("rds", kSink | kLookup, jdbcOptions()); }

ConnectorDescriptor oracle() { return blink("oracle", kSink, jdbcOptions()); }

// The SQL Server sink (Blink 3.2 and later).
ConnectorDescriptor sqlServer() { return blink("jdbc", kSink, jdbcOptions()); }

ConnectorDescriptor adb30() {
  return blink("adb30", kSink | kLookup,
               with(jdbcOptions(), {
                                       option("replaceMode", "Write with REPLACE INTO"),
                                       option("connectionMaxActive", "Connections per task"),
                                   }));
}

ConnectorDescriptor adbpg() {
  return blink("adbpg", kSink | kLookup,
               with(jdbcOptions(),
                    {
                        option("useCopy", "Write with the COPY API (1) or INSERT (0)"),
                        choiceOption("exceptionMode", {"ignore", "strict"},
                                     "Whether write errors are ignored or fail the job"),
                        option("conflictMode", "On a key conflict: 'ignore', 'strict' or 'update'"),
                        option("targetSchema", "Schema of the table, 'public' by default"),
                        option("connectionMaxActive", "Connections per task"),
                    }));
}

// Partial: sink keys beyond the dimension table page's are not all documented.
ConnectorDescriptor hbase() {
  return blink("cloudhbase", kSink | kLookup,
               {
                   requiredOption("zkQuorum", "ZooKeeper quorum of the cluster, comma separated"),
                   option("zkNodeParent", "Znode of the cluster"),
                   requiredOption("tableName", "HBase table"),
                   requiredOption("columnFamily", "Column family read or written"),
                   option("userName", "User name"),
                   option("password", "Password"),
                   option("writePkValue", "Also write the row key as a column"),
               });
}

ConnectorDescriptor tablestore() {
  return blink("ots", kSource | kSink | kLookup,
               with(
                   {
                       requiredOption("instanceName", "Tablestore instance"),
                       requiredOption("tableName", "Tablestore table"),
                       requiredOption("endPoint", "Instance endpoint"),
                       option("valueColumns",
                              "Columns written besides the primary key, ',' "
                              "separated"),
                       option("batchWriteTimeoutMs", "Time after which buffered rows are written"),
                       option("ignoreDelete", "Ignore delete messages"),
                       option("tunnelName", "Tunnel a source reads"),
                   },
                   accessKeyOptions()));
}

// Partial: TT (TimeTunnel) is Alibaba-internal and its page is not public; these are the keys
// Blink jobs are seen with.
ConnectorDescriptor tt() {
  return blink("tt", kSource | kSink,
               {
                   requiredOption("topic", "TT topic"),
                   requiredOption("accessKey", "Access key of the topic"),
                   option("startTime", "Time to start reading"),
                   option("endTime", "Time to stop reading"),
                   option("lineDelimiter", "Delimiter of rows in a block, '\\n' by default"),
                   option("fieldDelimiter", "Delimiter of fields, '\\u0001' by default"),
                   option("encoding", "Charset, 'utf-8' by default"),
               });
}

ConnectorDescriptor sls() {
  return blink(
      "sls", kSource | kSink,
      with(
          {
              requiredOption("endPoint", "Log Service endpoint"),
              requiredOption("project", "Log Service project"),
              requiredOption("logStore", "Logstore of the project"),
              option("startTime", "Time to start consuming"),
              option("endTime", "Time to stop consuming"),
              option("consumerGroup", "Consumer group"),
              option("heartBeatIntervalMills", "Heartbeat interval of the consumer in ms"),
              option("batchGetSize", "Log groups per read, 100 by default"),
              choiceOption("startupMode", {"TIMESTAMP", "EARLIEST", "LATEST", "GROUP_OFFSETS"},
                           "Where consumption starts"),
              option("topic", "Topic a sink writes logs under"),
              option("source", "Source a sink writes logs under"),
              option("partitionColumn", "Column whose hash picks the shard written"),
          },
          accessKeyOptions()));
}

ConnectorDescriptor mq() {
  return blink("mq", kSource | kSink,
               {
                   requiredOption("topic", "MQ topic"),
                   option("endPoint", "MQ endpoint"),
                   option("accessId", "AccessKey ID"),
                   option("accessKey", "AccessKey secret"),
                   option("instanceID", "MQ instance with its own namespace"),
                   option("consumerGroup", "Consumer group of a source"),
                   option("producerGroup", "Producer group of a sink"),
                   option("pullIntervalMs", "Interval of pulling messages in ms"),
                   option("startTime", "Time to start consuming"),
                   option("endTime", "Time to stop consuming; required in batch mode"),
                   option("startMessageOffset", "Offset to start consuming at"),
                   option("tag", "Tag consumed or written"),
                   option("unitName", "Unit of the app when reading across units"),
                   option("lineDelimiter", "Delimiter of rows in a message, '\\n' by default"),
                   option("fieldDelimiter", "Delimiter of fields, '\\u0001' by default"),
                   option("encoding", "Charset, 'utf-8' by default"),
                   option("retryTimes", "Retries of a failed write"),
                   option("sleepTimeMs", "Delay between write retries in ms"),
               });
}

// Blink passes Kafka client settings ('auto.offset.reset', 'security.protocol', 'acks', ...) as
// plain keys; these prefixes admit the Kafka client configuration namespaces.
std::vector<OptionSpec> kafkaClientOptions() {
  std::vector<OptionSpec> options;
  for (const char* prefix :
       {"auto.",          "bootstrap.", "buffer.",    "check.",       "client.",    "compression.",
        "connections.",   "consumer.",  "default.",   "delivery.",    "enable.",    "exclude.",
        "fetch.",         "group.",     "heartbeat.", "interceptor.", "isolation.", "key.",
        "linger.",        "max.",       "metadata.",  "metric.",      "metrics.",   "partition.",
        "producer.",      "receive.",   "reconnect.", "request.",     "retry.",     "sasl.",
        "security.",      "send.",      "session.",   "socket.",      "ssl.",       "transaction.",
        "transactional.", "value.",     "zookeeper."}) {
    options.push_back(option(prefix, "Kafka client configuration"));
  }
  options.push_back(option("acks", "Kafka producer acknowledgements"));
  options.push_back(option("retries", "Kafka producer retries"));
  return options;
}

// Blink's kafka08 ... kafka011 (and kafka) tables: 0.8 finds its brokers through ZooKeeper, later
// versions through bootstrap.servers.
ConnectorDescriptor kafka(bool zookeeper) {
  std::vector<OptionSpec> options = {
      option("topic", "Topic read or written"),
      option("topicPattern", "Topics read, separated by '|'"),
      choiceOption("startupMode", {"GROUP_OFFSETS", "EARLIEST", "LATEST", "TIMESTAMP"},
                   "Where the source starts reading"),
      option("startTime", "Time to start reading in 'TIMESTAMP' mode"),
      option("partitionDiscoveryIntervalMS", "Interval of discovering new partitions"),
      option("extraConfig", "Further KafkaConsumer settings"),
      OptionSpec{"group.id", zookeeper, {}, "Consumer group"},
      OptionSpec{"zookeeper.connect", zookeeper, {}, "ZooKeeper address (Kafka 0.8)"},
      OptionSpec{"bootstrap.servers", !zookeeper, {}, "Kafka brokers"},
  };
  appendOptions(options, kafkaClientOptions());
  return blink("kafka", kSource | kSink, std::move(options), {{"topic", "topicPattern"}});
}

ConnectorDescriptor elasticsearch() {
  return blink("elasticsearch", kSink,
               with(
                   {
                       requiredOption("endPoint", "Server address, 'http://127.0.0.1:9211'"),
                       requiredOption("index", "Index written"),
                       requiredOption("typeName", "Type written"),
                       option("timeout", "Read timeout in ms"),
                       option("discovery", "Refresh the server list every 5 minutes"),
                       option("compression", "GZIP request bodies"),
                       option("multiThread", "Use a multi-threaded client"),
                       option("ignoreWriteError", "Ignore write errors"),
                       option("settings", "Settings of an index the sink creates"),
                   },
                   accessKeyOptions()));
}

ConnectorDescriptor redis() {
  return blink("redis", kSink | kLookup,
               {
                   requiredOption("host", "Redis server address"),
                   option("port", "Redis server port, 6379 by default"),
                   option("password", "Password"),
                   option("dbNum", "Database number, 0 by default"),
                   choiceOption("mode", {"STRING", "LIST", "SET", "HASHMAP", "SORTEDSET"},
                                "Redis data structure a sink writes"),
                   option("ignoreDelete", "Ignore delete messages"),
                   option("clusterMode", "Whether the server is a cluster"),
                   option("hostAndPorts", "Cluster nodes, 'host1:port1,host2:port2'"),
               });
}

// Partial: the Blink 3.6/3.7 Hologres pages; the binlog source keys are not all listed.
ConnectorDescriptor hologres() {
  return blink(
      "hologres", kSource | kSink | kLookup,
      {
          requiredOption("endpoint", "VPC endpoint of the instance, 'host:port'"),
          requiredOption("dbname", "Database"),
          requiredOption("tablename", "Table"),
          requiredOption("username", "AccessKey ID"),
          requiredOption("password", "AccessKey secret"),
          option("field_delimiter", "Delimiter of array elements written as text"),
          option("arrayDelimiter", "Delimiter of array elements"),
          choiceOption("mutateType", {"insertorignore", "insertorreplace", "insertorupdate"},
                       "How a row with an existing key is written"),
          option("ignoreDelete", "Ignore delete messages"),
          option("createparttable", "Create missing partitions (Blink 3.7)"),
          option("partitionrouter", "Write to the parent of partitioned tables"),
          option("bulkread", "Read column-oriented tables"),
          option("binlog", "Read the table's binlog"),
          option("cdcMode", "Read the binlog as a changelog"),
      });
}

// Partial: Blink's print sink and random source have no documented keys of their own.
ConnectorDescriptor print() { return blink("print", kSink, {}); }
ConnectorDescriptor blackhole() { return blink("blackhole", kSink, {}); }
ConnectorDescriptor randomSource() { return blink("random", kSource, {}); }

}  // namespace

std::vector<ConnectorDescriptor> blinkConnectors() {
  std::vector<ConnectorDescriptor> connectors = {
      datahub(), odps(),          oracle(), sqlServer(), adb30(), adbpg(),     tablestore(),  tt(),
      sls(),     elasticsearch(), redis(),  hologres(),  print(), blackhole(), randomSource()};
  addUnderIdentifiers(connectors, rds(), {"rds", "mysql"});
  addUnderIdentifiers(connectors, hbase(), {"cloudhbase", "hbase"});
  addUnderIdentifiers(connectors, mq(), {"mq", "metaq"});
  addUnderIdentifiers(connectors, kafka(true), {"kafka08"});
  addUnderIdentifiers(connectors, kafka(false), {"kafka09", "kafka010", "kafka011", "kafka"});
  return connectors;
}

}  // namespace sluice::builtin_connectors
