-- Session windows: a row opens [t, t + gap); sessions of a key that overlap or touch merge.
CREATE TABLE click (usr STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input click:
-- a,2020-01-01 00:00:01
-- a,2020-01-01 00:00:04
-- b,2020-01-01 00:00:02
-- a,2020-01-01 00:00:08
-- a,2020-01-01 00:00:20
-- a,2020-01-01 00:00:30
-- a,2020-01-01 00:00:40
-- a,2020-01-01 00:00:35

-- [1, 6) and [4, 9) merge, then [8, 13) joins them; 00:00:35 bridges [30, 35) and [40, 45),
-- which it touches on both sides.
SELECT usr, window_start, window_end, COUNT(*)
FROM TABLE(SESSION(TABLE click PARTITION BY usr, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY usr, window_start, window_end;
-- unordered
-- +I[a, 2020-01-01 00:00:01.000, 2020-01-01 00:00:13.000, 3]
-- +I[b, 2020-01-01 00:00:02.000, 2020-01-01 00:00:07.000, 1]
-- +I[a, 2020-01-01 00:00:20.000, 2020-01-01 00:00:25.000, 1]
-- +I[a, 2020-01-01 00:00:30.000, 2020-01-01 00:00:45.000, 3]

SELECT usr, SESSION_START(ts, INTERVAL '5' SECOND), SESSION_END(ts, INTERVAL '5' SECOND), COUNT(*)
FROM click GROUP BY usr, SESSION(ts, INTERVAL '5' SECOND);
-- unordered
-- +I[a, 2020-01-01 00:00:01.000, 2020-01-01 00:00:13.000, 3]
-- +I[b, 2020-01-01 00:00:02.000, 2020-01-01 00:00:07.000, 1]
-- +I[a, 2020-01-01 00:00:20.000, 2020-01-01 00:00:25.000, 1]
-- +I[a, 2020-01-01 00:00:30.000, 2020-01-01 00:00:45.000, 3]
