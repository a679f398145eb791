-- CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name [(column list)] [COMMENT ...] AS query,
-- views over views, and a view used as a source of an INSERT.
-- Source: Flink docs, dev/table/sql/create ("CREATE VIEW").

CREATE TABLE orders (
  order_id    BIGINT,
  customer_id BIGINT,
  product     STRING,
  amount      DECIMAL(10, 2),
  order_time  TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '5'
);

CREATE VIEW big_orders AS
SELECT order_id, customer_id, amount, order_time
FROM orders
WHERE amount > 100;

CREATE VIEW IF NOT EXISTS big_orders AS
SELECT order_id, customer_id, amount, order_time FROM orders;

CREATE TEMPORARY VIEW product_totals (product_name, total_amount, order_cnt)
COMMENT 'totals per product'
AS
SELECT product, SUM(amount), COUNT(*)
FROM orders
GROUP BY product;

CREATE TEMPORARY VIEW IF NOT EXISTS default_catalog.default_database.customer_big_orders AS
SELECT customer_id, COUNT(*) AS cnt
FROM big_orders
GROUP BY customer_id;

CREATE VIEW windowed_big_orders AS
SELECT window_start, window_end, SUM(amount) AS total
FROM TABLE(TUMBLE(TABLE big_orders, DESCRIPTOR(order_time), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;

CREATE TABLE product_totals_sink (
  product_name STRING,
  total_amount DECIMAL(38, 2),
  order_cnt    BIGINT
) WITH ('connector' = 'print');

CREATE TABLE windowed_sink (
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  total        DECIMAL(38, 2)
) WITH ('connector' = 'blackhole');

INSERT INTO product_totals_sink
SELECT product_name, total_amount, order_cnt FROM product_totals WHERE order_cnt > 1;

INSERT INTO windowed_sink SELECT * FROM windowed_big_orders;

SELECT * FROM customer_big_orders;
