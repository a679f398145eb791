-- Interval joins: BETWEEN bounds, >= / < bounds, equality of time attributes, on processing
-- time as well as event time.
-- Source: Flink docs, dev/table/sql/queries/joins ("Interval Joins").

CREATE TABLE Orders (
  id         BIGINT,
  customer   STRING,
  order_time TIMESTAMP(3),
  proc_time  AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE Shipments (
  id        BIGINT,
  order_id  BIGINT,
  ship_time TIMESTAMP(3),
  proc_time AS PROCTIME(),
  WATERMARK FOR ship_time AS ship_time - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE shipped_in_time (
  order_id   BIGINT,
  customer   STRING,
  order_time TIMESTAMP(3),
  ship_time  TIMESTAMP(3)
) WITH ('connector' = 'print');

-- doc example: orders shipped within four hours
SELECT *
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;

INSERT INTO shipped_in_time
SELECT o.id, o.customer, o.order_time, s.ship_time
FROM Orders AS o
JOIN Shipments AS s
  ON o.id = s.order_id
 AND s.ship_time >= o.order_time
 AND s.ship_time < o.order_time + INTERVAL '10' MINUTE;

-- ltime = rtime
SELECT o.id, s.id FROM Orders o, Shipments s
WHERE o.id = s.order_id AND o.order_time = s.ship_time;

-- symmetric bounds around the other side
SELECT o.id, s.id FROM Orders o JOIN Shipments s
ON o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '10' SECOND AND s.ship_time + INTERVAL '5' SECOND;

-- outer interval join
SELECT o.id, s.ship_time FROM Orders o LEFT JOIN Shipments s
ON o.id = s.order_id
AND s.ship_time BETWEEN o.order_time AND o.order_time + INTERVAL '1' DAY;

-- processing-time interval join
SELECT o.id, s.id FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.proc_time BETWEEN s.proc_time - INTERVAL '1' HOUR AND s.proc_time;
