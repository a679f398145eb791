-- expect-error: 9:17: precision
-- Flink docs (connectors/table/upsert-kafka) declare the rowtime column as TIMESTAMP, which is
-- TIMESTAMP(6); a watermark needs TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p <= 3.
CREATE TABLE pageviews (
  user_id BIGINT,
  page_id BIGINT,
  viewtime TIMESTAMP,
  user_region STRING,
  WATERMARK FOR viewtime AS viewtime - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'pageviews',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);
