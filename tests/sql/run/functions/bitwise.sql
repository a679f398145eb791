-- Blink's BITAND, BITOR, BITXOR and BITNOT on TINYINT..BIGINT: both operands are converted to
-- their common integer type, which is the result's; a NULL operand gives NULL.

SELECT BITAND(12, 10), BITOR(12, 10), BITXOR(12, 10), BITNOT(7), BITNOT(0), BITNOT(-1);
-- +I[8, 14, 6, -8, -1, 0]

SELECT BITAND(CAST(-1 AS BIGINT), 9223372036854775807), BITOR(CAST(1 AS TINYINT), CAST(-128 AS TINYINT)), BITXOR(CAST(255 AS SMALLINT), CAST(15 AS SMALLINT)), BITNOT(CAST(127 AS TINYINT));
-- +I[9223372036854775807, -127, 240, -128]

SELECT BITAND(CAST(6 AS TINYINT), 3), BITOR(CAST(NULL AS INT), 1), BITXOR(1, CAST(NULL AS INT)), BITNOT(CAST(NULL AS BIGINT));
-- +I[2, null, null, null]

CREATE TABLE numbers (a BIGINT, b INT) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input numbers:
-- {"a": 5, "b": 3}
-- {"a": -8, "b": 255}
-- {"a": null, "b": 1}

SELECT a, BITAND(a, b), BITOR(a, b), BITXOR(a, b), BITNOT(b) FROM numbers;
-- unordered
-- +I[5, 1, 7, 6, -4]
-- +I[-8, 248, -1, -249, -256]
-- +I[null, null, null, null, -2]
