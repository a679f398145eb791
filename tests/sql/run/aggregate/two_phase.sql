-- Two-phase group aggregation (table.optimizer.agg-phase-strategy, Flink's
-- LocalGroupAggregate + GlobalGroupAggregate): with mini-batch on and calls that merge, AUTO (the
-- default) and TWO_PHASE split a GROUP BY. The Local combines each mini-batch's rows per key into
-- partial accumulators before the exchange; the Global merges them into state. Its changelog is
-- the one-phase mini-batch one (tests/sql/run/aggregate/mini_batch.sql): a mini-batch ends every 3
-- rows and at the end of the input, and keys flush in the order they first came in it.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';

CREATE TABLE bid (auction BIGINT, price BIGINT, channel STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,100,apple
-- 2,300,google
-- 1,50,apple
-- 3,,apple
-- 2,300,google
-- 1,20,google
-- 3,70,apple

-- Fixed-width keys and COUNT/SUM/MIN/MAX: the Local's typed combiner.
SELECT auction, COUNT(*), SUM(price), MIN(price), MAX(price) FROM bid GROUP BY auction;
-- +I[1, 2, 150, 50, 100]
-- +I[2, 1, 300, 300, 300]
-- +I[3, 1, null, null, null]
-- -U[2, 1, 300, 300, 300]
-- +U[2, 2, 600, 300, 300]
-- -U[1, 2, 150, 50, 100]
-- +U[1, 3, 170, 20, 100]
-- -U[3, 1, null, null, null]
-- +U[3, 2, 70, 70, 70]

-- A string key, DISTINCT, AVG and LISTAGG: boxed partial accumulators.
SELECT channel, COUNT(*), SUM(price), COUNT(DISTINCT auction), AVG(price),
  LISTAGG(CAST(auction AS STRING))
FROM bid GROUP BY channel;
-- +I[apple, 2, 150, 1, 75, 1,1]
-- +I[google, 1, 300, 1, 300, 2]
-- -U[apple, 2, 150, 1, 75, 1,1]
-- +U[apple, 3, 150, 2, 75, 1,1,3]
-- -U[google, 1, 300, 1, 300, 2]
-- +U[google, 3, 620, 2, 206, 2,2,1]
-- -U[apple, 3, 150, 2, 75, 1,1,3]
-- +U[apple, 4, 220, 2, 73, 1,1,3,3]

-- Over updating input a partial carries retractions: the outer Local's partial for cnt 2 in the
-- second mini-batch retracts auction 1 and adds auction 2, a count of 0 but a sum of +1.
SELECT cnt, COUNT(*), SUM(auction) FROM (SELECT auction, COUNT(*) AS cnt FROM bid GROUP BY auction)
GROUP BY cnt;
-- +I[2, 1, 1]
-- +I[1, 2, 5]
-- -U[1, 2, 5]
-- +U[1, 1, 3]
-- -U[2, 1, 1]
-- +U[2, 1, 2]
-- +I[3, 1, 1]
-- -D[1, 1, 3]
-- -U[2, 1, 2]
-- +U[2, 2, 5]

-- Without GROUP BY the Global runs as one instance behind a single exchange.
SELECT COUNT(*), MAX(channel) FROM bid;
-- +I[3, google]
-- -U[3, google]
-- +U[6, google]
-- -U[6, google]
-- +U[7, google]

-- AUTO (the default) splits as TWO_PHASE does (apple's null price changes nothing: no change).
SET 'table.optimizer.agg-phase-strategy' = 'auto';
SELECT channel, SUM(price) FROM bid GROUP BY channel;
-- +I[apple, 150]
-- +I[google, 300]
-- -U[google, 300]
-- +U[google, 620]
-- -U[apple, 150]
-- +U[apple, 220]

SET 'table.optimizer.agg-phase-strategy' = 'THREE_PHASE';
SELECT channel, COUNT(*) FROM bid GROUP BY channel;
-- error: table.optimizer.agg-phase-strategy
