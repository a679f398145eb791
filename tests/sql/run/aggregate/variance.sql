-- STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP and the aliases STDDEV (= STDDEV_SAMP) and VARIANCE
-- (= VAR_SAMP). Flink has no accumulator for them: it aggregates SUM(x * x), SUM(x), COUNT(x) and
-- computes (SUM(x * x) - SUM(x) * SUM(x) / COUNT(x)) / COUNT(x) (/ (COUNT(x) - 1), NULL for one
-- value, for the sample variants; POWER(.., 0.5) for the deviations) in x's own type. So:
-- integer types divide with truncation at each step; every change of the sums emits an update,
-- even one that leaves the results as they were.
CREATE TABLE m (g STRING, i INT, b BIGINT, d DOUBLE, c DECIMAL(10, 2))
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input m:
-- a,50000,1,0.5,1.50
-- a,0,2,1.5,2.25
-- a,,4,2.5,
-- b,7,5,-1.0,0.10
-- b,7,5,1.0,0.10
-- b,7,5,,0.10

-- BIGINT: a's VAR_POP of 1, 2, 4 is (21 - 49 / 3) / 3 = (21 - 16) / 3 = 1. b's third 5 leaves
-- every result at 0 but changes the sums: -U/+U of equal rows.
SELECT g, VAR_POP(b), VAR_SAMP(b), STDDEV_POP(b), STDDEV_SAMP(b), STDDEV(b), VARIANCE(b)
FROM m GROUP BY g;
-- +I[a, 0, null, 0, null, null, null]
-- -U[a, 0, null, 0, null, null, null]
-- +U[a, 0, 1, 0, 1, 1, 1]
-- -U[a, 0, 1, 0, 1, 1, 1]
-- +U[a, 1, 2, 1, 1, 1, 2]
-- +I[b, 0, null, 0, null, null, null]
-- -U[b, 0, null, 0, null, null, null]
-- +U[b, 0, 0, 0, 0, 0, 0]
-- -U[b, 0, 0, 0, 0, 0, 0]
-- +U[b, 0, 0, 0, 0, 0, 0]

-- DOUBLE: b's NULL changes no sum, so it emits nothing.
SELECT g, VAR_POP(d), VAR_SAMP(d), STDDEV_POP(d), STDDEV_SAMP(d) FROM m GROUP BY g;
-- +I[a, 0.0, null, 0.0, null]
-- -U[a, 0.0, null, 0.0, null]
-- +U[a, 0.25, 0.5, 0.5, 0.7071067811865476]
-- -U[a, 0.25, 0.5, 0.5, 0.7071067811865476]
-- +U[a, 0.6666666666666666, 1.0, 0.816496580927726, 1.0]
-- +I[b, 0.0, null, 0.0, null]
-- -U[b, 0.0, null, 0.0, null]
-- +U[b, 1.0, 2.0, 1.0, 1.4142135623730951]

-- DECIMAL(10, 2) gives DECIMAL(38, 6); the deviations are DOUBLE square roots cast back to it.
SELECT g, VAR_POP(c), VAR_SAMP(c), STDDEV_POP(c), STDDEV_SAMP(c) FROM m GROUP BY g;
-- +I[a, 0.000000, null, 0.000000, null]
-- -U[a, 0.000000, null, 0.000000, null]
-- +U[a, 0.140625, 0.281250, 0.375000, 0.530330]
-- +I[b, 0.000000, null, 0.000000, null]
-- -U[b, 0.000000, null, 0.000000, null]
-- +U[b, 0.000000, 0.000000, 0.000000, 0.000000]
-- -U[b, 0.000000, 0.000000, 0.000000, 0.000000]
-- +U[b, 0.000000, 0.000000, 0.000000, 0.000000]

-- INT: x * x and the sums are INTs and wrap around as Java's int does, so a's variance of 50000
-- and 0 comes out negative, as in Flink: 50000 * 50000 wraps to -1794967296, and
-- (-1794967296 - (-1794967296) / 2) / 2 = -448741824.
SELECT g, VAR_POP(i) FROM m GROUP BY g;
-- +I[a, 0]
-- -U[a, 0]
-- +U[a, -448741824]
-- +I[b, 0]
-- -U[b, 0]
-- +U[b, 0]
-- -U[b, 0]
-- +U[b, 0]

-- DISTINCT applies to each of the sums: SUM(DISTINCT x * x) sums the distinct squares, so b's
-- -1.0 and 1.0 give (1.0 - 0.0 / 2) / 2 = 0.5 (their variance is 1.0), as Flink computes it.
SELECT g, VAR_POP(DISTINCT d) FROM m GROUP BY g;
-- +I[a, 0.0]
-- -U[a, 0.0]
-- +U[a, 0.25]
-- -U[a, 0.25]
-- +U[a, 0.6666666666666666]
-- +I[b, 0.0]
-- -U[b, 0.0]
-- +U[b, 0.5]

-- Over the updates of another aggregate, and with FILTER (applied to all three sums). The global
-- aggregate's group is deleted whenever its only row is retracted.
SELECT VAR_POP(cnt), STDDEV_SAMP(cnt) FILTER (WHERE cnt > 1)
FROM (SELECT g, COUNT(*) AS cnt FROM m GROUP BY g);
-- +I[0, null]
-- -D[0, null]
-- +I[0, null]
-- -D[0, null]
-- +I[0, null]
-- -U[0, null]
-- +U[1, null]
-- -U[1, null]
-- +U[0, null]
-- -U[0, null]
-- +U[0, 1]
-- -U[0, 1]
-- +U[0, null]
-- -U[0, null]
-- +U[0, 0]

-- Window aggregation reduces them the same way.
CREATE TABLE w (v DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input w:
-- 1.0,2020-01-01 00:00:01
-- 2.0,2020-01-01 00:00:02
-- 4.0,2020-01-01 00:00:07

SELECT window_start, VAR_POP(v), STDDEV_SAMP(v)
FROM TABLE(TUMBLE(TABLE w, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY window_start, window_end;
-- +I[2020-01-01 00:00:00.000, 0.25, 0.7071067811865476]
-- +I[2020-01-01 00:00:05.000, 0.0, null]
