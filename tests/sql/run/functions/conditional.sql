-- Conditional functions that are kernels: GREATEST and LEAST (NULL if any argument is NULL; the
-- arguments are converted to their common type first), and IS_ALPHA, IS_DIGIT and IS_DECIMAL,
-- which are never NULL (a NULL argument is FALSE), as Flink's SqlFunctionUtils.

-- ---- GREATEST and LEAST ----

SELECT GREATEST(1, 2.5), LEAST(1, 2.5), GREATEST(1, CAST(5 AS BIGINT), CAST(3 AS TINYINT)), LEAST(CAST(2 AS SMALLINT), CAST(-3 AS SMALLINT));
-- +I[2.5, 1.0, 5, -3]

SELECT GREATEST(1e0, 2), LEAST(CAST(1.5 AS FLOAT), CAST(0.5 AS FLOAT)), GREATEST(CAST(1 AS DECIMAL(30, 2)), CAST(-1 AS DECIMAL(30, 2))), GREATEST(TRUE, FALSE), LEAST(TRUE, FALSE);
-- +I[2.0, 0.5, 1.00, TRUE, FALSE]

-- Strings and byte strings compare byte-wise.
SELECT GREATEST('apple', 'banana', 'cherry'), LEAST('b', 'abc'), GREATEST('é', 'z'), GREATEST(X'01', X'FF00');
-- +I[cherry, abc, é, x'ff00']

SELECT GREATEST(DATE '2024-01-02', DATE '2023-12-31'), LEAST(TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-01 09:59:59.5'), GREATEST(TIME '10:00:00', TIME '09:00:00'), GREATEST(INTERVAL '1' DAY, INTERVAL '2' HOUR);
-- +I[2024-01-02, 2024-01-01 09:59:59.5, 10:00:00, +1 00:00:00.000]

SELECT GREATEST(TO_TIMESTAMP_LTZ(0, 3), TO_TIMESTAMP_LTZ(1000, 3)), GREATEST(7), LEAST(1, CAST(NULL AS INT)), GREATEST('a', CAST(NULL AS STRING));
-- +I[1970-01-01 00:00:01.000, 7, null, null]

CREATE TABLE pairs (a INT, b INT, s STRING, t STRING) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input pairs:
-- {"a": 1, "b": 2, "s": "x", "t": "y"}
-- {"a": 5, "b": null, "s": "abc", "t": "abd"}
-- {"a": -1, "b": -7, "s": null, "t": "q"}

SELECT a, GREATEST(a, b), LEAST(a, b, 0), GREATEST(s, t), LEAST(s, t) FROM pairs;
-- unordered
-- +I[1, 2, 0, y, x]
-- +I[5, null, null, abd, abc]
-- +I[-1, -1, -7, null, null]

-- ---- IS_ALPHA, IS_DIGIT, IS_DECIMAL ----

SELECT IS_ALPHA('abc'), IS_ALPHA('ab1'), IS_ALPHA(''), IS_ALPHA('héllo'), IS_ALPHA('a b'), IS_ALPHA('日本');
-- +I[TRUE, FALSE, FALSE, TRUE, FALSE, TRUE]

-- Digits are Unicode decimal digits: '١٢٣' is Arabic-Indic 123.
SELECT IS_DIGIT('123'), IS_DIGIT('12a'), IS_DIGIT('-1'), IS_DIGIT('1.5'), IS_DIGIT(''), IS_DIGIT('١٢٣');
-- +I[TRUE, FALSE, FALSE, FALSE, FALSE, TRUE]

SELECT IS_DECIMAL('123'), IS_DECIMAL('-1.5'), IS_DECIMAL('1e5'), IS_DECIMAL('abc'), IS_DECIMAL(''), IS_DECIMAL('1.2.3');
-- +I[TRUE, TRUE, TRUE, FALSE, FALSE, FALSE]

-- Numbers: integers are digits, every number is a decimal, none is alphabetic.
SELECT IS_ALPHA(1), IS_DIGIT(1), IS_DIGIT(1.5), IS_DECIMAL(1.5), IS_DECIMAL(CAST(1 AS DOUBLE)), IS_DIGIT(CAST(1 AS BIGINT));
-- +I[FALSE, TRUE, FALSE, TRUE, TRUE, TRUE]

SELECT IS_ALPHA(CAST(NULL AS STRING)), IS_DIGIT(CAST(NULL AS STRING)), IS_DECIMAL(CAST(NULL AS STRING)), IS_DECIMAL(CAST(NULL AS INT));
-- +I[FALSE, FALSE, FALSE, FALSE]

SELECT s, IS_ALPHA(s), IS_DIGIT(t), IS_DECIMAL(a) FROM pairs;
-- unordered
-- +I[x, TRUE, FALSE, TRUE]
-- +I[abc, TRUE, FALSE, TRUE]
-- +I[null, FALSE, FALSE, TRUE]
