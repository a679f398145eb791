-- A native aggregate function (udx/examples/weighted_avg.cpp: weighted_avg(value, weight) is
-- sum(value * weight) / sum(weight) as a DOUBLE) in the windows whose accumulators merge:
-- CUMULATE (a window merges its slices) and SESSION (a row merges the sessions it touches), as a
-- window table function and as a legacy group window. Expected values are worked out by hand in
-- the comments. The harness replaces @SLUICE_UDX_EXAMPLES@ by the example libraries' directory.

CREATE TEMPORARY FUNCTION weighted_avg AS 'com.example.udx.WeightedAvg' LANGUAGE C
  USING LIBRARY '@SLUICE_UDX_EXAMPLES@/libweighted_avg.so';

CREATE TABLE trade (sym STRING, price BIGINT, qty INT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'csv', 'scan.parallelism' = '1');
-- input trade:
-- x,10,1,2024-01-01 10:00:01
-- x,20,3,2024-01-01 10:00:04
-- y,4,2,2024-01-01 10:00:06
-- x,30,0,2024-01-01 10:00:07
-- x,40,1,2024-01-01 10:00:08
-- x,1,1,2024-01-01 10:00:12
-- y,8,2,2024-01-01 10:00:13
-- x,50,2,2024-01-01 10:00:30

-- CUMULATE, 5 s steps up to 10 s: each window merges the slices [start, start + 5 s), ...
--   x [00, 05): (10*1 + 20*3) / (1 + 3)                 = 70 / 4  = 17.5
--   x [00, 10): (70 + 30*0 + 40*1) / (4 + 0 + 1)        = 110 / 5 = 22.0
--   x [10, 15) and [10, 20): 1*1 / 1 = 1.0; x [30, 35) and [30, 40): 50*2 / 2 = 50.0
--   y [00, 10): 4*2 / 2 = 4.0 (no row before 05: no [00, 05) window); y [10, 15), [10, 20): 8.0
SELECT sym, window_start, window_end, weighted_avg(price, qty)
FROM TABLE(CUMULATE(TABLE trade, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY sym, window_start, window_end;
-- unordered
-- +I[x, 2024-01-01 10:00:00.000, 2024-01-01 10:00:05.000, 17.5]
-- +I[x, 2024-01-01 10:00:00.000, 2024-01-01 10:00:10.000, 22.0]
-- +I[y, 2024-01-01 10:00:00.000, 2024-01-01 10:00:10.000, 4.0]
-- +I[x, 2024-01-01 10:00:10.000, 2024-01-01 10:00:15.000, 1.0]
-- +I[y, 2024-01-01 10:00:10.000, 2024-01-01 10:00:15.000, 8.0]
-- +I[x, 2024-01-01 10:00:10.000, 2024-01-01 10:00:20.000, 1.0]
-- +I[y, 2024-01-01 10:00:10.000, 2024-01-01 10:00:20.000, 8.0]
-- +I[x, 2024-01-01 10:00:30.000, 2024-01-01 10:00:35.000, 50.0]
-- +I[x, 2024-01-01 10:00:30.000, 2024-01-01 10:00:40.000, 50.0]

-- Sessions with a 5 s gap over a table whose watermark waits 10 s, so that a late row can
-- bridge two sessions of x already in state: 10:00:01 opens [01, 06), 10:00:09 opens [09, 14),
-- 10:00:05 ([05, 10)) touches both and the three merge into [01, 14):
--   x [01, 14): (10*1 + 20*3 + 30*4) / (1 + 3 + 4) = 190 / 8 = 23.75
--   x [30, 35): 50*2 / 2 = 50.0;  y [10, 15): 4*2 / 2 = 4.0;  y [31, 36): 8*2 / 2 = 8.0
CREATE TABLE late_trade (sym STRING, price BIGINT, qty INT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '10' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'csv', 'scan.parallelism' = '1');
-- input late_trade:
-- x,10,1,2024-01-01 10:00:01
-- x,20,3,2024-01-01 10:00:09
-- y,4,2,2024-01-01 10:00:10
-- x,30,4,2024-01-01 10:00:05
-- x,50,2,2024-01-01 10:00:30
-- y,8,2,2024-01-01 10:00:31

SELECT sym, window_start, window_end, weighted_avg(price, qty)
FROM TABLE(SESSION(TABLE late_trade PARTITION BY sym, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY sym, window_start, window_end;
-- unordered
-- +I[x, 2024-01-01 10:00:01.000, 2024-01-01 10:00:14.000, 23.75]
-- +I[y, 2024-01-01 10:00:10.000, 2024-01-01 10:00:15.000, 4.0]
-- +I[x, 2024-01-01 10:00:30.000, 2024-01-01 10:00:35.000, 50.0]
-- +I[y, 2024-01-01 10:00:31.000, 2024-01-01 10:00:36.000, 8.0]

SELECT sym, SESSION_START(ts, INTERVAL '5' SECOND), SESSION_END(ts, INTERVAL '5' SECOND),
  weighted_avg(price, qty)
FROM late_trade GROUP BY sym, SESSION(ts, INTERVAL '5' SECOND);
-- unordered
-- +I[x, 2024-01-01 10:00:01.000, 2024-01-01 10:00:14.000, 23.75]
-- +I[y, 2024-01-01 10:00:10.000, 2024-01-01 10:00:15.000, 4.0]
-- +I[x, 2024-01-01 10:00:30.000, 2024-01-01 10:00:35.000, 50.0]
-- +I[y, 2024-01-01 10:00:31.000, 2024-01-01 10:00:36.000, 8.0]

-- In-order rows of one session: each row merges the session it extends (x of trade: 01, 04, 07,
-- 08 and 12 are each less than 5 s apart, so one session [01, 17)):
--   x [01, 17): (10*1 + 20*3 + 30*0 + 40*1 + 1*1) / (1 + 3 + 0 + 1 + 1) = 111 / 6 = 18.5
--   y: 06 and 13 are 7 s apart: [06, 11) 4.0 and [13, 18) 8.0; x [30, 35): 50.0
SELECT sym, window_start, window_end, weighted_avg(price, qty)
FROM TABLE(SESSION(TABLE trade PARTITION BY sym, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY sym, window_start, window_end;
-- unordered
-- +I[x, 2024-01-01 10:00:01.000, 2024-01-01 10:00:17.000, 18.5]
-- +I[y, 2024-01-01 10:00:06.000, 2024-01-01 10:00:11.000, 4.0]
-- +I[y, 2024-01-01 10:00:13.000, 2024-01-01 10:00:18.000, 8.0]
-- +I[x, 2024-01-01 10:00:30.000, 2024-01-01 10:00:35.000, 50.0]
