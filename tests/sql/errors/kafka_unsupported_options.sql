-- expect-error: 11:3: unsupported option 'propertes.group.id' for connector 'kafka'
-- expect-error: 12:3: unsupported option 'scan.startup.mod' for connector 'kafka'
-- Two misspelled option keys in one Kafka table; both must be reported.
CREATE TABLE kafka_source (
  id   BIGINT,
  name STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'people',
  'properties.bootstrap.servers' = 'localhost:9092',
  'propertes.group.id' = 'people-reader',
  'scan.startup.mod' = 'earliest-offset',
  'format' = 'json'
);
