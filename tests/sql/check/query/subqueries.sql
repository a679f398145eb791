-- Subqueries: scalar subquery, IN / NOT IN, EXISTS / NOT EXISTS (correlated and not),
-- quantified comparison (ANY / SOME / ALL), subqueries in FROM and in SELECT.
-- Source: Flink docs, dev/table/sql/queries/overview ("IN", "EXISTS", scalar subqueries).

CREATE TABLE Orders (
  order_id    BIGINT,
  customer_id BIGINT,
  product     STRING,
  amount      INT
) WITH ('connector' = 'datagen');

CREATE TABLE NewProducts (
  product STRING,
  launch  DATE
) WITH ('connector' = 'datagen');

CREATE TABLE Customers (
  id      BIGINT,
  country STRING,
  vip     BOOLEAN
) WITH ('connector' = 'datagen');

CREATE TABLE result_sink (
  order_id BIGINT,
  product  STRING,
  amount   INT
) WITH ('connector' = 'print');

-- IN with a subquery (doc example)
INSERT INTO result_sink
SELECT order_id, product, amount
FROM Orders
WHERE product IN (
    SELECT product FROM NewProducts
);

-- NOT IN
INSERT INTO result_sink
SELECT order_id, product, amount
FROM Orders
WHERE product NOT IN (SELECT product FROM NewProducts WHERE launch < DATE '2020-01-01');

-- uncorrelated EXISTS, and correlated EXISTS referring to the outer table by name
INSERT INTO result_sink
SELECT order_id, product, amount
FROM Orders
WHERE EXISTS (
    SELECT product FROM NewProducts
) AND EXISTS (SELECT 1 FROM Customers c WHERE c.id = Orders.customer_id AND c.vip);

-- NOT EXISTS, correlated through an alias
INSERT INTO result_sink
SELECT o.order_id, o.product, o.amount
FROM Orders AS o
WHERE NOT EXISTS (SELECT * FROM Customers AS c WHERE c.id = o.customer_id AND c.country = 'DE');

-- scalar subqueries in WHERE and in SELECT
INSERT INTO result_sink
SELECT order_id,
       (SELECT MAX(p.product) FROM NewProducts AS p),
       amount
FROM Orders
WHERE amount > (SELECT AVG(amount) FROM Orders);

-- quantified comparisons
SELECT order_id FROM Orders WHERE amount > ALL (SELECT amount FROM Orders WHERE product = 'a');
SELECT order_id FROM Orders WHERE amount = ANY (SELECT amount FROM Orders WHERE product = 'b');
SELECT order_id FROM Orders WHERE amount < SOME (SELECT amount FROM Orders WHERE product = 'c');

-- IN with multiple columns (row value constructor)
SELECT order_id FROM Orders
WHERE (customer_id, product) IN (SELECT c.id, 'x' FROM Customers AS c WHERE c.vip);

-- derived tables, nested
SELECT t.product, t.total
FROM (
  SELECT product, SUM(amount) AS total
  FROM (SELECT * FROM Orders WHERE amount > 0) AS positive
  GROUP BY product
) AS t
WHERE t.total > 10;
