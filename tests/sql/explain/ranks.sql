-- ROW_NUMBER patterns: a TopN (rn <= 3) and a deduplication (rn = 1 on a time attribute).
CREATE TABLE orders (id BIGINT, category STRING, amount DOUBLE, ts TIMESTAMP(3),
  proc AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');

SELECT category, id, amount, rn FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY amount DESC) AS rn FROM orders)
WHERE rn <= 3;

SELECT id, category FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY proc ASC) AS rn FROM orders)
WHERE rn = 1;

-- The rank is not read: the TopN does not output it (outputRankNumber=[false]) and the
-- Project above reads a constant in its place.
SELECT category, id FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY amount DESC) AS rn FROM orders)
WHERE rn <= 3;

-- Ordered by the column a window TVF windows on: a window deduplication, as in Flink.
SELECT * FROM (
  SELECT id, window_start, window_end, ROW_NUMBER() OVER (
    PARTITION BY window_start, window_end, category ORDER BY ts DESC) AS rn
  FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)))
WHERE rn = 1;
