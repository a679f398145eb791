-- JSON functions with Flink's defaults: JSON_VALUE (RETURNING STRING, NULL ON EMPTY, NULL ON
-- ERROR), JSON_QUERY (WITHOUT ARRAY WRAPPER, NULL ON EMPTY/ERROR), JSON_EXISTS (FALSE ON ERROR)
-- and IS [NOT] JSON. A path without a 'lax'/'strict' prefix is strict. Numbers keep Java's
-- BigDecimal text ('1.50', '1E+3'); JSON_QUERY writes compact JSON with object keys sorted, as
-- Flink's Jackson configuration does. Examples from Flink's docs ("JSON Functions").

-- ---- JSON_EXISTS ----

SELECT JSON_EXISTS('{"a": true}', '$.a'), JSON_EXISTS('{"a": true}', '$.b'), JSON_EXISTS('{"a": [{ "b": 1 }]}', '$.a[0].b');
-- +I[TRUE, FALSE, TRUE]

SELECT JSON_EXISTS('{"a": null}', '$.a'), JSON_EXISTS('{"a": [1]}', '$.a[3]'), JSON_EXISTS('not json', '$'), JSON_EXISTS(NULL, '$');
-- +I[FALSE, FALSE, FALSE, null]

-- A wildcard path selects a list, which exists even when empty.
SELECT JSON_EXISTS('{"a": [1, 2]}', 'lax $.a[5]'), JSON_EXISTS('{"a": [1, 2]}', '$.a[-1]'), JSON_EXISTS('[]', '$[*]'), JSON_EXISTS('{"a": {"b": 0}}', 'lax $.a.b');
-- +I[FALSE, TRUE, TRUE, TRUE]

-- ---- JSON_VALUE ----

SELECT JSON_VALUE('{"a": true}', '$.a'), JSON_VALUE('{"a": "x"}', '$.a'), JSON_VALUE('{"a": 1}', '$.a'), JSON_VALUE('{"a": 1.50}', '$.a');
-- +I[true, x, 1, 1.50]

SELECT JSON_VALUE('{"a": 1e3}', '$.a'), JSON_VALUE('{"a": 0.0000001}', '$.a'), JSON_VALUE('{"a": -0.5}', '$.a'), JSON_VALUE('{"a": 12345678901234567890123}', '$.a');
-- +I[1E+3, 1E-7, -0.5, 12345678901234567890123]

-- Not a scalar, JSON null, or nothing at the path: NULL.
SELECT JSON_VALUE('{"a": null}', '$.a'), JSON_VALUE('{"a": [1, 2]}', '$.a'), JSON_VALUE('{"a": {"b": 1}}', '$.a'), JSON_VALUE('{"a": true}', 'lax $.b');
-- +I[null, null, null, null]

SELECT JSON_VALUE('{"a": true}', '$.b'), JSON_VALUE('not json', '$.a'), JSON_VALUE(NULL, '$.a'), JSON_VALUE('{"a": 1}', CAST(NULL AS STRING));
-- +I[null, null, null, null]

SELECT JSON_VALUE('{"a": [10, 20, 30]}', '$.a[1]'), JSON_VALUE('{"a": [10, 20, 30]}', '$.a[-1]'), JSON_VALUE('[{"x": "y"}]', '$[0].x'), JSON_VALUE('{"a": {"b": "c"}}', 'a.b');
-- +I[20, 30, y, c]

SELECT JSON_VALUE('{"contains blank": "right"}', 'strict $.[''contains blank'']'), JSON_VALUE('{"a.b": "dotted"}', '$[''a.b'']'), JSON_VALUE('{"a": "\u00e9"}', '$.a'), JSON_VALUE('"just a string"', '$');
-- +I[right, dotted, é, just a string]

SELECT JSON_VALUE('{"a": true}', '$.a' RETURNING BOOLEAN), JSON_VALUE('{"a.b": [0.998,0.996]}', '$.["a.b"][0]' RETURNING DOUBLE), JSON_VALUE('{"a": 42}', '$.a' RETURNING INT), JSON_VALUE('{"a": 42}', '$.a' RETURNING STRING);
-- +I[TRUE, 0.998, 42, 42]

-- A repeated key keeps its last value; text after the first JSON value is ignored (Jackson).
SELECT JSON_VALUE('{"a": 1, "a": 2}', '$.a'), JSON_VALUE('{"a": 1} trailing', '$.a'), JSON_VALUE('{"a": {"b": {"c": "deep"}}}', '$.a.b.c');
-- +I[2, 1, deep]

-- Strict failures, unsupported or malformed paths: NULL (NULL ON ERROR).
SELECT JSON_VALUE('{"a": 1}', 'strict $.a.b'), JSON_VALUE('{"a": 1}', 'lax $.a.b'), JSON_VALUE('{"a": 1}', '$..a'), JSON_VALUE('{"a": 1}', '$.');
-- +I[null, null, null, null]

-- ---- JSON_QUERY ----

SELECT JSON_QUERY('{ "a": { "b": 1 } }', '$.a'), JSON_QUERY('[1, 2]', '$'), JSON_QUERY(CAST(NULL AS STRING), '$'), JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c');
-- +I[{"b":1}, [1,2], null, ["c1","c2"]]

-- Scalars, missing values and invalid JSON: NULL.
SELECT JSON_QUERY('1', '$'), JSON_QUERY('{"a": "x"}', '$.a'), JSON_QUERY('{"a": 1}', '$.b'), JSON_QUERY('oops', '$');
-- +I[null, null, null, null]

SELECT JSON_QUERY('{"b": 2, "a": {"y": [true, null], "x": "q"}}', '$'), JSON_QUERY('{"n": [1.0, 2e2, -3]}', '$.n'), JSON_QUERY('{"a": []}', '$.a'), JSON_QUERY('{"a": {}}', '$.a');
-- +I[{"a":{"x":"q","y":[true,null]},"b":2}, [1.0,2E+2,-3], [], {}]

SELECT JSON_QUERY('{"a": {"x": 1, "y": [2]}}', '$.a.*'), JSON_QUERY('{"a": [1, 2, 3]}', '$.a[0, 2]'), JSON_QUERY('[[1, 2], [3]]', '$[*][0]'), JSON_QUERY('{"a": []}', '$.a[*]');
-- +I[[1,[2]], [1,3], [1,3], []]

SELECT JSON_QUERY('{"s": "a\"b\\c/d"}', '$'), JSON_QUERY('{"k": "é"}', '$'), JSON_QUERY('{"a": [1, {"b": null}]}', 'strict $.a');
-- +I[{"s":"a\"b\\c/d"}, {"k":"é"}, [1,{"b":null}]]

-- ---- IS JSON ----

SELECT '1' IS JSON, '[]' IS JSON, '{}' IS JSON, '"abc"' IS JSON;
-- +I[TRUE, TRUE, TRUE, TRUE]

SELECT 'abc' IS JSON, CAST(NULL AS STRING) IS JSON, '' IS JSON, '{"a": 1' IS JSON;
-- +I[FALSE, FALSE, FALSE, FALSE]

SELECT 'abc' IS NOT JSON, '{}' IS NOT JSON, CAST(NULL AS STRING) IS NOT JSON, ' null ' IS JSON;
-- +I[TRUE, FALSE, TRUE, TRUE]

-- ---- documents and paths computed per row ----

CREATE TABLE docs (doc STRING, path STRING) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input docs:
-- {"doc": "{\"a\": {\"b\": [1, 2]}}", "path": "$.a.b[1]"}
-- {"doc": "{\"a\": 5}", "path": "lax $.x"}
-- {"doc": "[true]", "path": "$[0]"}

SELECT JSON_VALUE(doc, path), JSON_EXISTS(doc, path), JSON_QUERY(doc, '$') FROM docs;
-- unordered
-- +I[2, TRUE, {"a":{"b":[1,2]}}]
-- +I[null, FALSE, {"a":5}]
-- +I[true, TRUE, [true]]
