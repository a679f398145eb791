-- Group aggregation: GROUP BY expressions, GROUPING SETS, ROLLUP, CUBE, GROUPING() /
-- GROUPING_ID(), HAVING (with and without GROUP BY), and ordinal-free grouping on expressions.
-- Source: Flink docs, dev/table/sql/queries/group-agg.

CREATE TABLE Orders (
  order_id    BIGINT,
  users       STRING,
  supplier_id STRING,
  product_id  STRING,
  rating      INT,
  amount      INT,
  order_time  TIMESTAMP(3)
) WITH ('connector' = 'datagen');

CREATE TABLE rating_report (
  supplier_id STRING,
  rating      INT,
  total       BIGINT,
  g_supplier  BIGINT,  -- GROUPING() is BIGINT NOT NULL in Flink
  g_rating    BIGINT
) WITH ('connector' = 'print');

SELECT COUNT(*) FROM Orders;

SELECT COUNT(*)
FROM Orders
GROUP BY order_id;

SELECT supplier_id, rating, COUNT(*) AS total
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ());

SELECT supplier_id, rating, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY ROLLUP (supplier_id, rating);

SELECT supplier_id, rating, product_id, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY CUBE (supplier_id, rating, product_id);

SELECT supplier_id, rating, product_id, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS (
    ( supplier_id, product_id, rating ),
    ( supplier_id, product_id         ),
    ( supplier_id,             rating ),
    ( supplier_id                     ),
    (              product_id, rating ),
    (              product_id         ),
    (                          rating ),
    (                                 )
);

INSERT INTO rating_report
SELECT supplier_id, rating, COUNT(*),
       GROUPING(supplier_id), GROUPING(rating)
FROM Orders
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), (rating), ());

SELECT supplier_id, rating, GROUPING_ID(supplier_id, rating) AS gid, SUM(amount)
FROM Orders
GROUP BY CUBE (supplier_id, rating);

-- HAVING with GROUP BY (doc example)
SELECT SUM(amount)
FROM Orders
GROUP BY users
HAVING SUM(amount) > 50;

-- HAVING without GROUP BY
SELECT SUM(amount) FROM Orders HAVING COUNT(*) > 10;

-- grouping on expressions and mixing plain keys with ROLLUP
SELECT DATE_FORMAT(order_time, 'yyyy-MM-dd') AS d, supplier_id, SUM(amount) AS s
FROM Orders
GROUP BY DATE_FORMAT(order_time, 'yyyy-MM-dd'), ROLLUP (supplier_id)
HAVING SUM(amount) > 0 AND MAX(rating) >= 3;

SELECT amount % 10 AS bucket, COUNT(*) FROM Orders GROUP BY amount % 10;

-- aggregate functions (ARRAY_AGG is new in Flink 1.19)
SELECT supplier_id,
       COUNT(*), COUNT(product_id), COUNT(DISTINCT product_id),
       SUM(amount), AVG(amount), MIN(amount), MAX(amount),
       STDDEV_POP(amount), STDDEV_SAMP(amount), VAR_POP(amount), VAR_SAMP(amount),
       COLLECT(product_id), LISTAGG(product_id), LISTAGG(product_id, ';'),
       FIRST_VALUE(product_id), LAST_VALUE(product_id),
       VARIANCE(amount), JSON_ARRAYAGG(product_id), JSON_OBJECTAGG(KEY product_id VALUE amount),
       ARRAY_AGG(product_id)
FROM Orders
GROUP BY supplier_id;
