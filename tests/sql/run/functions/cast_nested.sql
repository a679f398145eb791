-- CAST of nested values (Flink 1.15+ cast rules): ROW, ARRAY, MAP and MULTISET to STRING write
-- the text the print sink shows, ROW as (5, q), ARRAY as [x, y], MAP as {a=1}, MULTISET as
-- element=count, NULLs inside as null, then cut or padded to the target's length; casts between
-- nested types convert every element, key, value and field with the scalar CAST (and fail, or
-- give NULL elements under TRY_CAST, as it does). Nested values run on the interpreter in every
-- mode.

SET 'table.local-time-zone' = 'UTC';

CREATE TABLE docs (
  id INT,
  nums ARRAY<INT>,
  texts ARRAY<STRING>,
  attrs MAP<STRING, INT>,
  bag MULTISET<STRING>,
  pos ROW<x INT, label STRING, detail ROW<flag BOOLEAN, scores ARRAY<DOUBLE>>>
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'json');
-- input docs:
-- {"id": 1, "nums": [1, 2, 3], "texts": ["10", "20"], "attrs": {"a": 1, "b": 20}, "bag": {"x": 2, "y": 1}, "pos": {"x": 5, "label": "q", "detail": {"flag": true, "scores": [0.5, 1e10]}}}
-- {"id": 2, "nums": [], "texts": [], "attrs": {}, "bag": {}, "pos": {"x": null, "label": null, "detail": null}}
-- {"id": 3, "nums": null, "texts": null, "attrs": null, "bag": null, "pos": null}
-- {"id": 4, "nums": [null, -7], "texts": ["8", null], "attrs": {"k": null}, "bag": {"z": 1}, "pos": {"x": -1, "label": "", "detail": {"flag": null, "scores": []}}}

-- ---- to STRING ----

SELECT id, CAST(nums AS STRING), CAST(texts AS STRING), CAST(attrs AS STRING), CAST(bag AS STRING), CAST(pos AS STRING) FROM docs;
-- +I[1, [1, 2, 3], [10, 20], {a=1, b=20}, {x=2, y=1}, (5, q, (TRUE, [0.5, 1.0E10]))]
-- +I[2, [], [], {}, {}, (null, null, null)]
-- +I[3, null, null, null, null, null]
-- +I[4, [null, -7], [8, null], {k=null}, {z=1}, (-1, , (null, []))]

SELECT CAST(ARRAY[1, 2] AS STRING), CAST(ARRAY['a', NULL] AS STRING), CAST(MAP['k', ARRAY[1]] AS STRING), CAST(ROW(5, 'q') AS STRING), CAST(ARRAY[ARRAY[1], ARRAY[2, 3]] AS STRING);
-- +I[[1, 2], [a, null], {k=[1]}, (5, q), [[1], [2, 3]]]

-- Elements print as they would on their own: decimals keep their scale, timestamps their
-- precision, doubles Java's digits, bytes their UTF-8 text.
SELECT CAST(ARRAY[1.50, 2.25] AS STRING), CAST(ARRAY[TIMESTAMP '2024-01-01 10:00:00.5'] AS STRING), CAST(ARRAY[1e-4, 100e0] AS STRING), CAST(ARRAY[X'6869'] AS STRING), CAST(ARRAY[DATE '2024-02-29', NULL] AS STRING);
-- +I[[1.50, 2.25], [2024-01-01 10:00:00.5], [1.0E-4, 100.0], [hi], [2024-02-29, null]]

SELECT CAST(ROW(1.5e0, CAST(NULL AS INT), ARRAY[MAP['k', ROW(1, 'z')]]) AS STRING);
-- +I[(1.5, null, [{k=(1, z)}])]

-- VARCHAR(n) cuts, CHAR(n) pads (the padding prints).
SELECT id, CAST(pos AS VARCHAR(4)), CAST(nums AS CHAR(12)) || '|' FROM docs;
-- +I[1, (5, , [1, 2, 3]   |]
-- +I[2, (nul, []          |]
-- +I[3, null, null]
-- +I[4, (-1,, [null, -7]  |]

-- ---- between nested types ----

SELECT id, CAST(nums AS ARRAY<BIGINT>), CAST(nums AS ARRAY<STRING>), CAST(texts AS ARRAY<INT>), CAST(attrs AS MAP<STRING, DOUBLE>) FROM docs;
-- +I[1, [1, 2, 3], [1, 2, 3], [10, 20], {a=1.0, b=20.0}]
-- +I[2, [], [], [], {}]
-- +I[3, null, null, null, null]
-- +I[4, [null, -7], [null, -7], [8, null], {k=null}]

SELECT id, CAST(pos AS ROW<a BIGINT, b VARCHAR(1), c ROW<f STRING, s ARRAY<DECIMAL(12, 1)>>>) FROM docs;
-- +I[1, (5, q, (TRUE, [0.5, 10000000000.0]))]
-- +I[2, (null, null, null)]
-- +I[3, null]
-- +I[4, (-1, , (null, []))]

SELECT CAST(ARRAY[300, 1] AS ARRAY<TINYINT>), CAST(ARRAY['1', ' 2 '] AS ARRAY<INT>), TRY_CAST(ARRAY['1', 'x'] AS ARRAY<INT>), CAST(CAST(NULL AS ARRAY<INT>) AS STRING);
-- +I[[44, 1], [1, 2], [1, null], null]

SELECT CAST(ARRAY['1', 'x'] AS ARRAY<INT>);
-- error: cannot parse 'x' as INT

SELECT id, CAST(bag AS MULTISET<STRING>) IS NULL, CAST(ARRAY_CONCAT(nums, ARRAY[CAST(9 AS BIGINT)]) AS STRING) FROM docs;
-- +I[1, FALSE, [1, 2, 3, 9]]
-- +I[2, FALSE, [9]]
-- +I[3, TRUE, null]
-- +I[4, FALSE, [null, -7, 9]]

-- Values inserted into columns of a wider nested type are cast on the way.
CREATE TABLE wide (id BIGINT, nums ARRAY<BIGINT>, attrs MAP<STRING, DECIMAL(10, 2)>, pos ROW<x BIGINT, label STRING, detail ROW<flag BOOLEAN, scores ARRAY<DOUBLE>>>) WITH ('connector' = 'print');

INSERT INTO wide SELECT id, nums, attrs, pos FROM docs WHERE id IN (1, 4);
-- +I[1, [1, 2, 3], {a=1.00, b=20.00}, (5, q, (TRUE, [0.5, 1.0E10]))]
-- +I[4, [null, -7], {k=null}, (-1, , (null, []))]
