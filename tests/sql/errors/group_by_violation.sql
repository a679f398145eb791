-- expect-error: 5:17: expression 'amount' is not being grouped
-- A non-aggregated column in the SELECT list that is not in GROUP BY.
CREATE TABLE orders (product STRING, amount INT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');

SELECT product, amount, COUNT(*) AS cnt
FROM orders
GROUP BY product;
