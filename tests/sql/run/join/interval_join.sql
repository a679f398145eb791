-- Interval joins on event time: rows of the two sides join when their times lie within the
-- bounds; a pair is emitted as soon as its second row arrives, and the outer kinds pad a row with
-- NULLs once the watermark (the smaller of the two inputs', each ts - 1 s) has passed the time its
-- interval closes. The input blocks form one timeline in event-time order (orders, then their
-- shipments), so at parallelism 1 each changelog is exact; at parallelism 4 its final rows are
-- compared.
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

-- A shipment within 10 seconds after its order (both bounds inclusive).
SELECT s.id, o.item, s.ts, o.ts
FROM shipments s JOIN orders o
  ON s.orderId = o.id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND;
-- +I[1, apple, 2020-01-01 00:00:05.000, 2020-01-01 00:00:00.000]
-- +I[3, plum, 2020-01-01 00:01:00.000, 2020-01-01 00:00:59.000]

-- The comparison forms, strict and not, and a residual condition.
SELECT s.id, o.item
FROM shipments s JOIN orders o
  ON s.orderId = o.id AND s.ts > o.ts - INTERVAL '5' SECOND AND s.ts <= o.ts + INTERVAL '30' SECOND
     AND o.item <> 'pear';
-- +I[1, apple]
-- +I[3, plum]

SELECT s.id, o.item
FROM shipments s LEFT JOIN orders o
  ON s.orderId = o.id AND o.ts BETWEEN s.ts - INTERVAL '30' SECOND AND s.ts;
-- +I[1, apple]
-- +I[2, pear]
-- +I[3, plum]
-- +I[4, null]
-- +I[5, null]

-- Pear's interval closes at 00:00:12; it is padded when plum's arrival moves the watermark past
-- that (to 00:00:29), fig only at the end of the input.
SELECT s.id, o.item
FROM shipments s RIGHT JOIN orders o
  ON s.orderId = o.id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND;
-- +I[1, apple]
-- +I[null, pear]
-- +I[3, plum]
-- +I[null, fig]

-- Shipment 2 (00:00:30) is padded only after shipment 3 pairs with plum: the join's watermark is
-- the orders' 00:00:01 till plum arrives, then the shipments' 00:00:29 till shipment 3 does.
SELECT s.id, o.item
FROM shipments s FULL OUTER JOIN orders o
  ON s.orderId = o.id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '1' SECOND;
-- +I[null, apple]
-- +I[null, pear]
-- +I[1, null]
-- +I[3, plum]
-- +I[2, null]
-- +I[4, null]
-- +I[null, fig]
-- +I[5, null]

-- Without an equality the join is global; both time attributes stay in the output, so a window
-- can follow the join on either.
CREATE VIEW shipped AS
SELECT s.id, s.ts FROM shipments s JOIN orders o
  ON s.ts BETWEEN o.ts - INTERVAL '20' SECOND AND o.ts + INTERVAL '20' SECOND;

SELECT window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE shipped, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
-- +I[2020-01-01 00:00:00.000, 2]
-- +I[2020-01-01 00:01:00.000, 3]

-- On processing time the rows' arrival times are compared: every row arrives within the hour.
CREATE TABLE shipments_now (id INT, orderId INT, pt AS PROCTIME())
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE orders_now (id INT, item STRING, pt AS PROCTIME())
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- input orders_now:
-- 10,apple
-- input shipments_now:
-- 1,10
-- 2,20
-- input orders_now:
-- 30,plum
-- input shipments_now:
-- 3,

SELECT s.id, o.item
FROM shipments_now s LEFT JOIN orders_now o
  ON s.orderId = o.id AND s.pt BETWEEN o.pt - INTERVAL '1' HOUR AND o.pt + INTERVAL '1' HOUR;
-- +I[1, apple]
-- +I[2, null]
-- +I[3, null]
