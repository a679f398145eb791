-- expect-error: 14:6: lookup table 'users': invalid value 'many' for option 'lookup.partial-cache.max-rows': expected a non-negative integer
-- expect-error: 16:12: invalid value '0' for LOOKUP hint option 'max-attempts': expected a positive integer
-- expect-error: 20:12: a LOOKUP hint with a retry needs 'retry-predicate', 'retry-strategy', 'fixed-delay' and 'max-attempts'; 'fixed-delay' is missing
-- Bad cache options of a lookup table and bad LOOKUP hint values fail at check time.
CREATE TABLE gifts (id INT, user_id BIGINT, proc AS PROCTIME())
WITH ('connector' = 'filesystem', 'path' = 'gifts.csv', 'format' = 'csv');
CREATE TABLE users (id BIGINT, name STRING)
WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv',
      'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = 'many');
CREATE TABLE anchors (id BIGINT, name STRING)
WITH ('connector' = 'filesystem', 'path' = 'anchors.csv', 'format' = 'csv');

SELECT g.id, u.name FROM gifts AS g
JOIN users FOR SYSTEM_TIME AS OF g.proc AS u ON g.user_id = u.id;

SELECT /*+ LOOKUP('table'='a', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='1s', 'max-attempts'='0') */ g.id FROM gifts AS g
JOIN anchors FOR SYSTEM_TIME AS OF g.proc AS a ON g.user_id = a.id;

-- A retry needs all four retry options, as in Flink.
SELECT /*+ LOOKUP('table'='a', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'max-attempts'='2') */ g.id FROM gifts AS g
JOIN anchors FOR SYSTEM_TIME AS OF g.proc AS a ON g.user_id = a.id;
