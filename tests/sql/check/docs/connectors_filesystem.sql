-- Flink docs page: connectors/table/filesystem ("FileSystem SQL Connector"), the streaming
-- sink examples (partition commit on process time and on partition time with TIMESTAMP and
-- TIMESTAMP_LTZ rowtimes) and the batch query with partition pruning.
-- Changes: the page's 'parquet' format is 'json' here; the page's kafka `WITH (...)` is filled in.

CREATE TABLE kafka_table (
  user_id STRING,
  order_amount DOUBLE,
  log_ts TIMESTAMP(3),
  WATERMARK FOR log_ts AS log_ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'fs-sink',
  'format' = 'json'
);

CREATE TABLE fs_table (
  user_id STRING,
  order_amount DOUBLE,
  dt STRING,
  `hour` STRING
) PARTITIONED BY (dt, `hour`) WITH (
  'connector'='filesystem',
  'path'='file:///tmp/fs_table',
  'format'='json',
  'sink.partition-commit.delay'='1 h',
  'sink.partition-commit.policy.kind'='success-file'
);

-- streaming sql, insert into file system table
INSERT INTO fs_table
SELECT
    user_id,
    order_amount,
    DATE_FORMAT(log_ts, 'yyyy-MM-dd'),
    DATE_FORMAT(log_ts, 'HH')
FROM kafka_table;

-- partition-time commit trigger
CREATE TABLE fs_table_partition_time (
  user_id STRING,
  order_amount DOUBLE,
  dt STRING,
  `hour` STRING
) PARTITIONED BY (dt, `hour`) WITH (
  'connector'='filesystem',
  'path'='file:///tmp/fs_table_partition_time',
  'format'='json',
  'partition.time-extractor.timestamp-pattern'='$dt $hour:00:00',
  'sink.partition-commit.delay'='1 h',
  'sink.partition-commit.trigger'='partition-time',
  'sink.partition-commit.watermark-time-zone'='Asia/Shanghai', -- Assume user configured time zone is 'Asia/Shanghai'
  'sink.partition-commit.policy.kind'='success-file'
);

-- TIMESTAMP_LTZ rowtime
CREATE TABLE kafka_table_ltz (
  user_id STRING,
  order_amount DOUBLE,
  ts BIGINT, -- time in epoch milliseconds
  ts_ltz AS TO_TIMESTAMP_LTZ(ts, 3),
  WATERMARK FOR ts_ltz AS ts_ltz - INTERVAL '5' SECOND -- Define watermark on TIMESTAMP_LTZ column
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders_ltz',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'fs-sink',
  'format' = 'json'
);

-- streaming sql, insert into file system table
INSERT INTO fs_table_partition_time
SELECT
    user_id,
    order_amount,
    DATE_FORMAT(ts_ltz, 'yyyy-MM-dd'),
    DATE_FORMAT(ts_ltz, 'HH')
FROM kafka_table_ltz;

-- batch sql, select with partition pruning
SELECT * FROM fs_table WHERE dt='2020-05-20' and `hour`='12';
