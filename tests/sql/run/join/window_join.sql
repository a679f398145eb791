-- Window joins: two window TVF results joined on window_start and window_end; each window's rows
-- are joined when the watermark (the smaller of the two inputs', each ts - 1 s) passes its end,
-- and the outer kinds pad the rows of a window that joined nothing. The input blocks form one
-- timeline in event-time order, so at parallelism 1 each changelog is exact: window [0 s, 10 s)
-- fires when the click at 00:00:12 arrives, the later ones at the end of the input. At
-- parallelism 4 the final rows are compared.
CREATE TABLE clicks (userId INT, page STRING, ts TIMESTAMP(3),
                     WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE buys (userId INT, amount BIGINT, ts TIMESTAMP(3),
                   WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- input clicks:
-- 1,home,2020-01-01 00:00:01
-- 2,cart,2020-01-01 00:00:04
-- input buys:
-- 1,100,2020-01-01 00:00:08
-- 2,50,2020-01-01 00:00:11
-- input clicks:
-- 1,shop,2020-01-01 00:00:12
-- 3,home,2020-01-01 00:00:15
-- ,home,2020-01-01 00:00:16
-- input buys:
-- 1,70,2020-01-01 00:00:19
-- 4,5,2020-01-01 00:00:21

CREATE VIEW c AS SELECT * FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND));
CREATE VIEW b AS SELECT * FROM TABLE(TUMBLE(TABLE buys, DESCRIPTOR(ts), INTERVAL '10' SECOND));

SELECT c.userId, c.page, b.amount, c.window_start
FROM c JOIN b
  ON c.userId = b.userId AND c.window_start = b.window_start AND c.window_end = b.window_end;
-- +I[1, home, 100, 2020-01-01 00:00:00.000]
-- +I[1, shop, 70, 2020-01-01 00:00:10.000]

-- A window's keys fire one after another, in key order (NULL first; Flink's order among the keys
-- of one window is its state's own); a click without a buy in its window is padded then.
SELECT c.userId, c.page, b.amount
FROM c LEFT JOIN b
  ON c.userId = b.userId AND c.window_start = b.window_start AND c.window_end = b.window_end;
-- +I[1, home, 100]
-- +I[2, cart, null]
-- +I[null, home, null]
-- +I[1, shop, 70]
-- +I[3, home, null]

SELECT b.userId, c.page, b.amount
FROM c RIGHT JOIN b
  ON c.userId = b.userId AND c.window_start = b.window_start AND c.window_end = b.window_end;
-- +I[1, home, 100]
-- +I[1, shop, 70]
-- +I[2, null, 50]
-- +I[4, null, 5]

-- A residual condition, and the windows of a FULL OUTER JOIN from either side: within a key, the
-- left rows (each paired or padded) come first, then the right rows that joined nothing.
SELECT c.userId, b.userId, COALESCE(c.window_start, b.window_start), c.page, b.amount
FROM c FULL OUTER JOIN b
  ON c.userId = b.userId AND c.window_start = b.window_start AND c.window_end = b.window_end
     AND b.amount > 80;
-- +I[1, 1, 2020-01-01 00:00:00.000, home, 100]
-- +I[2, null, 2020-01-01 00:00:00.000, cart, null]
-- +I[null, null, 2020-01-01 00:00:10.000, home, null]
-- +I[1, null, 2020-01-01 00:00:10.000, shop, null]
-- +I[null, 1, 2020-01-01 00:00:10.000, null, 70]
-- +I[null, 2, 2020-01-01 00:00:10.000, null, 50]
-- +I[3, null, 2020-01-01 00:00:10.000, home, null]
-- +I[null, 4, 2020-01-01 00:00:20.000, null, 5]

-- Two window aggregates joined per window (Flink's usual window join input): their
-- window_start/window_end make it a window join, whose rows come out as each window closes.
SELECT cc.window_start, cc.userId, cc.n, bb.total
FROM (SELECT window_start, window_end, userId, COUNT(*) AS n FROM c
      GROUP BY window_start, window_end, userId) cc
JOIN (SELECT window_start, window_end, userId, SUM(amount) AS total FROM b
      GROUP BY window_start, window_end, userId) bb
  ON cc.userId = bb.userId AND cc.window_start = bb.window_start AND cc.window_end = bb.window_end;
-- +I[2020-01-01 00:00:00.000, 1, 1, 100]
-- +I[2020-01-01 00:00:10.000, 1, 1, 70]

-- EXISTS with the windows equated is a window semi join; NOT EXISTS a window anti join. A
-- window's clicks come out when it closes.
SELECT c.userId, c.page FROM c
WHERE EXISTS (SELECT * FROM b WHERE b.userId = c.userId AND b.window_start = c.window_start
                                AND b.window_end = c.window_end);
-- +I[1, home]
-- +I[1, shop]

SELECT c.userId, c.page FROM c
WHERE NOT EXISTS (SELECT * FROM b WHERE b.userId = c.userId AND b.window_start = c.window_start
                                    AND b.window_end = c.window_end);
-- +I[2, cart]
-- +I[null, home]
-- +I[3, home]

-- Window TopN after a window aggregation (as in Flink): the busiest user of each window, when
-- the window closes. Ties go to the smallest userId, and NULL sorts lowest (Flink's default).
SELECT window_start, userId, n FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY n DESC, userId) AS rn
  FROM (SELECT window_start, window_end, userId, COUNT(*) AS n FROM c
        GROUP BY window_start, window_end, userId))
WHERE rn <= 1;
-- +I[2020-01-01 00:00:00.000, 1, 1]
-- +I[2020-01-01 00:00:10.000, null, 1]
