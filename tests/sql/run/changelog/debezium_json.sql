-- A filesystem table in Flink's 'debezium-json' format: each record is one change event; c and r
-- give +I of "after", u gives -U of "before" then +U of "after", d gives -D of "before".
CREATE TABLE products (id INT, name STRING, weight DOUBLE)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input products:
-- {"before": null, "after": {"id": 1, "name": "scooter", "weight": 3.14}, "op": "r"}
-- {"before": null, "after": {"id": 2, "name": "hammer", "weight": 0.8}, "op": "c"}
-- {"before": {"id": 1, "name": "scooter", "weight": 3.14}, "after": {"id": 1, "name": "scooter", "weight": 5.1}, "op": "u"}
-- {"before": {"id": 2, "name": "hammer", "weight": 0.8}, "after": null, "op": "d"}

SELECT * FROM products;
-- +I[1, scooter, 3.14]
-- +I[2, hammer, 0.8]
-- -U[1, scooter, 3.14]
-- +U[1, scooter, 5.1]
-- -D[2, hammer, 0.8]

-- A filter passes each change of the rows it keeps.
SELECT id, weight FROM products WHERE weight > 1;
-- +I[1, 3.14]
-- -U[1, 3.14]
-- +U[1, 5.1]

-- With 'debezium-json.schema-include' each record is a {"schema", "payload"} envelope.
CREATE TABLE wrapped (id INT, name STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json',
      'debezium-json.schema-include' = 'true');
-- input wrapped:
-- {"schema": {"type": "struct", "optional": false}, "payload": {"before": null, "after": {"id": 1, "name": "a"}, "op": "c"}}
-- {"schema": {"type": "struct", "optional": false}, "payload": {"before": {"id": 1, "name": "a"}, "after": null, "op": "d"}}

SELECT * FROM wrapped;
-- +I[1, a]
-- -D[1, a]

-- An unknown op fails the job with the file, line and column of the record's "op".
CREATE TABLE broken (id INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input broken:
-- {"after": {"id": 1}, "op": "c"}
-- {"after": {"id": 2}, "op": "x"}

SELECT * FROM broken;
-- error: broken.json:2:28: unknown "op" value "x" in Debezium record (expected c, r, u or d)

-- 'debezium-json.ignore-parse-errors' skips (and counts) bad records instead.
CREATE TABLE lenient (id INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json',
      'debezium-json.ignore-parse-errors' = 'true');
-- input lenient:
-- {"after": {"id": 1}, "op": "c"}
-- {"after": {"id": 2}, "op": "x"}
-- {not json
-- {"before": {"id": 1}, "op": "d"}

SELECT * FROM lenient;
-- +I[1]
-- -D[1]
