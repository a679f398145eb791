-- One table per supported connector, each with a realistic set of documented options.
-- Source: Flink docs, connectors/table/{datagen, print, blackhole, filesystem, kafka,
-- upsert-kafka, jdbc} and formats/{csv, json}.

CREATE TABLE gen_source (
  id        BIGINT,
  seq       INT,
  name      STRING,
  score     DOUBLE,
  created   TIMESTAMP(3),
  WATERMARK FOR created AS created - INTERVAL '1' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '100',
  'number-of-rows' = '1000000',
  'fields.id.kind' = 'random',
  'fields.id.min' = '1',
  'fields.id.max' = '100000',
  'fields.seq.kind' = 'sequence',
  'fields.seq.start' = '1',
  'fields.seq.end' = '1000000',
  'fields.name.length' = '12',
  'fields.score.min' = '0.0',
  'fields.score.max' = '100.0',
  'fields.created.max-past' = '5000'
);

CREATE TABLE csv_files (
  id    BIGINT,
  name  STRING,
  score DOUBLE,
  dt    STRING
) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem',
  'path' = 's3://my-bucket/scores',
  'format' = 'csv',
  'csv.field-delimiter' = ';',
  'csv.ignore-parse-errors' = 'true',
  'csv.quote-character' = '"',
  'csv.null-literal' = 'NULL',
  'sink.rolling-policy.file-size' = '128MB',
  'sink.rolling-policy.rollover-interval' = '30 min',
  'sink.rolling-policy.check-interval' = '1 min',
  'auto-compaction' = 'true',
  'compaction.file-size' = '128MB',
  'sink.partition-commit.trigger' = 'process-time',
  'sink.partition-commit.delay' = '0 s',
  'sink.partition-commit.policy.kind' = 'success-file',
  'sink.partition-commit.success-file.name' = '_SUCCESS',
  'partition.time-extractor.timestamp-pattern' = '$dt 00:00:00'
);

CREATE TABLE json_files (
  id    BIGINT,
  name  STRING,
  tags  ARRAY<STRING>
) WITH (
  'connector' = 'filesystem',
  'path' = 'hdfs:///warehouse/json_files',
  'format' = 'json',
  'json.fail-on-missing-field' = 'false',
  'json.ignore-parse-errors' = 'true',
  'json.timestamp-format.standard' = 'ISO-8601',
  'source.monitor-interval' = '10 s'
);

CREATE TABLE kafka_full (
  `key_id`   BIGINT,
  `id`       BIGINT,
  `name`     STRING,
  `score`    DOUBLE,
  `ts`       TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'kafka',
  'topic' = 'scores;scores_backfill',
  'properties.bootstrap.servers' = 'broker1:9092,broker2:9092',
  'properties.group.id' = 'scores-consumer',
  'properties.auto.offset.reset' = 'earliest',
  'properties.security.protocol' = 'SASL_SSL',
  'properties.sasl.mechanism' = 'PLAIN',
  'scan.startup.mode' = 'timestamp',
  'scan.startup.timestamp-millis' = '1700000000000',
  'scan.topic-partition-discovery.interval' = '60s',
  'key.format' = 'json',
  'key.fields' = 'key_id',
  'key.fields-prefix' = 'key_',
  'key.json.ignore-parse-errors' = 'true',
  'value.format' = 'json',
  'value.fields-include' = 'EXCEPT_KEY',
  'value.json.fail-on-missing-field' = 'false'
);

CREATE TABLE kafka_pattern_source (
  id   BIGINT,
  name STRING
) WITH (
  'connector' = 'kafka',
  'topic-pattern' = 'scores_.*',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'pattern-consumer',
  'scan.startup.mode' = 'specific-offsets',
  'scan.startup.specific-offsets' = 'partition:0,offset:42;partition:1,offset:300',
  'scan.bounded.mode' = 'latest-offset',
  'format' = 'csv'
);

CREATE TABLE kafka_sink (
  id    BIGINT,
  name  STRING,
  score DOUBLE
) WITH (
  'connector' = 'kafka',
  'topic' = 'scores_out',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.transaction.timeout.ms' = '900000',
  'sink.partitioner' = 'fixed',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'scores-out',
  'sink.parallelism' = '2',
  'format' = 'json'
);

CREATE TABLE upsert_sink (
  name      STRING,
  max_score DOUBLE,
  cnt       BIGINT,
  PRIMARY KEY (name) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'score_stats',
  'properties.bootstrap.servers' = 'localhost:9092',
  'key.format' = 'csv',
  'value.format' = 'json',
  'value.fields-include' = 'ALL',
  'sink.parallelism' = '2',
  'sink.buffer-flush.max-rows' = '1000',
  'sink.buffer-flush.interval' = '1s'
);

CREATE TABLE jdbc_dim (
  id       BIGINT,
  nickname STRING,
  level    INT,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/users',
  'table-name' = 'user_profile',
  'driver' = 'com.mysql.cj.jdbc.Driver',
  'username' = 'reader',
  'password' = 'secret',
  'connection.max-retry-timeout' = '60s',
  'scan.fetch-size' = '1000',
  'lookup.cache' = 'PARTIAL',
  'lookup.partial-cache.max-rows' = '10000',
  'lookup.partial-cache.expire-after-write' = '10 min',
  'lookup.partial-cache.cache-missing-key' = 'true',
  'lookup.max-retries' = '3'
);

CREATE TABLE jdbc_dim_legacy_cache (
  id       BIGINT,
  region   STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://localhost:5432/geo',
  'table-name' = 'public.regions',
  'lookup.cache.max-rows' = '5000',
  'lookup.cache.ttl' = '1 h'
);

CREATE TABLE jdbc_partitioned_scan (
  id   BIGINT,
  name STRING
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/users',
  'table-name' = 'users',
  'scan.partition.column' = 'id',
  'scan.partition.num' = '4',
  'scan.partition.lower-bound' = '0',
  'scan.partition.upper-bound' = '1000000'
);

CREATE TABLE print_sink (
  id    BIGINT,
  name  STRING,
  score DOUBLE
) WITH (
  'connector' = 'print',
  'print-identifier' = 'scores',
  'standard-error' = 'false',
  'sink.parallelism' = '1'
);

CREATE TABLE blackhole_sink (
  id    BIGINT,
  name  STRING,
  score DOUBLE
) WITH (
  'connector' = 'blackhole'
);

EXECUTE STATEMENT SET
BEGIN
INSERT INTO csv_files SELECT id, name, score, DATE_FORMAT(created, 'yyyy-MM-dd') FROM gen_source;
INSERT INTO json_files SELECT id, name, ARRAY[name] FROM gen_source;
INSERT INTO kafka_sink SELECT id, name, score FROM kafka_full;
INSERT INTO upsert_sink SELECT name, MAX(score), COUNT(*) FROM kafka_pattern_source
  JOIN gen_source USING (id, name) GROUP BY name;
INSERT INTO print_sink SELECT id, name, CAST(id AS DOUBLE) FROM jdbc_partitioned_scan;
INSERT INTO blackhole_sink SELECT id, nickname, CAST(level AS DOUBLE) FROM jdbc_dim;
INSERT INTO blackhole_sink SELECT id, region, 0.0 FROM jdbc_dim_legacy_cache;
END;
