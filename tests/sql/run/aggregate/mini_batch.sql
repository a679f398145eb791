-- Mini-batch group aggregation (Flink's MiniBatchGroupAggFunction): rows are buffered per key,
-- and when a mini-batch ends each key's state is read once, all its rows applied, and ONE change
-- emitted for it: +I for a new group, -U/+U when its result changed (nothing when it did not),
-- -D when its count reached 0. Here a mini-batch ends every 3 rows (the latency is never
-- reached) and at the end of the input; keys flush in the order they first came in the batch.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';

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

-- Fixed-width keys and COUNT/SUM/MIN/MAX: the typed in-memory combiner, merged into state.
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

-- A string key and a DISTINCT call: each key's buffered rows are applied to its accumulators.
SELECT channel, COUNT(*), SUM(price), COUNT(DISTINCT auction) FROM bid GROUP BY channel;
-- +I[apple, 2, 150, 1]
-- +I[google, 1, 300, 1]
-- -U[apple, 2, 150, 1]
-- +U[apple, 3, 150, 2]
-- -U[google, 1, 300, 1]
-- +U[google, 3, 620, 2]
-- -U[apple, 3, 150, 2]
-- +U[apple, 4, 220, 2]

-- Over updating input the rows of a mini-batch may cancel out. The inner aggregate emits, in
-- three mini-batches: insert counts 2 and 1; insert count 1, update 1 to 2, update 2 to 3; update
-- 1 to 2. The outer's second mini-batch retracts count 2 and adds it back (nothing to emit for
-- it), and its third takes count 1 to zero rows (-D).
SELECT cnt, COUNT(*) FROM (SELECT auction, COUNT(*) AS cnt FROM bid GROUP BY auction) GROUP BY cnt;
-- +I[2, 1]
-- +I[1, 2]
-- -U[1, 2]
-- +U[1, 1]
-- +I[3, 1]
-- -D[1, 1]
-- -U[2, 1]
-- +U[2, 2]

-- A mini-batch of one row is Flink's row-at-a-time changelog.
SET 'table.exec.mini-batch.size' = '1';
SELECT channel, SUM(price) FROM bid GROUP BY channel;
-- +I[apple, 100]
-- +I[google, 300]
-- -U[apple, 100]
-- +U[apple, 150]
-- -U[google, 300]
-- +U[google, 600]
-- -U[google, 600]
-- +U[google, 620]
-- -U[apple, 150]
-- +U[apple, 220]

-- As in Flink, mini-batch needs a latency and a size above zero.
SET 'table.exec.mini-batch.allow-latency' = '0 ms';
SELECT channel, COUNT(*) FROM bid GROUP BY channel;
-- error: table.exec.mini-batch.allow-latency
