-- Computed columns (`name AS expr`), including ones built on other physical columns, on nested
-- fields, on functions, PROCTIME(), and a computed column used as the event-time attribute.
-- Source: Flink docs, dev/table/sql/create ("Computed Columns").

CREATE TABLE orders_raw (
  order_id     BIGINT,
  price        DECIMAL(10, 2),
  quantity     INT,
  cost         AS price * quantity,
  discount     DOUBLE,
  net_cost     AS CAST(price * quantity AS DOUBLE) * (1 - discount) COMMENT 'after discount',
  customer     ROW<id BIGINT, name STRING>,
  customer_id  AS customer.id,
  order_ts_str STRING,
  order_ts     AS TO_TIMESTAMP(order_ts_str, 'yyyy-MM-dd HH:mm:ss'),
  order_day    AS DATE_FORMAT(TO_TIMESTAMP(order_ts_str), 'yyyy-MM-dd'),
  is_big       AS price * quantity > 1000,
  proc_time    AS PROCTIME(),
  WATERMARK FOR order_ts AS order_ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'computed-columns-test',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE order_costs (
  order_id    BIGINT,
  cost        DECIMAL(21, 2),
  net_cost    DOUBLE,
  customer_id BIGINT,
  order_day   STRING,
  is_big      BOOLEAN
) WITH (
  'connector' = 'print',
  'print-identifier' = 'costs'
);

INSERT INTO order_costs
SELECT order_id, cost, net_cost, customer_id, order_day, is_big
FROM orders_raw
WHERE order_ts > TIMESTAMP '2024-01-01 00:00:00';
