-- INTERVAL data types as column types (Flink docs, dev/table/types: "Interval types").
-- The docs list these SQL type declarations; a sink that accepts any type (blackhole) stores them.

CREATE TABLE interval_types (
  id            BIGINT,
  i_year        INTERVAL YEAR,
  i_year_p      INTERVAL YEAR(4),
  i_year_month  INTERVAL YEAR(2) TO MONTH,
  i_month       INTERVAL MONTH,
  i_day         INTERVAL DAY,
  i_day_p       INTERVAL DAY(3),
  i_day_hour    INTERVAL DAY TO HOUR,
  i_day_minute  INTERVAL DAY(2) TO MINUTE,
  i_day_second  INTERVAL DAY(2) TO SECOND(3),
  i_hour        INTERVAL HOUR,
  i_hour_minute INTERVAL HOUR TO MINUTE,
  i_hour_second INTERVAL HOUR TO SECOND(6),
  i_minute      INTERVAL MINUTE,
  i_min_second  INTERVAL MINUTE TO SECOND(3),
  i_second      INTERVAL SECOND,
  i_second_p    INTERVAL SECOND(3)
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO interval_types VALUES (
  1,
  INTERVAL '10' YEAR,
  INTERVAL '2024' YEAR(4),
  INTERVAL '1-2' YEAR TO MONTH,
  INTERVAL '7' MONTH,
  INTERVAL '3' DAY,
  INTERVAL '100' DAY(3),
  INTERVAL '1 10' DAY TO HOUR,
  INTERVAL '1 10:20' DAY TO MINUTE,
  INTERVAL '1 10:20:30.123' DAY TO SECOND(3),
  INTERVAL '5' HOUR,
  INTERVAL '10:20' HOUR TO MINUTE,
  INTERVAL '10:20:30.123456' HOUR TO SECOND(6),
  INTERVAL '45' MINUTE,
  INTERVAL '20:30.5' MINUTE TO SECOND(3),
  INTERVAL '30' SECOND,
  INTERVAL '1.5' SECOND(3)
);
