-- OVER aggregation on processing time (Flink's ProcTime*PrecedingFunction): rows are ordered by
-- their arrival, which here is the file's order (one source instance reads it, and the rows of
-- one partition keep their order through the exchange). The aggregates are chosen so that the
-- result does not depend on when rows arrive, only in which order.
CREATE TABLE orders (product STRING, amount INT, tag INT, p AS PROCTIME())
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input orders:
-- apple,3,1
-- pear,5,2
-- apple,7,1
-- apple,1,1
-- pear,2,2
-- apple,4,1

-- UNBOUNDED PRECEDING: a running total per arriving row.
SELECT product, amount,
  COUNT(*) OVER (PARTITION BY product ORDER BY p ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
  SUM(amount) OVER (PARTITION BY product ORDER BY p ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM orders;
-- +I[apple, 3, 1, 3]
-- +I[pear, 5, 1, 5]
-- +I[apple, 7, 2, 10]
-- +I[apple, 1, 3, 11]
-- +I[pear, 2, 2, 7]
-- +I[apple, 4, 4, 15]

-- With processing time the default RANGE frame has no peers (Flink runs unbounded ROWS and RANGE
-- alike): it counts rows too.
SELECT product, COUNT(*) OVER (PARTITION BY product ORDER BY p) FROM orders;
-- +I[apple, 1]
-- +I[pear, 1]
-- +I[apple, 2]
-- +I[apple, 3]
-- +I[pear, 2]
-- +I[apple, 4]

-- ROWS BETWEEN 1 PRECEDING AND CURRENT ROW: the row and the one that arrived before it.
SELECT product, amount,
  SUM(amount) OVER w, MIN(amount) OVER w, MAX(amount) OVER w
FROM orders
WINDOW w AS (PARTITION BY product ORDER BY p ROWS BETWEEN 1 PRECEDING AND CURRENT ROW);
-- +I[apple, 3, 3, 3, 3]
-- +I[pear, 5, 5, 5, 5]
-- +I[apple, 7, 10, 3, 7]
-- +I[apple, 1, 8, 1, 7]
-- +I[pear, 2, 7, 2, 5]
-- +I[apple, 4, 5, 1, 4]

-- RANGE over an interval groups rows by their arrival millisecond, which the test cannot know:
-- `tag` is the same on every row of a product, so its MIN and MAX do not depend on the frame.
SELECT product, amount,
  MIN(tag) OVER (PARTITION BY product ORDER BY p RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW),
  MAX(tag) OVER (PARTITION BY product ORDER BY p RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)
FROM orders;
-- unordered
-- +I[apple, 3, 1, 1]
-- +I[pear, 5, 2, 2]
-- +I[apple, 7, 1, 1]
-- +I[apple, 1, 1, 1]
-- +I[pear, 2, 2, 2]
-- +I[apple, 4, 1, 1]
