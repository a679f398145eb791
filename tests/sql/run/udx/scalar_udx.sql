-- Scalar functions of a native library (tests/udx/test_functions.c, written against the C ABI
-- alone): loaded with SET 'sqlc.udx.path' and USING LIBRARY, called from interpreted and compiled
-- pipelines. The harness replaces @SLUICE_TEST_UDX@ by the library's path.

SET 'sqlc.udx.path' = '@SLUICE_TEST_UDX@';
SET 'test.udx.offset' = '100';

CREATE TEMPORARY FUNCTION count_char AS 'com.example.CountChar';
CREATE TEMPORARY FUNCTION twice AS 'com.example.Twice';
CREATE TEMPORARY FUNCTION reverse_text AS 'com.example.Reverse' LANGUAGE C USING LIBRARY '@SLUICE_TEST_UDX@';
CREATE TEMPORARY FUNCTION null_if_negative AS 'com.example.NullIfNegative';
CREATE TEMPORARY FUNCTION checked_divide AS 'com.example.CheckedDivide';
CREATE TEMPORARY FUNCTION add_offset AS 'com.example.AddOffset';
CREATE TEMPORARY FUNCTION flag AS 'com.example.Flag';

CREATE TABLE src (id INT, name STRING, amount BIGINT, price DOUBLE) WITH (
  'connector' = 'filesystem', 'path' = 'x', 'format' = 'csv');
-- input src:
-- 1,banana,10,1.5
-- 2,a long string with many a's,-3,0.25
-- 3,,0,-2.0

-- STRING arguments, BIGINT result; an INT argument widened to the BIGINT overload, a DOUBLE to
-- the DOUBLE one; a STRING result in arena memory.
SELECT id, count_char(name, 'a'), twice(id), twice(price), reverse_text(name) FROM src;
-- +I[1, 3, 2, 3.0, ananab]
-- +I[2, 3, 4, 0.5, s'a ynam htiw gnirts gnol a]
-- +I[3, 0, 6, -4.0, ]

-- NULL arguments give NULL without a call; the function itself returns NULL for negatives.
SELECT id, null_if_negative(amount), count_char(CAST(NULL AS STRING), 'a'), flag(id > 1, id) FROM src;
-- +I[1, 10, null, 0]
-- +I[2, null, null, 2]
-- +I[3, 0, null, 3]

-- `open` reads the job's configuration once per call site.
SELECT id, add_offset(amount) FROM src WHERE count_char(name, 'n') > 0;
-- +I[1, 110]
-- +I[2, 97]

SELECT id, checked_divide(amount, 2) FROM src WHERE id < 3;
-- +I[1, 5]
-- +I[2, -1]

-- host->fail fails the job with the function's name, the message and the input row.
SELECT id, checked_divide(amount, amount) FROM src;
-- error: CHECKED_DIVIDE: cannot divide by zero (input row +I[3, , 0, -2.0])

-- A call that runs on every row with column arguments goes to the batch entry once per batch in
-- compiled pipelines; NULL arguments never reach it. Behind a filter or a branch, the row entry
-- runs only on the rows that get there.
CREATE TABLE nums (k INT, v BIGINT) WITH (
  'connector' = 'filesystem', 'path' = 'x', 'format' = 'csv');
-- input nums:
-- 1,5
-- 2,
-- 3,-7
-- 4,0
SELECT k, twice(v), twice(v) - 1, COALESCE(twice(v), -1) FROM nums;
-- +I[1, 10, 9, 10]
-- +I[2, null, null, -1]
-- +I[3, -14, -15, -14]
-- +I[4, 0, -1, 0]

SELECT k, twice(v) FROM nums WHERE twice(v) >= 0;
-- +I[1, 10]
-- +I[4, 0]

SELECT k, CASE WHEN v <> 0 THEN checked_divide(10, v) END FROM nums;
-- +I[1, 2]
-- +I[2, null]
-- +I[3, -1]
-- +I[4, null]
