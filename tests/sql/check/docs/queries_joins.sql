-- Flink docs page: dev/table/sql/queries/joins ("Joins"): every example on the page, with the
-- tables the page leaves undefined declared here.
-- Fixes: the page's currency_rates DDL writes METADATA FROM `values.source.timestamp` (a
-- back-quoted identifier; the key must be the string literal 'value.source.timestamp'), and its
-- temporal-join SELECT has a trailing comma before FROM; both are corrected here.

CREATE TABLE Orders (
  order_id    STRING,
  productId   BIGINT,
  product_id  BIGINT,
  customer_id INT,
  total       DECIMAL(10, 2),
  amount      INT,
  currency    STRING,
  tags        ARRAY<STRING>,
  order_time  TIMESTAMP(3),
  proctime    AS PROCTIME(),
  proc_time   AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

CREATE TABLE Product (
  id    BIGINT,
  name  STRING
) WITH ('connector' = 'datagen');

CREATE TABLE Shipments (
  id        BIGINT,
  order_id  STRING,
  ship_time TIMESTAMP(3),
  WATERMARK FOR ship_time AS ship_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE LatestRates (
  currency STRING,
  rate     DECIMAL(10, 4)
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/rates',
  'table-name' = 'latest_rates'
);

CREATE TEMPORARY FUNCTION table_func AS 'com.example.udf.TableFunc';

-- Regular joins
SELECT * FROM Orders
INNER JOIN Product
ON Orders.productId = Product.id;

SELECT *
FROM Orders
INNER JOIN Product
ON Orders.product_id = Product.id;

SELECT *
FROM Orders
LEFT JOIN Product
ON Orders.product_id = Product.id;

SELECT *
FROM Orders
RIGHT JOIN Product
ON Orders.product_id = Product.id;

SELECT *
FROM Orders
FULL OUTER JOIN Product
ON Orders.product_id = Product.id;

-- Interval join
SELECT *
FROM Orders o, Shipments s
WHERE o.order_id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;

-- Event time temporal join
-- Create a table of orders. This is a standard
-- append-only dynamic table.
CREATE TABLE orders_v (
    order_id    STRING,
    price       DECIMAL(32,2),
    currency    STRING,
    order_time  TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time
) WITH (
    'connector' = 'kafka',
    'topic' = 'orders_v',
    'properties.bootstrap.servers' = 'localhost:9092',
    'format' = 'json'
);

-- Define a versioned table of currency rates.
-- This could be from a change-data-capture
-- such as Debezium, a compacted Kafka topic, or any other
-- way of defining a versioned table.
CREATE TABLE currency_rates (
    currency STRING,
    conversion_rate DECIMAL(32, 2),
    update_time TIMESTAMP(3) METADATA FROM 'value.source.timestamp' VIRTUAL,
    WATERMARK FOR update_time AS update_time,
    PRIMARY KEY(currency) NOT ENFORCED
) WITH (
   'connector' = 'kafka',
   'topic' = 'currency_rates',
   'properties.bootstrap.servers' = 'localhost:9092',
   'value.format' = 'debezium-json'
);

SELECT
     order_id,
     price,
     orders_v.currency,
     conversion_rate,
     order_time
FROM orders_v
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF orders_v.order_time
ON orders_v.currency = currency_rates.currency;

-- Processing time temporal join
SELECT
  o.amount, o.currency, r.rate, o.amount * r.rate
FROM
  Orders AS o
  JOIN LatestRates FOR SYSTEM_TIME AS OF o.proctime AS r
  ON r.currency = o.currency;

-- Lookup join
-- Customers is backed by the JDBC connector and can be used for lookup joins
CREATE TEMPORARY TABLE Customers (
  id INT,
  name STRING,
  country STRING,
  zip STRING
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://mysqlhost:3306/customerdb',
  'table-name' = 'customers'
);

-- enrich each order with customer information
SELECT o.order_id, o.total, c.country, c.zip
FROM Orders AS o
  JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON o.customer_id = c.id;

-- Array expansion
SELECT order_id, tag
FROM Orders CROSS JOIN UNNEST(tags) AS t (tag);

-- Table function, INNER JOIN
SELECT order_id, res
FROM Orders,
LATERAL TABLE(table_func(order_id)) t(res);

-- Table function, LEFT OUTER JOIN
SELECT order_id, res
FROM Orders
LEFT OUTER JOIN LATERAL TABLE(table_func(order_id)) t(res)
  ON TRUE;
