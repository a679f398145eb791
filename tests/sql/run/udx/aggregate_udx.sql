-- Aggregate functions of a native library (udx/examples/weighted_avg.cpp, Flink's documented
-- WeightedAvg written with the C++ SDK): weighted_avg(value, weight) is
-- sum(value * weight) / sum(weight) as a DOUBLE, NULL while the total weight is 0. Its
-- accumulator lives in keyed state as the bytes the library serializes. The harness replaces
-- @SLUICE_UDX_EXAMPLES@ by the example libraries' directory.

CREATE TEMPORARY FUNCTION weighted_avg AS 'com.example.udx.WeightedAvg' LANGUAGE C
  USING LIBRARY '@SLUICE_UDX_EXAMPLES@/libweighted_avg.so';

CREATE TABLE bid (item STRING, price BIGINT, amount DOUBLE, weight INT) WITH (
  'connector' = 'filesystem', 'path' = 'x', 'format' = 'csv', 'scan.parallelism' = '1');
-- input bid:
-- a,10,1.5,1
-- a,20,2.5,3
-- b,7,0.5,0
-- b,,1.0,2
-- a,5,0.5,

-- GROUP BY over an append-only input: the (BIGINT, INT) overload, and the (DOUBLE, INT) one; a
-- row with a NULL argument is skipped; b's only counted row has weight 0: NULL.
SELECT item, weighted_avg(price, weight), weighted_avg(amount, weight) FROM bid GROUP BY item;
-- final
-- +I[a, 17.5, 2.25]
-- +I[b, null, 1.0]

-- The changelog of one group, row by row.
SELECT weighted_avg(price, weight) FROM bid WHERE item = 'a';
-- +I[10.0]
-- -U[10.0]
-- +U[17.5]

-- Over an updating input (the latest price per item, as a changelog of updates): retract
-- undoes the replaced row's contribution.
SELECT weighted_avg(p, 1) FROM (SELECT item, MAX(price) AS p FROM bid GROUP BY item);
-- final
-- +I[13.5]

CREATE TABLE trade (sym STRING, price DOUBLE, qty INT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'csv', 'scan.parallelism' = '1');
-- input trade:
-- x,10.0,1,2024-01-01 10:00:01
-- x,20.0,3,2024-01-01 10:00:04
-- y,4.0,2,2024-01-01 10:00:06
-- x,30.0,0,2024-01-01 10:00:07
-- x,1.0,1,2024-01-01 10:00:12

-- A TUMBLE window: x's second window holds only a weight of 0.
SELECT sym, window_start, weighted_avg(price, qty)
FROM TABLE(TUMBLE(TABLE trade, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY sym, window_start, window_end;
-- unordered
-- +I[x, 2024-01-01 10:00:00.000, 17.5]
-- +I[y, 2024-01-01 10:00:05.000, 4.0]
-- +I[x, 2024-01-01 10:00:05.000, null]
-- +I[x, 2024-01-01 10:00:10.000, 1.0]

-- A HOP window merges the accumulators of its slices.
SELECT window_start, weighted_avg(price, qty)
FROM TABLE(HOP(TABLE trade, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
WHERE sym = 'x'
GROUP BY window_start, window_end;
-- unordered
-- +I[2024-01-01 09:59:55.000, 17.5]
-- +I[2024-01-01 10:00:00.000, 17.5]
-- +I[2024-01-01 10:00:05.000, 1.0]
-- +I[2024-01-01 10:00:10.000, 1.0]

-- OVER: an unbounded frame, then a bounded ROWS frame (the row leaving it is retracted).
SELECT sym, price,
  weighted_avg(price, qty) OVER (PARTITION BY sym ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM trade;
-- unordered
-- +I[x, 10.0, 10.0]
-- +I[x, 20.0, 17.5]
-- +I[y, 4.0, 4.0]
-- +I[x, 30.0, 17.5]
-- +I[x, 1.0, 14.2]

SELECT sym, price,
  weighted_avg(price, qty) OVER (PARTITION BY sym ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM trade;
-- unordered
-- +I[x, 10.0, 10.0]
-- +I[x, 20.0, 17.5]
-- +I[y, 4.0, 4.0]
-- +I[x, 30.0, 20.0]
-- +I[x, 1.0, 1.0]

-- An aggregate written against the C header alone (tests/udx/test_functions.c): STRING argument
-- and result (NULL while no word came), no retract, no merge. The harness replaces @SLUICE_TEST_UDX@ by its path.
CREATE TEMPORARY FUNCTION join_words AS 'com.example.JoinWords' LANGUAGE C
  USING LIBRARY '@SLUICE_TEST_UDX@';

SELECT item, join_words(CAST(price AS STRING) || 'x') FROM bid WHERE weight > 0 GROUP BY item;
-- final
-- +I[a, 10x+20x]
-- +I[b, null]

-- Without retract it cannot aggregate an updating input, nor a bounded OVER frame (Flink
-- refuses these plans too).
SELECT join_words(CAST(p AS STRING)) FROM (SELECT item, MAX(price) AS p FROM bid GROUP BY item);
-- error: the aggregate function JOIN_WORDS ('com.example.JoinWords') has no retract, which it needs to aggregate an updating input

SELECT join_words(sym) OVER (PARTITION BY sym ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM trade;
-- error: the aggregate function JOIN_WORDS ('com.example.JoinWords') has no retract, which it needs to aggregate a bounded OVER frame

-- Nor, without merge, a HOP window (its slices merge).
SELECT window_start, join_words(sym)
FROM TABLE(HOP(TABLE trade, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- error: the aggregate function JOIN_WORDS ('com.example.JoinWords') has no merge, which it needs to aggregate HOP, CUMULATE or SESSION windows

-- host->fail fails the job naming the function.
SELECT join_words(CASE WHEN price = 20 THEN 'fail' ELSE item END) FROM bid;
-- error: JOIN_WORDS: the word 'fail'
