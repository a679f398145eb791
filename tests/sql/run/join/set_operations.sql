-- UNION, INTERSECT and EXCEPT keep distinct rows, counted per input in a group aggregate as Flink
-- plans them; INTERSECT ALL and EXCEPT ALL keep the same counts and replicate each row by what
-- remains (Flink's ReplicateRows). The inputs interleave in the order listed (exact changelogs at
-- parallelism 1); over an updating input a retraction takes a row back out.
CREATE TABLE a (k INT, v STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
CREATE TABLE b (k INT, v STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input a:
-- 1,x
-- 2,y
-- input b:
-- 2,y
-- 3,w
-- input a:
-- 2,y
-- 3,z
-- input b:
-- 4,u
-- ,n
-- input a:
-- ,n

SELECT k, v FROM a UNION SELECT k, v FROM b;
-- +I[1, x]
-- +I[2, y]
-- +I[3, w]
-- +I[3, z]
-- +I[4, u]
-- +I[null, n]

-- NULLs compare equal in set operations. The filter after the aggregate passes its row kinds
-- on as Flink's Calc does: a group that gains its second input shows as +U, not +I.
SELECT k, v FROM a INTERSECT SELECT k, v FROM b;
-- +U[2, y]
-- -U[2, y]
-- +U[2, y]
-- +U[null, n]

-- A row of `a` leaves when `b` gets it (-U: the group's count changed and the filter drops the
-- new one). (NULL, n) reaches `b` first, so it never appears.
SELECT k, v FROM a EXCEPT SELECT k, v FROM b;
-- +I[1, x]
-- +I[2, y]
-- -U[2, y]
-- +I[3, z]

-- One input alone: its duplicates go.
SELECT k FROM a UNION SELECT k FROM a WHERE k > 100;
-- +I[1]
-- +I[2]
-- +I[3]
-- +I[null]

-- An updating input: the keys whose count is 1 change as rows arrive, and EXCEPT follows.
SELECT k FROM (SELECT k, COUNT(*) AS c FROM a GROUP BY k) WHERE c = 1
EXCEPT SELECT k FROM b;
-- +I[1]
-- +I[2]
-- -U[2]

-- ALL: (2, y) is twice in `a` and once in `b`, so once in the intersection; when `a` gets its
-- second copy the one copy is retracted and inserted again.
SELECT k, v FROM a INTERSECT ALL SELECT k, v FROM b;
-- +U[2, y]
-- -U[2, y]
-- +U[2, y]
-- +U[null, n]

-- EXCEPT ALL subtracts counts: (2, y) goes when `b` has it, and comes back once when `a` has it
-- a second time.
SELECT k, v FROM a EXCEPT ALL SELECT k, v FROM b;
-- +I[1, x]
-- +I[2, y]
-- -U[2, y]
-- +U[2, y]
-- +I[3, z]

-- Copies by count: 2 is twice in `a` and never in `b`, so its second row retracts the one copy
-- (-U) and inserts two (+U, +U).
SELECT k FROM a EXCEPT ALL SELECT k FROM b WHERE k > 100;
-- +I[1]
-- +I[2]
-- -U[2]
-- +U[2]
-- +U[2]
-- +I[3]
-- +I[null]
