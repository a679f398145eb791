-- PRIMARY KEY ... NOT ENFORCED as a column constraint, as a table constraint, named with
-- CONSTRAINT, and composite; used by upsert-kafka and jdbc sinks.
-- Source: Flink docs, dev/table/sql/create ("PRIMARY KEY").

CREATE TABLE users_cdc (
  user_id BIGINT PRIMARY KEY NOT ENFORCED,
  name    STRING,
  region  STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'users',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'users-cdc',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'debezium-json'
);

CREATE TABLE region_counts (
  region    STRING,
  user_cnt  BIGINT,
  PRIMARY KEY (region) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'region_counts',
  'properties.bootstrap.servers' = 'localhost:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TABLE user_region_daily (
  dt       STRING,
  region   STRING,
  user_id  BIGINT,
  name     STRING,
  CONSTRAINT pk_user_region_daily PRIMARY KEY (dt, region, user_id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/analytics',
  'table-name' = 'user_region_daily',
  'username' = 'flink',
  'password' = 'secret',
  'sink.buffer-flush.max-rows' = '500',
  'sink.buffer-flush.interval' = '2s',
  'sink.max-retries' = '3'
);

CREATE TABLE named_column_pk (
  id   STRING CONSTRAINT pk_id PRIMARY KEY NOT ENFORCED COMMENT 'named column-level key',
  val  INT
) WITH (
  'connector' = 'print'
);

INSERT INTO region_counts
SELECT region, COUNT(*) FROM users_cdc GROUP BY region;

INSERT INTO user_region_daily
SELECT DATE_FORMAT(CURRENT_TIMESTAMP, 'yyyy-MM-dd'), region, user_id, name FROM users_cdc;

INSERT INTO named_column_pk
SELECT name, CAST(user_id AS INT) FROM users_cdc;
