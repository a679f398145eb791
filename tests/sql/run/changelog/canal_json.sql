-- A filesystem table in Flink's 'canal-json' format: one change per element of "data"; an
-- UPDATE's "old" elements hold only the fields that changed, the others come from "data"; a
-- CREATE (DDL) event has no rows.
CREATE TABLE products (id INT, name STRING, weight DOUBLE)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'canal-json');
-- input products:
-- {"data": [{"id": 1, "name": "scooter", "weight": 3.14}, {"id": 2, "name": "hammer", "weight": 0.8}], "old": null, "type": "INSERT", "database": "inventory", "table": "products", "es": 1589373515000, "ts": 1589373515477, "isDdl": false}
-- {"data": null, "old": null, "type": "CREATE", "database": "inventory", "table": "products", "isDdl": true, "sql": "CREATE TABLE products (id INT)"}
-- {"data": [{"id": 1, "name": "scooter", "weight": 5.1}], "old": [{"weight": 3.14}], "type": "UPDATE", "database": "inventory", "table": "products", "isDdl": false}
-- {"data": [{"id": 2, "name": "hammer", "weight": 0.8}], "old": null, "type": "DELETE", "database": "inventory", "table": "products", "isDdl": false}

SELECT * FROM products;
-- +I[1, scooter, 3.14]
-- +I[2, hammer, 0.8]
-- -U[1, scooter, 3.14]
-- +U[1, scooter, 5.1]
-- -D[2, hammer, 0.8]

-- 'canal-json.table.include' keeps the events of the tables its regular expression matches.
CREATE TABLE only_orders (id INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'canal-json',
      'canal-json.table.include' = 'orders.*');
-- input only_orders:
-- {"data": [{"id": 1}], "type": "INSERT", "database": "shop", "table": "orders"}
-- {"data": [{"id": 2}], "type": "INSERT", "database": "shop", "table": "customers"}
-- {"data": [{"id": 1}], "type": "DELETE", "database": "shop", "table": "orders_2026"}

SELECT * FROM only_orders;
-- +I[1]
-- -D[1]
