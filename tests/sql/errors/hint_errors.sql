-- expect-error: 9:27: unsupported option 'scan.startup.mod' for connector 'kafka'
-- expect-error: 11:12: unknown lookup hint option 'retry'
-- An OPTIONS hint is checked like the table's own options; a LOOKUP hint's keys are checked too.
CREATE TABLE orders (id BIGINT, customer BIGINT, proc AS PROCTIME()) WITH (
  'connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json');
CREATE TABLE customers (id BIGINT, name STRING) WITH ('connector' = 'datagen');

SELECT id FROM orders /*+ OPTIONS('scan.startup.mod' = 'earliest-offset') */;

SELECT /*+ LOOKUP('table' = 'c', 'retry' = '3') */ o.id FROM orders AS o
  JOIN customers FOR SYSTEM_TIME AS OF o.proc AS c ON o.customer = c.id;
