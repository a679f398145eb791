-- Deduplication: ROW_NUMBER() = 1 over a time attribute keeps the first (ascending) or the last
-- (descending) row per key.
CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, ts TIMESTAMP(3),
  pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,10,100,2026-01-01 00:00:05
-- 2,11,200,2026-01-01 00:00:03
-- 1,12,150,2026-01-01 00:00:02
-- 1,12,150,2026-01-01 00:00:02
-- 2,13,250,2026-01-01 00:00:03
-- 1,14,120,2026-01-01 00:00:09

-- The first row by processing time: each key's first arrival, once; the result is insert-only.
SELECT auction, bidder, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY pt) AS rn FROM bid)
WHERE rn = 1;
-- +I[1, 10, 100]
-- +I[2, 11, 200]

-- Beyond the first row it is a TopN, which by processing time ascending keeps the first rows
-- of a key as they come (Flink's AppendOnlyFirstNFunction), insert-only.
SELECT auction, bidder, rn
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY pt) AS rn FROM bid)
WHERE rn <= 2;
-- +I[1, 10, 1]
-- +I[2, 11, 1]
-- +I[1, 12, 2]
-- +I[2, 13, 2]

-- The last row by processing time: every later arrival replaces the kept row (-U/+U), but a
-- row equal to it changes nothing. Rows are compared without their PROCTIME(), which Flink
-- does not materialize, so this holds however the rows are batched.
SET 'sqlc.batch.size' = '1';
SELECT auction, bidder, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY pt DESC) AS rn FROM bid)
WHERE rn = 1;
-- +I[1, 10, 100]
-- +I[2, 11, 200]
-- -U[1, 10, 100]
-- +U[1, 12, 150]
-- -U[2, 11, 200]
-- +U[2, 13, 250]
-- -U[1, 12, 150]
-- +U[1, 14, 120]
RESET 'sqlc.batch.size';

-- The first row by event time (RowTimeDeduplicateFunction): a row with an earlier time
-- replaces the kept one at once (-U/+U), an equal time does not. Selecting the rank keeps
-- the deduplication: it is the constant 1.
SELECT auction, bidder, ts, rn
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY ts) AS rn FROM bid)
WHERE rn = 1;
-- +I[1, 10, 2026-01-01 00:00:05.000, 1]
-- +I[2, 11, 2026-01-01 00:00:03.000, 1]
-- -U[1, 10, 2026-01-01 00:00:05.000, 1]
-- +U[1, 12, 2026-01-01 00:00:02.000, 1]

-- The last row by event time: a row as late or later replaces it (ties: the later arrival).
SELECT auction, bidder, ts
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY ts DESC) AS rn FROM bid)
WHERE rn = 1;
-- +I[1, 10, 2026-01-01 00:00:05.000]
-- +I[2, 11, 2026-01-01 00:00:03.000]
-- -U[2, 11, 2026-01-01 00:00:03.000]
-- +U[2, 13, 2026-01-01 00:00:03.000]
-- -U[1, 10, 2026-01-01 00:00:05.000]
-- +U[1, 14, 2026-01-01 00:00:09.000]

-- No key: one row for the whole stream, on one instance.
SELECT bidder, ts
FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY ts DESC) AS rn FROM bid)
WHERE rn = 1;
-- +I[10, 2026-01-01 00:00:05.000]
-- -U[10, 2026-01-01 00:00:05.000]
-- +U[14, 2026-01-01 00:00:09.000]

-- An upsert sink keyed by the deduplication key takes +U without -U.
CREATE TABLE latest (auction BIGINT, bidder BIGINT, PRIMARY KEY (auction) NOT ENFORCED)
WITH ('connector' = 'blackhole');

INSERT INTO latest
SELECT auction, bidder
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY ts DESC) AS rn FROM bid)
WHERE rn = 1;
-- +I[1, 10]
-- +I[2, 11]
-- +U[2, 13]
-- +U[1, 14]
