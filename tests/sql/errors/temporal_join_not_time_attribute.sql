-- expect-error: 21:38: time attribute
-- FOR SYSTEM_TIME AS OF must name a time attribute of the left table; order_time here is a
-- plain TIMESTAMP (no WATERMARK, not PROCTIME()).
CREATE TABLE orders (
  order_id    BIGINT,
  customer_id INT,
  order_time  TIMESTAMP(3)
) WITH ('connector' = 'datagen');

CREATE TABLE customers (
  id      INT,
  country STRING
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/shop',
  'table-name' = 'customers'
);

SELECT o.order_id, c.country
FROM orders AS o
JOIN customers FOR SYSTEM_TIME AS OF o.order_time AS c
ON o.customer_id = c.id;
