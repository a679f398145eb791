-- Lookup joins on a computed key (Nexmark q13: `ON mod(B.auction, 10000) = S.key`): as Flink
-- does, a Calc on the left input computes the key expression before the lookup and a Calc after
-- it drops the value again. One input streams, so the changelogs are exact.
CREATE TABLE bids (auction BIGINT, price INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bids:
-- 10001,5
-- 20002,7
-- 3,9
-- 10004,1
-- ,2

CREATE TABLE side_input (key BIGINT, `value` STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input side_input:
-- 1,one
-- 2,two
-- 3,three

-- Nexmark q13's shape: the processing time comes from a subquery; 10004 has no side row, a
-- NULL auction's key is NULL and matches nothing.
SELECT B.auction, B.price, S.`value`
FROM (SELECT *, PROCTIME() AS p_time FROM bids) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON mod(B.auction, 10000) = S.key;
-- +I[10001, 5, one]
-- +I[20002, 7, two]
-- +I[3, 9, three]

-- LEFT, the key written on the right of `=`, and a residual condition over both sides.
SELECT B.auction, S.`value`
FROM (SELECT *, PROCTIME() AS p_time FROM bids) B
LEFT JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON S.key = MOD(B.auction, 10000) AND S.`value` <> 'two' AND B.price > 1;
-- +I[10001, one]
-- +I[20002, null]
-- +I[3, three]
-- +I[10004, null]
-- +I[null, null]

-- A key of another integer type (INT against BIGINT); the joined row keeps the processing-time
-- attribute, so a processing-time window follows.
SELECT COUNT(*) AS n, SUM(price) AS total FROM (
  SELECT B.p_time, B.price
  FROM (SELECT *, PROCTIME() AS p_time FROM bids) B
  JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S ON B.price - 6 = S.key
) GROUP BY TUMBLE(p_time, INTERVAL '1' HOUR);
-- +I[2, 16]

-- No lookup key: an expression of the side table's own columns, or a non-deterministic one.
SELECT B.auction
FROM (SELECT *, PROCTIME() AS p_time FROM bids) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON S.key = MOD(S.key, 2) + B.price;
-- error: a lookup join needs an equality between a column of table 'side_input' and a deterministic expression of the left input or a constant

SELECT B.auction
FROM (SELECT *, PROCTIME() AS p_time FROM bids) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON S.key = CAST(RAND() * 3 AS BIGINT);
-- error: a lookup join needs an equality between a column of table 'side_input' and a deterministic expression of the left input or a constant
