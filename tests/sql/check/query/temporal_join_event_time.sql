-- Event-time temporal join against a versioned table (primary key + watermark), both a table
-- defined by DDL over a changelog and a versioned view built by deduplication.
-- Source: Flink docs, dev/table/sql/queries/joins ("Event Time Temporal Join") and
-- dev/table/concepts/versioned_tables.

-- Create a table of orders. This is a standard
-- append-only dynamic table.
CREATE TABLE orders (
    order_id    STRING,
    price       DECIMAL(32,2),
    currency    STRING,
    order_time  TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time
) WITH (
    'connector' = 'kafka',
    'topic' = 'orders',
    'properties.bootstrap.servers' = 'localhost:9092',
    'properties.group.id' = 'orders',
    'scan.startup.mode' = 'earliest-offset',
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
    'properties.group.id' = 'rates',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-json'
);

SELECT
     order_id,
     price,
     orders.currency,
     conversion_rate,
     order_time
FROM orders
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF orders.order_time
ON orders.currency = currency_rates.currency;

-- inner temporal join with aliases
SELECT o.order_id, o.price * r.conversion_rate AS price_usd, o.order_time
FROM orders AS o
JOIN currency_rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;

-- A versioned view: an append-only rates log deduplicated on the key, keeping the last row per
-- currency ordered by the event time.
CREATE TABLE RatesHistory (
    currency_time TIMESTAMP(3),
    currency      STRING,
    rate          DECIMAL(38, 10),
    WATERMARK FOR currency_time AS currency_time - INTERVAL '15' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'rates',
    'properties.bootstrap.servers' = 'localhost:9092',
    'properties.group.id' = 'rates-history',
    'scan.startup.mode' = 'earliest-offset',
    'format' = 'json'
);

CREATE VIEW versioned_rates AS
SELECT currency, rate, currency_time   -- (1) `currency_time` keeps the event time
  FROM (
      SELECT *,
      ROW_NUMBER() OVER (PARTITION BY currency  -- (2) `currency` is the primary key
         ORDER BY currency_time DESC) AS rowNum
      FROM RatesHistory )
WHERE rowNum = 1;

CREATE TABLE usd_orders (
    order_id   STRING,
    price_usd  DECIMAL(38, 10),
    order_time TIMESTAMP(3)
) WITH ('connector' = 'print');

INSERT INTO usd_orders
SELECT o.order_id, o.price * r.rate, o.order_time
FROM orders AS o
JOIN versioned_rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
