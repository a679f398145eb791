-- OVER aggregation on event time (Flink's RowTime*PrecedingFunction): rows wait until the
-- watermark passes them and leave in timestamp order, each with the aggregates over its frame
-- appended. The input is out of order, has ties on the timestamp, and one late row.
--
-- One row per batch, so that the watermark (ts - 2 s, the highest so far) advances between rows:
-- the watermark reaches 10:00:04 after the row at 10:00:06, so the row at 10:00:03 that follows
-- it is late and dropped. Rows of auction 1 at 10:00:03 tie (20 arrived before 40). One source
-- instance, so that at parallelism 4 too the watermark is that of the rows before (not held back
-- by source instances that have not started yet).
SET 'sqlc.batch.size' = '1';

CREATE TABLE bid (auction INT, price BIGINT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input bid:
-- 1,10,2024-01-01 10:00:01
-- 1,20,2024-01-01 10:00:03
-- 2,5,2024-01-01 10:00:02
-- 1,30,2024-01-01 10:00:02
-- 1,40,2024-01-01 10:00:03
-- 1,50,2024-01-01 10:00:06
-- 1,60,2024-01-01 10:00:03
-- 2,8,2024-01-01 10:00:09
-- 1,70,2024-01-01 10:00:08
-- 1,80,2024-01-01 10:00:12

-- ROWS BETWEEN 1 PRECEDING AND CURRENT ROW: the row and the one before it in (time, arrival)
-- order; the tied rows at 10:00:03 see each other in arrival order. The late 60 is in no frame.
SELECT auction, price, ts,
  SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
  COUNT(*) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM bid;
-- unordered
-- +I[1, 10, 2024-01-01 10:00:01.000, 10, 1]
-- +I[1, 30, 2024-01-01 10:00:02.000, 40, 2]
-- +I[1, 20, 2024-01-01 10:00:03.000, 50, 2]
-- +I[1, 40, 2024-01-01 10:00:03.000, 60, 2]
-- +I[1, 50, 2024-01-01 10:00:06.000, 90, 2]
-- +I[1, 70, 2024-01-01 10:00:08.000, 120, 2]
-- +I[1, 80, 2024-01-01 10:00:12.000, 150, 2]
-- +I[2, 5, 2024-01-01 10:00:02.000, 5, 1]
-- +I[2, 8, 2024-01-01 10:00:09.000, 13, 2]

-- The short form `ROWS n PRECEDING` is the same frame; ROWS 0 PRECEDING is the row alone.
SELECT auction, price,
  SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS 2 PRECEDING),
  MIN(price) OVER (PARTITION BY auction ORDER BY ts ROWS 2 PRECEDING),
  MAX(price) OVER (PARTITION BY auction ORDER BY ts ROWS 2 PRECEDING)
FROM bid;
-- unordered
-- +I[1, 10, 10, 10, 10]
-- +I[1, 30, 40, 10, 30]
-- +I[1, 20, 60, 10, 30]
-- +I[1, 40, 90, 20, 40]
-- +I[1, 50, 110, 20, 50]
-- +I[1, 70, 160, 40, 70]
-- +I[1, 80, 200, 50, 80]
-- +I[2, 5, 5, 5, 5]
-- +I[2, 8, 13, 5, 8]

SELECT auction, price, COUNT(*) OVER (PARTITION BY auction ORDER BY ts ROWS 0 PRECEDING) FROM bid;
-- unordered
-- +I[1, 10, 1]
-- +I[1, 30, 1]
-- +I[1, 20, 1]
-- +I[1, 40, 1]
-- +I[1, 50, 1]
-- +I[1, 70, 1]
-- +I[1, 80, 1]
-- +I[2, 5, 1]
-- +I[2, 8, 1]

-- RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW: the rows of [ts - 2 s, ts]. The
-- tied rows at 10:00:03 are peers: both see each other and get one result. MIN and MAX fall back
-- when the rows holding them leave the frame (50 at 10:00:06 sees only itself).
SELECT auction, price,
  SUM(price) OVER w, COUNT(*) OVER w, MIN(price) OVER w, MAX(price) OVER w, AVG(price) OVER w
FROM bid
WINDOW w AS (PARTITION BY auction ORDER BY ts RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW);
-- unordered
-- +I[1, 10, 10, 1, 10, 10, 10]
-- +I[1, 30, 40, 2, 10, 30, 20]
-- +I[1, 20, 100, 4, 10, 40, 25]
-- +I[1, 40, 100, 4, 10, 40, 25]
-- +I[1, 50, 50, 1, 50, 50, 50]
-- +I[1, 70, 120, 2, 50, 70, 60]
-- +I[1, 80, 80, 1, 80, 80, 80]
-- +I[2, 5, 5, 1, 5, 5, 5]
-- +I[2, 8, 8, 1, 8, 8, 8]

-- ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW: a running total in (time, arrival) order.
SELECT auction, price,
  SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
  COUNT(*) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM bid;
-- unordered
-- +I[1, 10, 10, 1]
-- +I[1, 30, 40, 2]
-- +I[1, 20, 60, 3]
-- +I[1, 40, 100, 4]
-- +I[1, 50, 150, 5]
-- +I[1, 70, 220, 6]
-- +I[1, 80, 300, 7]
-- +I[2, 5, 5, 1]
-- +I[2, 8, 13, 2]

-- The default frame with ORDER BY is RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW: peers at
-- 10:00:03 share the total. A named window referenced by several calls; FIRST_VALUE and
-- LAST_VALUE in arrival order within the tie.
SELECT auction, price,
  SUM(price) OVER w, MAX(price) OVER w, FIRST_VALUE(price) OVER w, LAST_VALUE(price) OVER w
FROM bid
WINDOW w AS (PARTITION BY auction ORDER BY ts);
-- unordered
-- +I[1, 10, 10, 10, 10, 10]
-- +I[1, 30, 40, 30, 10, 30]
-- +I[1, 20, 100, 40, 10, 40]
-- +I[1, 40, 100, 40, 10, 40]
-- +I[1, 50, 150, 50, 10, 50]
-- +I[1, 70, 220, 70, 10, 70]
-- +I[1, 80, 300, 80, 10, 80]
-- +I[2, 5, 5, 5, 5, 5]
-- +I[2, 8, 13, 8, 5, 8]

-- Without PARTITION BY the window is global (one instance); rows leave in timestamp order as the
-- watermark passes them, ties in arrival order, and peers share their result.
SELECT auction, price, ts,
  COUNT(*) OVER (ORDER BY ts RANGE UNBOUNDED PRECEDING),
  SUM(price) OVER (ORDER BY ts RANGE UNBOUNDED PRECEDING)
FROM bid;
-- +I[1, 10, 2024-01-01 10:00:01.000, 1, 10]
-- +I[2, 5, 2024-01-01 10:00:02.000, 3, 45]
-- +I[1, 30, 2024-01-01 10:00:02.000, 3, 45]
-- +I[1, 20, 2024-01-01 10:00:03.000, 5, 105]
-- +I[1, 40, 2024-01-01 10:00:03.000, 5, 105]
-- +I[1, 50, 2024-01-01 10:00:06.000, 6, 155]
-- +I[1, 70, 2024-01-01 10:00:08.000, 7, 225]
-- +I[2, 8, 2024-01-01 10:00:09.000, 8, 233]
-- +I[1, 80, 2024-01-01 10:00:12.000, 9, 313]

-- Operands and partition keys may be expressions: a Calc computes them before the OVER.
SELECT auction, price,
  SUM(price * 2) OVER (PARTITION BY auction % 2 ORDER BY ts ROWS 1 PRECEDING),
  COUNT(1) OVER (PARTITION BY auction % 2 ORDER BY ts ROWS 1 PRECEDING)
FROM bid;
-- unordered
-- +I[1, 10, 20, 1]
-- +I[1, 30, 80, 2]
-- +I[1, 20, 100, 2]
-- +I[1, 40, 120, 2]
-- +I[1, 50, 180, 2]
-- +I[1, 70, 240, 2]
-- +I[1, 80, 300, 2]
-- +I[2, 5, 10, 1]
-- +I[2, 8, 26, 2]
