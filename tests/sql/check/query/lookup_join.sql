-- Lookup joins against a JDBC dimension table keyed on a processing-time attribute
-- (FOR SYSTEM_TIME AS OF o.proc_time), INNER and LEFT, with extra join predicates, a computed
-- join key, and two dimension tables.
-- Source: Flink docs, dev/table/sql/queries/joins ("Lookup Join").

CREATE TABLE Orders (
  order_id    BIGINT,
  customer_id INT,
  total       DECIMAL(10, 2),
  zip_hint    STRING,
  proc_time   AS PROCTIME()
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'lookup-join',
  'format' = 'json'
);

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

CREATE TEMPORARY TABLE Countries (
  code      STRING,
  continent STRING,
  PRIMARY KEY (code) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://mysqlhost:3306/customerdb',
  'table-name' = 'countries',
  'lookup.cache' = 'PARTIAL',
  'lookup.partial-cache.max-rows' = '500',
  'lookup.partial-cache.expire-after-access' = '1 h'
);

CREATE TABLE enriched_orders (
  order_id  BIGINT,
  total     DECIMAL(10, 2),
  country   STRING,
  zip       STRING,
  continent STRING
) WITH ('connector' = 'print');

-- enrich each order with customer information
SELECT o.order_id, o.total, c.country, c.zip
FROM Orders AS o
  JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON o.customer_id = c.id;

INSERT INTO enriched_orders
SELECT o.order_id, o.total, c.country, c.zip, k.continent
FROM Orders AS o
  LEFT JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON o.customer_id = c.id AND c.zip = o.zip_hint
  LEFT JOIN Countries FOR SYSTEM_TIME AS OF o.proc_time AS k
    ON k.code = c.country
WHERE o.total > 0;

-- computed lookup key and a filter on the dimension side
SELECT o.order_id, c.name
FROM Orders AS o
  JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON c.id = CAST(o.order_id % 1000 AS INT) AND c.country = 'NL';

-- lookup join with the probe side being a subquery that adds the proc-time attribute
SELECT t.order_id, c.name
FROM (SELECT order_id, customer_id, PROCTIME() AS pt FROM Orders) AS t
  JOIN Customers FOR SYSTEM_TIME AS OF t.pt AS c
    ON t.customer_id = c.id;
