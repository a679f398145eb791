-- expect-error: 8:1: expected 'end'
-- A searched CASE without its END.
CREATE TABLE t (a INT, s STRING) WITH ('connector' = 'datagen');

SELECT
  s,
  CASE WHEN a > 10 THEN 'big' WHEN a > 0 THEN 'small' ELSE 'none'
FROM t;
