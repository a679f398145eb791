-- IN, EXISTS and their negations become semi and anti joins. NOT IN keeps SQL's NULL rules: a
-- NULL in the subquery makes every NOT IN unknown, and a NULL value is never NOT IN a
-- non-empty subquery (though it is NOT IN an empty one). The input blocks interleave into one
-- timeline, and at parallelism 1 each row is processed completely before the next is read, so
-- the changelogs are exact: a semi join emits an order when its first match arrives, an anti
-- join emits an order at once and retracts it (-D) when a match arrives. (The timeline gives
-- each arriving row at most one stored order to change: the order of several follows the
-- state's iteration, which Flink does not fix either.) At parallelism 4 the final rows are
-- compared.
CREATE TABLE orders (id INT, customer INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE vip (customer INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE vip_with_null (customer INT, note STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- Order 1 comes after its vip row, order 3 before (the second 30 changes nothing); the
-- subquery NULL arrives after order 3 and before order 2.
-- input orders:
-- 4,
-- input vip:
-- 10
-- input vip_with_null:
-- 10,gold
-- input orders:
-- 1,10
-- 3,30
-- input vip_with_null:
-- ,unknown
-- input orders:
-- 2,20
-- input vip:
-- 30
-- 30

SELECT id FROM orders WHERE customer IN (SELECT customer FROM vip);
-- +I[1]
-- +I[3]

SELECT id FROM orders o WHERE EXISTS (SELECT * FROM vip v WHERE v.customer = o.customer);
-- +I[1]
-- +I[3]

SELECT id FROM orders o WHERE NOT EXISTS (SELECT * FROM vip v WHERE v.customer = o.customer);
-- +I[4]
-- +I[3]
-- +I[2]
-- -D[3]

-- Order 4's NULL customer is NOT IN the empty subquery, and unknown once it has a row.
SELECT id FROM orders WHERE customer NOT IN (SELECT customer FROM vip);
-- +I[4]
-- -D[4]
-- +I[3]
-- +I[2]
-- -D[3]

-- The subquery's NULL retracts order 3 and keeps order 2 out.
SELECT id FROM orders WHERE customer NOT IN (SELECT customer FROM vip_with_null);
-- +I[4]
-- -D[4]
-- +I[3]
-- -D[3]

-- Without its NULL the subquery excludes 10 alone; order 4's NULL customer still goes out.
SELECT id FROM orders
WHERE customer NOT IN (SELECT customer FROM vip_with_null WHERE customer IS NOT NULL);
-- +I[4]
-- -D[4]
-- +I[3]
-- +I[2]

-- A row value compares field by field (each equality a join key).
SELECT id FROM orders WHERE (id, customer) IN (SELECT customer / 10, customer FROM vip);
-- +I[1]
-- +I[3]

-- Order 4's NULL customer leaves its id to decide: 4 matches no subquery row.
SELECT id FROM orders WHERE (id, customer) NOT IN (SELECT customer / 10, customer FROM vip);
-- +I[4]
-- +I[3]
-- +I[2]
-- -D[3]
