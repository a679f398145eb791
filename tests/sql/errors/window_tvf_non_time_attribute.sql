-- expect-error: 11:33: time attribute
-- A window TVF on a TIMESTAMP column that is neither a rowtime (no WATERMARK) nor a proctime.
CREATE TABLE bids (
  bidtime TIMESTAMP(3),
  price   DECIMAL(10, 2),
  item    STRING
) WITH ('connector' = 'datagen');

SELECT window_start, window_end, SUM(price)
FROM TABLE(
  TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;
