-- A join's inputs keep only the columns the projection over it and its condition read
-- (prune-join-inputs): join state holds no more than that.
CREATE TABLE orders (id BIGINT, currency STRING, customer BIGINT, note STRING, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
CREATE TABLE customers (id BIGINT, name STRING, city STRING, address STRING)
  WITH ('connector' = 'datagen');

-- LEFT JOIN: the padded side is narrowed like the other; the ON condition's columns stay.
SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id AND c.city <> o.currency;

-- A residual condition's columns stay although nothing above reads them.
SELECT o.id FROM orders o JOIN customers c ON o.customer = c.id WHERE o.note > c.address;

-- Every column read: the join is left as it is.
SELECT * FROM orders o FULL JOIN customers c ON o.customer = c.id;
