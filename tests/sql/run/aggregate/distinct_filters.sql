-- Several DISTINCT calls over one argument, each with its own FILTER: they share one map of the
-- argument's values per group (Flink's DistinctInfo with filterArgs), holding per call whether
-- (insert-only input) or how many times (updating input) the call saw the value. Each call sees a
-- value when ITS count goes 0 -> 1 and its retraction when its count goes 1 -> 0; NULL values
-- are ignored; a row whose FILTER is false (or NULL) leaves the call alone.
CREATE TABLE t (k STRING, u INT, p INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input t:
-- a,1,5
-- a,1,50
-- a,2,5
-- a,,5
-- a,1,5
-- b,2,50

-- Three calls share the values of u, SUM(DISTINCT p) has a map of its own. Row 2 brings u = 1 to
-- the third call only; row 4's NULL u counts for COUNT(*) alone; row 5's 1 is known to all.
SELECT k, COUNT(DISTINCT u), COUNT(DISTINCT u) FILTER (WHERE p < 10),
       COUNT(DISTINCT u) FILTER (WHERE p >= 10), SUM(DISTINCT p) FILTER (WHERE u IS NOT NULL),
       COUNT(*) FILTER (WHERE p < 10)
FROM t GROUP BY k;
-- +I[a, 1, 1, 0, 5, 1]
-- -U[a, 1, 1, 0, 5, 1]
-- +U[a, 1, 1, 1, 55, 1]
-- -U[a, 1, 1, 1, 55, 1]
-- +U[a, 2, 2, 1, 55, 2]
-- -U[a, 2, 2, 1, 55, 2]
-- +U[a, 2, 2, 1, 55, 3]
-- -U[a, 2, 2, 1, 55, 3]
-- +U[a, 2, 2, 1, 55, 4]
-- +I[b, 1, 0, 1, 50, 0]

-- Updating input (a changelog): a call forgets a value when the last of ITS rows holding it goes,
-- whatever the other calls still hold. Changes, with each value's count per call (all, p < 10,
-- p >= 10):
--   +I(a,x,1) x 1,1,0   +I(a,x,2) x 2,2,0   +I(a,y,20) y 1,0,1
--   -U(a,x,1) x 1,1,0   +U(a,x,30) x 2,1,1  +I(a,NULL,5) nothing
--   -D(a,x,2) x 1,0,1   -D(a,y,20) y gone   -D(a,x,30) x gone   -D(a,NULL,5): the group goes
--   +I(a,x,3): a new group
CREATE TABLE c (k STRING, u STRING, p INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input c:
-- {"before": null, "after": {"k": "a", "u": "x", "p": 1}, "op": "c"}
-- {"before": null, "after": {"k": "a", "u": "x", "p": 2}, "op": "c"}
-- {"before": null, "after": {"k": "a", "u": "y", "p": 20}, "op": "c"}
-- {"before": {"k": "a", "u": "x", "p": 1}, "after": {"k": "a", "u": "x", "p": 30}, "op": "u"}
-- {"before": null, "after": {"k": "a", "u": null, "p": 5}, "op": "c"}
-- {"before": {"k": "a", "u": "x", "p": 2}, "after": null, "op": "d"}
-- {"before": {"k": "a", "u": "y", "p": 20}, "after": null, "op": "d"}
-- {"before": {"k": "a", "u": "x", "p": 30}, "after": null, "op": "d"}
-- {"before": {"k": "a", "u": null, "p": 5}, "after": null, "op": "d"}
-- {"before": null, "after": {"k": "a", "u": "x", "p": 3}, "op": "c"}

SELECT k, COUNT(DISTINCT u), COUNT(DISTINCT u) FILTER (WHERE p < 10),
       COUNT(DISTINCT u) FILTER (WHERE p >= 10), COUNT(*)
FROM c GROUP BY k;
-- +I[a, 1, 1, 0, 1]
-- -U[a, 1, 1, 0, 1]
-- +U[a, 1, 1, 0, 2]
-- -U[a, 1, 1, 0, 2]
-- +U[a, 2, 1, 1, 3]
-- -U[a, 2, 1, 1, 3]
-- +U[a, 2, 1, 1, 2]
-- -U[a, 2, 1, 1, 2]
-- +U[a, 2, 1, 2, 3]
-- -U[a, 2, 1, 2, 3]
-- +U[a, 2, 1, 2, 4]
-- -U[a, 2, 1, 2, 4]
-- +U[a, 2, 0, 2, 3]
-- -U[a, 2, 0, 2, 3]
-- +U[a, 1, 0, 1, 2]
-- -U[a, 1, 0, 1, 2]
-- +U[a, 0, 0, 0, 1]
-- -D[a, 0, 0, 0, 1]
-- +I[a, 1, 1, 0, 1]

-- Mini-batch: a mini-batch ends every 3 rows (the update counts as two), each key emits one
-- change per mini-batch.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';

SELECT k, COUNT(DISTINCT u), COUNT(DISTINCT u) FILTER (WHERE p < 10),
       COUNT(DISTINCT u) FILTER (WHERE p >= 10), SUM(DISTINCT p) FILTER (WHERE u IS NOT NULL),
       COUNT(*) FILTER (WHERE p < 10)
FROM t GROUP BY k;
-- +I[a, 2, 2, 1, 55, 2]
-- -U[a, 2, 2, 1, 55, 2]
-- +U[a, 2, 2, 1, 55, 4]
-- +I[b, 1, 0, 1, 50, 0]

-- Rows 10 and 11 meet in one mini-batch: the group's count passes 0 and comes back, its values
-- were all retracted already.
SELECT k, COUNT(DISTINCT u), COUNT(DISTINCT u) FILTER (WHERE p < 10),
       COUNT(DISTINCT u) FILTER (WHERE p >= 10), COUNT(*)
FROM c GROUP BY k;
-- +I[a, 2, 1, 1, 3]
-- -U[a, 2, 1, 1, 3]
-- +U[a, 2, 1, 2, 4]
-- -U[a, 2, 1, 2, 4]
-- +U[a, 0, 0, 0, 1]
-- -U[a, 0, 0, 0, 1]
-- +U[a, 1, 1, 0, 1]

-- Two phases: the Local sends each key's multiset of values per call, the Global merges them into
-- the shared map; at parallelism 1 the changelog is the one-phase mini-batch one.
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';

SELECT k, COUNT(DISTINCT u), COUNT(DISTINCT u) FILTER (WHERE p < 10),
       COUNT(DISTINCT u) FILTER (WHERE p >= 10), SUM(DISTINCT p) FILTER (WHERE u IS NOT NULL),
       COUNT(*) FILTER (WHERE p < 10)
FROM t GROUP BY k;
-- +I[a, 2, 2, 1, 55, 2]
-- -U[a, 2, 2, 1, 55, 2]
-- +U[a, 2, 2, 1, 55, 4]
-- +I[b, 1, 0, 1, 50, 0]
