-- Windows over a TIMESTAMP_LTZ time attribute align on the wall clock of table.local-time-zone,
-- as Flink's do: in Shanghai (UTC+8) a day window starts at local midnight, 16:00 UTC the day
-- before. 15:00 UTC is 23:00 on 1 January in Shanghai, 17:00 UTC is 01:00 on 2 January.
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE event (id BIGINT, ms BIGINT,
                    ts AS TO_TIMESTAMP_LTZ(ms, 3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input event:
-- 1,1577890800000
-- 2,1577898000000
-- 3,1577899000000

SELECT window_start, window_end, COUNT(*)
FROM TABLE(TUMBLE(TABLE event, DESCRIPTOR(ts), INTERVAL '1' DAY))
GROUP BY window_start, window_end;
-- +I[2020-01-01 00:00:00.000, 2020-01-02 00:00:00.000, 1]
-- +I[2020-01-02 00:00:00.000, 2020-01-03 00:00:00.000, 2]

SELECT id, window_start FROM TABLE(CUMULATE(TABLE event, DESCRIPTOR(ts), INTERVAL '12' HOUR, INTERVAL '1' DAY))
WHERE id = 1;
-- +I[1, 2020-01-01 00:00:00.000]
