-- BOOL_AND / BOOL_OR (Calcite's names; EVERY and SOME are the standard's): whether every / some
-- non-NULL BOOLEAN value is TRUE. NULLs are skipped, and a group without a non-NULL value gives
-- NULL. The accumulator counts TRUE and FALSE values, so a retraction takes one back and partial
-- accumulators (window slices, two-phase) merge by adding counts.
SET 'sqlc.batch.size' = '1';

CREATE TABLE readings (sensor STRING, ok BOOLEAN, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input readings:
-- a,true,2026-01-01 00:00:01
-- b,false,2026-01-01 00:00:02
-- a,,2026-01-01 00:00:03
-- a,false,2026-01-01 00:00:04
-- c,,2026-01-01 00:00:06
-- b,true,2026-01-01 00:00:07
-- a,true,2026-01-01 00:00:11
-- b,true,2026-01-01 00:00:12

-- a's NULL changes nothing, so it emits nothing; c has only NULLs.
SELECT sensor, BOOL_AND(ok), BOOL_OR(ok), EVERY(ok), SOME(ok), COUNT(ok) FROM readings GROUP BY sensor;
-- +I[a, TRUE, TRUE, TRUE, TRUE, 1]
-- +I[b, FALSE, FALSE, FALSE, FALSE, 1]
-- -U[a, TRUE, TRUE, TRUE, TRUE, 1]
-- +U[a, FALSE, TRUE, FALSE, TRUE, 2]
-- +I[c, null, null, null, null, 0]
-- -U[b, FALSE, FALSE, FALSE, FALSE, 1]
-- +U[b, FALSE, TRUE, FALSE, TRUE, 2]
-- -U[a, FALSE, TRUE, FALSE, TRUE, 2]
-- +U[a, FALSE, TRUE, FALSE, TRUE, 3]
-- -U[b, FALSE, TRUE, FALSE, TRUE, 2]
-- +U[b, FALSE, TRUE, FALSE, TRUE, 3]

-- Over the updates of another aggregate: when a's BOOL_AND turns FALSE, its TRUE is retracted
-- before its FALSE comes, so BOOL_OR is FALSE in between (it would stay TRUE if the TRUE were
-- still counted).
SELECT BOOL_AND(all_ok), BOOL_OR(all_ok), COUNT(*)
FROM (SELECT sensor, BOOL_AND(ok) AS all_ok FROM readings GROUP BY sensor);
-- +I[TRUE, TRUE, 1]
-- -U[TRUE, TRUE, 1]
-- +U[FALSE, TRUE, 2]
-- -U[FALSE, TRUE, 2]
-- +U[FALSE, FALSE, 1]
-- -U[FALSE, FALSE, 1]
-- +U[FALSE, FALSE, 2]
-- -U[FALSE, FALSE, 2]
-- +U[FALSE, FALSE, 3]

-- DISTINCT changes no result but runs; FILTER leaves b's rows out.
SELECT BOOL_OR(DISTINCT ok), BOOL_AND(ok) FILTER (WHERE sensor <> 'b') FROM readings;
-- +I[TRUE, TRUE]
-- -U[TRUE, TRUE]
-- +U[TRUE, FALSE]

-- Window aggregation: TUMBLE, HOP and CUMULATE merge their slices' counts.
SELECT window_start, BOOL_AND(ok), BOOL_OR(ok)
FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- +I[2026-01-01 00:00:00.000, FALSE, TRUE]
-- +I[2026-01-01 00:00:10.000, TRUE, TRUE]

SELECT window_start, window_end, BOOL_AND(ok), BOOL_OR(ok)
FROM TABLE(HOP(TABLE readings, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- +I[2025-12-31 23:59:55.000, 2026-01-01 00:00:05.000, FALSE, TRUE]
-- +I[2026-01-01 00:00:00.000, 2026-01-01 00:00:10.000, FALSE, TRUE]
-- +I[2026-01-01 00:00:05.000, 2026-01-01 00:00:15.000, TRUE, TRUE]
-- +I[2026-01-01 00:00:10.000, 2026-01-01 00:00:20.000, TRUE, TRUE]

SELECT window_start, window_end, EVERY(ok), SOME(ok)
FROM TABLE(CUMULATE(TABLE readings, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- +I[2026-01-01 00:00:00.000, 2026-01-01 00:00:05.000, FALSE, TRUE]
-- +I[2026-01-01 00:00:00.000, 2026-01-01 00:00:10.000, FALSE, TRUE]
-- +I[2026-01-01 00:00:10.000, 2026-01-01 00:00:15.000, TRUE, TRUE]
-- +I[2026-01-01 00:00:10.000, 2026-01-01 00:00:20.000, TRUE, TRUE]

-- SESSION windows per sensor (gap 3 s): a's first session holds TRUE, NULL and FALSE.
SELECT sensor, window_start, window_end, BOOL_AND(ok), BOOL_OR(ok)
FROM TABLE(SESSION(TABLE readings PARTITION BY sensor, DESCRIPTOR(ts), INTERVAL '3' SECOND))
GROUP BY sensor, window_start, window_end;
-- unordered
-- +I[a, 2026-01-01 00:00:01.000, 2026-01-01 00:00:07.000, FALSE, TRUE]
-- +I[b, 2026-01-01 00:00:02.000, 2026-01-01 00:00:05.000, FALSE, FALSE]
-- +I[c, 2026-01-01 00:00:06.000, 2026-01-01 00:00:09.000, null, null]
-- +I[b, 2026-01-01 00:00:07.000, 2026-01-01 00:00:10.000, TRUE, TRUE]
-- +I[a, 2026-01-01 00:00:11.000, 2026-01-01 00:00:14.000, TRUE, TRUE]
-- +I[b, 2026-01-01 00:00:12.000, 2026-01-01 00:00:15.000, TRUE, TRUE]

-- OVER: a bounded ROWS frame retracts the row that leaves it.
SELECT sensor, ok, ts,
  BOOL_AND(ok) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
  BOOL_OR(ok) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM readings;
-- unordered
-- +I[a, TRUE, 2026-01-01 00:00:01.000, TRUE, TRUE]
-- +I[b, FALSE, 2026-01-01 00:00:02.000, FALSE, FALSE]
-- +I[a, null, 2026-01-01 00:00:03.000, TRUE, TRUE]
-- +I[a, FALSE, 2026-01-01 00:00:04.000, FALSE, FALSE]
-- +I[c, null, 2026-01-01 00:00:06.000, null, null]
-- +I[b, TRUE, 2026-01-01 00:00:07.000, FALSE, TRUE]
-- +I[a, TRUE, 2026-01-01 00:00:11.000, FALSE, TRUE]
-- +I[b, TRUE, 2026-01-01 00:00:12.000, TRUE, TRUE]

SELECT sensor, ok, BOOL_AND(ok) OVER w, BOOL_OR(ok) OVER w, SOME(NOT ok) OVER w
FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY ts RANGE UNBOUNDED PRECEDING);
-- unordered
-- +I[a, TRUE, TRUE, TRUE, FALSE]
-- +I[b, FALSE, FALSE, FALSE, TRUE]
-- +I[a, null, TRUE, TRUE, FALSE]
-- +I[a, FALSE, FALSE, TRUE, TRUE]
-- +I[c, null, null, null, null]
-- +I[b, TRUE, FALSE, TRUE, TRUE]
-- +I[a, TRUE, FALSE, TRUE, TRUE]
-- +I[b, TRUE, FALSE, TRUE, TRUE]

-- The argument must be BOOLEAN.
SELECT BOOL_AND(sensor) FROM readings;
-- error: invalid arguments to BOOL_AND(STRING); expected BOOL_AND(BOOLEAN)

-- Two-phase aggregation over updating input: the Local's partial counts may be negative (a
-- retraction of a value the partial never saw) until the Global merges them. With mini-batches
-- of 3 rows, a's retracted TRUE and its FALSE reach the Global in one partial.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';

SELECT BOOL_AND(all_ok), BOOL_OR(all_ok), COUNT(*)
FROM (SELECT sensor, BOOL_AND(ok) AS all_ok FROM readings GROUP BY sensor);
-- +I[TRUE, TRUE, 1]
-- -U[TRUE, TRUE, 1]
-- +U[FALSE, TRUE, 2]
-- -U[FALSE, TRUE, 2]
-- +U[FALSE, FALSE, 2]
-- -U[FALSE, FALSE, 2]
-- +U[FALSE, FALSE, 3]
