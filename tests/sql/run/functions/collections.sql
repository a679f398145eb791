-- Collection functions (Flink's "Collection Functions" and "Value Construction"): the ARRAY[..],
-- MAP[..] and ROW(..) constructors, CARDINALITY, element access `a[i]`, value access `m[k]`,
-- ELEMENT, ARRAY_*, MAP_*, SPLIT, STR_TO_MAP and REGEXP_EXTRACT_ALL. Their values or arguments are
-- nested, which compiled code cannot hold, so these Calcs run on the interpreter in every mode.
-- Nested values print as Flink's CAST to STRING: [1, 2], {a=1}, (1, x), NULLs inside as null.

CREATE TABLE items (
  id INT,
  nums ARRAY<INT>,
  tags ARRAY<STRING>,
  attrs MAP<STRING, INT>,
  grid ARRAY<ARRAY<INT>>,
  word STRING
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'json');
-- input items:
-- {"id": 1, "nums": [3, 1, 2, 3], "tags": ["red", "green"], "attrs": {"a": 1, "b": 2}, "grid": [[1, 2], [3]], "word": "a,b,,c"}
-- {"id": 2, "nums": [], "tags": [], "attrs": {}, "grid": [], "word": ""}
-- {"id": 3, "nums": null, "tags": null, "attrs": null, "grid": null, "word": null}
-- {"id": 4, "nums": [5, null, 5], "tags": ["solo"], "attrs": {"a": null}, "grid": [[], null, [7, 8, 9]], "word": "k1=v1;k2=v2"}

-- ---- constructors ----

SELECT ARRAY[1, 2, 3], ARRAY['a', NULL, 'bc'], ARRAY[ARRAY[1], ARRAY[2, 3]], MAP['a', 1, 'b', 2];
-- +I[[1, 2, 3], [a, null, bc], [[1], [2, 3]], {a=1, b=2}]

-- A repeated MAP key keeps its first position and its last value.
SELECT MAP['k', 1, 'j', 2, 'k', 3], ROW(1, 'x'), (2, 'y', TRUE), ARRAY[ROW(1, 'p'), ROW(2, 'q')];
-- +I[{k=3, j=2}, (1, x), (2, y, TRUE), [(1, p), (2, q)]]

SELECT id, ARRAY[id, id * 10], MAP['id', id], ROW(id, word) FROM items;
-- +I[1, [1, 10], {id=1}, (1, a,b,,c)]
-- +I[2, [2, 20], {id=2}, (2, )]
-- +I[3, [3, 30], {id=3}, (3, null)]
-- +I[4, [4, 40], {id=4}, (4, k1=v1;k2=v2)]

-- ---- CARDINALITY, a[i], m[k], ELEMENT ----

SELECT id, CARDINALITY(nums), CARDINALITY(attrs), CARDINALITY(grid) FROM items;
-- +I[1, 4, 2, 2]
-- +I[2, 0, 0, 0]
-- +I[3, null, null, null]
-- +I[4, 3, 1, 3]

-- Indexes are 1-based; 0, negative and past-the-end indexes are NULL, as a missing key is.
SELECT id, nums[1], nums[2], nums[0], nums[-1], nums[4], tags[2], attrs['a'], attrs['zz'], grid[1], grid[2][1] FROM items;
-- +I[1, 3, 1, null, null, 3, green, 1, null, [1, 2], 3]
-- +I[2, null, null, null, null, null, null, null, null, null, null]
-- +I[3, null, null, null, null, null, null, null, null, null, null]
-- +I[4, 5, null, null, null, null, null, null, null, [], null]

SELECT ARRAY['Java', 'SQL'][1], MAP['a', 1, 'b', 2]['b'], CARDINALITY(ARRAY[1, 2, 3]), CARDINALITY(MAP['x', 'y']);
-- +I[Java, 2, 3, 1]

SELECT ELEMENT(ARRAY['HELLO WORLD']), ELEMENT(ARRAY[ARRAY[1, 2]]), id, ELEMENT(tags) FROM items WHERE id IN (2, 3, 4);
-- +I[HELLO WORLD, [1, 2], 2, null]
-- +I[HELLO WORLD, [1, 2], 3, null]
-- +I[HELLO WORLD, [1, 2], 4, solo]

SELECT ELEMENT(tags) FROM items;
-- error: array has more than one element

-- ---- ARRAY_CONTAINS, ARRAY_POSITION, ARRAY_REMOVE, ARRAY_DISTINCT ----

-- A NULL needle looks for NULL elements; a NULL array gives NULL.
SELECT id, ARRAY_CONTAINS(nums, 3), ARRAY_CONTAINS(nums, CAST(NULL AS INT)), ARRAY_POSITION(nums, 3), ARRAY_POSITION(nums, 42), ARRAY_CONTAINS(tags, 'solo') FROM items;
-- +I[1, TRUE, FALSE, 1, 0, FALSE]
-- +I[2, FALSE, FALSE, 0, 0, FALSE]
-- +I[3, null, null, null, null, null]
-- +I[4, FALSE, TRUE, 0, 0, TRUE]

SELECT id, ARRAY_REMOVE(nums, 3), ARRAY_REMOVE(nums, CAST(NULL AS INT)), ARRAY_DISTINCT(nums), ARRAY_DISTINCT(grid) FROM items;
-- +I[1, [1, 2], [3, 1, 2, 3], [3, 1, 2], [[1, 2], [3]]]
-- +I[2, [], [], [], []]
-- +I[3, null, null, null, null]
-- +I[4, [5, null, 5], [5, 5], [5, null], [[], null, [7, 8, 9]]]

SELECT ARRAY_CONTAINS(ARRAY[ARRAY[1], ARRAY[2, 3]], ARRAY[2, 3]), ARRAY_POSITION(ARRAY['a', 'b', 'a'], 'a'), ARRAY_DISTINCT(ARRAY[1.5, 1.50, 2.0]);
-- +I[TRUE, 1, [1.50, 2.00]]

-- ---- ARRAY_REVERSE, ARRAY_SLICE, ARRAY_CONCAT, ARRAY_APPEND, ARRAY_PREPEND ----

SELECT id, ARRAY_REVERSE(nums), ARRAY_REVERSE(grid), ARRAY_CONCAT(nums, ARRAY[7]), ARRAY_CONCAT(tags, tags, ARRAY['z']) FROM items;
-- +I[1, [3, 2, 1, 3], [[3], [1, 2]], [3, 1, 2, 3, 7], [red, green, red, green, z]]
-- +I[2, [], [], [7], [z]]
-- +I[3, null, null, null, null]
-- +I[4, [5, null, 5], [[7, 8, 9], null, []], [5, null, 5, 7], [solo, solo, z]]

-- Offsets are 1-based, 0 is the beginning too, negative ones count from the end.
SELECT ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], 2, 4), ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], -2), ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], 0, 1), ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], -3, -2), ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], 4, 2), ARRAY_SLICE(ARRAY[1, 2, 3], 2, 10), ARRAY_SLICE(ARRAY[1, 2, 3], 7, 9);
-- +I[[2, 3, 4], [4, 5], [1], [3, 4], [], [2, 3], []]

SELECT id, ARRAY_SLICE(nums, 2), ARRAY_APPEND(nums, 9), ARRAY_PREPEND(tags, CAST(NULL AS STRING)) FROM items;
-- +I[1, [1, 2, 3], [3, 1, 2, 3, 9], [null, red, green]]
-- +I[2, [], [9], [null]]
-- +I[3, null, null, null]
-- +I[4, [null, 5], [5, null, 5, 9], [null, solo]]

-- ---- ARRAY_UNION, ARRAY_EXCEPT, ARRAY_INTERSECT ----

SELECT id, ARRAY_UNION(nums, ARRAY[2, 4]), ARRAY_EXCEPT(nums, ARRAY[3]), ARRAY_INTERSECT(nums, ARRAY[2, 3, 5]) FROM items;
-- +I[1, [3, 1, 2, 4], [1, 2], [3, 2]]
-- +I[2, [2, 4], [], []]
-- +I[3, null, null, null]
-- +I[4, [5, null, 2, 4], [5, null], [5]]

-- Arrays of different element types meet in their common type.
SELECT ARRAY_UNION(ARRAY[1, 2], ARRAY[CAST(2 AS BIGINT), 3]), ARRAY_CONCAT(ARRAY[1], ARRAY[2.5]);
-- +I[[1, 2, 3], [1.0, 2.5]]

-- ---- ARRAY_MAX, ARRAY_MIN, ARRAY_SORT, ARRAY_JOIN ----

SELECT id, ARRAY_MAX(nums), ARRAY_MIN(nums), ARRAY_MAX(tags), ARRAY_SORT(nums), ARRAY_SORT(nums, FALSE), ARRAY_SORT(nums, TRUE, FALSE) FROM items;
-- +I[1, 3, 1, red, [1, 2, 3, 3], [3, 3, 2, 1], [1, 2, 3, 3]]
-- +I[2, null, null, null, [], [], []]
-- +I[3, null, null, null, null, null, null]
-- +I[4, 5, 5, solo, [null, 5, 5], [5, 5, null], [5, 5, null]]

SELECT id, ARRAY_JOIN(tags, '+'), ARRAY_JOIN(ARRAY['a', NULL, 'b'], ','), ARRAY_JOIN(ARRAY['a', NULL, 'b'], ',', 'N'), ARRAY_JOIN(tags, CAST(NULL AS STRING)) FROM items;
-- +I[1, red+green, a,b, a,N,b, null]
-- +I[2, , a,b, a,N,b, null]
-- +I[3, null, a,b, a,N,b, null]
-- +I[4, solo, a,b, a,N,b, null]

SELECT ARRAY_MAX(ARRAY[1.5e0, -2e0]), ARRAY_MIN(ARRAY[DATE '2024-01-02', DATE '2023-05-06']), ARRAY_SORT(ARRAY['b', 'a', 'B']);
-- +I[1.5, 2023-05-06, [B, a, b]]

-- ---- MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION ----

SELECT id, MAP_KEYS(attrs), MAP_VALUES(attrs), MAP_ENTRIES(attrs) FROM items;
-- +I[1, [a, b], [1, 2], [(a, 1), (b, 2)]]
-- +I[2, [], [], []]
-- +I[3, null, null, null]
-- +I[4, [a], [null], [(a, null)]]

SELECT MAP_FROM_ARRAYS(ARRAY['x', 'y'], ARRAY[1, 2]), MAP_FROM_ARRAYS(ARRAY[1, 1], ARRAY['p', 'q']), MAP_UNION(MAP['a', 1, 'b', 2], MAP['b', 3, 'c', 4]);
-- +I[{x=1, y=2}, {1=q}, {a=1, b=3, c=4}]

SELECT id, MAP_FROM_ARRAYS(tags, ARRAY_SLICE(nums, 1, CARDINALITY(tags))), MAP_UNION(attrs, MAP['z', 26]) FROM items;
-- +I[1, {red=3, green=1}, {a=1, b=2, z=26}]
-- +I[2, {}, {z=26}]
-- +I[3, null, null]
-- +I[4, {solo=5}, {a=null, z=26}]

SELECT MAP_FROM_ARRAYS(ARRAY[1, 2], ARRAY['one']);
-- error: the keys array has 2 elements but the values array 1

-- ---- SPLIT, STR_TO_MAP, REGEXP_EXTRACT_ALL ----

SELECT id, SPLIT(word, ','), SPLIT(word, ';'), STR_TO_MAP(word, ';', '=') FROM items;
-- +I[1, [a, b, , c], [a,b,,c], {a,b,,c=null}]
-- +I[2, [], [], {}]
-- +I[3, null, null, null]
-- +I[4, [k1=v1;k2=v2], [k1=v1, k2=v2], {k1=v1, k2=v2}]

SELECT SPLIT('héllo', ''), SPLIT(',x,', ','), STR_TO_MAP('k1=v1,k2=v2,k3'), STR_TO_MAP('a:1|b:2|a:3', '|', ':');
-- +I[[h, é, l, l, o], [, x, ], {k1=v1, k2=v2, k3=null}, {a=3, b=2}]

-- An empty string has no pieces; a string without the delimiter is one piece.
SELECT CARDINALITY(SPLIT('', ',')), CARDINALITY(SPLIT(',', ',')), SPLIT('abc', ';'), STR_TO_MAP('a=1=2,b'), CARDINALITY(STR_TO_MAP(''));
-- +I[0, 2, [abc], {a=1=2, b=null}, 0]

SELECT REGEXP_EXTRACT_ALL('100-200, 300-400', '(\d+)-(\d+)'), REGEXP_EXTRACT_ALL('100-200, 300-400', '(\d+)-(\d+)', 2), REGEXP_EXTRACT_ALL('100-200, 300-400', '(\d+)-(\d+)', 0), REGEXP_EXTRACT_ALL('abc', '(\d+)'), REGEXP_EXTRACT_ALL('abc', '(b)', 3);
-- +I[[100, 300], [200, 400], [100-200, 300-400], [], null]

SELECT id, REGEXP_EXTRACT_ALL(word, '([a-z])\d?') FROM items;
-- +I[1, [a, b, c]]
-- +I[2, []]
-- +I[3, null]
-- +I[4, [k, v, k, v]]

-- ---- empty arrays ----

SELECT ARRAY[], CARDINALITY(ARRAY[]), ELEMENT(ARRAY[]), ARRAY_CONCAT(ARRAY[1], ARRAY[]), ARRAY_CONTAINS(ARRAY[], 1), ARRAY_MAX(ARRAY[]);
-- +I[[], 0, null, [1], FALSE, null]

-- ---- nested values through CASE, COALESCE, filters and sinks ----

SELECT id, CASE WHEN id = 1 THEN nums ELSE ARRAY[0] END, COALESCE(tags, ARRAY['none']), COALESCE(attrs['b'], -1) FROM items WHERE CARDINALITY(nums) > 0 OR nums IS NULL;
-- +I[1, [3, 1, 2, 3], [red, green], 2]
-- +I[3, [0], [none], -1]
-- +I[4, [0], [solo], -1]

CREATE TABLE summary (id INT, sorted ARRAY<BIGINT>, lookup MAP<STRING, STRING>, pair ROW<n INT, w STRING>) WITH ('connector' = 'print');

INSERT INTO summary SELECT id, ARRAY_SORT(nums), STR_TO_MAP(word, ';', '='), ROW(id, tags[1]) FROM items WHERE id <> 2;
-- +I[1, [1, 2, 3, 3], {a,b,,c=null}, (1, red)]
-- +I[3, null, null, (3, null)]
-- +I[4, [null, 5, 5], {k1=v1, k2=v2}, (4, solo)]

-- Batches of two rows: every batch writes its nested results afresh.
SET 'sqlc.batch.size' = '2';

SELECT id, ARRAY_CONCAT(COALESCE(grid, ARRAY[ARRAY[-1]]), ARRAY[ARRAY[id]]), MAP_ENTRIES(MAP_UNION(attrs, MAP['id', id])) FROM items;
-- +I[1, [[1, 2], [3], [1]], [(a, 1), (b, 2), (id, 1)]]
-- +I[2, [[2]], [(id, 2)]]
-- +I[3, [[-1], [3]], null]
-- +I[4, [[], null, [7, 8, 9], [4]], [(a, null), (id, 4)]]
