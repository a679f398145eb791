-- Flink docs page: dev/table/sql/create ("CREATE Statements"): the CREATE TABLE examples for
-- physical, metadata and computed columns, the full user_behavior example, and CTAS.
-- Fix: the page's computed-column example reads `cost AS price * quanitity` (a typo for
-- `quantity`); it is spelled correctly here.

CREATE TABLE MyTable (
  `user_id` BIGINT,
  `name` STRING
) WITH (
  'connector' = 'print'
);

CREATE TABLE MyTableMeta (
  `user_id` BIGINT,
  `name` STRING,
  `record_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'kafka',
  'topic' = 'my_table',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

INSERT INTO MyTableMeta SELECT user_id, name, record_time + INTERVAL '1' SECOND FROM MyTableMeta;

CREATE TABLE MyTableTimestamp (
  `user_id` BIGINT,
  `name` STRING,
  `timestamp` TIMESTAMP_LTZ(3) METADATA    -- use column name as metadata key
) WITH (
  'connector' = 'kafka',
  'topic' = 'my_table_ts',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

CREATE TABLE MyTableOffset (
  `timestamp` BIGINT METADATA,       -- cast the timestamp as BIGINT
  `user_id` BIGINT,
  `name` STRING,
  `offset` BIGINT METADATA VIRTUAL  -- read-only, excluded from INSERT INTO
) WITH (
  'connector' = 'kafka',
  'topic' = 'my_table_offset',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

CREATE TABLE MyTableCost (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quantity  -- evaluate expression and supply the result to queries
) WITH (
  'connector' = 'kafka',
  'topic' = 'my_table_cost',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

CREATE TABLE MyTableProctime (
  `user_id` BIGINT,
  `price` DOUBLE,
  `proc_time` AS PROCTIME()  -- processing-time attribute
) WITH ('connector' = 'datagen');

CREATE TABLE Orders (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ( 'connector' = 'datagen' );

CREATE TABLE kafka_table (
  user_id BIGINT,
  item_id BIGINT,
  category_id BIGINT,
  behavior STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_behavior',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'testGroup',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

INSERT INTO MyTable SELECT user_id, name FROM MyTableTimestamp;

INSERT INTO MyTableTimestamp SELECT user_id, name, `timestamp` FROM MyTableTimestamp;

INSERT INTO MyTableOffset (`timestamp`, user_id, name) SELECT `timestamp`, user_id, name FROM MyTableOffset;

SELECT user_id, cost FROM MyTableCost WHERE cost > 100;

-- CREATE TABLE AS SELECT
CREATE TABLE my_ctas_table
WITH (
    'connector' = 'kafka',
    'topic' = 'my_ctas_table',
    'properties.bootstrap.servers' = 'localhost:9092',
    'format' = 'json'
)
AS SELECT user_id, item_id, behavior FROM kafka_table WHERE MOD(user_id, 10) = 0;
