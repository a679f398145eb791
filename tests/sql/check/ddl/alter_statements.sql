-- ALTER TABLE (Flink 1.17+ schema evolution forms, SET / RESET options, RENAME),
-- ALTER VIEW and ALTER FUNCTION.
-- Source: Flink docs, dev/table/sql/alter.

CREATE TABLE MyTable (
  id           BIGINT,
  measurement  INT,
  request_body STRING,
  log_ts       STRING,
  col1         STRING,
  col2         STRING,
  col3         STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'measurements',
  'properties.bootstrap.servers' = 'localhost:9092',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'csv'
);

-- add a new column
ALTER TABLE MyTable ADD category_id STRING COMMENT 'identifier of the category';

-- add columns, constraint, and watermark
ALTER TABLE MyTable ADD (
    event_ts STRING COMMENT 'event timestamp string' FIRST,
    ts AS TO_TIMESTAMP(event_ts) AFTER event_ts,
    PRIMARY KEY (id) NOT ENFORCED,
    WATERMARK FOR ts AS ts - INTERVAL '3' SECOND
);

-- modify a column type, comment and position
ALTER TABLE MyTable MODIFY measurement DOUBLE COMMENT 'unit is bytes per second' AFTER `id`;

-- modify the watermark strategy
ALTER TABLE MyTable MODIFY WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE;

-- drop columns
ALTER TABLE MyTable DROP (col1, col2);
ALTER TABLE MyTable DROP col3;

-- drop the primary key and the watermark
ALTER TABLE MyTable DROP PRIMARY KEY;
ALTER TABLE MyTable DROP WATERMARK;

-- rename a column
ALTER TABLE MyTable RENAME request_body TO payload;

-- set and reset options
ALTER TABLE MyTable SET ('scan.startup.mode' = 'latest-offset', 'format' = 'json');
ALTER TABLE MyTable RESET ('scan.startup.mode');

-- IF EXISTS on a table that does not exist is a no-op
ALTER TABLE IF EXISTS NoSuchTableIsFine SET ('format' = 'json');

-- rename the table
ALTER TABLE MyTable RENAME TO MyTable2;

CREATE VIEW my_view AS SELECT id, payload FROM MyTable2;
ALTER VIEW my_view RENAME TO my_view2;
ALTER VIEW my_view2 AS SELECT id, payload, category_id FROM MyTable2;

CREATE FUNCTION my_func AS 'com.example.udf.OldImpl';
ALTER FUNCTION my_func AS 'com.example.udf.NewImpl' LANGUAGE JAVA;
ALTER FUNCTION IF EXISTS no_such_func_is_fine AS 'com.example.udf.Whatever';

CREATE TABLE out_t (id BIGINT, payload STRING, category_id STRING, measurement DOUBLE)
WITH ('connector' = 'print');

INSERT INTO out_t SELECT id, payload, category_id, measurement FROM MyTable2;
