-- A legacy group window and a window TVF aggregation: both become WindowAggregate; the
-- TVF's window_time stays a rowtime attribute, the legacy TUMBLE_ROWTIME is one.
CREATE TABLE bid (item STRING, price BIGINT, bidtime TIMESTAMP(3),
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');

SELECT item, TUMBLE_START(bidtime, INTERVAL '1' MINUTE) AS w_start,
       TUMBLE_ROWTIME(bidtime, INTERVAL '1' MINUTE) AS w_time, SUM(price) AS total
FROM bid GROUP BY TUMBLE(bidtime, INTERVAL '1' MINUTE), item;

SELECT window_start, window_end, window_time, SUM(price) AS total
FROM TABLE(HOP(TABLE bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, window_time;
