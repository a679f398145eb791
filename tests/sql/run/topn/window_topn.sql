-- Window TopN and window deduplication over TUMBLE: rows are kept per window (and key) until the
-- watermark passes the window end, then the result is emitted once, insert-only, and the
-- window's state dropped. One row per batch, so that each row moves the watermark (ts - 1 s):
-- the row at 00:00:12 closes the first window.
SET 'sqlc.batch.size' = '1';

CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, ts TIMESTAMP(3),
  pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,10,100,2026-01-01 00:00:01
-- 1,11,300,2026-01-01 00:00:02
-- 2,12,200,2026-01-01 00:00:03
-- 1,13,300,2026-01-01 00:00:05
-- 2,14,50,2026-01-01 00:00:04
-- 1,15,400,2026-01-01 00:00:12
-- 2,17,70,2026-01-01 00:00:15

-- The top 2 bids of each window (WindowRankProcessor); the tie at 300 ranks by arrival.
SELECT window_start, window_end, bidder, price, rn
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
WHERE rn <= 2;
-- +I[2026-01-01 00:00:00.000, 2026-01-01 00:00:10.000, 11, 300, 1]
-- +I[2026-01-01 00:00:00.000, 2026-01-01 00:00:10.000, 13, 300, 2]
-- +I[2026-01-01 00:00:10.000, 2026-01-01 00:00:20.000, 15, 400, 1]
-- +I[2026-01-01 00:00:10.000, 2026-01-01 00:00:20.000, 17, 70, 2]

-- Ranks 2 and 3 only, without the rank number.
SELECT window_start, bidder, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
WHERE rn BETWEEN 2 AND 3;
-- +I[2026-01-01 00:00:00.000, 13, 300]
-- +I[2026-01-01 00:00:00.000, 12, 200]
-- +I[2026-01-01 00:00:10.000, 17, 70]

-- Per window and auction, the last bid by event time (RowTimeWindowDeduplicateProcessor). The
-- windows' keys fire together, in no order Flink guarantees.
SELECT window_start, auction, bidder, ts
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, auction ORDER BY ts DESC) AS rn
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
WHERE rn = 1;
-- unordered
-- +I[2026-01-01 00:00:00.000, 1, 13, 2026-01-01 00:00:05.000]
-- +I[2026-01-01 00:00:00.000, 2, 14, 2026-01-01 00:00:04.000]
-- +I[2026-01-01 00:00:10.000, 1, 15, 2026-01-01 00:00:12.000]
-- +I[2026-01-01 00:00:10.000, 2, 17, 2026-01-01 00:00:15.000]

-- The first bid per window and auction.
SELECT window_start, auction, bidder
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, auction ORDER BY ts) AS rn
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
WHERE rn = 1;
-- unordered
-- +I[2026-01-01 00:00:00.000, 1, 10]
-- +I[2026-01-01 00:00:00.000, 2, 12]
-- +I[2026-01-01 00:00:10.000, 1, 15]
-- +I[2026-01-01 00:00:10.000, 2, 17]

-- Flink runs window TopN and window deduplication on event time only.
SELECT bidder
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(pt), INTERVAL '10' SECOND)))
WHERE rn <= 2;
-- error: Processing time Window TopN is not supported yet.

-- A row of a window that has fired is late and dropped (counted as skipped). Whether a row is
-- late depends on when the watermark reaches the operator: one source instance sends rows and
-- watermarks in one order to every instance of the TopN.
CREATE TABLE late_bid (bidder BIGINT, price BIGINT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input late_bid:
-- 10,100,2026-01-01 00:00:01
-- 11,300,2026-01-01 00:00:12
-- 12,500,2026-01-01 00:00:08
-- 13,200,2026-01-01 00:00:13

SELECT window_start, bidder, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
      FROM TABLE(TUMBLE(TABLE late_bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
WHERE rn <= 1;
-- +I[2026-01-01 00:00:00.000, 10, 100]
-- +I[2026-01-01 00:00:10.000, 11, 300]

SELECT window_start, bidder
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY ts DESC) AS rn
      FROM TABLE(TUMBLE(TABLE late_bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
WHERE rn = 1;
-- +I[2026-01-01 00:00:00.000, 10]
-- +I[2026-01-01 00:00:10.000, 13]
