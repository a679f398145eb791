-- Queries as top-level statements of a job script (what a user types in the SQL client):
-- SELECT, VALUES, WITH, set operations, parenthesised queries, ORDER BY / LIMIT.
-- Source: Flink docs, dev/table/sql/queries/overview and select.

CREATE TABLE Orders (
  order_id   BIGINT,
  customer   STRING,
  product    STRING,
  amount     INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '1000'
);

SELECT * FROM Orders;

SELECT order_id, amount * 2 AS doubled FROM Orders WHERE amount > 2;

SELECT 1;

SELECT 'hello' AS greeting, 1 + 1 AS two, CURRENT_DATE AS today;

VALUES (1, 'a'), (2, 'b');

SELECT * FROM (VALUES (1, 2), (1, 3), (2, 1)) AS t (a, b);

WITH big AS (SELECT * FROM Orders WHERE amount > 10)
SELECT customer, COUNT(*) FROM big GROUP BY customer;

(SELECT product FROM Orders WHERE amount > 5)
UNION
(SELECT product FROM Orders WHERE amount < 2);

SELECT customer, amount FROM Orders ORDER BY order_time, amount DESC;

SELECT customer FROM Orders LIMIT 10;

SELECT DISTINCT product FROM Orders;

SELECT o.* FROM Orders AS o;
