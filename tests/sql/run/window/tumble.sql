-- Tumbling windows on event time: the TVF form, the legacy GROUP BY TUMBLE(..) form, and a
-- window over another window's window_time. One source instance and one row per batch, so the
-- watermark (ts - 2 s) advances after every row: the row at 00:00:04 arrives after the watermark
-- reached 00:00:10, when its window [00:00:00, 00:00:10) has fired, and is dropped as late.
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
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, auction;
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 1, 1, 10]
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 2, 1, 20]
-- +I[2020-01-01 00:00:10.000, 2020-01-01 00:00:20.000, 1, 1, 5]
-- +I[2020-01-01 00:00:10.000, 2020-01-01 00:00:20.000, 3, 1, 1]
-- +I[2020-01-01 00:00:20.000, 2020-01-01 00:00:30.000, 1, 1, 2]

-- The legacy group window, with its auxiliary functions; window_time is end - 1 ms.
SELECT auction, TUMBLE_START(ts, INTERVAL '10' SECOND), TUMBLE_END(ts, INTERVAL '10' SECOND),
       TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND), MAX(price)
FROM bid GROUP BY auction, TUMBLE(ts, INTERVAL '10' SECOND);
-- +I[1, 2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 2020-01-01 00:00:09.999, 10]
-- +I[2, 2020-01-01 00:00:00.000, 2020-01-01 00:00:10.000, 2020-01-01 00:00:09.999, 20]
-- +I[1, 2020-01-01 00:00:10.000, 2020-01-01 00:00:20.000, 2020-01-01 00:00:19.999, 5]
-- +I[3, 2020-01-01 00:00:10.000, 2020-01-01 00:00:20.000, 2020-01-01 00:00:19.999, 1]
-- +I[1, 2020-01-01 00:00:20.000, 2020-01-01 00:00:30.000, 2020-01-01 00:00:29.999, 2]

-- A filter between the TVF and the aggregate, and a global window (one instance).
SELECT window_start, COUNT(*), MIN(price)
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND))
WHERE price > 1
GROUP BY window_start, window_end;
-- +I[2020-01-01 00:00:00.000, 2, 10]
-- +I[2020-01-01 00:00:10.000, 1, 5]
-- +I[2020-01-01 00:00:20.000, 1, 2]

-- Cascaded windows: 20-second windows over the 10-second ones' window_time.
CREATE VIEW per_auction AS
SELECT window_time AS wt, auction, COUNT(*) AS cnt
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, window_time, auction;

SELECT window_start, window_end, SUM(cnt), COUNT(*)
FROM TABLE(TUMBLE(TABLE per_auction, DESCRIPTOR(wt), INTERVAL '20' SECOND))
GROUP BY window_start, window_end;
-- +I[2020-01-01 00:00:00.000, 2020-01-01 00:00:20.000, 4, 4]
-- +I[2020-01-01 00:00:20.000, 2020-01-01 00:00:40.000, 1, 1]
