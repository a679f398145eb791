-- WITH (common table expressions): several CTEs, a CTE referring to an earlier CTE, CTE column
-- lists, a CTE inside a subquery, and WITH feeding an INSERT.
-- Source: Flink docs, dev/table/sql/queries/with.

CREATE TABLE Orders (
  order_id   BIGINT,
  product    STRING,
  amount     INT,
  price      DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE product_summary (
  product      STRING,
  total_amount BIGINT,
  avg_price    DECIMAL(38, 6)
) WITH ('connector' = 'print');

-- The doc example.
WITH orders_with_total AS (
    SELECT order_id, price + 10 AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;

INSERT INTO product_summary
WITH
  filtered AS (
    SELECT product, amount, price FROM Orders WHERE amount > 0
  ),
  per_product (p, total_amount, avg_price) AS (
    SELECT product, CAST(SUM(amount) AS BIGINT), AVG(price) FROM filtered GROUP BY product
  ),
  popular AS (
    SELECT p FROM per_product WHERE total_amount > 100
  )
SELECT pp.p, pp.total_amount, pp.avg_price
FROM per_product AS pp
WHERE pp.p IN (SELECT p FROM popular);

SELECT *
FROM (
  WITH recent AS (SELECT * FROM Orders WHERE amount > 5)
  SELECT product, COUNT(*) AS cnt FROM recent GROUP BY product
) AS t
WHERE t.cnt > 1;
