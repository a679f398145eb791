-- Sliding (HOP) and cumulating windows share partial aggregates per slice (5 s here). One row
-- per batch; the watermark is ts - 2 s. The row at 00:00:04 comes after the watermark reached
-- 00:00:10: every HOP window holding it has fired, so HOP drops it, while the CUMULATE window
-- [00:00:00, 00:00:20) is still open and counts it from its 00:00:15 step on.
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

SELECT window_start, window_end, COUNT(*), SUM(price)
FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- +I[2019-12-31 23:59:55.000, 2020-01-01 00:00:05.000, 2, 30]
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 2, 30]
-- +I[2020-01-01 00:00:05.000, 2020-01-01 00:00:15.000, 2, 6]
-- +I[2020-01-01 00:00:10.000, 2020-01-01 00:00:20.000, 2, 6]
-- +I[2020-01-01 00:00:20.000, 2020-01-01 00:00:30.000, 1, 2]
-- +I[2020-01-01 00:00:25.000, 2020-01-01 00:00:35.000, 1, 2]

-- The legacy form: HOP(time, slide, size).
SELECT HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND), COUNT(*)
FROM bid GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND);
-- +I[2019-12-31 23:59:55.000, 2]
-- +I[2020-01-01 00:00:00.000, 2]
-- +I[2020-01-01 00:00:05.000, 2]
-- +I[2020-01-01 00:00:10.000, 2]
-- +I[2020-01-01 00:00:20.000, 1]
-- +I[2020-01-01 00:00:25.000, 1]

SELECT window_start, window_end, COUNT(*), SUM(price)
FROM TABLE(CUMULATE(TABLE bid, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND))
GROUP BY window_start, window_end;
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:05.000, 2, 30]
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 2, 30]
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:15.000, 5, 43]
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:20.000, 5, 43]
-- +I[2020-01-01 00:00:20.000, 2020-01-01 00:00:30.000, 1, 2]
-- +I[2020-01-01 00:00:20.000, 2020-01-01 00:00:35.000, 1, 2]
-- +I[2020-01-01 00:00:20.000, 2020-01-01 00:00:40.000, 1, 2]

-- The table function alone copies each row into each of its windows (latest start first, as
-- Flink's sliding assigner lists them); it drops nothing.
SELECT auction, window_start, window_end, window_time
FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
WHERE auction = 2 OR price = 7;
-- +I[2, 2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 2020-01-01 00:00:09.999]
-- +I[2, 2019-12-31 23:59:55.000, 2020-01-01 00:00:05.000, 2020-01-01 00:00:04.999]
-- +I[1, 2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 2020-01-01 00:00:09.999]
-- +I[1, 2019-12-31 23:59:55.000, 2020-01-01 00:00:05.000, 2020-01-01 00:00:04.999]
