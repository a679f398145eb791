-- Which late rows OVER aggregation drops on event time. Flink's unbounded functions drop a row
-- at or behind the watermark; its bounded ones (n PRECEDING) drop a row only when its partition
-- has already emitted that timestamp or a later one, so a row behind the watermark that is still
-- ahead of its partition joins, and leaves at the next watermark.
--
-- One row per batch and one source instance (see over_event_time.sql); the watermark is
-- ts - 2 s. After 10:00:05 it is 10:00:03, which emits auction 1's row at 10:00:01; the rows at
-- 10:00:02 that follow are behind it (auction 2 has emitted nothing, auction 1 only 10:00:01).
-- After 10:00:09 it is 10:00:07, which emits every row so far, so the last row, at 10:00:01, is
-- late for every frame.
SET 'sqlc.batch.size' = '1';

CREATE TABLE bid (auction INT, price BIGINT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input bid:
-- 1,10,2024-01-01 10:00:01
-- 2,20,2024-01-01 10:00:05
-- 2,30,2024-01-01 10:00:02
-- 1,40,2024-01-01 10:00:02
-- 1,50,2024-01-01 10:00:09
-- 1,60,2024-01-01 10:00:01

-- Bounded RANGE: the rows at 10:00:02 count; 60 does not.
SELECT auction, price,
  COUNT(*) OVER (PARTITION BY auction ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW),
  SUM(price) OVER (PARTITION BY auction ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW)
FROM bid;
-- unordered
-- +I[1, 10, 1, 10]
-- +I[1, 40, 2, 50]
-- +I[1, 50, 3, 100]
-- +I[2, 30, 1, 30]
-- +I[2, 20, 2, 50]

-- Bounded ROWS: the same rule.
SELECT auction, price,
  COUNT(*) OVER (PARTITION BY auction ORDER BY ts ROWS 5 PRECEDING),
  SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS 5 PRECEDING)
FROM bid;
-- unordered
-- +I[1, 10, 1, 10]
-- +I[1, 40, 2, 50]
-- +I[1, 50, 3, 100]
-- +I[2, 30, 1, 30]
-- +I[2, 20, 2, 50]

-- Unbounded (RANGE and ROWS): every row behind the watermark is dropped.
SELECT auction, price,
  COUNT(*) OVER (PARTITION BY auction ORDER BY ts),
  SUM(price) OVER (PARTITION BY auction ORDER BY ts)
FROM bid;
-- unordered
-- +I[1, 10, 1, 10]
-- +I[1, 50, 2, 60]
-- +I[2, 20, 1, 20]

SELECT auction, price, COUNT(*) OVER (PARTITION BY auction ORDER BY ts ROWS UNBOUNDED PRECEDING)
FROM bid;
-- unordered
-- +I[1, 10, 1]
-- +I[1, 50, 2]
-- +I[2, 20, 1]
