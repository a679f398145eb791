-- Interval literals in every form Flink accepts: single units (singular and the plural forms
-- MINUTES / SECONDS / ... that Flink's own docs use), leading precision, fractional seconds with
-- precision, compound YEAR TO MONTH / DAY TO SECOND / HOUR TO MINUTE / ..., signs, and interval
-- arithmetic with dates and timestamps.
-- Source: Flink docs, dev/table/types ("Interval"), dev/table/functions/systemFunctions
-- ("Temporal Functions"), and dev/table/sql/queries/window-tvf (INTERVAL '10' MINUTES).

CREATE TABLE events (
  id  BIGINT,
  ts  TIMESTAMP(3),
  d   DATE,
  t   TIME(0),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');

SELECT
  INTERVAL '10' SECOND,
  INTERVAL '10' SECONDS,
  INTERVAL '10' MINUTE,
  INTERVAL '10' MINUTES,
  INTERVAL '2' HOUR,
  INTERVAL '2' HOURS,
  INTERVAL '1' DAY,
  INTERVAL '3' DAYS,
  INTERVAL '1' MONTH,
  INTERVAL '6' MONTHS,
  INTERVAL '1' YEAR,
  INTERVAL '2' YEARS,
  INTERVAL '2' DAY(2),
  INTERVAL '100' DAY(3),
  INTERVAL '1.5' SECOND(3),
  INTERVAL '0.001' SECOND,
  INTERVAL '999' HOUR(3),
  INTERVAL '1-2' YEAR TO MONTH,
  INTERVAL '10 12' DAY TO HOUR,
  INTERVAL '1 10:20' DAY TO MINUTE,
  INTERVAL '1 10:20:30.123' DAY TO SECOND,
  INTERVAL '1 10:20:30.123' DAY(2) TO SECOND(3),
  INTERVAL '10:20' HOUR TO MINUTE,
  INTERVAL '10:20:30' HOUR TO SECOND,
  INTERVAL '20:30.5' MINUTE TO SECOND,
  INTERVAL '-1' DAY,
  INTERVAL '+5' MINUTE,
  -INTERVAL '5' MINUTE,
  INTERVAL '-1-6' YEAR TO MONTH
FROM events;

-- interval arithmetic
SELECT
  ts + INTERVAL '1' HOUR,
  ts - INTERVAL '30' SECONDS,
  ts + INTERVAL '1 10:20:30.123' DAY TO SECOND,
  ts + INTERVAL '1-2' YEAR TO MONTH,
  d + INTERVAL '1' DAY,
  d - INTERVAL '1' MONTH,
  t + INTERVAL '10' MINUTE,
  INTERVAL '1' HOUR + INTERVAL '30' MINUTE,
  INTERVAL '1' DAY * 3,
  2 * INTERVAL '2' SECOND,
  DATE '2024-01-31' + INTERVAL '1' MONTH,
  TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '7' DAYS
FROM events;

-- intervals in predicates
SELECT id FROM events
WHERE ts > TIMESTAMP '2024-01-01 00:00:00' - INTERVAL '7' DAY
  AND ts BETWEEN TIMESTAMP '2023-12-01 00:00:00' AND TIMESTAMP '2024-12-31 23:59:59' + INTERVAL '1' SECOND;
