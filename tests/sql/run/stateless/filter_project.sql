-- Stateless pipelines: filter and projection fused into one Calc, over CSV input.
CREATE TABLE bid (
  auction BIGINT,
  bidder  BIGINT,
  price   BIGINT,
  channel STRING,
  bid_time TIMESTAMP(3),
  WATERMARK FOR bid_time AS bid_time - INTERVAL '2' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1000,1,120,apple,2026-01-01 00:00:01
-- 1001,2,80,google,2026-01-01 00:00:02
-- 1002,3,,baidu,2026-01-01 00:00:03
-- 1003,4,300,a very long channel name,2026-01-01 00:00:04

CREATE TABLE out_bids (auction BIGINT, doubled BIGINT, channel STRING, ts TIMESTAMP(3))
WITH ('connector' = 'print');

INSERT INTO out_bids SELECT auction, price * 2, channel, bid_time FROM bid WHERE price > 100;
-- +I[1000, 240, apple, 2026-01-01 00:00:01.000]
-- +I[1003, 600, a very long channel name, 2026-01-01 00:00:04.000]

-- NULL prices survive a projection and are dropped by a filter that is not TRUE.
SELECT auction, price + 1, price IS NULL FROM bid WHERE auction < 1003;
-- +I[1000, 121, FALSE]
-- +I[1001, 81, FALSE]
-- +I[1002, null, TRUE]

SELECT auction FROM bid WHERE price IS NULL OR price < 100;
-- +I[1001]
-- +I[1002]

-- Three-valued logic: NULL AND FALSE is FALSE, NULL OR TRUE is TRUE.
SELECT auction, price > 100 AND auction > 1001, price > 100 OR auction > 1001 FROM bid;
-- +I[1000, FALSE, TRUE]
-- +I[1001, FALSE, FALSE]
-- +I[1002, null, TRUE]
-- +I[1003, TRUE, TRUE]

SELECT auction, CASE WHEN price IS NULL THEN 'none' WHEN price > 100 THEN 'high' ELSE 'low' END,
       COALESCE(price, -1)
FROM bid;
-- +I[1000, high, 120]
-- +I[1001, low, 80]
-- +I[1002, none, -1]
-- +I[1003, high, 300]

SELECT auction FROM bid WHERE channel IN ('apple', 'baidu') AND price BETWEEN 100 AND 200;
-- +I[1000]

SELECT 1 + 2, 'abc', CAST(NULL AS INT), TRUE AND FALSE;
-- +I[3, abc, null, FALSE]

SELECT auction FROM bid UNION ALL SELECT bidder FROM bid;
-- unordered
-- +I[1000]
-- +I[1001]
-- +I[1002]
-- +I[1003]
-- +I[1]
-- +I[2]
-- +I[3]
-- +I[4]

-- Division by zero fails the job and names the row.
SELECT auction / (price - price) FROM bid;
-- error: division by zero
