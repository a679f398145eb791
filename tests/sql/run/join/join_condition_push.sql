-- Join conditions pushed into the join's inputs (the join-condition-push pass) keep every join
-- kind's result: an outer join still pads the rows its ON clause rejects, whichever side the
-- rejecting condition reads, and a WHERE condition on the null-producing side still sees the
-- padded NULLs. The customers arrive before the orders, so a LEFT join's rows are final when
-- emitted; the RIGHT and FULL joins, which pad customers first, are compared by final rows.
CREATE TABLE cust (id INT, name STRING, region STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input cust:
-- 1,ann,EU
-- 2,bob,US
-- 3,cyd,EU
-- ,nul,EU

CREATE TABLE ord (oid INT, cid INT, amount INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input ord:
-- 100,1,50
-- 101,2,5
-- 102,3,70
-- 103,4,20
-- 104,,30
-- 105,1,8

-- INNER: the ON condition of one side and the WHERE condition of the other.
SELECT o.oid, c.name FROM ord o JOIN cust c ON o.cid = c.id AND c.region = 'EU'
WHERE o.amount > 10;
-- +I[100, ann]
-- +I[102, cyd]

-- INNER: WHERE conditions of both sides and of both together.
SELECT o.oid, c.name FROM ord o JOIN cust c ON o.cid = c.id
WHERE c.region = 'EU' AND o.amount > 10 AND o.amount + c.id > 52;
-- +I[102, cyd]

-- LEFT, ON condition of the right side: bob's order is padded.
SELECT o.oid, c.name FROM ord o LEFT JOIN cust c ON o.cid = c.id AND c.region = 'EU';
-- +I[100, ann]
-- +I[101, null]
-- +I[102, cyd]
-- +I[103, null]
-- +I[104, null]
-- +I[105, ann]

-- LEFT, ON condition of the left side: the small orders are padded, not dropped.
SELECT o.oid, c.name FROM ord o LEFT JOIN cust c ON o.cid = c.id AND o.amount > 10;
-- +I[100, ann]
-- +I[101, null]
-- +I[102, cyd]
-- +I[103, null]
-- +I[104, null]
-- +I[105, null]

-- LEFT, WHERE condition of the left side: the small orders are dropped.
SELECT o.oid, c.name FROM ord o LEFT JOIN cust c ON o.cid = c.id WHERE o.amount > 10;
-- +I[100, ann]
-- +I[102, cyd]
-- +I[103, null]
-- +I[104, null]

-- LEFT, WHERE conditions of the right side: they see the padded rows.
SELECT o.oid, c.name FROM ord o LEFT JOIN cust c ON o.cid = c.id WHERE c.name IS NULL;
-- +I[103, null]
-- +I[104, null]

SELECT o.oid, c.name FROM ord o LEFT JOIN cust c ON o.cid = c.id WHERE c.region = 'EU';
-- +I[100, ann]
-- +I[102, cyd]
-- +I[105, ann]

-- RIGHT: the ON condition of the null-producing left side moves, the preserved side's stays.
SELECT c.name, o.oid FROM ord o RIGHT JOIN cust c
  ON o.cid = c.id AND o.amount > 10 AND c.region = 'EU';
-- final
-- +I[ann, 100]
-- +I[bob, null]
-- +I[cyd, 102]
-- +I[nul, null]

-- FULL: nothing moves.
SELECT o.oid, c.name FROM ord o FULL JOIN cust c
  ON o.cid = c.id AND o.amount > 10 AND c.region = 'EU';
-- final
-- +I[100, ann]
-- +I[101, null]
-- +I[102, cyd]
-- +I[103, null]
-- +I[104, null]
-- +I[105, null]
-- +I[null, bob]
-- +I[null, nul]

-- FULL under a WHERE condition no padded order passes: a LEFT join.
SELECT o.oid, c.name FROM ord o FULL JOIN cust c ON o.cid = c.id WHERE o.amount > 10;
-- final
-- +I[100, ann]
-- +I[102, cyd]
-- +I[103, null]
-- +I[104, null]

-- FULL under a WHERE condition the padded rows pass: unchanged.
SELECT o.oid, c.name FROM ord o FULL JOIN cust c ON o.cid = c.id
WHERE c.name IS NULL OR o.oid IS NULL;
-- final
-- +I[103, null]
-- +I[104, null]
-- +I[null, nul]

-- Three joins: each condition reaches the input it reads.
SELECT o.oid, c.name, c2.name FROM ord o JOIN cust c ON o.cid = c.id
  JOIN cust c2 ON c2.region = c.region
WHERE o.amount > 60 AND c2.name <> 'ann';
-- unordered
-- +I[102, cyd, cyd]
-- +I[102, cyd, nul]

CREATE TABLE gifts (id INT, user_id BIGINT, amount INT, proc AS PROCTIME())
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input gifts:
-- 1,10,5
-- 2,20,1
-- 3,30,7
-- 4,,2
-- 5,10,9

CREATE TABLE users (id BIGINT, name STRING, level STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input users:
-- 10,alice,A
-- 20,bob,B
-- 10,alice-2,B
-- ,nobody,A

-- LEFT lookup join: neither side's ON condition moves; gifts 1 and 5 find only alice, the others
-- are padded.
SELECT g.id, u.name FROM gifts AS g
LEFT JOIN users FOR SYSTEM_TIME AS OF g.proc AS u
  ON g.user_id = u.id AND u.level = 'A' AND g.amount > 3;
-- +I[1, alice]
-- +I[2, null]
-- +I[3, null]
-- +I[4, null]
-- +I[5, alice]

-- Lookup join: the WHERE condition of the stream side goes below the lookup.
SELECT g.id, u.name FROM gifts AS g
LEFT JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id
WHERE g.amount > 3;
-- +I[1, alice]
-- +I[1, alice-2]
-- +I[3, null]
-- +I[5, alice]
-- +I[5, alice-2]

SELECT g.id, u.name FROM gifts AS g
JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id AND g.amount > 3 AND u.level = 'B';
-- +I[1, alice-2]
-- +I[5, alice-2]

CREATE TABLE shipments (id INT, orderId INT, ts TIMESTAMP(3),
                        WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE orders (id INT, item STRING, ts TIMESTAMP(3),
                     WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- input orders:
-- 10,apple,2020-01-01 00:00:00
-- 20,pear,2020-01-01 00:00:02
-- input shipments:
-- 1,10,2020-01-01 00:00:05
-- 2,20,2020-01-01 00:00:30
-- input orders:
-- 30,plum,2020-01-01 00:00:59
-- input shipments:
-- 3,30,2020-01-01 00:01:00
-- 4,,2020-01-01 00:01:10
-- input orders:
-- 40,fig,2020-01-01 00:01:30
-- input shipments:
-- 5,10,2020-01-01 00:02:00

-- LEFT interval join: the orders' ON condition goes below the join, apple's shipment is padded.
SELECT s.id, o.item
FROM shipments s LEFT JOIN orders o
  ON s.orderId = o.id AND o.ts BETWEEN s.ts - INTERVAL '30' SECOND AND s.ts AND o.item <> 'apple'
     AND s.id < 5;
-- unordered
-- +I[1, null]
-- +I[2, pear]
-- +I[3, plum]
-- +I[4, null]
-- +I[5, null]

-- Interval join with a WHERE condition on each side.
SELECT s.id, o.item
FROM shipments s, orders o
WHERE s.orderId = o.id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND AND o.item <> 'plum'
  AND s.id > 0;
-- +I[1, apple]
