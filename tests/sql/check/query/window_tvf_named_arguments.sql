-- Window TVFs called with named arguments (DATA => ..., TIMECOL => ..., SIZE => ...,
-- SLIDE => ..., STEP => ..., `OFFSET` => ...).
-- Source: Flink docs, dev/table/sql/queries/window-tvf.

CREATE TABLE Bid (
  bidtime TIMESTAMP(3),
  price   DECIMAL(10, 2),
  item    STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

SELECT window_start, window_end, SUM(price)
FROM TABLE(
   TUMBLE(
     DATA => TABLE Bid,
     TIMECOL => DESCRIPTOR(bidtime),
     SIZE => INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;

SELECT window_start, window_end, SUM(price)
FROM TABLE(
    HOP(
      DATA => TABLE Bid,
      TIMECOL => DESCRIPTOR(bidtime),
      SLIDE => INTERVAL '5' MINUTES,
      SIZE => INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;

SELECT window_start, window_end, SUM(price)
FROM TABLE(
    CUMULATE(
      DATA => TABLE Bid,
      TIMECOL => DESCRIPTOR(bidtime),
      STEP => INTERVAL '2' MINUTES,
      SIZE => INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;

-- note: the DATA param must be the first and `OFFSET` should be wrapped with backquotes
SELECT window_start, window_end, SUM(price)
FROM TABLE(
   TUMBLE(
     DATA => TABLE Bid,
     TIMECOL => DESCRIPTOR(bidtime),
     SIZE => INTERVAL '10' MINUTES,
     `OFFSET` => INTERVAL '1' MINUTES))
GROUP BY window_start, window_end;

-- named arguments in a different order after DATA
SELECT window_start, window_end, COUNT(*)
FROM TABLE(
   HOP(
     DATA => TABLE Bid,
     SIZE => INTERVAL '1' HOUR,
     SLIDE => INTERVAL '10' MINUTES,
     TIMECOL => DESCRIPTOR(bidtime)))
GROUP BY window_start, window_end;
