-- Flink docs page: dev/table/concepts/versioned_tables ("Versioned Tables"): a versioned table
-- source (product_changelog), a versioned view from an append-only table (RatesHistory
-- deduplicated into versioned_rates), and the temporal joins that use them.

CREATE TABLE product_changelog (
  product_id STRING,
  product_name STRING,
  product_price DECIMAL(10, 4),
  update_time TIMESTAMP(3) METADATA FROM 'value.source.timestamp' VIRTUAL,
  PRIMARY KEY(product_id) NOT ENFORCED,      -- (1) defines the primary key constraint
  WATERMARK FOR update_time AS update_time   -- (2) defines the event time by watermark
) WITH (
  'connector' = 'kafka',
  'topic' = 'products',
  'scan.startup.mode' = 'earliest-offset',
  'properties.bootstrap.servers' = 'localhost:9092',
  'value.format' = 'debezium-json'
);

CREATE TABLE RatesHistory (
    currency_time TIMESTAMP(3),
    currency STRING,
    rate DECIMAL(38, 10),
    WATERMARK FOR currency_time AS currency_time   -- defines the event time
) WITH (
  'connector' = 'kafka',
  'topic' = 'rates',
  'scan.startup.mode' = 'earliest-offset',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'                                -- this is an append only source
);

CREATE VIEW versioned_rates AS
SELECT currency, rate, currency_time            -- (1) `currency_time` keeps the event time
  FROM (
      SELECT *,
      ROW_NUMBER() OVER (PARTITION BY currency  -- (2) the inferred unique key `currency` can be a primary key
         ORDER BY currency_time DESC) AS rowNum
      FROM RatesHistory )
WHERE rowNum = 1;

CREATE TABLE orders (
    order_id    STRING,
    product_id  STRING,
    price       DECIMAL(32, 2),
    currency    STRING,
    order_time  TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'scan.startup.mode' = 'earliest-offset',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

SELECT o.order_id, o.order_time, p.product_name, p.product_price
FROM orders AS o
LEFT JOIN product_changelog FOR SYSTEM_TIME AS OF o.order_time AS p
ON o.product_id = p.product_id;

SELECT o.order_id, o.price * r.rate AS converted_price
FROM orders AS o
JOIN versioned_rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
