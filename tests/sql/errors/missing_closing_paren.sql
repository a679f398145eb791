-- expect-error: 5:39: expected ')'
-- A parenthesised condition that is not closed before the end of the statement.
CREATE TABLE t (a INT, b INT, c STRING) WITH ('connector' = 'datagen');

SELECT c FROM t WHERE (a > 1 AND b < 2;
