-- CREATE TABLE .. AS SELECT takes its columns (materialized, no time attributes) from the query
-- and writes the query into the new table; the table can be used right after.
CREATE TABLE clicks (user_id BIGINT, url STRING, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');

CREATE TABLE sampled WITH ('connector' = 'blackhole')
AS SELECT user_id, UPPER(url) AS url, ts FROM clicks WHERE MOD(user_id, 10) = 0;

DESCRIBE sampled;
