-- UNNEST in FROM, as Flink runs it (a Correlate): a row per array element, per map entry, or per
-- ROW element's fields; LEFT JOIN ... ON TRUE keeps a row whose collection is empty or NULL;
-- WITH ORDINALITY numbers the elements from 1. Row kinds pass through.
CREATE TABLE posts (id INT, tags ARRAY<STRING>, attrs MAP<STRING, INT>,
                    people ARRAY<ROW<name STRING, age INT>>)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'json');
-- input posts:
-- {"id": 1, "tags": ["a", "b"], "attrs": {"x": 1}, "people": [{"name": "ann", "age": 30}, {"name": "bo", "age": 12}]}
-- {"id": 2, "tags": [], "attrs": {}, "people": []}
-- {"id": 3, "tags": null, "attrs": null, "people": null}
-- {"id": 4, "tags": ["b", null], "attrs": {"y": 2}, "people": [{"name": "cy", "age": 40}]}

SELECT id, tag FROM posts CROSS JOIN UNNEST(tags) AS t(tag);
-- +I[1, a]
-- +I[1, b]
-- +I[4, b]
-- +I[4, null]

SELECT id, tag FROM posts LEFT JOIN UNNEST(tags) AS t(tag) ON TRUE;
-- +I[1, a]
-- +I[1, b]
-- +I[2, null]
-- +I[3, null]
-- +I[4, b]
-- +I[4, null]

-- The ON clause filters the elements; a row none passes is padded.
SELECT id, tag FROM posts LEFT JOIN UNNEST(tags) AS t(tag) ON tag <> 'b';
-- +I[1, a]
-- +I[2, null]
-- +I[3, null]
-- +I[4, null]

SELECT id, tag, pos FROM posts, UNNEST(tags) WITH ORDINALITY AS t(tag, pos);
-- +I[1, a, 1]
-- +I[1, b, 2]
-- +I[4, b, 1]
-- +I[4, null, 2]

SELECT id, k, v FROM posts CROSS JOIN UNNEST(attrs) AS m(k, v);
-- +I[1, x, 1]
-- +I[4, y, 2]

SELECT id, name, age FROM posts CROSS JOIN UNNEST(people) AS p(name, age) WHERE age > 20;
-- +I[1, ann, 30]
-- +I[4, cy, 40]

SELECT x * 10 FROM UNNEST(ARRAY[1, 2, 3]) AS t(x);
-- +I[10]
-- +I[20]
-- +I[30]

-- Over an updating input each element row carries its row's kind.
SELECT c, tag FROM (SELECT COUNT(*) AS c, ARRAY['t'] AS tags FROM posts) CROSS JOIN UNNEST(tags) AS t(tag);
-- +I[1, t]
-- -U[1, t]
-- +U[2, t]
-- -U[2, t]
-- +U[3, t]
-- -U[3, t]
-- +U[4, t]
