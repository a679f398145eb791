-- expect-error: 6:17: column 'event_ts' not found
-- A WATERMARK on a column the table does not have.
CREATE TABLE events (
  id  BIGINT,
  ts  TIMESTAMP(3),
  WATERMARK FOR event_ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen'
);
