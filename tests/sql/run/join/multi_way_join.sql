-- Three inputs: each join is its own operator, keyed by its own condition (the second by the
-- customer's city, which the first join's output carries), as Flink plans a chain of joins. The
-- input blocks interleave into one timeline, and at parallelism 1 each row passes through both
-- joins before the next is read, so the changelogs are exact: a joined order whose city has not
-- arrived is padded, and retracted (-D) when the city arrives. At parallelism 4 the final rows
-- are compared.
CREATE TABLE orders (id INT, customer INT, amount BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE customers (id INT, name STRING, city STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE cities (name STRING, country STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- input customers:
-- 10,alice,Paris
-- input orders:
-- 1,10,100
-- input cities:
-- Paris,FR
-- input orders:
-- 2,20,250
-- input customers:
-- 20,bob,Lyon
-- input orders:
-- 3,10,75
-- input cities:
-- Lyon,FR
-- input orders:
-- 4,30,60
-- input customers:
-- 30,carol,Oslo

-- Order 1 waits for Paris, order 2 (joined when bob arrives) for Lyon; Oslo never comes.
SELECT o.id, c.name, t.country
FROM orders o
JOIN customers c ON o.customer = c.id
LEFT JOIN cities t ON c.city = t.name;
-- +I[1, alice, null]
-- -D[1, alice, null]
-- +I[1, alice, FR]
-- +I[2, bob, null]
-- +I[3, alice, FR]
-- -D[2, bob, null]
-- +I[2, bob, FR]
-- +I[4, carol, null]

-- An aggregate over the chain: revenue per country, updated as joined rows arrive.
SELECT t.country, SUM(o.amount)
FROM orders o
JOIN customers c ON o.customer = c.id
JOIN cities t ON c.city = t.name
GROUP BY t.country;
-- +I[FR, 100]
-- -U[FR, 100]
-- +U[FR, 175]
-- -U[FR, 175]
-- +U[FR, 425]
