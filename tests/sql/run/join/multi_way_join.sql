-- Three inputs: each join is its own operator, keyed by its own condition (the second by the
-- customer's city, which the first join's output carries), as Flink plans a chain of joins.
CREATE TABLE orders (id INT, customer INT, amount BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input orders:
-- 1,10,100
-- 2,20,250
-- 3,10,75
-- 4,30,60

CREATE TABLE customers (id INT, name STRING, city STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input customers:
-- 10,alice,Paris
-- 20,bob,Lyon
-- 30,carol,Oslo

CREATE TABLE cities (name STRING, country STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input cities:
-- Paris,FR
-- Lyon,FR

SELECT o.id, c.name, t.country
FROM orders o
JOIN customers c ON o.customer = c.id
LEFT JOIN cities t ON c.city = t.name;
-- final
-- +I[1, alice, FR]
-- +I[2, bob, FR]
-- +I[3, alice, FR]
-- +I[4, carol, null]

-- An aggregate over the chain: revenue per country, updated as joined rows arrive.
SELECT t.country, SUM(o.amount)
FROM orders o
JOIN customers c ON o.customer = c.id
JOIN cities t ON c.city = t.name
GROUP BY t.country;
-- final
-- +I[FR, 425]
