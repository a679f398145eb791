-- expect-error: 22:1: please declare primary key for sink table 'default_catalog.default_database.channel_totals' when query contains update/delete record
-- expect-error: 25:1: 'upsert-kafka' table 'default_catalog.default_database.latest_click' requires a primary key constraint
-- A jdbc sink writes updates by primary key and needs one as soon as its query updates; an
-- upsert-kafka table always needs one, for its message key.

CREATE TABLE clicks (user_id BIGINT, channel STRING) WITH ('connector' = 'datagen');

CREATE TABLE channel_totals (channel STRING, total BIGINT) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://db:3306/app',
  'table-name' = 'channel_totals'
);

CREATE TABLE latest_click (user_id BIGINT, channel STRING) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'latest_click',
  'properties.bootstrap.servers' = 'kafka:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);

INSERT INTO channel_totals
SELECT channel, SUM(user_id) FROM clicks GROUP BY channel;

INSERT INTO latest_click
SELECT user_id, channel FROM clicks;
