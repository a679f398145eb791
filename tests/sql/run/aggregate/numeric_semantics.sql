-- Aggregates follow Flink's arithmetic, found by the differential suite against DuckDB.

-- Groups are binary rows: -0.0 and 0.0 are two groups.
CREATE TABLE zeros (z DOUBLE, n BIGINT) WITH ('connector' = 'print');
INSERT INTO zeros
SELECT x * 0, COUNT(*)
FROM (VALUES (CAST(-1 AS DOUBLE)), (CAST(1 AS DOUBLE)), (CAST(-2 AS DOUBLE))) AS t(x)
GROUP BY x * 0;
-- +I[-0.0, 1]
-- +I[0.0, 1]
-- -U[-0.0, 1]
-- +U[-0.0, 2]

-- SUM keeps its running sum in the result type: FLOAT rounds at each step (2^24 + 1 = 2^24),
-- so the later rows change nothing and emit nothing.
CREATE TABLE float_sum (s FLOAT) WITH ('connector' = 'print');
INSERT INTO float_sum
SELECT SUM(f) FROM (VALUES (CAST(16777216 AS FLOAT)), (CAST(1 AS FLOAT)), (CAST(1 AS FLOAT))) AS t(f);
-- +I[1.6777216E7]

-- AVG of BIGINT keeps a BIGINT running sum that wraps, as SUM does.
CREATE TABLE wrapping (a BIGINT, s BIGINT) WITH ('connector' = 'print');
INSERT INTO wrapping
SELECT AVG(x), SUM(x)
FROM (VALUES (CAST(9223372036854775807 AS BIGINT)), (CAST(9223372036854775807 AS BIGINT))) AS t(x);
-- +I[9223372036854775807, 9223372036854775807]
-- -U[9223372036854775807, 9223372036854775807]
-- +U[-1, -2]
