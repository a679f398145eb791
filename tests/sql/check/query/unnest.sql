-- Array expansion: CROSS JOIN UNNEST(arr) AS t(x), UNNEST of an array of ROWs into several
-- columns, UNNEST of a MAP into key/value, comma-join form, LEFT JOIN UNNEST ... ON TRUE, and
-- UNNEST of an ARRAY constructor.
-- Source: Flink docs, dev/table/sql/queries/joins ("Array Expansion").

CREATE TABLE Orders (
  order_id  BIGINT,
  tags      ARRAY<STRING>,
  lines     ARRAY<ROW<sku STRING, qty INT>>,
  attrs     MAP<STRING, STRING>
) WITH ('connector' = 'datagen');

CREATE TABLE order_tags (
  order_id BIGINT,
  tag      STRING
) WITH ('connector' = 'print');

-- doc example
SELECT order_id, tag
FROM Orders CROSS JOIN UNNEST(tags) AS t (tag);

INSERT INTO order_tags
SELECT o.order_id, t.tag
FROM Orders AS o
CROSS JOIN UNNEST(o.tags) AS t (tag)
WHERE t.tag <> '';

SELECT order_id, l.sku, l.qty
FROM Orders, UNNEST(lines) AS l (sku, qty);

SELECT order_id, k, v
FROM Orders CROSS JOIN UNNEST(attrs) AS a (k, v);

SELECT order_id, tag
FROM Orders LEFT JOIN UNNEST(tags) AS t (tag) ON TRUE;

SELECT x FROM UNNEST(ARRAY[1, 2, 3]) AS u (x);

SELECT o.order_id, u.n
FROM Orders AS o CROSS JOIN UNNEST(ARRAY['a', 'b']) AS u (n);
