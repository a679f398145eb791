-- Regular joins of two append-only tables on an equality key, with a residual condition, and
-- the outer kinds' NULL padding. The input blocks interleave into one timeline, and at
-- parallelism 1 each row is processed completely before the next is read, so the changelogs are
-- exact: an outer row without a match is padded (+I[.., null]) and, when its first match
-- arrives, retracted (-D) before the joined row (+I). (The timeline gives each arriving row at
-- most one stored match: the order of several matches follows the state's iteration, which
-- Flink does not fix either.) At parallelism 4 the final rows are compared.
CREATE TABLE orders (id INT, customer INT, amount BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE customers (id INT, name STRING, credit BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- bob first; order 2 waits for alice, order 1 comes after her; order 3 after bob.
-- input customers:
-- 20,bob,50
-- input orders:
-- 2,10,250
-- 4,,60
-- input customers:
-- 10,alice,200
-- input orders:
-- 1,10,100
-- input customers:
-- 30,carol,1000
-- input orders:
-- 3,20,75
-- input customers:
-- ,nobody,0
-- input orders:
-- 5,40,5

SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id;
-- +I[2, alice]
-- +I[1, alice]
-- +I[3, bob]

-- The residual condition filters pairs; a NULL key joins nothing.
SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id AND o.amount <= c.credit;
-- +I[1, alice]

-- Order 2 is padded until alice arrives; order 4 (a NULL key) and order 5 never match.
SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id;
-- +I[2, null]
-- +I[4, null]
-- -D[2, null]
-- +I[2, alice]
-- +I[1, alice]
-- +I[3, bob]
-- +I[5, null]

-- bob is padded until order 3 arrives; alice's second order changes nothing padded.
SELECT o.id, c.name FROM orders o RIGHT JOIN customers c ON o.customer = c.id;
-- +I[null, bob]
-- +I[2, alice]
-- +I[1, alice]
-- +I[null, carol]
-- -D[null, bob]
-- +I[3, bob]
-- +I[null, nobody]

-- Both sides padded; order 3 fails the residual condition, so it and bob stay padded.
SELECT o.id, c.name FROM orders o FULL OUTER JOIN customers c ON o.customer = c.id AND o.amount > 80;
-- +I[null, bob]
-- +I[2, null]
-- +I[4, null]
-- -D[2, null]
-- +I[2, alice]
-- +I[1, alice]
-- +I[null, carol]
-- +I[3, null]
-- +I[null, nobody]
-- +I[5, null]

-- Without an equality the join is global: one instance.
SELECT o.id, c.name FROM orders o JOIN customers c ON o.amount > c.credit AND c.credit > 0;
-- +I[2, bob]
-- +I[4, bob]
-- +I[2, alice]
-- +I[1, bob]
-- +I[3, bob]
