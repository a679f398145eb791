-- Lookup joins: each row of the stream looks up the dimension table's rows whose key equals its
-- values when it arrives. One input streams, so the changelogs are exact: output rows come in
-- input order and keep their input row's kind.
CREATE TABLE gifts (id INT, user_id BIGINT, amount INT, proc AS PROCTIME())
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input gifts:
-- 1,10,5
-- 2,20,1
-- 3,30,7
-- 4,,2
-- 5,10,9

CREATE TABLE users (id BIGINT, name STRING, level STRING, credit INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input users:
-- 10,alice,A,6
-- 20,bob,B,100
-- 10,alice-2,B,1
-- ,nobody,A,0

-- INNER: rows without a match are dropped, a key with two rows joins both, a NULL key nothing.
SELECT g.id, u.name FROM gifts AS g
JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id;
-- +I[1, alice]
-- +I[1, alice-2]
-- +I[2, bob]
-- +I[5, alice]
-- +I[5, alice-2]

-- LEFT: rows without a match are padded with NULLs.
SELECT g.id, u.name, u.level FROM gifts AS g
LEFT JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id;
-- +I[1, alice, A]
-- +I[1, alice-2, B]
-- +I[2, bob, B]
-- +I[3, null, null]
-- +I[4, null, null]
-- +I[5, alice, A]
-- +I[5, alice-2, B]

-- A residual condition filters the matches; a LEFT row whose matches all fail is padded.
SELECT g.id, u.name FROM gifts AS g
LEFT JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id AND g.amount <= u.credit;
-- +I[1, alice]
-- +I[2, bob]
-- +I[3, null]
-- +I[4, null]
-- +I[5, null]

-- An equality with a constant is a lookup key too.
SELECT g.id, u.name FROM gifts AS g
JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id AND u.level = 'B';
-- +I[1, alice-2]
-- +I[2, bob]
-- +I[5, alice-2]

-- The joined row keeps the left's processing-time attribute: a proctime window follows it.
SELECT COUNT(*) AS n FROM (
  SELECT g.proc, u.name FROM gifts AS g
  JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id
) GROUP BY TUMBLE(proc, INTERVAL '1' HOUR);
-- +I[5]

-- The LOOKUP hint: async looks up on a worker thread and keeps the input order; a retry on a
-- miss asks again (the file does not change here, so the misses stay misses).
SELECT /*+ LOOKUP('table'='u', 'async'='true', 'retry-predicate'='lookup_miss',
                  'retry-strategy'='fixed_delay', 'fixed-delay'='10ms', 'max-attempts'='2') */
  g.id, u.name FROM gifts AS g
LEFT JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id AND u.level = 'A';
-- +I[1, alice]
-- +I[2, null]
-- +I[3, null]
-- +I[4, null]
-- +I[5, alice]

-- A partial (LRU) cache in front of the table gives the same rows.
SELECT g.id, u.name FROM gifts AS g
JOIN users /*+ OPTIONS('lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '1') */
  FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id AND u.level = 'A';
-- +I[1, alice]
-- +I[5, alice]

-- Blink: a dimension table declared with PERIOD FOR SYSTEM_TIME, joined AS OF PROCTIME().
CREATE TABLE levels (code STRING, title STRING, PERIOD FOR SYSTEM_TIME)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input levels:
-- A,gold
-- B,silver

SELECT g.id, u.name, l.title FROM gifts AS g
JOIN users FOR SYSTEM_TIME AS OF PROCTIME() AS u ON g.user_id = u.id
LEFT JOIN levels FOR SYSTEM_TIME AS OF PROCTIME() AS l ON u.level = l.code;
-- +I[1, alice, gold]
-- +I[1, alice-2, silver]
-- +I[2, bob, silver]
-- +I[5, alice, gold]
-- +I[5, alice-2, silver]

-- Updates of the left pass through with their kinds.
CREATE TABLE changes (id INT, user_id BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input changes:
-- {"op":"c","after":{"id":1,"user_id":10}}
-- {"op":"u","before":{"id":1,"user_id":10},"after":{"id":1,"user_id":20}}
-- {"op":"d","before":{"id":1,"user_id":20}}

SELECT c.id, u.name FROM (SELECT *, PROCTIME() AS proc FROM changes) AS c
LEFT JOIN users FOR SYSTEM_TIME AS OF c.proc AS u ON c.user_id = u.id AND u.level = 'B';
-- +I[1, alice-2]
-- -U[1, alice-2]
-- +U[1, bob]
-- -D[1, bob]
