-- expect-error: 7:7: not allowed in where clause
-- An aggregate function in WHERE (HAVING was meant).
CREATE TABLE orders (users STRING, amount INT) WITH ('connector' = 'datagen');

SELECT users, SUM(amount)
FROM orders
WHERE SUM(amount) > 50
GROUP BY users;
