-- expect-error: 7:7: is not allowed in where
-- An aggregate function in WHERE (HAVING was meant).
CREATE TABLE orders (users STRING, amount INT) WITH ('connector' = 'datagen');

SELECT users, SUM(amount)
FROM orders
WHERE SUM(amount) > 50
GROUP BY users;
