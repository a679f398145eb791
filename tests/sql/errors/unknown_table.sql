-- expect-error: 6:6: table 'nosuch' not found
-- A query on a table that was never created.
CREATE TABLE orders (order_id BIGINT, amount INT) WITH ('connector' = 'datagen');

SELECT COUNT(*)
FROM nosuch;
