-- Regular joins of two append-only tables on an equality key, with a residual condition, and
-- the outer kinds' NULL padding. The two sources run side by side, so only the rows each
-- changelog leaves are compared here (`-- final`); the exact changelogs are the operator's
-- unit tests'.
CREATE TABLE orders (id INT, customer INT, amount BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input orders:
-- 1,10,100
-- 2,10,250
-- 3,20,75
-- 4,,60
-- 5,40,5

CREATE TABLE customers (id INT, name STRING, credit BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input customers:
-- 10,alice,200
-- 20,bob,50
-- 30,carol,1000
-- ,nobody,0

SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id;
-- final
-- +I[1, alice]
-- +I[2, alice]
-- +I[3, bob]

-- The residual condition filters pairs; a NULL key joins nothing.
SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id AND o.amount <= c.credit;
-- final
-- +I[1, alice]

SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id;
-- final
-- +I[1, alice]
-- +I[2, alice]
-- +I[3, bob]
-- +I[4, null]
-- +I[5, null]

SELECT o.id, c.name FROM orders o RIGHT JOIN customers c ON o.customer = c.id;
-- final
-- +I[1, alice]
-- +I[2, alice]
-- +I[3, bob]
-- +I[null, carol]
-- +I[null, nobody]

SELECT o.id, c.name FROM orders o FULL OUTER JOIN customers c ON o.customer = c.id AND o.amount > 80;
-- final
-- +I[1, alice]
-- +I[2, alice]
-- +I[3, null]
-- +I[4, null]
-- +I[5, null]
-- +I[null, bob]
-- +I[null, carol]
-- +I[null, nobody]

-- Without an equality the join is global: one instance.
SELECT o.id, c.name FROM orders o JOIN customers c ON o.amount > c.credit AND c.credit > 0;
-- final
-- +I[2, alice]
-- +I[1, bob]
-- +I[2, bob]
-- +I[3, bob]
-- +I[4, bob]
