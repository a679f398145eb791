-- Split distinct aggregation (table.optimizer.distinct-agg.split.enabled, Flink's
-- SplitAggregateRule): a PARTIAL GroupAggregate keyed by the grouping columns and
-- MOD(HASH_CODE(x), bucket-num) of each DISTINCT (and MIN/MAX) argument, then a FINAL one keyed by
-- the grouping columns that merges the partials' updates (COUNT -> SUM0, AVG -> SUM0 / SUM0).
SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '1';

CREATE TABLE t (k STRING, v BIGINT, s STRING, n INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input t:
-- a,1,x,1
-- a,2,y,-2
-- a,1,x,3
-- b,5,x,4
-- a,3,,5
-- b,5,z,6

SELECT k, COUNT(DISTINCT v), SUM(v), COUNT(*), AVG(v) FROM t GROUP BY k;
-- +I[a, 1, 1, 1, 1]
-- -D[a, 1, 1, 1, 1]
-- +I[a, 2, 3, 2, 1]
-- -D[a, 2, 3, 2, 1]
-- +I[a, 2, 4, 3, 1]
-- +I[b, 1, 5, 1, 5]
-- -D[a, 2, 4, 3, 1]
-- +I[a, 3, 7, 4, 1]
-- -D[b, 1, 5, 1, 5]
-- +I[b, 1, 10, 2, 5]

-- LISTAGG(DISTINCT ..): the FINAL joins the buckets' lists with the call's separator.
SELECT k, LISTAGG(DISTINCT s, '|'), COUNT(DISTINCT s) FROM t GROUP BY k;
-- +I[a, x, 1]
-- -D[a, x, 1]
-- +I[a, x|y, 2]
-- +I[b, x, 1]
-- -D[a, x|y, 2]
-- +I[a, x|y|, 3]
-- -D[b, x, 1]
-- +I[b, x|z, 2]

-- The default 1024 buckets: BIGINT and INT values hash to themselves (Java's hashCode), so each
-- value here has its own bucket. MAX is bucketed by its own argument too, so the two calls need
-- two groupings: an Expand sends each row once to each.
RESET 'table.optimizer.distinct-agg.split.bucket-num';
SELECT k, COUNT(DISTINCT v), MAX(n) FROM t GROUP BY k;
-- +I[a, 1, null]
-- -U[a, 1, null]
-- +U[a, 1, 1]
-- -U[a, 1, 1]
-- +U[a, 2, 1]
-- -U[a, 2, 1]
-- +U[a, 2, 3]
-- +I[b, 1, null]
-- -U[b, 1, null]
-- +U[b, 1, 4]
-- -U[a, 2, 3]
-- +U[a, 3, 3]
-- -U[a, 3, 3]
-- +U[a, 3, 5]
-- -U[b, 1, 4]
-- +U[b, 1, 6]

-- Several DISTINCT arguments and FILTER: each grouping's FILTER column is `$e = id AND filter`.
SELECT k, COUNT(DISTINCT v) FILTER (WHERE n > 0), SUM(DISTINCT n), COUNT(*)
FROM t WHERE k = 'b' GROUP BY k;
-- +I[b, 1, null, 0]
-- -U[b, 1, null, 0]
-- +U[b, 1, 4, 0]
-- -U[b, 1, 4, 0]
-- +U[b, 1, 4, 1]
-- -U[b, 1, 4, 1]
-- +U[b, 1, 10, 1]
-- -U[b, 1, 10, 1]
-- +U[b, 1, 10, 0]
-- -U[b, 1, 10, 0]
-- +U[b, 1, 10, 2]

-- HAVING filters the FINAL's rows: +I[a, 1] and -U[a, 1] fail it, and the rows that pass go on
-- as they are (as a Flink filter passes them).
SELECT k, COUNT(DISTINCT v) AS dv FROM t GROUP BY k HAVING COUNT(DISTINCT v) > 1;
-- +U[a, 2]
-- -U[a, 2]
-- +U[a, 3]

-- Without GROUP BY the PARTIAL runs keyed by the buckets, the FINAL as one instance. SUM(n) adds
-- no grouping, so it is summed per bucket of v in the PARTIAL: the third row (v = 1 again)
-- retracts its bucket's partial sum before adding the new one.
SELECT COUNT(DISTINCT v), SUM(n) FROM t;
-- +I[1, 1]
-- -U[1, 1]
-- +U[2, -1]
-- -U[2, -1]
-- +U[1, -2]
-- -U[1, -2]
-- +U[2, 2]
-- -U[2, 2]
-- +U[3, 6]
-- -U[3, 6]
-- +U[4, 11]
-- -U[4, 11]
-- +U[3, 7]
-- -U[3, 7]
-- +U[4, 17]

-- Over updating input the PARTIAL retracts too: per count, the keys with that count.
SELECT cnt, COUNT(DISTINCT k) FROM (SELECT k, COUNT(*) AS cnt FROM t GROUP BY k) GROUP BY cnt;
-- +I[1, 1]
-- -D[1, 1]
-- +I[2, 1]
-- -D[2, 1]
-- +I[3, 1]
-- +I[1, 1]
-- -D[3, 1]
-- +I[4, 1]
-- -D[1, 1]
-- +I[2, 1]

-- With mini-batch two-phase aggregation, each half is split into phases where its calls merge.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
SELECT k, COUNT(DISTINCT v), SUM(v), AVG(n) FROM t GROUP BY k;
-- +I[a, 2, 4, 0]
-- +I[b, 1, 10, 5]
-- -U[a, 2, 4, 0]
-- +U[a, 3, 7, 1]

