-- Regular joins: INNER, LEFT [OUTER], RIGHT [OUTER], FULL [OUTER], CROSS JOIN, comma joins,
-- JOIN ... USING, joins of three tables, join with a non-equi residual predicate.
-- Source: Flink docs, dev/table/sql/queries/joins ("Regular Joins").

CREATE TABLE Orders (
  order_id   BIGINT,
  product_id BIGINT,
  user_id    BIGINT,
  amount     INT
) WITH ('connector' = 'datagen');

CREATE TABLE Product (
  id         BIGINT,
  product_id BIGINT,
  name       STRING,
  price      DECIMAL(10, 2)
) WITH ('connector' = 'datagen');

CREATE TABLE Users (
  user_id BIGINT,
  name    STRING,
  city    STRING
) WITH ('connector' = 'datagen');

CREATE TABLE joined (
  order_id BIGINT,
  pname    STRING,
  uname    STRING
) WITH ('connector' = 'print');

SELECT * FROM Orders INNER JOIN Product ON Orders.product_id = Product.id;

SELECT * FROM Orders JOIN Product ON Orders.product_id = Product.id;

SELECT * FROM Orders LEFT JOIN Product ON Orders.product_id = Product.id;

SELECT * FROM Orders LEFT OUTER JOIN Product ON Orders.product_id = Product.id;

SELECT * FROM Orders RIGHT JOIN Product ON Orders.product_id = Product.id;

SELECT * FROM Orders RIGHT OUTER JOIN Product ON Orders.product_id = Product.id;

SELECT * FROM Orders FULL OUTER JOIN Product ON Orders.product_id = Product.id;

SELECT * FROM Orders FULL JOIN Product ON Orders.product_id = Product.id;

SELECT o.order_id, u.city FROM Orders o CROSS JOIN Users u;

SELECT o.order_id, p.name FROM Orders o, Product p WHERE o.product_id = p.id;

SELECT o.order_id, p.name, u.name
FROM Orders o, Product p, Users u
WHERE o.product_id = p.id AND o.user_id = u.user_id AND u.city = 'Berlin';

-- USING: the common column appears once in SELECT *
SELECT * FROM Orders JOIN Product USING (product_id);

SELECT product_id, order_id, name FROM Orders LEFT JOIN Product USING (product_id);

SELECT user_id, order_id, city FROM Orders INNER JOIN Users USING (user_id);

-- equi-join plus a residual non-equi predicate
SELECT o.order_id, p.name
FROM Orders AS o
JOIN Product AS p ON o.product_id = p.id AND o.amount * p.price > 100;

INSERT INTO joined
SELECT o.order_id, p.name, u.name
FROM Orders AS o
LEFT JOIN Product AS p ON o.product_id = p.id
INNER JOIN Users AS u ON o.user_id = u.user_id
WHERE p.name IS NOT NULL OR u.city <> 'Paris';

-- a join against an aggregating subquery
SELECT a.order_id, b.total
FROM Orders a
JOIN (SELECT user_id, SUM(amount) AS total FROM Orders GROUP BY user_id) b
  ON a.user_id = b.user_id;
