-- A native aggregate function's `open` reads the job's configuration: com.example.ScaledSum
-- (tests/udx/test_functions.c) is the sum of its BIGINT values times 'test.udx.scale' (default
-- 1), read once in `open`, in every operator that runs it. The harness replaces
-- @SLUICE_TEST_UDX@ by the test library's path.
CREATE TEMPORARY FUNCTION scaled_sum AS 'com.example.ScaledSum' LANGUAGE C
  USING LIBRARY '@SLUICE_TEST_UDX@';

CREATE TABLE bid (item STRING, price BIGINT) WITH (
  'connector' = 'filesystem', 'path' = 'x', 'format' = 'csv', 'scan.parallelism' = '1');
-- input bid:
-- a,10
-- b,7
-- a,20

CREATE TABLE tick (sym STRING, price BIGINT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'csv', 'scan.parallelism' = '1');
-- input tick:
-- x,1,2024-01-01 10:00:01
-- x,2,2024-01-01 10:00:03
-- y,5,2024-01-01 10:00:04
-- x,4,2024-01-01 10:00:07

-- Without the option: a scale of 1.
SELECT item, scaled_sum(price) FROM bid GROUP BY item;
-- +I[a, 10]
-- +I[b, 7]
-- -U[a, 10]
-- +U[a, 30]

SET 'test.udx.scale' = '10';

-- GROUP BY: a 10, then 10 + 20 = 30, b 7, each times 10.
SELECT item, scaled_sum(price) FROM bid GROUP BY item;
-- +I[a, 100]
-- +I[b, 70]
-- -U[a, 100]
-- +U[a, 300]

-- Over an updating input: the maxima a 20 and b 7, (20 + 7) * 10.
SELECT scaled_sum(p) FROM (SELECT item, MAX(price) AS p FROM bid GROUP BY item);
-- final
-- +I[270]

-- TUMBLE 5 s: x [00, 05) (1 + 2) * 10, y [00, 05) 5 * 10, x [05, 10) 4 * 10.
SELECT sym, window_start, scaled_sum(price)
FROM TABLE(TUMBLE(TABLE tick, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY sym, window_start, window_end;
-- unordered
-- +I[x, 2024-01-01 10:00:00.000, 30]
-- +I[y, 2024-01-01 10:00:00.000, 50]
-- +I[x, 2024-01-01 10:00:05.000, 40]

-- SESSION, 5 s gap (merging accumulators): x's 01, 03, 07 make one session [01, 12),
-- (1 + 2 + 4) * 10; y [04, 09) 5 * 10.
SELECT sym, window_start, window_end, scaled_sum(price)
FROM TABLE(SESSION(TABLE tick PARTITION BY sym, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY sym, window_start, window_end;
-- unordered
-- +I[x, 2024-01-01 10:00:01.000, 2024-01-01 10:00:12.000, 70]
-- +I[y, 2024-01-01 10:00:04.000, 2024-01-01 10:00:09.000, 50]

-- OVER, unbounded: x 1, 1 + 2, 1 + 2 + 4; y 5; each times 10.
SELECT sym, price, scaled_sum(price) OVER (PARTITION BY sym ORDER BY ts
  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM tick;
-- unordered
-- +I[x, 1, 10]
-- +I[x, 2, 30]
-- +I[y, 5, 50]
-- +I[x, 4, 70]
