-- Legacy (pre-FLIP-95) connector properties: 'connector.type' = ..., still seen in old jobs
-- and in the Nexmark suite (q13).
-- Source: Flink 1.10 docs, dev/table/connect ("Kafka Connector", "File System Connector").

CREATE TABLE legacy_kafka_source (
  user_id  BIGINT,
  item_id  BIGINT,
  behavior STRING,
  ts       TIMESTAMP(3),
  proctime AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector.type' = 'kafka',
  'connector.version' = 'universal',
  'connector.topic' = 'user_behavior',
  'connector.startup-mode' = 'earliest-offset',
  'connector.properties.zookeeper.connect' = 'localhost:2181',
  'connector.properties.bootstrap.servers' = 'localhost:9092',
  'connector.properties.group.id' = 'legacy-group',
  'update-mode' = 'append',
  'format.type' = 'json',
  'format.derive-schema' = 'true'
);

CREATE TABLE legacy_csv_dim (
  item_id  BIGINT,
  category STRING
) WITH (
  'connector.type' = 'filesystem',
  'connector.path' = 'file:///data/items.csv',
  'format.type' = 'csv',
  'format.field-delimiter' = ','
);

CREATE TABLE legacy_sink (
  user_id  BIGINT,
  category STRING
) WITH (
  'connector' = 'print'
);

INSERT INTO legacy_sink
SELECT k.user_id, d.category
FROM legacy_kafka_source AS k
JOIN legacy_csv_dim FOR SYSTEM_TIME AS OF k.proctime AS d
ON k.item_id = d.item_id;
