-- PARTITIONED BY, INSERT with a static PARTITION (...) spec, partially static partitions,
-- a column list after the partition spec, and INSERT OVERWRITE (batch mode).
-- Source: Flink docs, dev/table/sql/insert (with the reserved words `user` / `date` back-quoted).

SET 'execution.runtime-mode' = 'batch';

CREATE TABLE page_view_source (
  `user`   STRING,
  cnt      INT,
  country  STRING
) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///data/page_views',
  'format' = 'json'
);

-- Creates a partitioned table
CREATE TABLE country_page_view (
  `user`   STRING,
  cnt      INT,
  `date`   STRING,
  country  STRING
) PARTITIONED BY (`date`, country) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///data/country_page_view',
  'format' = 'csv',
  'partition.default-name' = '__DEFAULT_PARTITION__'
);

-- Appends rows into the static partition (date='2019-8-30', country='China')
INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China')
  SELECT `user`, cnt FROM page_view_source;

-- Appends rows into partition (date, country), where date is static partition with value '2019-8-30',
-- country is dynamic partition whose value is dynamic determined by each row.
INSERT INTO country_page_view PARTITION (`date`='2019-8-30')
  SELECT `user`, cnt, country FROM page_view_source;

-- Overwrites rows into static partition (date='2019-8-30', country='China')
INSERT OVERWRITE country_page_view PARTITION (`date`='2019-8-30', country='China')
  SELECT `user`, cnt FROM page_view_source;

-- Overwrites rows into partition (date, country), where date is static partition with value '2019-8-30',
-- country is dynamic partition whose value is dynamic determined by each row.
INSERT OVERWRITE country_page_view PARTITION (`date`='2019-8-30')
  SELECT `user`, cnt, country FROM page_view_source;

-- Appends rows into the static partition (date='2019-8-30', country='China')
-- the column cnt is set to NULL
INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China') (`user`)
  SELECT `user` FROM page_view_source;

-- Fully dynamic partitioning, and INSERT OVERWRITE without a partition spec.
INSERT INTO country_page_view
  SELECT `user`, cnt, '2019-8-31', country FROM page_view_source;

INSERT OVERWRITE country_page_view
  SELECT `user`, cnt, '2019-9-01', country FROM page_view_source WHERE cnt > 0;
