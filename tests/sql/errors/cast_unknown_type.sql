-- expect-error: 5:22: unknown type 'strin'
-- CAST to a type name that does not exist.
CREATE TABLE t (id BIGINT, v INT) WITH ('connector' = 'datagen');

SELECT id, CAST(v AS STRIN) AS v_str FROM t;
