-- A filesystem table in Flink's 'maxwell-json' format: one row per event; an update's "old"
-- holds only the fields that changed.
CREATE TABLE products (id INT, name STRING, weight DOUBLE)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'maxwell-json');
-- input products:
-- {"database": "inventory", "table": "products", "type": "insert", "ts": 1596684883, "data": {"id": 1, "name": "scooter", "weight": 3.14}}
-- {"database": "inventory", "table": "products", "type": "update", "ts": 1596684893, "data": {"id": 1, "name": "scooter", "weight": 5.1}, "old": {"weight": 3.14}}
-- {"database": "inventory", "table": "products", "type": "delete", "ts": 1596684904, "data": {"id": 1, "name": "scooter", "weight": 5.1}}

SELECT * FROM products;
-- +I[1, scooter, 3.14]
-- -U[1, scooter, 3.14]
-- +U[1, scooter, 5.1]
-- -D[1, scooter, 5.1]
