-- Metadata columns: METADATA, METADATA FROM 'key', VIRTUAL, on the Kafka connector, and a
-- writable (non-virtual) metadata column on the sink side.
-- Source: Flink docs, dev/table/sql/create ("Metadata Columns") and connectors/table/kafka
-- ("Available Metadata").

CREATE TABLE kafka_events (
  `event_time`   TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  `partition`    BIGINT METADATA VIRTUAL,
  `offset`       BIGINT METADATA VIRTUAL,
  `topic`        STRING METADATA VIRTUAL COMMENT 'topic the record was read from',
  `headers`      MAP<STRING, BYTES> METADATA,
  `leader-epoch` INT METADATA VIRTUAL,
  `ts_type`      STRING METADATA FROM 'timestamp-type' VIRTUAL,
  `user_id`      BIGINT,
  `item_id`      BIGINT,
  `behavior`     STRING,
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_behavior',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'testGroup',
  'scan.startup.mode' = 'earliest-offset',
  'value.format' = 'json'
);

CREATE TABLE kafka_events_out (
  `user_id`    BIGINT,
  `behavior`   STRING,
  `src_offset` BIGINT,
  `timestamp`  TIMESTAMP_LTZ(3) METADATA,
  `headers`    MAP<STRING, BYTES> METADATA
) WITH (
  'connector' = 'kafka',
  'topic' = 'user_behavior_enriched',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

INSERT INTO kafka_events_out
SELECT user_id, behavior, `offset`, event_time, `headers`
FROM kafka_events
WHERE `partition` = 0;
