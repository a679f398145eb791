-- Arithmetic operators and numeric functions (ABS, MOD, %, POWER, SQRT, EXP, LN, LOG, LOG10,
-- LOG2, trig functions, ROUND, TRUNCATE, CEIL, FLOOR, SIGN, PI, E, RAND, RAND_INTEGER, BIN,
-- HEX, DEGREES, RADIANS), and the conditional functions COALESCE, NULLIF, IF, IFNULL,
-- GREATEST, LEAST, IS_ALPHA / IS_DECIMAL / IS_DIGIT.
-- Source: Flink docs, dev/table/functions/systemFunctions ("Arithmetic Functions",
-- "Conditional Functions").

CREATE TABLE nums (
  i    INT,
  b    BIGINT,
  d    DOUBLE,
  f    FLOAT,
  amt  DECIMAL(10, 3),
  s    STRING
) WITH ('connector' = 'datagen');

CREATE TABLE numeric_sink (
  i       INT,
  total   BIGINT,
  ratio   DOUBLE,
  rounded DECIMAL(10, 1),
  label   STRING
) WITH ('connector' = 'print');

SELECT
  i + b, i - b, i * b, i / b, b / 2, d / 3, i % 3, MOD(b, 7), -i, +d, -(i + 1),
  amt * 2, amt + 0.5, amt / 3, i * 1.5, 10 / 4, 10.0 / 4
FROM nums;

SELECT
  ABS(i), ABS(d), POWER(d, 2), POWER(2, i), SQRT(d), EXP(d), LN(d), LOG10(d), LOG2(d),
  LOG(d), LOG(2, d), SIN(d), COS(d), TAN(d), COT(d), ASIN(d), ACOS(d), ATAN(d), ATAN2(d, 1.0),
  SINH(d), COSH(d), TANH(d), DEGREES(d), RADIANS(d), SIGN(i), SIGN(d),
  ROUND(d), ROUND(d, 2), ROUND(amt, 1), ROUND(b, -2), TRUNCATE(d, 1), TRUNCATE(amt),
  CEIL(d), CEILING(d), FLOOR(d), CEIL(amt), FLOOR(f),
  PI(), E(), RAND(), RAND(42), RAND_INTEGER(10), RAND_INTEGER(42, 10), BIN(b), HEX(b), HEX(s)
FROM nums;

SELECT
  COALESCE(s, 'n/a'),
  COALESCE(i, CAST(b AS INT), 0),
  NULLIF(i, 0),
  NULLIF(s, ''),
  IF(i > 0, 'pos', 'non-pos'),
  IF(d IS NULL, 0.0, d),
  IFNULL(s, 'default'),
  IFNULL(i, -1),
  GREATEST(i, 5, CAST(b AS INT)),
  LEAST(d, 1.0, 2.5),
  GREATEST('a', s),
  IS_ALPHA(s),
  IS_DECIMAL(s),
  IS_DIGIT(s)
FROM nums;

INSERT INTO numeric_sink
SELECT
  i,
  b + i,
  CAST(i AS DOUBLE) / NULLIF(CAST(b AS DOUBLE), 0),
  ROUND(amt, 1),
  IF(MOD(i, 2) = 0, 'even', 'odd')
FROM nums
WHERE ABS(d) < 1e6 AND POWER(i, 2) > 4;
