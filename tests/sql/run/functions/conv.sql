-- Blink's CONV(number, fromBase, toBase): a string of digits in fromBase, or an integer read as
-- its decimal text, re-written in toBase through a 64-bit value (as Hive's conv). A negative
-- toBase makes the result signed; with a positive one a negative number is its two's complement.
-- NULL arguments, characters that are not digits of fromBase, bases outside 2..36 (-36..-2 for
-- toBase) and numbers beyond 64 bits give NULL. Examples from Blink's and Databricks' docs.

SELECT CONV('100', 2, 10), CONV('A', 16, 10), CONV(12, 10, 16), CONV('12', 10, 2), CONV('ff', 16, 2), CONV('35', 10, 36);
-- +I[4, 10, C, 1100, 11111111, Z]

SELECT CONV('-10', 16, -10), CONV('-10', 16, 10), CONV(-1, 10, 16), CONV('FFFFFFFFFFFFFFFF', 16, -10), CONV('FFFFFFFFFFFFFFFF', 16, 10);
-- +I[-16, 18446744073709551600, FFFFFFFFFFFFFFFF, -1, 18446744073709551615]

SELECT CONV('test', 10, 2), CONV('12a', 10, 16), CONV('', 10, 2), CONV('1', 1, 10), CONV('1', 10, 37), CONV('FFFFFFFFFFFFFFFFF', 16, 10);
-- +I[null, null, null, null, null, null]

SELECT CONV(CAST(NULL AS STRING), 10, 16), CONV('1', CAST(NULL AS INT), 10), CONV(0, 10, 16), CONV(CAST(255 AS BIGINT), 10, 16);
-- +I[null, null, 0, FF]

CREATE TABLE numbers (id INT, x BIGINT, y STRING) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input numbers:
-- {"id": 1, "x": 12, "y": "12"}
-- {"id": 2, "x": 10, "y": "10"}
-- {"id": 3, "x": 0, "y": "test"}
-- {"id": 4, "x": null, "y": null}

SELECT id, CONV(x, 10, 16), CONV(y, 10, 2) FROM numbers;
-- unordered
-- +I[1, C, 1100]
-- +I[2, A, 1010]
-- +I[3, 0, null]
-- +I[4, null, null]
