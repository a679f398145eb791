-- OVER aggregation: RANGE BETWEEN INTERVAL ... PRECEDING AND CURRENT ROW, ROWS BETWEEN n
-- PRECEDING AND CURRENT ROW, UNBOUNDED PRECEDING (ROWS and RANGE), no PARTITION BY, several
-- aggregates over one window, the named WINDOW clause, and processing-time OVER windows.
-- Source: Flink docs, dev/table/sql/queries/over-agg.

CREATE TABLE Orders (
  order_id   BIGINT,
  product    STRING,
  amount     INT,
  order_time TIMESTAMP(3),
  proc_time  AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE running_totals (
  order_id  BIGINT,
  product   STRING,
  amount    INT,
  sum_1h    INT,
  cnt_10    BIGINT
) WITH ('connector' = 'print');

SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;

SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);

INSERT INTO running_totals
SELECT order_id, product, amount,
  SUM(amount) OVER (PARTITION BY product ORDER BY order_time
                    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW),
  COUNT(*) OVER (PARTITION BY product ORDER BY order_time
                 RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)
FROM Orders;

SELECT order_id,
  MAX(amount) OVER (PARTITION BY product ORDER BY order_time
                    ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) AS max_last_10,
  MIN(amount) OVER (PARTITION BY product ORDER BY order_time
                    ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) AS min_last_10
FROM Orders;

SELECT order_id,
  SUM(amount) OVER (PARTITION BY product ORDER BY order_time
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_sum
FROM Orders;

SELECT order_id,
  COUNT(order_id) OVER (ORDER BY order_time
                        RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS global_cnt
FROM Orders;

SELECT order_id,
  AVG(amount) OVER (PARTITION BY product ORDER BY proc_time
                    RANGE BETWEEN INTERVAL '10' MINUTE PRECEDING AND CURRENT ROW) AS avg_10m
FROM Orders;

SELECT order_id,
  SUM(amount) OVER (PARTITION BY product, order_id % 4 ORDER BY order_time ASC
                    ROWS 5 PRECEDING) AS short_form
FROM Orders;

-- default frame (RANGE UNBOUNDED PRECEDING) and a named window referenced twice
SELECT product, order_time,
  FIRST_VALUE(amount) OVER w AS first_amt,
  LAST_VALUE(amount) OVER w AS last_amt,
  LAG(amount) OVER w AS prev_amt,
  LAG(amount, 2, 0) OVER w AS prev2_amt
FROM Orders
WINDOW w AS (PARTITION BY product ORDER BY order_time);
