-- Join strategies: lookup (AS OF proctime), event-time temporal (AS OF rowtime against a
-- versioned table), interval (time bounds between both sides), regular.
CREATE TABLE orders (id BIGINT, currency STRING, customer BIGINT, ts TIMESTAMP(3),
  proc AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
CREATE TABLE rates (currency STRING, rate DOUBLE, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'datagen');
CREATE TABLE customers (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://localhost/db', 'table-name' = 'customers');
CREATE TABLE shipments (order_id BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'datagen');

SELECT o.id, c.name FROM orders AS o
  JOIN customers FOR SYSTEM_TIME AS OF o.proc AS c ON o.customer = c.id;

SELECT o.id, r.rate FROM orders AS o
  LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency;

SELECT o.id, s.ts FROM orders o, shipments s
WHERE o.id = s.order_id AND o.ts BETWEEN s.ts - INTERVAL '4' HOUR AND s.ts;

SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id;
