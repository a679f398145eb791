-- Top-N (ROW_NUMBER() OVER (PARTITION BY .. ORDER BY .. DESC) with rownum <= N), no-ranking-
-- output Top-N, Top-N with extra conditions and ranges, Top-N over an updating input, and
-- deduplication keeping the first row (ORDER BY proctime ASC) or last row (ORDER BY rowtime
-- DESC) with rownum = 1.
-- Source: Flink docs, dev/table/sql/queries/topn and deduplication.

CREATE TABLE ShopSales (
  product_id   STRING,
  category     STRING,
  product_name STRING,
  sales        BIGINT
) WITH ('connector' = 'datagen');

CREATE TABLE Orders (
  order_id    STRING,
  `user`      STRING,
  product     STRING,
  num         BIGINT,
  order_time  TIMESTAMP(3),
  proctime AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE top_products (
  category     STRING,
  product_id   STRING,
  product_name STRING,
  sales        BIGINT,
  row_num      BIGINT,
  PRIMARY KEY (category, row_num) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'top_products',
  'properties.bootstrap.servers' = 'localhost:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TABLE first_orders (
  order_id STRING,
  `user`   STRING,
  product  STRING,
  num      BIGINT
) WITH ('connector' = 'print');

SELECT *
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;

INSERT INTO top_products
SELECT category, product_id, product_name, sales, row_num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;

-- omit row_num field from the output
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;

-- global Top-N, several sort keys, an extra condition, and a rank range
SELECT product_name, sales
FROM (
  SELECT product_name, sales,
    ROW_NUMBER() OVER (ORDER BY sales DESC, product_name ASC) AS rn
  FROM ShopSales WHERE sales > 0)
WHERE rn <= 10 AND product_name IS NOT NULL;

SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn FROM ShopSales
) WHERE rn > 3 AND rn <= 6;

SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn FROM ShopSales
) WHERE rn BETWEEN 1 AND 3;

SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn FROM ShopSales
) WHERE rn < 4;

-- Top-N over an aggregated, updating input
SELECT category, total FROM (
  SELECT category, total,
    ROW_NUMBER() OVER (ORDER BY total DESC) AS rn
  FROM (SELECT category, SUM(sales) AS total FROM ShopSales GROUP BY category)
) WHERE rn <= 3;

-- remove duplicate rows on order_id and keep the first occurrence row,
-- because there shouldn't be two orders with the same order_id.
INSERT INTO first_orders
SELECT order_id, `user`, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) AS row_num
  FROM Orders)
WHERE row_num = 1;

-- keep the last row per key on event time
SELECT order_id, `user`, product, num, order_time
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_time DESC) AS rn
  FROM Orders)
WHERE rn = 1;

-- keep the first row per (user, product) on event time, several partition keys
SELECT `user`, product, order_time
FROM (
  SELECT `user`, product, order_time,
    ROW_NUMBER() OVER (PARTITION BY `user`, product ORDER BY order_time ASC) AS rn
  FROM Orders)
WHERE rn = 1;

-- keep the last row per key on processing time
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY `user` ORDER BY proctime DESC) AS rn FROM Orders
) WHERE rn = 1;
