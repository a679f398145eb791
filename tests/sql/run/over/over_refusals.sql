-- OVER aggregations refused when the job is planned: what Flink's streaming planner refuses too,
-- and what sqlc cannot run yet (LAG, FIRST_VALUE over a bounded frame or updating input).
CREATE TABLE bid (auction INT, price BIGINT, ts TIMESTAMP(3), p AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,10,2024-01-01 10:00:01

-- Every call of one SELECT must use the same window.
SELECT SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS 1 PRECEDING),
  COUNT(*) OVER (PARTITION BY auction ORDER BY ts)
FROM bid;
-- error: all aggregates must be computed on the same window

-- Spelled differently, a window is still the same one.
SELECT SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS 1 PRECEDING),
  COUNT(*) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM bid;
-- +I[10, 1]

SELECT SUM(price) OVER (PARTITION BY auction ORDER BY price) FROM bid;
-- error: OVER windows' ordering in stream mode must be defined on a time attribute

SELECT SUM(price) OVER (PARTITION BY auction ORDER BY ts DESC) FROM bid;
-- error: the window can only be ordered in ASCENDING mode

SELECT SUM(price) OVER (PARTITION BY auction) FROM bid;
-- error: the window can only be ordered by a single time column

SELECT SUM(price) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
FROM bid;
-- error: OVER frames on a stream must run from UNBOUNDED or n PRECEDING to CURRENT ROW

SELECT SUM(price) OVER (PARTITION BY auction ORDER BY ts RANGE BETWEEN 2 PRECEDING AND CURRENT ROW)
FROM bid;
-- error: a RANGE frame ordered by a time attribute needs an INTERVAL offset

SELECT FIRST_VALUE(price) OVER (PARTITION BY auction ORDER BY ts ROWS 2 PRECEDING) FROM bid;
-- error: FIRST_VALUE over a bounded OVER frame

SELECT LAG(price) OVER (PARTITION BY auction ORDER BY ts) FROM bid;
-- error: LAG OVER (..)

-- Over the updates of a TopN (Nexmark q6's shape, which runs: over_updating_input.sql) the rows
-- leave every frame again, and FIRST_VALUE cannot retract.
SELECT auction, FIRST_VALUE(price) OVER (PARTITION BY auction ORDER BY ts)
FROM (SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn
                     FROM bid) WHERE rn <= 1);
-- error: FIRST_VALUE OVER (..) over updating input

-- Rows ordered by processing time have no time to find the peers of a retracted row by.
SELECT auction, COUNT(*) OVER (PARTITION BY auction ORDER BY p
                               RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND CURRENT ROW)
FROM (SELECT auction, PROCTIME() AS p FROM bid GROUP BY auction);
-- error: a RANGE INTERVAL frame ordered by processing time over updating input
