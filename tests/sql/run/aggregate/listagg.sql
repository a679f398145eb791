-- LISTAGG(x [, separator]): the non-NULL values in arrival order, joined by the separator
-- (',' by default); NULL when there are none. Over updating input a retraction removes the
-- value's first occurrence (Flink's ListAggWithRetractAggFunction).
CREATE TABLE orders (id INT, customer STRING, item STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'json');
-- input orders:
-- {"id": 1, "customer": "alice", "item": "apple"}
-- {"id": 2, "customer": "bob", "item": "pear"}
-- {"id": 3, "customer": "alice", "item": null}
-- {"id": 4, "customer": "alice", "item": "fig"}
-- {"id": 5, "customer": "bob", "item": "pear"}
-- {"id": 6, "customer": "carol", "item": null}

-- A NULL item changes nothing, so alice's third row emits nothing; carol has only NULLs.
SELECT customer, LISTAGG(item), LISTAGG(item, '; ') FROM orders GROUP BY customer;
-- +I[alice, apple, apple]
-- +I[bob, pear, pear]
-- -U[alice, apple, apple]
-- +U[alice, apple,fig, apple; fig]
-- -U[bob, pear, pear]
-- +U[bob, pear,pear, pear; pear]
-- +I[carol, null, null]

-- DISTINCT: a value joins the list when first seen.
SELECT LISTAGG(DISTINCT item, '|') FROM orders;
-- +I[apple]
-- -U[apple]
-- +U[apple|pear]
-- -U[apple|pear]
-- +U[apple|pear|fig]

-- Over the updates of another aggregate: a customer moves from one count's list to the next,
-- and a list left empty deletes its group.
SELECT cnt, LISTAGG(customer) FROM (SELECT customer, COUNT(*) AS cnt FROM orders GROUP BY customer)
GROUP BY cnt;
-- +I[1, alice]
-- -U[1, alice]
-- +U[1, alice,bob]
-- -U[1, alice,bob]
-- +U[1, bob]
-- +I[2, alice]
-- -D[2, alice]
-- +I[3, alice]
-- -D[1, bob]
-- +I[2, bob]
-- +I[1, carol]

CREATE TABLE events (k STRING, v STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input events:
-- a,x
-- b,y
-- c,x
-- b,x

-- b's value y is retracted from the middle of x-y-x. (Which of two equal values goes first is
-- seen in the unit tests: here the groups' updates reach the global aggregate from several
-- instances at parallelism 4, so only an order-free final list is checked.)
SELECT LISTAGG(m, '-') FROM (SELECT k, MIN(v) AS m FROM events GROUP BY k);
-- +I[x]
-- -U[x]
-- +U[x-y]
-- -U[x-y]
-- +U[x-y-x]
-- -U[x-y-x]
-- +U[x-x]
-- -U[x-x]
-- +U[x-x-x]

-- Windows: a HOP window joins its slices' lists, earliest slice first (rows in arrival order
-- within a slice, as Flink merges them).
CREATE TABLE clicks (u STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv', 'scan.parallelism' = '1');
-- input clicks:
-- x,2020-01-01 00:00:01
-- y,2020-01-01 00:00:06
-- x,2020-01-01 00:00:07
-- z,2020-01-01 00:00:03
-- w,2020-01-01 00:00:12

SELECT window_start, LISTAGG(u), COUNT(*)
FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- +I[2019-12-31 23:59:55.000, x,z, 2]
-- +I[2020-01-01 00:00:00.000, x,z,y,x, 4]
-- +I[2020-01-01 00:00:05.000, y,x,w, 3]
-- +I[2020-01-01 00:00:10.000, w, 1]

-- A separator that is not a literal is not run.
SELECT LISTAGG(item, customer) FROM orders;
-- error: LISTAGG with a separator that is not a string literal
