-- 'table.exec.source.cdc-events-duplicate' with a PRIMARY KEY: the scan is followed by
-- ChangelogNormalize, which keeps the last row per key. A repeated create or update changes
-- nothing, a repeated delete finds no row, and an update's -U is dropped (Flink's
-- DropUpdateBefore): the -U sent is the stored row's.
CREATE TABLE products (id INT, name STRING, weight DOUBLE, PRIMARY KEY (id) NOT ENFORCED)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input products:
-- {"before": null, "after": {"id": 1, "name": "scooter", "weight": 3.14}, "op": "c"}
-- {"before": null, "after": {"id": 1, "name": "scooter", "weight": 3.14}, "op": "c"}
-- {"before": null, "after": {"id": 2, "name": "hammer", "weight": 0.8}, "op": "r"}
-- {"before": {"id": 1, "name": "scooter", "weight": 3.14}, "after": {"id": 1, "name": "scooter", "weight": 5.1}, "op": "u"}
-- {"before": {"id": 1, "name": "scooter", "weight": 3.14}, "after": {"id": 1, "name": "scooter", "weight": 5.1}, "op": "u"}
-- {"before": {"id": 2, "name": "hammer", "weight": 0.8}, "after": null, "op": "d"}
-- {"before": {"id": 2, "name": "hammer", "weight": 0.8}, "after": null, "op": "d"}
-- {"before": null, "after": {"id": 2, "name": "hammer", "weight": 1.0}, "op": "c"}

SET 'table.exec.source.cdc-events-duplicate' = 'true';

SELECT * FROM products;
-- +I[1, scooter, 3.14]
-- +I[2, hammer, 0.8]
-- -U[1, scooter, 3.14]
-- +U[1, scooter, 5.1]
-- -D[2, hammer, 0.8]
-- +I[2, hammer, 1.0]

-- A filter after the normalization passes each change of the rows it keeps.
SELECT id, weight FROM products WHERE weight > 1;
-- +I[1, 3.14]
-- -U[1, 3.14]
-- +U[1, 5.1]

-- The GROUP BY over it counts each product once; a group whose count falls to 0 is deleted.
SELECT name, COUNT(*) AS versions, SUM(weight) AS total FROM products GROUP BY name;
-- +I[scooter, 1, 3.14]
-- +I[hammer, 1, 0.8]
-- -D[scooter, 1, 3.14]
-- +I[scooter, 1, 5.1]
-- -D[hammer, 1, 0.8]
-- +I[hammer, 1, 1.0]
