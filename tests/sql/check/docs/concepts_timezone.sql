-- Flink docs page: dev/table/timezone ("Time Zone"): the session time zone option, the
-- time functions view (MyView1), TIMESTAMP vs TIMESTAMP_LTZ columns, and processing-time
-- windows on a TIMESTAMP_LTZ time attribute (MyView3).
-- The page's 'socket' source is replaced by datagen.

SET 'sql-client.execution.result-mode' = 'tableau';
SET 'table.local-time-zone' = 'UTC';

CREATE VIEW MyView1 AS SELECT LOCALTIME, LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, CURRENT_ROW_TIMESTAMP(), NOW(), PROCTIME();

DESC MyView1;

SELECT * FROM MyView1;

SET 'table.local-time-zone' = 'Asia/Shanghai';

SELECT * FROM MyView1;

CREATE VIEW MyView2 AS SELECT TO_TIMESTAMP_LTZ(4001, 3) AS ltz, TIMESTAMP '1970-01-01 00:00:01.001'  AS ntz;

SELECT * FROM MyView2;

CREATE TABLE MyTable2 (
    item STRING,
    price DOUBLE,
    proctime as PROCTIME()
) WITH (
    'connector' = 'datagen'
);

CREATE VIEW MyView3 AS
SELECT
    TUMBLE_START(proctime, INTERVAL '10' MINUTES) AS window_start,
    TUMBLE_END(proctime, INTERVAL '10' MINUTES) AS window_end,
    TUMBLE_PROCTIME(proctime, INTERVAL '10' MINUTES) as window_proctime,
    item,
    MAX(price) as max_price
FROM MyTable2
    GROUP BY TUMBLE(proctime, INTERVAL '10' MINUTES), item;

DESC MyView3;

SELECT * FROM MyView3;

CREATE TABLE MyTable3 (
    item STRING,
    price DOUBLE,
    ts BIGINT, -- long time value in epoch milliseconds
    ts_ltz AS TO_TIMESTAMP_LTZ(ts, 3),
    WATERMARK FOR ts_ltz AS ts_ltz - INTERVAL '10' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE VIEW MyView4 AS
SELECT
    TUMBLE_START(ts_ltz, INTERVAL '10' MINUTES) AS window_start,
    TUMBLE_END(ts_ltz, INTERVAL '10' MINUTES) AS window_end,
    TUMBLE_ROWTIME(ts_ltz, INTERVAL '10' MINUTES) as window_rowtime,
    item,
    MAX(price) as max_price
FROM MyTable3
    GROUP BY TUMBLE(ts_ltz, INTERVAL '10' MINUTES), item;

SELECT * FROM MyView4;
