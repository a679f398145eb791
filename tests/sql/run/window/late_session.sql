-- A session row behind the watermark is dropped when the session it would open or extend has
-- already fired. One source instance, one row per batch; the watermark is ts - 2 s.
SET 'sqlc.batch.size' = '1';
CREATE TABLE bid (auction BIGINT, price BIGINT, ts TIMESTAMP(3),
                  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input bid:
-- 1,10,2020-01-01 00:00:01
-- 2,20,2020-01-01 00:00:03
-- 1,5,2020-01-01 00:00:12
-- 1,7,2020-01-01 00:00:04
-- 3,1,2020-01-01 00:00:11
-- 1,2,2020-01-01 00:00:25

SELECT window_start, window_end, auction, COUNT(*), SUM(price)
FROM TABLE(SESSION(TABLE bid PARTITION BY auction, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY window_start, window_end, auction;
-- +I[2020-01-01 00:00:01.000, 2020-01-01 00:00:06.000, 1, 1, 10]
-- +I[2020-01-01 00:00:03.000, 2020-01-01 00:00:08.000, 2, 1, 20]
-- +I[2020-01-01 00:00:11.000, 2020-01-01 00:00:16.000, 3, 1, 1]
-- +I[2020-01-01 00:00:12.000, 2020-01-01 00:00:17.000, 1, 1, 5]
-- +I[2020-01-01 00:00:25.000, 2020-01-01 00:00:30.000, 1, 1, 2]
