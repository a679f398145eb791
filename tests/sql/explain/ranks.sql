-- ROW_NUMBER patterns: a TopN (rn <= 3) and a deduplication (rn = 1 on a time attribute).
CREATE TABLE orders (id BIGINT, category STRING, amount DOUBLE, ts TIMESTAMP(3),
  proc AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');

SELECT category, id, amount, rn FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY amount DESC) AS rn FROM orders)
WHERE rn <= 3;

SELECT id, category FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY proc ASC) AS rn FROM orders)
WHERE rn = 1;
