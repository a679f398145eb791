-- expect-error: 5:12: did you mean 'date_format'
-- A misspelled built-in function.
CREATE TABLE events (id BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');

SELECT id, DATE_FROMAT(ts, 'yyyy-MM-dd') AS dt FROM events;
