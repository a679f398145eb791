-- CREATE TABLE ... LIKE with the merging options.
-- Source: Flink docs, dev/table/sql/create ("LIKE").

CREATE TABLE Orders (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'kafka',
    'topic' = 'orders',
    'properties.bootstrap.servers' = 'localhost:9092',
    'properties.group.id' = 'orders-group',
    'format' = 'json',
    'scan.startup.mode' = 'earliest-offset'
);

-- Plain LIKE: add a watermark, override one option (default strategy: INCLUDING ALL,
-- OVERWRITING OPTIONS).
CREATE TABLE Orders_with_watermark (
    -- Add watermark definition
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    -- Overwrite the startup-mode
    'scan.startup.mode' = 'latest-offset'
)
LIKE Orders;

CREATE TABLE Orders_in_file (
    `user` BIGINT,
    product STRING,
    order_time_string STRING,
    order_time AS to_timestamp(order_time_string)
)
PARTITIONED BY (`user`)
WITH (
    'connector' = 'filesystem',
    'path' = 'file:///data/orders',
    'format' = 'json'
);

CREATE TABLE Orders_in_kafka (
    -- Add watermark definition
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'orders_from_file',
    'properties.bootstrap.servers' = 'localhost:9092',
    'format' = 'json'
)
LIKE Orders_in_file (
    -- Exclude everything besides the computed columns which we need to generate the watermark for.
    -- We do not want to have the partitions or filesystem options as those do not apply to kafka.
    EXCLUDING ALL
    INCLUDING GENERATED
);

-- Copy only the options, with a new schema.
CREATE TABLE Orders_copy_options (
    id BIGINT,
    payload STRING
) LIKE Orders (
    EXCLUDING ALL
    INCLUDING OPTIONS
);

-- Every merging keyword that the grammar allows.
CREATE TABLE Orders_all_strategies (
    extra STRING
) WITH (
    'topic' = 'orders_v2'
) LIKE Orders_with_watermark (
    INCLUDING CONSTRAINTS
    EXCLUDING PARTITIONS
    INCLUDING GENERATED
    INCLUDING METADATA
    OVERWRITING WATERMARKS
    OVERWRITING OPTIONS
);

-- No column list, catalog-qualified source table, options replaced wholesale.
CREATE TEMPORARY TABLE Orders_tmp
WITH ('connector' = 'blackhole')
LIKE default_catalog.default_database.Orders (EXCLUDING OPTIONS);

CREATE TABLE orders_print (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3)
) WITH ('connector' = 'print');

INSERT INTO orders_print
SELECT `user`, product, order_time FROM Orders_with_watermark
UNION ALL
SELECT `user`, product, order_time FROM Orders_in_kafka;
