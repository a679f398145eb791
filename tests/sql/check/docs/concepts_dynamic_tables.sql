-- Flink docs page: dev/table/concepts/dynamic_tables ("Dynamic Tables"): the clicks examples
-- (an updating GROUP BY query and an append-only windowed query) and the upsert / retract
-- examples.
-- Fix: the page names its column `user` without back-quotes; USER is a reserved word in Flink
-- SQL, so it is back-quoted here.

CREATE TABLE clicks (
  `user` VARCHAR,
  url    VARCHAR,
  cTime  TIMESTAMP(3),
  WATERMARK FOR cTime AS cTime - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

SELECT `user`, COUNT(url) AS cnt
FROM clicks
GROUP BY `user`;

SELECT
  `user`,
  TUMBLE_END(cTime, INTERVAL '1' HOUR) AS endT,
  COUNT(url) AS cnt
FROM clicks
GROUP BY
  `user`,
  TUMBLE(cTime, INTERVAL '1' HOUR);

CREATE TABLE user_clicks_upsert (
  `user` VARCHAR,
  cnt    BIGINT,
  PRIMARY KEY (`user`) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'user_clicks',
  'properties.bootstrap.servers' = 'localhost:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);

INSERT INTO user_clicks_upsert
SELECT `user`, COUNT(url) FROM clicks GROUP BY `user`;
