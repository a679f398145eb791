-- expect-error: 7:44: expected a string literal
-- Flink docs (dev/table/sql/queries/joins) write the metadata key with back-quotes; METADATA FROM
-- takes a string literal.
CREATE TABLE currency_rates (
    currency STRING,
    conversion_rate DECIMAL(32, 2),
    update_time TIMESTAMP(3) METADATA FROM `values.source.timestamp` VIRTUAL,
    WATERMARK FOR update_time AS update_time,
    PRIMARY KEY(currency) NOT ENFORCED
) WITH (
   'connector' = 'kafka',
   'topic' = 'currency_rates',
   'properties.bootstrap.servers' = 'localhost:9092',
   'value.format' = 'debezium-json'
);
