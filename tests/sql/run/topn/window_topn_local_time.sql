-- Window TopN and window deduplication over a TIMESTAMP_LTZ time attribute outside UTC. The
-- window TVF aligns windows on the wall clock of table.local-time-zone (as window aggregates do,
-- tests/sql/run/window/local_time.sql), and a window fires when the watermark, an instant,
-- passes the instant its end denotes on that clock (Flink's shiftTimeZone). One row per batch and
-- one source instance, so that each row moves the watermark (ts itself) before the next arrives.
SET 'sqlc.batch.size' = '1';
SET 'table.local-time-zone' = 'Asia/Shanghai';

-- Shanghai is UTC+8. 15:00 UTC on 1 January is 23:00 there; 16:30 UTC is 00:30 on 2 January, so
-- the third row closes the day window of 1 January (it ends at 16:00 UTC), and the fourth row
-- (15:45 UTC, 23:45 in Shanghai) is late and dropped. Aligned on UTC days instead, the first four
-- rows would share one window and the 500 would win it.
CREATE TABLE bid (id BIGINT, price BIGINT, ms BIGINT,
  ts AS TO_TIMESTAMP_LTZ(ms, 3), WATERMARK FOR ts AS ts)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input bid:
-- 1,100,1577890800000
-- 2,300,1577892600000
-- 3,200,1577896200000
-- 4,500,1577893500000
-- 5,50,1577959200000

SELECT window_start, window_end, id, price, rn
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '1' DAY)))
WHERE rn <= 1;
-- +I[2020-01-01 00:00:00.000, 2020-01-02 00:00:00.000, 2, 300, 1]
-- +I[2020-01-02 00:00:00.000, 2020-01-03 00:00:00.000, 3, 200, 1]

-- The last row per window by event time (window deduplication); ts prints on the local clock.
SELECT window_start, id, ts
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY ts DESC) AS rn
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '1' DAY)))
WHERE rn = 1;
-- +I[2020-01-01 00:00:00.000, 2, 2020-01-01 23:30:00.000]
-- +I[2020-01-02 00:00:00.000, 5, 2020-01-02 18:00:00.000]

-- The first row per window: HOP windows of 1 day every 12 hours, on the local clock.
SELECT window_start, window_end, id
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY ts) AS rn
      FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ts), INTERVAL '12' HOUR, INTERVAL '1' DAY)))
WHERE rn = 1;
-- +I[2020-01-01 00:00:00.000, 2020-01-02 00:00:00.000, 1]
-- +I[2020-01-01 12:00:00.000, 2020-01-02 12:00:00.000, 1]
-- +I[2020-01-02 00:00:00.000, 2020-01-03 00:00:00.000, 3]
-- +I[2020-01-02 12:00:00.000, 2020-01-03 12:00:00.000, 5]

-- Los Angeles across the start of daylight saving time: 8 March 2020 has 23 hours there, from
-- 08:00 UTC (midnight PST) to 07:00 UTC on 9 March (midnight PDT). The third row, 07:30 UTC, is
-- 00:30 on 9 March and closes that day; the fourth, 06:45 UTC (23:45 on 8 March), is late.
SET 'table.local-time-zone' = 'America/Los_Angeles';

CREATE TABLE la_bid (id BIGINT, price BIGINT, ms BIGINT,
  ts AS TO_TIMESTAMP_LTZ(ms, 3), WATERMARK FOR ts AS ts)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input la_bid:
-- 1,100,1583694000000
-- 2,300,1583735400000
-- 3,200,1583739000000
-- 4,500,1583736300000
-- 5,50,1583748000000

SELECT window_start, window_end, id, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
      FROM TABLE(TUMBLE(TABLE la_bid, DESCRIPTOR(ts), INTERVAL '1' DAY)))
WHERE rn <= 1;
-- +I[2020-03-08 00:00:00.000, 2020-03-09 00:00:00.000, 2, 300]
-- +I[2020-03-09 00:00:00.000, 2020-03-10 00:00:00.000, 3, 200]

SELECT window_start, id, ts
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY ts DESC) AS rn
      FROM TABLE(TUMBLE(TABLE la_bid, DESCRIPTOR(ts), INTERVAL '1' DAY)))
WHERE rn = 1;
-- +I[2020-03-08 00:00:00.000, 2, 2020-03-08 23:30:00.000]
-- +I[2020-03-09 00:00:00.000, 5, 2020-03-09 03:00:00.000]

-- A window aggregate over the same day: 23 hours long, from local midnight to local midnight
-- (07:00 UTC), so row 4 (23:45 local) comes after the watermark closed it and is dropped.
SELECT window_start, window_end, COUNT(*), SUM(price)
FROM TABLE(TUMBLE(TABLE la_bid, DESCRIPTOR(ts), INTERVAL '1' DAY))
GROUP BY window_start, window_end;
-- +I[2020-03-08 00:00:00.000, 2020-03-09 00:00:00.000, 2, 400]
-- +I[2020-03-09 00:00:00.000, 2020-03-10 00:00:00.000, 2, 250]
