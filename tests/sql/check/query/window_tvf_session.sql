-- SESSION window TVF (Flink 1.19+): with and without PARTITION BY, named-argument form,
-- and session window aggregation.
-- Source: Flink docs, dev/table/sql/queries/window-tvf ("SESSION").

CREATE TABLE Bid (
  bidtime TIMESTAMP(3),
  price   DECIMAL(10, 2),
  item    STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE session_totals (
  item         STRING,
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  total_price  DECIMAL(38, 2)
) WITH ('connector' = 'print');

-- session window with partition keys
INSERT INTO session_totals
SELECT item, window_start, window_end, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY item, window_start, window_end;

-- session window without partition keys
SELECT window_start, window_end, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY window_start, window_end;

-- named parameters; the DATA param must be the first
SELECT item, window_start, window_end, COUNT(*) AS cnt
  FROM TABLE(
      SESSION(
        DATA => TABLE Bid PARTITION BY item,
        TIMECOL => DESCRIPTOR(bidtime),
        GAP => INTERVAL '5' MINUTES))
  GROUP BY item, window_start, window_end;

-- several partition keys
SELECT item, price, window_start, window_end, COUNT(*) AS cnt
  FROM TABLE(
      SESSION(TABLE Bid PARTITION BY (item, price), DESCRIPTOR(bidtime), INTERVAL '30' SECONDS))
  GROUP BY item, price, window_start, window_end;
