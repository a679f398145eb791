-- ORDER BY and LIMIT: streaming ORDER BY must start with an ascending time attribute; LIMIT
-- alone; ORDER BY + LIMIT (Top-N style sort-limit); OFFSET / FETCH; batch ORDER BY on any
-- column.
-- Source: Flink docs, dev/table/sql/queries/orderby and limit.

CREATE TABLE Orders (
  order_id   BIGINT,
  product    STRING,
  amount     INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE first_orders (
  order_id BIGINT,
  product  STRING
) WITH ('connector' = 'print');

SELECT *
FROM Orders
ORDER BY order_time, order_id;

SELECT order_id, amount FROM Orders ORDER BY order_time ASC, amount DESC;

SELECT *
FROM Orders
LIMIT 3;

INSERT INTO first_orders
SELECT order_id, product FROM Orders LIMIT 100;

SELECT order_id, amount FROM Orders ORDER BY amount DESC LIMIT 5;

SELECT order_id, amount FROM Orders ORDER BY order_time LIMIT 10 OFFSET 5;

SELECT order_id FROM Orders ORDER BY order_time OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY;

SELECT order_id FROM Orders ORDER BY order_time FETCH FIRST 1 ROW ONLY;

SELECT product, SUM(amount) AS total FROM Orders GROUP BY product ORDER BY total DESC LIMIT 3;

SET 'execution.runtime-mode' = 'batch';

SELECT * FROM Orders ORDER BY product DESC NULLS LAST, amount ASC NULLS FIRST;

SELECT product FROM Orders ORDER BY UPPER(product);
