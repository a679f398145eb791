-- JSON functions: IS JSON [VALUE | SCALAR | ARRAY | OBJECT], JSON_EXISTS (with ON ERROR),
-- JSON_VALUE (RETURNING, ON EMPTY, ON ERROR), JSON_QUERY (wrappers, ON EMPTY / ON ERROR),
-- JSON_STRING, JSON_OBJECT (KEY ... VALUE, shorthand, ON NULL), JSON_ARRAY, and the JSON
-- aggregates.
-- Source: Flink docs, dev/table/functions/systemFunctions ("JSON Functions").

CREATE TABLE docs (
  id      BIGINT,
  payload STRING,
  n       INT,
  name    STRING
) WITH ('connector' = 'datagen');

CREATE TABLE extracted (
  id     BIGINT,
  a      INT,
  b      STRING,
  tags   STRING,
  rebuilt STRING
) WITH ('connector' = 'print');

SELECT
  payload IS JSON,
  payload IS JSON VALUE,
  payload IS JSON SCALAR,
  payload IS JSON ARRAY,
  payload IS JSON OBJECT,
  payload IS NOT JSON,
  '1' IS JSON SCALAR,
  '{}' IS JSON OBJECT
FROM docs;

SELECT
  JSON_EXISTS(payload, '$.a'),
  JSON_EXISTS(payload, '$.a[0]'),
  JSON_EXISTS(payload, 'strict $.b' TRUE ON ERROR),
  JSON_EXISTS(payload, 'lax $.c' FALSE ON ERROR),
  JSON_EXISTS(payload, '$.d' UNKNOWN ON ERROR),
  JSON_EXISTS(payload, '$.e' ERROR ON ERROR)
FROM docs;

SELECT
  JSON_VALUE(payload, '$.a'),
  JSON_VALUE(payload, '$.a' RETURNING INT),
  JSON_VALUE(payload, '$.a' RETURNING INT DEFAULT 0 ON EMPTY),
  JSON_VALUE(payload, '$.a' RETURNING INTEGER NULL ON EMPTY DEFAULT -1 ON ERROR),
  JSON_VALUE(payload, '$.b' RETURNING DOUBLE ERROR ON EMPTY),
  JSON_VALUE(payload, '$.c' RETURNING BOOLEAN),
  JSON_VALUE(payload, '$.d' RETURNING STRING DEFAULT 'none' ON EMPTY DEFAULT 'bad' ON ERROR),
  JSON_VALUE(payload, 'lax $.items[1].name'),
  JSON_VALUE('{"a": true}', '$.a' RETURNING BOOLEAN)
FROM docs;

SELECT
  JSON_QUERY(payload, '$.a'),
  JSON_QUERY(payload, '$.items'),
  JSON_QUERY(payload, '$.a' WITHOUT WRAPPER),
  JSON_QUERY(payload, '$.a' WITHOUT ARRAY WRAPPER),
  JSON_QUERY(payload, '$.a' WITH WRAPPER),
  JSON_QUERY(payload, '$.a' WITH ARRAY WRAPPER),
  JSON_QUERY(payload, '$.a' WITH CONDITIONAL ARRAY WRAPPER),
  JSON_QUERY(payload, '$.a' WITH UNCONDITIONAL ARRAY WRAPPER),
  JSON_QUERY(payload, '$.a' NULL ON EMPTY),
  JSON_QUERY(payload, '$.a' EMPTY ARRAY ON EMPTY),
  JSON_QUERY(payload, '$.a' EMPTY OBJECT ON ERROR),
  JSON_QUERY(payload, 'strict $.a' ERROR ON ERROR)
FROM docs;

SELECT
  JSON_STRING(n),
  JSON_STRING(name),
  JSON_STRING(ARRAY[1, 2]),
  JSON_OBJECT(),
  JSON_OBJECT('K1' VALUE 'V1'),
  JSON_OBJECT(KEY 'a' VALUE n),
  JSON_OBJECT(KEY 'a' VALUE n, KEY 'b' VALUE name),
  JSON_OBJECT(KEY 'nested' VALUE JSON_OBJECT(KEY 'x' VALUE 1)),
  JSON_OBJECT(KEY 'arr' VALUE JSON_ARRAY(1, 'two', n)),
  JSON_OBJECT(KEY 'a' VALUE name NULL ON NULL),
  JSON_OBJECT(KEY 'a' VALUE name ABSENT ON NULL),
  JSON_ARRAY(),
  JSON_ARRAY(1, '2'),
  JSON_ARRAY(name NULL ON NULL),
  JSON_ARRAY(name ABSENT ON NULL),
  JSON_ARRAY(JSON_ARRAY(1))
FROM docs;

SELECT name, JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE n), JSON_ARRAYAGG(n)
FROM docs
GROUP BY name;

SELECT JSON_ARRAYAGG(name ABSENT ON NULL), JSON_OBJECTAGG(KEY name VALUE n NULL ON NULL)
FROM docs;

INSERT INTO extracted
SELECT
  id,
  JSON_VALUE(payload, '$.a' RETURNING INT DEFAULT 0 ON EMPTY),
  JSON_VALUE(payload, '$.b'),
  JSON_QUERY(payload, '$.tags' WITH CONDITIONAL ARRAY WRAPPER),
  JSON_OBJECT(KEY 'id' VALUE id, KEY 'a' VALUE JSON_VALUE(payload, '$.a'))
FROM docs
WHERE payload IS JSON OBJECT AND JSON_EXISTS(payload, '$.a');
