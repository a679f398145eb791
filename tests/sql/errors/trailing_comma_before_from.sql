-- expect-error: 17:1: unexpected 'from'
-- Flink docs (dev/table/sql/queries/joins, "Event Time Temporal Join") end the SELECT list with
-- a comma before FROM.
CREATE TABLE orders (
    order_id    STRING,
    price       DECIMAL(32,2),
    currency    STRING,
    order_time  TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time
) WITH ('connector' = 'datagen');

SELECT
     order_id,
     price,
     currency,
     order_time,
FROM orders;
