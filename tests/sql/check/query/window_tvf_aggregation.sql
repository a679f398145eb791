-- Window TVF aggregation: TUMBLE, HOP and CUMULATE with event time and processing time, with
-- the optional offset argument, window_time selected, and GROUPING SETS over a window.
-- Source: Flink docs, dev/table/sql/queries/window-tvf and window-agg.

CREATE TABLE Bid (
  bidtime     TIMESTAMP(3),
  price       DECIMAL(10, 2),
  item        STRING,
  supplier_id STRING,
  proctime    AS PROCTIME(),
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE window_totals (
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  total_price  DECIMAL(38, 2),
  cnt          BIGINT
) WITH ('connector' = 'print');

-- tumbling
INSERT INTO window_totals
SELECT window_start, window_end, SUM(price), COUNT(*)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- hopping
INSERT INTO window_totals
SELECT window_start, window_end, SUM(price), COUNT(*)
  FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- cumulating
INSERT INTO window_totals
SELECT window_start, window_end, SUM(price), COUNT(*)
  FROM TABLE(
    CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- tumbling with an offset
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES, INTERVAL '1' MINUTES))
  GROUP BY window_start, window_end;

-- processing-time tumbling window, window_time selected, extra grouping key
SELECT item, window_start, window_end, window_time, MAX(price) AS max_price
  FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(proctime), INTERVAL '1' HOUR))
  GROUP BY item, window_start, window_end, window_time;

-- window TVF over a filtered subquery and a view
CREATE VIEW expensive_bids AS SELECT * FROM Bid WHERE price > 5;

SELECT window_start, COUNT(DISTINCT item) AS distinct_items
  FROM TABLE(TUMBLE(TABLE expensive_bids, DESCRIPTOR(bidtime), INTERVAL '1' DAY))
  GROUP BY window_start, window_end;

SELECT window_start, window_end, supplier_id, SUM(price) AS price
  FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE))
  GROUP BY window_start, window_end, supplier_id
  HAVING SUM(price) > 10;

-- GROUPING SETS / ROLLUP / CUBE with a window
SELECT window_start, window_end, supplier_id, SUM(price) AS price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ());

SELECT window_start, window_end, supplier_id, SUM(price) AS price
FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, ROLLUP (supplier_id);

SELECT window_start, window_end, item, supplier_id, SUM(price) AS price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, CUBE (supplier_id, item);
