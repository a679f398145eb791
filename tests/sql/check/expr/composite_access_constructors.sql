-- Access to composite values and value constructors: ROW field access (t.person.id, nested
-- t.a.b.c, back-quoted fields, the t.composite.* flattening), array subscripts arr[1] (also arr[i + 1]),
-- map subscripts m['k'], CARDINALITY / ELEMENT, and the ARRAY[...], MAP[...], ROW(...) and
-- implicit (a, b) row constructors.
-- Source: Flink docs, dev/table/functions/systemFunctions ("Value Construction Functions",
-- "Value Access Functions", "Collection Functions").

CREATE TABLE profiles (
  id      BIGINT,
  person  ROW<id BIGINT, name STRING, address ROW<city STRING, geo ROW<lat DOUBLE, lon DOUBLE>>>,
  tags    ARRAY<STRING>,
  scores  ARRAY<INT>,
  history ARRAY<ROW<action STRING, happened_at TIMESTAMP(3)>>,
  props   MAP<STRING, STRING>,
  metrics MAP<STRING, ARRAY<DOUBLE>>,
  `value` ROW<`timestamp` BIGINT, `user` STRING>,
  idx     INT
) WITH ('connector' = 'datagen');

CREATE TABLE constructed (
  id      BIGINT,
  pair    ROW<a BIGINT, b STRING>,
  nums    ARRAY<INT>,
  kv      MAP<STRING, INT>
) WITH ('connector' = 'print');

SELECT
  person.id,
  person.name,
  p.person.address.city,  -- an alias hides the table name, as in Calcite
  person.address.geo.lat,
  p.person.address.geo.lon,
  `value`.`timestamp`,
  p.`value`.`user`
FROM profiles AS p;

SELECT profiles.person.* FROM profiles;

SELECT p.person.address.* FROM profiles AS p;

SELECT
  tags[1],
  scores[CARDINALITY(scores)],
  scores[idx + 1],
  history[1].action,
  props['country'],
  props['region'] IS NULL,
  metrics['latency'][2],
  CARDINALITY(tags),
  CARDINALITY(props),
  ELEMENT(ARRAY[42])
FROM profiles;

SELECT
  ARRAY[1, 2, 3],
  ARRAY['a', 'b'],
  ARRAY[ARRAY[1], ARRAY[2, 3]],
  MAP['k1', 1, 'k2', 2],
  MAP['a', ARRAY[1.0, 2.0]],
  ROW(1, 'one'),
  ROW(id, tags[1], props['x']),
  (id, 'implicit row'),
  ARRAY[ROW(1, 'a'), ROW(2, 'b')]
FROM profiles;

INSERT INTO constructed
SELECT id, ROW(id, person.name), ARRAY[CAST(id AS INT), idx], MAP['idx', idx]
FROM profiles;
