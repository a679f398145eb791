-- AVG and SUM0 with DISTINCT: the inner function sees a value when it first appears in the group
-- and its retraction when its last copy goes, as Flink's distinct aggregation does.
CREATE TABLE t (k STRING, v BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input t:
-- a,100
-- a,50
-- a,100
-- b,7
-- b,

-- a's second 100 changes the plain AVG (to 250 / 3, truncated) but not the DISTINCT one; b's
-- NULL changes nothing.
SELECT k, AVG(DISTINCT v), AVG(v), SUM0(DISTINCT v), SUM0(v) FROM t GROUP BY k;
-- +I[a, 100, 100, 100, 100]
-- -U[a, 100, 100, 100, 100]
-- +U[a, 75, 75, 150, 150]
-- -U[a, 75, 75, 150, 150]
-- +U[a, 75, 83, 150, 250]
-- +I[b, 7, 7, 7, 7]

-- Over updating input: the counts 3 (a) and 1, then 2 (b).
SELECT AVG(DISTINCT c), COUNT(*) FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k);
-- +I[1, 1]
-- -D[1, 1]
-- +I[2, 1]
-- -D[2, 1]
-- +I[3, 1]
-- -U[3, 1]
-- +U[2, 2]
-- -U[2, 2]
-- +U[3, 1]
-- -U[3, 1]
-- +U[2, 2]
