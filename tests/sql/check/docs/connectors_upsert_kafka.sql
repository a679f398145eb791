-- Flink docs page: connectors/table/upsert-kafka ("Upsert Kafka SQL Connector"), the
-- pageviews_per_region example.
-- Fix: the page declares `viewtime TIMESTAMP` (= TIMESTAMP(6)) as the rowtime column; a
-- watermark needs TIMESTAMP(p) with p <= 3, so it is TIMESTAMP(3) here. The page's
-- 'properties.bootstrap.servers' = '...' is filled in, and 'avro' is replaced by 'json'.

CREATE TABLE pageviews_per_region (
  user_region STRING,
  pv BIGINT,
  uv BIGINT,
  PRIMARY KEY (user_region) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'pageviews_per_region',
  'properties.bootstrap.servers' = 'localhost:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TABLE pageviews (
  user_id BIGINT,
  page_id BIGINT,
  viewtime TIMESTAMP(3),
  user_region STRING,
  WATERMARK FOR viewtime AS viewtime - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'pageviews',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

-- calculate the pv, uv and insert into the upsert-kafka sink
INSERT INTO pageviews_per_region
SELECT
  user_region,
  COUNT(*),
  COUNT(DISTINCT user_id)
FROM pageviews
GROUP BY user_region;

-- an upsert-kafka table read back as a changelog source
SELECT user_region, pv FROM pageviews_per_region WHERE uv > 10;
