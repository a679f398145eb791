-- Structured and collection types: ROW<...> (angle-bracket and parenthesis forms, field
-- descriptions), ARRAY<...>, MAP<...>, MULTISET<...>, postfix `t ARRAY` / `t MULTISET`, and
-- deeply nested combinations. Source: Flink docs, dev/table/types.

CREATE TABLE user_profiles (
  user_id    BIGINT NOT NULL,
  name       ROW<first_name STRING, last_name STRING>,
  address    ROW(street STRING, city STRING, zip VARCHAR(10)),
  contact    ROW<email STRING 'primary e-mail', phone STRING 'E.164 phone number'>,
  tags       ARRAY<STRING>,
  scores     INT ARRAY,
  matrix     ARRAY<ARRAY<DOUBLE>>,
  attributes MAP<STRING, STRING>,
  counters   MAP<STRING, BIGINT> COMMENT 'per-feature counters',
  visits     MULTISET<STRING>,
  devices    STRING MULTISET,
  history    ARRAY<ROW<ts TIMESTAMP(3), action STRING, props MAP<STRING, STRING>>>,
  deep       ROW<a ROW<b ROW<c INT, d ARRAY<INT>>, e MAP<STRING, ROW<f BOOLEAN>>>>,
  not_null_arr ARRAY<INT NOT NULL> NOT NULL
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '10'
);

CREATE TABLE flattened (
  user_id     BIGINT,
  full_name   STRING,
  city        STRING,
  first_tag   STRING,
  country     STRING,
  clicks      BIGINT,
  last_action STRING,
  c           INT,
  first_d     INT,
  f           BOOLEAN
) WITH (
  'connector' = 'print'
);

INSERT INTO flattened
SELECT
  user_id,
  name.first_name || ' ' || name.last_name,
  address.city,
  tags[1],
  attributes['country'],
  counters['clicks'],
  history[1].action,
  deep.a.b.c,
  deep.a.b.d[1],
  deep.a.e['x'].f
FROM user_profiles;
