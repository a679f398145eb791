-- expect-error: 12:18: column 'nosuch' not found
-- A reference to a column that no table in scope has.
CREATE TABLE orders (
  order_id BIGINT,
  product  STRING,
  amount   INT
) WITH ('connector' = 'datagen');

CREATE TABLE out_t (order_id BIGINT, v INT) WITH ('connector' = 'print');

INSERT INTO out_t
SELECT order_id, nosuch
FROM orders;
