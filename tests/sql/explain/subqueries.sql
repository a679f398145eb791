-- IN and NOT EXISTS subqueries in WHERE become semi and anti joins.
CREATE TABLE orders (id BIGINT, customer BIGINT) WITH ('connector' = 'datagen');
CREATE TABLE vips (customer BIGINT) WITH ('connector' = 'datagen');
CREATE TABLE blocked (customer BIGINT, reason STRING) WITH ('connector' = 'datagen');

SELECT id FROM orders
WHERE customer IN (SELECT customer FROM vips)
  AND NOT EXISTS (SELECT 1 FROM blocked b WHERE b.customer = orders.customer AND b.reason <> '');
