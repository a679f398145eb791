-- A native aggregate function (udx/examples/weighted_avg.cpp: weighted_avg(value, weight) is
-- sum(value * weight) / sum(weight) as a DOUBLE) in mini-batch group aggregation: a mini-batch
-- ends every 3 rows and at the end of the input; each key's accumulator is read from state once
-- per mini-batch, its rows applied, and ONE change emitted. Expected values are worked out by
-- hand in the comments.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';

CREATE TEMPORARY FUNCTION weighted_avg AS 'com.example.udx.WeightedAvg' LANGUAGE C
  USING LIBRARY '@SLUICE_UDX_EXAMPLES@/libweighted_avg.so';

CREATE TABLE bid (item STRING, price BIGINT, weight INT) WITH (
  'connector' = 'filesystem', 'path' = 'x', 'format' = 'csv', 'scan.parallelism' = '1');
-- input bid:
-- a,10,1
-- b,7,2
-- a,20,3
-- a,5,0
-- b,3,2
-- a,2,4

-- First mini-batch (rows 1-3), keys a then b:
--   a: (10*1 + 20*3) / (1 + 3) = 70 / 4 = 17.5;  b: 7*2 / 2 = 7.0
-- Second (rows 4-6), keys a then b:
--   a: (70 + 5*0 + 2*4) / (4 + 0 + 4) = 78 / 8 = 9.75;  b: (14 + 3*2) / (2 + 2) = 20 / 4 = 5.0
-- FILTER (WHERE price > 5) keeps only a's 10 and 20 and b's 7: 17.5 and 7.0 throughout.
SELECT item, weighted_avg(price, weight), weighted_avg(price, weight) FILTER (WHERE price > 5)
FROM bid GROUP BY item;
-- +I[a, 17.5, 17.5]
-- +I[b, 7.0, 7.0]
-- -U[a, 17.5, 17.5]
-- +U[a, 9.75, 17.5]
-- -U[b, 7.0, 7.0]
-- +U[b, 5.0, 7.0]

-- Over an updating input (each item's highest price, a changelog of updates), mini-batches on
-- both aggregations: retract undoes a replaced price. Last maxima a 20, b 7: (20 + 7) / 2.
SELECT weighted_avg(p, 1) FROM (SELECT item, MAX(price) AS p FROM bid GROUP BY item);
-- final
-- +I[13.5]

-- DISTINCT is refused at compile time.
SELECT item, weighted_avg(DISTINCT price, weight) FROM bid GROUP BY item;
-- error: (DISTINCT ..) of a native aggregate function is not supported yet

-- TWO_PHASE splits a GROUP BY when every call merges partials; WeightedAvg has `merge`, so a
-- LocalGroupAggregate combines each mini-batch's rows per key into partial accumulators and the
-- GlobalGroupAggregate merges them into state: still one change per key and mini-batch, a 2 rows
-- then 4, b 1 then 2.
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';

SELECT item, COUNT(*), weighted_avg(price, weight) FROM bid GROUP BY item;
-- +I[a, 2, 17.5]
-- +I[b, 1, 7.0]
-- -U[a, 2, 17.5]
-- +U[a, 4, 9.75]
-- -U[b, 1, 7.0]
-- +U[b, 2, 5.0]
