-- Comparison operators = <> < <= > >= on every comparable type, with Flink's semantics: numbers
-- compare as primitives (NaN equals nothing, -0.0 = 0.0), DECIMAL exactly across scales, BOOLEAN
-- with FALSE < TRUE, strings and byte strings byte-wise (unsigned), and a NULL operand gives NULL.

-- ---- integers ----

SELECT 1 = 1, 1 <> 1, 1 < 2, 2 <= 2, 3 > 4, 3 >= 4;
-- +I[TRUE, FALSE, TRUE, TRUE, FALSE, FALSE]

SELECT 2 = 3, 2 <> 3, 3 < 2, 3 <= 2, 4 > 3, 4 >= 4;
-- +I[FALSE, TRUE, FALSE, FALSE, TRUE, TRUE]

SELECT CAST(-1 AS TINYINT) < CAST(1 AS TINYINT), CAST(127 AS TINYINT) >= CAST(-128 AS TINYINT),
       CAST(300 AS SMALLINT) > CAST(-300 AS SMALLINT), CAST(-32768 AS SMALLINT) = CAST(-32768 AS SMALLINT);
-- +I[TRUE, TRUE, TRUE, TRUE]

SELECT 9223372036854775807 > -9223372036854775808, CAST(-1 AS BIGINT) <> CAST(1 AS BIGINT),
       -9223372036854775808 <= -9223372036854775807;
-- +I[TRUE, TRUE, TRUE]

SELECT 1 = CAST(1 AS BIGINT), CAST(2 AS TINYINT) < 300, CAST(100000 AS BIGINT) > CAST(5 AS SMALLINT),
       2147483647 < 2147483648;
-- +I[TRUE, TRUE, TRUE, TRUE]

SELECT a = b, a <> b, a < b, a <= b, a > b, a >= b FROM (VALUES (1, 2), (2, 2), (3, 2)) AS t(a, b);
-- +I[FALSE, TRUE, TRUE, TRUE, FALSE, FALSE]
-- +I[TRUE, FALSE, FALSE, TRUE, FALSE, TRUE]
-- +I[FALSE, TRUE, FALSE, FALSE, TRUE, TRUE]

-- ---- FLOAT and DOUBLE ----

SELECT 1.5e0 = 1.5e0, 1.5e0 < 2.5e0, -1e0 > -2e0, 1e0 <= 1e0, 1e0 <> 1.0000000000000002e0;
-- +I[TRUE, TRUE, TRUE, TRUE, TRUE]

SELECT 0e0 / 0e0 = 0e0 / 0e0, 0e0 / 0e0 <> 0e0 / 0e0, 0e0 / 0e0 < 1e0, 0e0 / 0e0 >= 1e0, 0e0 / 0e0 > 1e0;
-- +I[FALSE, TRUE, FALSE, FALSE, FALSE]

SELECT -0e0 = 0e0, -0e0 < 0e0, 1e0 / 0e0 > 1e308, -1e0 / 0e0 < -1e308;
-- +I[TRUE, FALSE, TRUE, TRUE]

SELECT CAST(0.1 AS FLOAT) = CAST(0.1 AS FLOAT), CAST(0.1 AS FLOAT) < CAST(0.2 AS FLOAT),
       CAST(0.1 AS FLOAT) = 0.1e0, CAST(0.5 AS FLOAT) = 0.5e0;
-- +I[TRUE, TRUE, FALSE, TRUE]

SELECT 1 < 1.5e0, 3 = 3e0, CAST(2 AS BIGINT) >= 2.5e0, 0.1 = 0.1e0;
-- +I[TRUE, TRUE, FALSE, TRUE]

-- ---- DECIMAL ----

SELECT 1.50 = 1.50, 1.25 < 1.26, -1.25 > -1.26, 0.00 = -0.00, 9.99 >= 10.00;
-- +I[TRUE, TRUE, TRUE, TRUE, FALSE]

SELECT 1.5 = 1.50, 1.5 = 1.500000, 0.1 < 0.10001, 100.5 > 99.999, -0.5 < -0.49;
-- +I[TRUE, TRUE, TRUE, TRUE, TRUE]

SELECT 1 = 1.0, 2 > 1.99, -3 <= -3.00, CAST(5 AS TINYINT) < 5.01;
-- +I[TRUE, TRUE, TRUE, TRUE]

SELECT CAST(12345678901234567890.5 AS DECIMAL(21, 1)) > CAST(12345678901234567890.4 AS DECIMAL(21, 1)),
       CAST(1 AS DECIMAL(38, 10)) = CAST(1 AS DECIMAL(5, 0)),
       CAST(-99999999999999999999999999.99 AS DECIMAL(28, 2)) < CAST(0.01 AS DECIMAL(3, 2));
-- +I[TRUE, TRUE, TRUE]

SELECT CAST(0.00000000000000000001 AS DECIMAL(38, 20)) > 0, CAST(123456789012345678 AS DECIMAL(18, 0)) = 123456789012345678;
-- +I[TRUE, TRUE]

SELECT a < b, a = b FROM (VALUES (1.25, 1.3), (2.50, 2.5), (-0.01, -0.1)) AS t(a, b);
-- +I[TRUE, FALSE]
-- +I[FALSE, TRUE]
-- +I[FALSE, FALSE]

-- ---- BOOLEAN ----

SELECT FALSE < TRUE, TRUE = TRUE, TRUE > FALSE, FALSE >= TRUE, TRUE <> FALSE, FALSE <= FALSE;
-- +I[TRUE, TRUE, TRUE, FALSE, TRUE, TRUE]

-- ---- strings and byte strings ----

SELECT 'abc' = 'abc', 'abc' < 'abd', 'abc' < 'abcd', 'b' > 'abc', '' < 'a', 'abc' <> 'ABC';
-- +I[TRUE, TRUE, TRUE, TRUE, TRUE, TRUE]

SELECT 'é' > 'z', 'Z' < 'a', '€' > 'é', 'a' >= 'a';
-- +I[TRUE, TRUE, TRUE, TRUE]

SELECT 'abcdefghijklmnopqrstuvwxyz' < 'abcdefghijklmnopqrstuvwxz', 'abcdefghijklmnop' = 'abcdefghijklmnop',
       'abcdefghijklmnop' = 'abcdefghijklmnoq', 'abcd_long_string_1' > 'abcd_long_string';
-- +I[TRUE, TRUE, FALSE, TRUE]

SELECT CAST('a ' AS VARCHAR(5)) = CAST('a' AS VARCHAR(5)), CAST('ab' AS VARCHAR(10)) = 'ab',
       CAST('a' AS VARCHAR(3)) < CAST('a ' AS VARCHAR(3));
-- +I[FALSE, TRUE, TRUE]

SELECT X'0102' = X'0102', X'01' < X'02', X'FF' > X'01', X'01' < X'0100', X'00' <> X'0000';
-- +I[TRUE, TRUE, TRUE, TRUE, TRUE]

SELECT s < t FROM (VALUES ('apple', 'banana'), ('cherry', 'banana'), ('a long string value', 'a long string valuf')) AS v(s, t);
-- +I[TRUE]
-- +I[FALSE]
-- +I[TRUE]

-- ---- datetimes and intervals ----

SELECT DATE '2020-01-01' < DATE '2020-01-02', DATE '1969-12-31' < DATE '1970-01-01',
       DATE '2020-02-29' = DATE '2020-02-29', DATE '2021-01-01' <= DATE '2020-12-31';
-- +I[TRUE, TRUE, TRUE, FALSE]

SELECT TIME '10:00:00' < TIME '10:00:01', TIME '23:59:59' > TIME '00:00:00', TIME '12:00:00' = TIME '12:00:00';
-- +I[TRUE, TRUE, TRUE]

SELECT TIMESTAMP '2020-01-01 00:00:00.001' > TIMESTAMP '2020-01-01 00:00:00',
       TIMESTAMP '2020-01-01 00:00:00' = TIMESTAMP '2020-01-01 00:00:00.000',
       TIMESTAMP '1969-12-31 23:59:59.999999' < TIMESTAMP '1970-01-01 00:00:00',
       TIMESTAMP '2020-01-01 10:00:00' <> TIMESTAMP '2020-01-01 10:00:00';
-- +I[TRUE, TRUE, TRUE, FALSE]

SELECT CAST(TIMESTAMP '2020-01-01 00:00:00' AS TIMESTAMP_LTZ(3)) < CAST(TIMESTAMP '2020-01-01 00:00:01' AS TIMESTAMP_LTZ(3));
-- +I[TRUE]

SELECT INTERVAL '1' DAY > INTERVAL '23' HOUR, INTERVAL '1' YEAR = INTERVAL '12' MONTH,
       INTERVAL '-1' MONTH < INTERVAL '0' MONTH, INTERVAL '90' MINUTE <= INTERVAL '1:30' HOUR TO MINUTE;
-- +I[TRUE, TRUE, TRUE, TRUE]

-- ---- NULL operands ----

SELECT 1 = NULL, NULL <> 'a', CAST(NULL AS DOUBLE) < 1e0, 1.5 >= CAST(NULL AS DECIMAL(5, 2)),
       CAST(NULL AS BOOLEAN) = TRUE, DATE '2020-01-01' > NULL;
-- +I[null, null, null, null, null, null]

SELECT a = b FROM (VALUES (1, CAST(NULL AS INT)), (2, 2)) AS t(a, b);
-- +I[null]
-- +I[TRUE]

-- ---- type errors ----

SELECT 1 = 'a';
-- error: cannot compare values of type INT NOT NULL and CHAR(1) NOT NULL

SELECT TRUE < 1;
-- error: cannot compare values of type BOOLEAN NOT NULL and INT NOT NULL

SELECT X'01' = 1;
-- error: cannot compare values
