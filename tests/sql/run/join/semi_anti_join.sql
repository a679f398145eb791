-- IN, EXISTS and their negations become semi and anti joins. NOT IN keeps SQL's NULL rules: a
-- NULL in the subquery makes every NOT IN unknown, and a NULL value is never NOT IN a
-- non-empty subquery.
CREATE TABLE orders (id INT, customer INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input orders:
-- 1,10
-- 2,20
-- 3,30
-- 4,

CREATE TABLE vip (customer INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input vip:
-- 10
-- 30
-- 30

CREATE TABLE vip_with_null (customer INT, note STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input vip_with_null:
-- 10,gold
-- ,unknown

SELECT id FROM orders WHERE customer IN (SELECT customer FROM vip);
-- final
-- +I[1]
-- +I[3]

SELECT id FROM orders o WHERE EXISTS (SELECT * FROM vip v WHERE v.customer = o.customer);
-- final
-- +I[1]
-- +I[3]

SELECT id FROM orders o WHERE NOT EXISTS (SELECT * FROM vip v WHERE v.customer = o.customer);
-- final
-- +I[2]
-- +I[4]

SELECT id FROM orders WHERE customer NOT IN (SELECT customer FROM vip);
-- final
-- +I[2]

SELECT id FROM orders WHERE customer NOT IN (SELECT customer FROM vip_with_null);
-- final

-- Without its NULL the subquery excludes 10 alone; order 4's NULL customer still stays out.
SELECT id FROM orders
WHERE customer NOT IN (SELECT customer FROM vip_with_null WHERE customer IS NOT NULL);
-- final
-- +I[2]
-- +I[3]

-- A row value compares field by field (each equality a join key).
SELECT id FROM orders WHERE (id, customer) IN (SELECT customer / 10, customer FROM vip);
-- final
-- +I[1]
-- +I[3]

SELECT id FROM orders WHERE (id, customer) NOT IN (SELECT customer / 10, customer FROM vip);
-- final
-- +I[2]
-- +I[4]
