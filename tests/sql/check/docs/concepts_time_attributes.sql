-- Flink docs page: dev/table/concepts/time_attributes ("Time Attributes"): event time defined
-- in DDL (on TIMESTAMP and on an epoch-millis computed TIMESTAMP_LTZ) and processing time
-- defined in DDL, each with the page's TUMBLE window query.
-- The page's `WITH (...)` is filled in with datagen options.

CREATE TABLE user_actions (
  user_name STRING,
  data STRING,
  user_action_time TIMESTAMP(3),
  -- declare user_action_time as event time attribute and use 5 seconds delayed watermark strategy
  WATERMARK FOR user_action_time AS user_action_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen'
);

SELECT TUMBLE_START(user_action_time, INTERVAL '10' MINUTE), COUNT(DISTINCT user_name)
FROM user_actions
GROUP BY TUMBLE(user_action_time, INTERVAL '10' MINUTE);

CREATE TABLE user_actions_epoch (
 user_name STRING,
 data STRING,
 ts BIGINT,
 time_ltz AS TO_TIMESTAMP_LTZ(ts, 3),
 -- declare time_ltz as event time attribute and use 5 seconds delayed watermark strategy
 WATERMARK FOR time_ltz AS time_ltz - INTERVAL '5' SECOND
) WITH (
 'connector' = 'datagen'
);

SELECT TUMBLE_START(time_ltz, INTERVAL '10' MINUTE), COUNT(DISTINCT user_name)
FROM user_actions_epoch
GROUP BY TUMBLE(time_ltz, INTERVAL '10' MINUTE);

CREATE TABLE user_actions_proctime (
  user_name STRING,
  data STRING,
  user_action_time AS PROCTIME() -- declare an additional field as a processing time attribute
) WITH (
  'connector' = 'datagen'
);

SELECT TUMBLE_START(user_action_time, INTERVAL '10' MINUTE), COUNT(DISTINCT user_name)
FROM user_actions_proctime
GROUP BY TUMBLE(user_action_time, INTERVAL '10' MINUTE);
