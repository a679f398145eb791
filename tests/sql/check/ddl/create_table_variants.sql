-- CREATE TABLE variants: IF NOT EXISTS, TEMPORARY, catalog- and database-qualified names,
-- table COMMENT, CREATE CATALOG / CREATE DATABASE, and CREATE TABLE ... AS SELECT (CTAS).
-- Source: Flink docs, dev/table/sql/create.

CREATE CATALOG my_catalog WITH (
  'type' = 'generic_in_memory'
);

CREATE DATABASE IF NOT EXISTS my_catalog.my_db COMMENT 'scratch database';

CREATE TABLE IF NOT EXISTS clicks (
  user_id BIGINT,
  url     STRING,
  ts      TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) COMMENT 'raw click stream'
WITH (
  'connector' = 'datagen',
  'rows-per-second' = '10',
  'fields.user_id.kind' = 'random',
  'fields.user_id.min' = '1',
  'fields.user_id.max' = '1000',
  'fields.url.length' = '20'
);

-- Creating the same table again with IF NOT EXISTS is a no-op.
CREATE TABLE IF NOT EXISTS clicks (
  user_id BIGINT,
  url     STRING,
  ts      TIMESTAMP(3)
) WITH (
  'connector' = 'datagen'
);

CREATE TEMPORARY TABLE tmp_clicks_sink (
  user_id BIGINT,
  url     STRING
) WITH (
  'connector' = 'print'
);

CREATE TABLE default_catalog.default_database.qualified_sink (
  user_id BIGINT,
  cnt     BIGINT
) WITH (
  'connector' = 'blackhole'
);

CREATE TABLE my_catalog.my_db.other_catalog_sink (
  url STRING,
  cnt BIGINT
) WITH (
  'connector' = 'blackhole'
);

CREATE TEMPORARY TABLE IF NOT EXISTS default_database.db_qualified_sink (
  user_id BIGINT
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO tmp_clicks_sink SELECT user_id, url FROM clicks;

INSERT INTO default_catalog.default_database.qualified_sink
SELECT user_id, COUNT(*) FROM default_catalog.default_database.clicks GROUP BY user_id;

INSERT INTO my_catalog.my_db.other_catalog_sink
SELECT url, COUNT(*) FROM clicks GROUP BY url;

INSERT INTO default_database.db_qualified_sink SELECT user_id FROM clicks;

-- CREATE TABLE AS SELECT: the schema comes from the query.
CREATE TABLE clicks_copy
WITH (
  'connector' = 'kafka',
  'topic' = 'clicks_copy',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
)
AS SELECT user_id, url, ts FROM clicks WHERE MOD(user_id, 10) = 0;
