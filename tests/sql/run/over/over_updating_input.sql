-- OVER aggregation over updating input (Nexmark q6's shape: an OVER over a Top-1), which Flink
-- 1.19 refuses. The operator (runtime/operators/over_updating_input.cpp) keeps every current row
-- per partition, ordered by (ts, arrival), and at each change revises the rows whose frame it
-- touched: a new row leaves as its input kind (+I or +U) with its results, a retracted row
-- leaves as its input kind (-U or -D) with the results last sent, and each other row whose
-- results changed leaves as -U (old) and +U (new). Results are sent eagerly, not held back
-- for a watermark, so the changelog always materializes to the batch answer over the rows
-- currently in the input. After a Top-N the time is a plain TIMESTAMP, as in Flink; the OVER
-- orders by its value.
--
-- The input: the highest bid per auction (a Top-1), per seller. Its changelog, at p1:
--   1  +I[auction 1, seller 1, 10, :01]
--   2  +I[2, 1, 20, :02]
--   3  +I[3, 1, 30, :03]
--   4  -U[1, 1, 10, :01] +U[1, 1, 40, :04]   (auction 1's new top bid moves to a later time)
--   5  (a bid of 5 for auction 2 is not its top: nothing)
--   6  +I[4, 2, 7, :02]                       (seller 2: a partition of its own)
--   7  -U[2, 1, 20, :02] +U[2, 1, 50, :01]   (auction 2's new top bid is earlier than all)
--   8  +I[5, 1, 6, :05]
-- so seller 1 ends with the rows (by ts) 50 @ :01, 30 @ :03, 40 @ :04, 6 @ :05. No two rows of a
-- seller share a time: rows of one time are ordered by arrival, which at parallelism 4 (Top-1
-- instances interleaving) is not fixed; the last query has peers.
-- Change 7 comes behind every time seen before: over updating input no row is late; it takes
-- its place by its time and revises the rows after it.
CREATE TABLE bid (auction INT, seller INT, price BIGINT, ts TIMESTAMP(3))
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,1,10,2024-01-01 10:00:01
-- 2,1,20,2024-01-01 10:00:02
-- 3,1,30,2024-01-01 10:00:03
-- 1,1,40,2024-01-01 10:00:04
-- 2,1,5,2024-01-01 10:00:05
-- 4,2,7,2024-01-01 10:00:02
-- 2,1,50,2024-01-01 10:00:01
-- 5,1,6,2024-01-01 10:00:05

CREATE VIEW top1 AS
SELECT auction, seller, price, ts FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid)
WHERE rn <= 1;

-- ROWS 1 PRECEDING: a change revises the row after it (and an insert sends itself).
SELECT seller, auction, price,
  SUM(price) OVER (PARTITION BY seller ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM top1;
-- 1-3: each bid's frame is itself and the one before.
-- +I[1, 1, 10, 10]
-- +I[1, 2, 20, 30]
-- +I[1, 3, 30, 50]
-- 4: the old top of auction 1 leaves (-U with the results last sent); auction 2's row, now the
--    first, loses it from its frame; the new top at :04 follows auction 3's row (30 + 40).
-- -U[1, 1, 10, 10]
-- -U[1, 2, 20, 30]
-- +U[1, 2, 20, 20]
-- +U[1, 1, 40, 70]
-- 6: seller 2.
-- +I[2, 4, 7, 7]
-- 7: auction 2's 20 @ :02 leaves, so auction 3's row is alone in its frame; then 50 @ :01 comes
--    first, alone, and auction 3's row is revised again (50 + 30). Auction 1's row (30 + 40)
--    does not change: nothing is sent for it.
-- -U[1, 2, 20, 20]
-- -U[1, 3, 30, 50]
-- +U[1, 3, 30, 30]
-- +U[1, 2, 50, 50]
-- -U[1, 3, 30, 30]
-- +U[1, 3, 30, 80]
-- 8: 6 @ :05 comes last: its frame is 40 and itself.
-- +I[1, 5, 6, 46]

-- UNBOUNDED PRECEDING: a change revises every later row of the partition.
SELECT seller, auction, price,
  SUM(price) OVER (PARTITION BY seller ORDER BY ts
                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
  MAX(price) OVER (PARTITION BY seller ORDER BY ts
                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM top1;
-- 1-3: running sums 10, 30, 60 and maxima.
-- +I[1, 1, 10, 10, 10]
-- +I[1, 2, 20, 30, 20]
-- +I[1, 3, 30, 60, 30]
-- 4: without 10 @ :01 the later rows lose 10; 40 @ :04 comes last (20 + 30 + 40).
-- -U[1, 1, 10, 10, 10]
-- -U[1, 2, 20, 30, 20]
-- +U[1, 2, 20, 20, 20]
-- -U[1, 3, 30, 60, 30]
-- +U[1, 3, 30, 50, 30]
-- +U[1, 1, 40, 90, 40]
-- +I[2, 4, 7, 7, 7]
-- 7: without 20 @ :02 the later rows lose 20; then 50 @ :01 comes first and every later row
--    gains 50, and its maximum (MAX retracts: it keeps its values).
-- -U[1, 2, 20, 20, 20]
-- -U[1, 3, 30, 50, 30]
-- +U[1, 3, 30, 30, 30]
-- -U[1, 1, 40, 90, 40]
-- +U[1, 1, 40, 70, 40]
-- +U[1, 2, 50, 50, 50]
-- -U[1, 3, 30, 30, 30]
-- +U[1, 3, 30, 80, 50]
-- -U[1, 1, 40, 70, 40]
-- +U[1, 1, 40, 120, 50]
-- 8: 50 + 30 + 40 + 6.
-- +I[1, 5, 6, 126, 50]

-- RANGE INTERVAL '1' SECOND: a row's frame is the rows of [ts - 1 s, ts], its peers at ts
-- included; a change at t revises the rows of [t, t + 1 s].
SELECT seller, auction, price,
  SUM(price) OVER (PARTITION BY seller ORDER BY ts
                   RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND CURRENT ROW),
  COUNT(*) OVER (PARTITION BY seller ORDER BY ts
                 RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND CURRENT ROW)
FROM top1;
-- +I[1, 1, 10, 10, 1]
-- +I[1, 2, 20, 30, 2]
-- +I[1, 3, 30, 50, 2]
-- 4: 10 @ :01 leaves the frame of :02; 40 @ :04 sees :03 and itself.
-- -U[1, 1, 10, 10, 1]
-- -U[1, 2, 20, 30, 2]
-- +U[1, 2, 20, 20, 1]
-- +U[1, 1, 40, 70, 2]
-- +I[2, 4, 7, 7, 1]
-- 7: 20 @ :02 leaves the frame of :03; 50 @ :01 is in no other row's frame ([:02, :03] and
--    [:03, :04]), so only itself is sent.
-- -U[1, 2, 20, 20, 1]
-- -U[1, 3, 30, 50, 2]
-- +U[1, 3, 30, 30, 1]
-- +U[1, 2, 50, 50, 1]
-- 8: 6 @ :05 sees 40 @ :04 and itself.
-- +I[1, 5, 6, 46, 2]

-- A changelog source with deletes (one partition: no PARTITION BY), and the default frame
-- (RANGE UNBOUNDED PRECEDING: rows of one time are peers). AVG of a BIGINT is a BIGINT,
-- truncated.
CREATE TABLE orders (id INT, amount BIGINT, ts TIMESTAMP(3))
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input orders:
-- {"before": null, "after": {"id": 1, "amount": 10, "ts": "2024-01-01 10:00:01"}, "op": "c"}
-- {"before": null, "after": {"id": 2, "amount": 25, "ts": "2024-01-01 10:00:03"}, "op": "c"}
-- {"before": null, "after": {"id": 3, "amount": 7, "ts": "2024-01-01 10:00:02"}, "op": "c"}
-- {"before": {"id": 2, "amount": 25, "ts": "2024-01-01 10:00:03"}, "after": {"id": 2, "amount": 40, "ts": "2024-01-01 10:00:01"}, "op": "u"}
-- {"before": {"id": 3, "amount": 7, "ts": "2024-01-01 10:00:02"}, "after": null, "op": "d"}
-- {"before": null, "after": {"id": 4, "amount": 3, "ts": "2024-01-01 10:00:01"}, "op": "c"}

SELECT id, amount, COUNT(*) OVER w, AVG(amount) OVER w, MIN(amount) OVER w
FROM orders WINDOW w AS (ORDER BY ts);
-- 1, 2: 10 @ :01; 25 @ :03 sees both (35 / 2 = 17).
-- +I[1, 10, 1, 10, 10]
-- +I[2, 25, 2, 17, 10]
-- 3: 7 @ :02 comes between: its own row, then the row at :03 is revised (42 / 3 = 14).
-- +I[3, 7, 2, 8, 7]
-- -U[2, 25, 2, 17, 10]
-- +U[2, 25, 3, 14, 7]
-- 4: the update of order 2 (-U, +U) moves it from :03 to :01, a peer of order 1: order 2's
--    old row leaves as -U, its new one comes as +U, and the rows of :01 and :02 are revised.
-- -U[2, 25, 3, 14, 7]
-- -U[1, 10, 1, 10, 10]
-- +U[1, 10, 2, 25, 10]
-- +U[2, 40, 2, 25, 10]
-- -U[3, 7, 2, 8, 7]
-- +U[3, 7, 3, 19, 7]
-- 5: order 3 is deleted (-D, with the results last sent); no row comes after it.
-- -D[3, 7, 3, 19, 7]
-- 6: order 4 at :01: the three peers see 10 + 40 + 3 (53 / 3 = 17).
-- -U[1, 10, 2, 25, 10]
-- +U[1, 10, 3, 17, 3]
-- -U[2, 40, 2, 25, 10]
-- +U[2, 40, 3, 17, 3]
-- +I[4, 3, 3, 17, 3]

-- Event time over updating input: results are not held back until the watermark passes the
-- rows (as the insert-only operators do, over_event_time.sql), and no row is late. Order 2 at
-- :01 comes after the watermark has reached :05, yet takes its place before order 1 (which an
-- insert-only OVER would have dropped as late), and order 1 is revised. One row per batch and
-- one source instance, so that the watermark advances between rows (as in over_event_time.sql).
SET 'sqlc.batch.size' = '1';

CREATE TABLE ticks (id INT, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json',
      'scan.parallelism' = '1');
-- input ticks:
-- {"before": null, "after": {"id": 1, "v": 1, "ts": "2024-01-01 10:00:05"}, "op": "c"}
-- {"before": null, "after": {"id": 2, "v": 2, "ts": "2024-01-01 10:00:01"}, "op": "c"}
-- {"before": {"id": 1, "v": 1, "ts": "2024-01-01 10:00:05"}, "after": {"id": 1, "v": 3, "ts": "2024-01-01 10:00:05"}, "op": "u"}

SELECT id, v, SUM(v) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM ticks;
-- +I[1, 1, 1]
-- +I[2, 2, 2]
-- -U[1, 1, 1]
-- +U[1, 1, 3]
-- -U[1, 1, 3]
-- +U[1, 3, 5]
