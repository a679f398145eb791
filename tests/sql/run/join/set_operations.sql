-- UNION, INTERSECT and EXCEPT (without ALL) keep distinct rows, counted per input in a group
-- aggregate as Flink plans them; over an updating input a retraction takes a row back out.
CREATE TABLE a (k INT, v STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input a:
-- 1,x
-- 2,y
-- 2,y
-- 3,z
-- ,n

CREATE TABLE b (k INT, v STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input b:
-- 2,y
-- 3,w
-- 4,u
-- ,n

SELECT k, v FROM a UNION SELECT k, v FROM b;
-- final
-- +I[1, x]
-- +I[2, y]
-- +I[3, z]
-- +I[3, w]
-- +I[4, u]
-- +I[null, n]

-- NULLs compare equal in set operations.
SELECT k, v FROM a INTERSECT SELECT k, v FROM b;
-- final
-- +I[2, y]
-- +I[null, n]

SELECT k, v FROM a EXCEPT SELECT k, v FROM b;
-- final
-- +I[1, x]
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
-- final
-- +I[1]

SELECT k, v FROM a INTERSECT ALL SELECT k, v FROM b;
-- error: INTERSECT ALL
