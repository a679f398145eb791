-- expect-error: 7:17: unknown connector 'kafak'
-- A misspelled connector identifier (the location is the value of the 'connector' option).
CREATE TABLE clicks (
  user_id BIGINT,
  url     STRING
) WITH (
  'connector' = 'kafak',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);
