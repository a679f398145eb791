-- WATERMARK FOR <rowtime> AS <expr> in its usual forms.
-- Source: Flink docs, dev/table/sql/create ("WATERMARK") and concepts/time_attributes.

-- bounded out-of-orderness
CREATE TABLE t_bounded (
  id BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');

-- strictly ascending timestamps
CREATE TABLE t_ascending (
  id BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('connector' = 'datagen');

-- ascending timestamps (emit the maximum observed timestamp minus 1 ms)
CREATE TABLE t_ascending_minus_ms (
  id BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '0.001' SECOND
) WITH ('connector' = 'datagen');

-- rowtime computed from an epoch-millis BIGINT
CREATE TABLE t_epoch_millis (
  id      BIGINT,
  ts_ms   BIGINT,
  ts_ltz  AS TO_TIMESTAMP_LTZ(ts_ms, 3),
  WATERMARK FOR ts_ltz AS ts_ltz - INTERVAL '2' SECOND
) WITH ('connector' = 'datagen');

-- rowtime computed from a string with TO_TIMESTAMP
CREATE TABLE t_from_string (
  id       BIGINT,
  log_ts   STRING,
  ts       AS TO_TIMESTAMP(log_ts, 'yyyy-MM-dd HH:mm:ss'),
  WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE
) WITH ('connector' = 'datagen');

-- rowtime computed from epoch seconds
CREATE TABLE t_from_unixtime (
  id       BIGINT,
  ts_sec   BIGINT,
  ts       AS TO_TIMESTAMP(FROM_UNIXTIME(ts_sec)),
  WATERMARK FOR ts AS ts - INTERVAL '10' SECOND
) WITH ('connector' = 'datagen');

-- rowtime on a metadata column
CREATE TABLE t_on_metadata (
  id  BIGINT,
  ts  TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  WATERMARK FOR ts AS ts - INTERVAL '3' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'events',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

-- rowtime on a nested field (via a computed column) with a back-quoted name
CREATE TABLE t_nested (
  payload ROW<id BIGINT, event_time TIMESTAMP(3)>,
  `rowtime` AS payload.event_time,
  WATERMARK FOR `rowtime` AS `rowtime` - INTERVAL '0.5' SECOND
) WITH ('connector' = 'datagen');

-- compound interval in the watermark expression
CREATE TABLE t_compound (
  id BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1:30' MINUTE TO SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE wm_sink (
  src          STRING,
  window_start TIMESTAMP(3),
  cnt          BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO wm_sink
SELECT 'bounded', window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE t_bounded, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end
UNION ALL
SELECT 'ascending', window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE t_ascending, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end
UNION ALL
SELECT 'string', window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE t_from_string, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end
UNION ALL
SELECT 'nested', window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE t_nested, DESCRIPTOR(`rowtime`), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
