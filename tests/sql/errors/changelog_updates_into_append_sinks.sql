-- expect-error: 28:1: table sink 'default_catalog.default_database.channel_counts' doesn't support consuming update changes which is produced by node groupaggregate(groupby=[channel], select=[channel, count(*) as cnt])
-- expect-error: 31:1: table sink 'default_catalog.default_database.click_users' doesn't support consuming update and delete changes which is produced by node join(jointype=[leftouterjoin]
-- A streaming job cannot write updates into a sink that only appends (filesystem, kafka with a
-- plain format): refused at planning time, naming the node that produces the updates.

CREATE TABLE clicks (
  user_id BIGINT,
  channel STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE users (user_id BIGINT, name STRING) WITH ('connector' = 'datagen');

CREATE TABLE channel_counts (channel STRING, cnt BIGINT) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/channel_counts',
  'format' = 'csv'
);

CREATE TABLE click_users (channel STRING, name STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'click_users',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json'
);

INSERT INTO channel_counts
SELECT channel, COUNT(*) AS cnt FROM clicks GROUP BY channel;

INSERT INTO click_users
SELECT c.channel, u.name FROM clicks AS c LEFT JOIN users AS u ON c.user_id = u.user_id;
