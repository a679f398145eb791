-- Deprecated group window aggregation: GROUP BY TUMBLE / HOP / SESSION on event time and on
-- processing time, with TUMBLE_START / TUMBLE_END / TUMBLE_ROWTIME / TUMBLE_PROCTIME,
-- HOP_START / HOP_END / HOP_ROWTIME, SESSION_START / SESSION_END / SESSION_ROWTIME, and a
-- cascaded group window on TUMBLE_ROWTIME.
-- Source: Flink docs, dev/table/sql/queries/window-agg ("Group Window Aggregation").

CREATE TABLE Orders (
  `user`    BIGINT,
  product   STRING,
  amount    INT,
  order_time TIMESTAMP(3),
  proctime  AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' MINUTE
) WITH ('connector' = 'datagen');

CREATE TABLE user_windows (
  `user`    BIGINT,
  wstart    TIMESTAMP(3),
  wend      TIMESTAMP(3),
  total     INT
) WITH ('connector' = 'print');

-- compute SUM(amount) per day (in event-time)
SELECT
  `user`,
  TUMBLE_START(order_time, INTERVAL '1' DAY) AS wStart,
  SUM(amount) FROM Orders
GROUP BY
  TUMBLE(order_time, INTERVAL '1' DAY),
  `user`;

-- compute SUM(amount) per day (in processing-time)
SELECT `user`, SUM(amount)
FROM Orders
GROUP BY TUMBLE(proctime, INTERVAL '1' DAY), `user`;

-- compute every hour the SUM(amount) of the last 24 hours in event-time
SELECT product, SUM(amount)
FROM Orders
GROUP BY HOP(order_time, INTERVAL '1' HOUR, INTERVAL '1' DAY), product;

-- compute SUM(amount) per session with 12 hour inactivity gap (in event-time)
SELECT `user`,
  SESSION_START(order_time, INTERVAL '12' HOUR) AS sStart,
  SESSION_ROWTIME(order_time, INTERVAL '12' HOUR) AS sEnd,
  SUM(amount)
FROM Orders
GROUP BY SESSION(order_time, INTERVAL '12' HOUR), `user`;

INSERT INTO user_windows
SELECT `user`,
       TUMBLE_START(order_time, INTERVAL '1' HOUR),
       TUMBLE_END(order_time, INTERVAL '1' HOUR),
       SUM(amount)
FROM Orders
GROUP BY `user`, TUMBLE(order_time, INTERVAL '1' HOUR);

INSERT INTO user_windows
SELECT `user`,
       HOP_START(order_time, INTERVAL '5' MINUTE, INTERVAL '1' HOUR),
       HOP_END(order_time, INTERVAL '5' MINUTE, INTERVAL '1' HOUR),
       SUM(amount)
FROM Orders
GROUP BY HOP(order_time, INTERVAL '5' MINUTE, INTERVAL '1' HOUR), `user`;

INSERT INTO user_windows
SELECT `user`,
       SESSION_START(order_time, INTERVAL '30' MINUTE),
       SESSION_END(order_time, INTERVAL '30' MINUTE),
       CAST(COUNT(*) AS INT)
FROM Orders
GROUP BY SESSION(order_time, INTERVAL '30' MINUTE), `user`;

-- processing-time auxiliary functions
SELECT product,
       TUMBLE_START(proctime, INTERVAL '10' SECOND) AS ws,
       TUMBLE_PROCTIME(proctime, INTERVAL '10' SECOND) AS wpt,
       COUNT(*) AS cnt
FROM Orders
GROUP BY TUMBLE(proctime, INTERVAL '10' SECOND), product;

SELECT HOP_START(proctime, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE) AS hs,
       HOP_PROCTIME(proctime, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE) AS hpt,
       COUNT(*) AS cnt
FROM Orders
GROUP BY HOP(proctime, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE);

SELECT SESSION_START(proctime, INTERVAL '1' MINUTE) AS ss,
       SESSION_PROCTIME(proctime, INTERVAL '1' MINUTE) AS spt,
       SUM(amount) AS total
FROM Orders
GROUP BY SESSION(proctime, INTERVAL '1' MINUTE);

SELECT HOP_ROWTIME(order_time, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE) AS hrt, COUNT(*) AS cnt
FROM Orders
GROUP BY HOP(order_time, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE);

-- cascading: the rowtime of the first window feeds the second window
CREATE VIEW hourly AS
SELECT `user`,
       TUMBLE_ROWTIME(order_time, INTERVAL '1' HOUR) AS rowtime,
       SUM(amount) AS hourly_amount
FROM Orders
GROUP BY TUMBLE(order_time, INTERVAL '1' HOUR), `user`;

SELECT `user`,
       TUMBLE_START(rowtime, INTERVAL '1' DAY) AS day_start,
       SUM(hourly_amount) AS daily_amount
FROM hourly
GROUP BY TUMBLE(rowtime, INTERVAL '1' DAY), `user`;

-- group window with HAVING and an additional filter
SELECT product, TUMBLE_END(order_time, INTERVAL '15' MINUTE) AS wend, COUNT(*) AS cnt
FROM Orders
WHERE amount > 0
GROUP BY product, TUMBLE(order_time, INTERVAL '15' MINUTE)
HAVING COUNT(*) > 2;
