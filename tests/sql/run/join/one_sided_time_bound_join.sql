-- Joins whose condition compares the two inputs' time attributes without bounding them on both
-- sides (Nexmark q4 and q9: `b.ts BETWEEN a.ts AND a.expires`, `expires` a plain TIMESTAMP) are
-- regular joins, as Flink's IntervalJoinUtil decides: both inputs are kept in state, the time
-- attributes are materialized to TIMESTAMPs, and the comparisons stay in the join's condition.
-- An inner join of insert-only inputs stays insert-only; a row arriving after the rows it
-- matches (auction 4 after its bid) joins them, late or not. The input blocks form one timeline.
CREATE TABLE auctions (id INT, category INT, ts TIMESTAMP(3), expires TIMESTAMP(3),
                       WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3),
                   WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- input auctions:
-- 1,10,2020-01-01 00:00:00,2020-01-01 00:00:10
-- 2,10,2020-01-01 00:00:01,2020-01-01 00:00:05
-- 3,20,2020-01-01 00:00:02,2020-01-01 00:00:20
-- input bids:
-- 1,100,2020-01-01 00:00:03
-- 2,50,2020-01-01 00:00:04
-- 1,120,2020-01-01 00:00:06
-- 2,70,2020-01-01 00:00:07
-- 3,30,2020-01-01 00:00:08
-- 4,60,2020-01-01 00:00:09
-- 1,90,2020-01-01 00:00:11
-- input auctions:
-- 4,20,2020-01-01 00:00:08,2020-01-01 00:00:30
-- input bids:
-- 3,40,2020-01-01 00:00:20
-- 1,120,2020-01-01 00:00:09

-- Bids within their auction's life, both ends inclusive: 2@07 is after auction 2 expired, 1@11
-- after auction 1 did; 3@20 is at auction 3's expiry.
SELECT a.id, b.price, b.ts
FROM auctions a, bids b
WHERE a.id = b.auction AND b.ts BETWEEN a.ts AND a.expires;
-- +I[1, 100, 2020-01-01 00:00:03.000]
-- +I[2, 50, 2020-01-01 00:00:04.000]
-- +I[1, 120, 2020-01-01 00:00:06.000]
-- +I[3, 30, 2020-01-01 00:00:08.000]
-- +I[4, 60, 2020-01-01 00:00:09.000]
-- +I[3, 40, 2020-01-01 00:00:20.000]
-- +I[1, 120, 2020-01-01 00:00:09.000]

-- A lower bound alone, in the ON clause.
SELECT a.id, b.price
FROM auctions a JOIN bids b
  ON a.id = b.auction AND b.ts >= a.ts + INTERVAL '5' SECOND;
-- +I[1, 120]
-- +I[2, 70]
-- +I[3, 30]
-- +I[1, 90]
-- +I[3, 40]
-- +I[1, 120]

-- With a second bound on the time attributes the join is an interval join again (rows kept
-- until the watermark passes their range); the other half of the BETWEEN, `b.ts <= a.expires`,
-- stays in its condition. Auction 4 arrives while the join's watermark is 00:00:01 (the
-- auctions'), so its bid is still kept.
SELECT a.id, b.price
FROM auctions a JOIN bids b
  ON a.id = b.auction AND b.ts BETWEEN a.ts AND a.expires
     AND b.ts <= a.ts + INTERVAL '6' SECOND;
-- +I[1, 100]
-- +I[2, 50]
-- +I[1, 120]
-- +I[3, 30]
-- +I[4, 60]

-- Nexmark q4's shape: the highest bid per auction (updated as bids come), averaged per category
-- (AVG of INT is an INT). Each -U/+U pair of the inner aggregate reaches the outer one as two
-- changes; the last bid ties auction 1's highest and changes nothing.
SELECT Q.category, AVG(Q.final)
FROM (
  SELECT MAX(b.price) AS final, a.category
  FROM auctions a, bids b
  WHERE a.id = b.auction AND b.ts BETWEEN a.ts AND a.expires
  GROUP BY a.id, a.category
) Q
GROUP BY Q.category;
-- +I[10, 100]
-- -U[10, 100]
-- +U[10, 75]
-- -U[10, 75]
-- +U[10, 50]
-- -U[10, 50]
-- +U[10, 85]
-- +I[20, 30]
-- -U[20, 30]
-- +U[20, 45]
-- -U[20, 45]
-- +U[20, 60]
-- -U[20, 60]
-- +U[20, 50]

-- Nexmark q9's shape: the winning bid per auction, the highest and then the earliest (a Top-1
-- over the insert-only join, Flink's FastTop1Function: a better bid replaces the winner with
-- -U/+U). The last bid ties auction 1's highest but came later, so it stays out.
SELECT id, price, bid_ts
FROM (
  SELECT a.id, b.price, b.ts AS bid_ts,
    ROW_NUMBER() OVER (PARTITION BY a.id ORDER BY b.price DESC, b.ts ASC) AS rownum
  FROM auctions a, bids b
  WHERE a.id = b.auction AND b.ts BETWEEN a.ts AND a.expires
)
WHERE rownum <= 1;
-- +I[1, 100, 2020-01-01 00:00:03.000]
-- +I[2, 50, 2020-01-01 00:00:04.000]
-- -U[1, 100, 2020-01-01 00:00:03.000]
-- +U[1, 120, 2020-01-01 00:00:06.000]
-- +I[3, 30, 2020-01-01 00:00:08.000]
-- +I[4, 60, 2020-01-01 00:00:09.000]
-- -U[3, 30, 2020-01-01 00:00:08.000]
-- +U[3, 40, 2020-01-01 00:00:20.000]

-- The regular join's output has no time attribute left, so no window can follow it (Flink:
-- the column is no time attribute).
CREATE VIEW won AS
SELECT a.id, b.ts FROM auctions a, bids b
WHERE a.id = b.auction AND b.ts BETWEEN a.ts AND a.expires;

SELECT window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE won, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- error: time attribute
