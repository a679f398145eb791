-- CASE (simple and searched, nested, without ELSE), CAST and TRY_CAST among the primitive types,
-- CAST to collection / ROW types, and TYPEOF.
-- Source: Flink docs, dev/table/functions/systemFunctions ("Conditional Functions",
-- "Type Conversion Functions").

CREATE TABLE t (
  i     INT,
  b     BIGINT,
  d     DOUBLE,
  amt   DECIMAL(10, 2),
  s     STRING,
  flag  BOOLEAN,
  ts    TIMESTAMP(3),
  dt    DATE,
  bin   BYTES,
  arr   ARRAY<INT>
) WITH ('connector' = 'datagen');

CREATE TABLE cast_sink (
  kind     STRING,
  bucket   STRING,
  as_int   INT,
  as_str   STRING,
  as_ts    TIMESTAMP(3),
  safe_int INT
) WITH ('connector' = 'print');

-- searched CASE
SELECT CASE
         WHEN i < 0 THEN 'negative'
         WHEN i = 0 THEN 'zero'
         WHEN i BETWEEN 1 AND 10 THEN 'small'
         ELSE 'large'
       END AS size_class
FROM t;

-- simple CASE, several values per WHEN, no ELSE
SELECT CASE i WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN 3 THEN 'three' END FROM t;

SELECT CASE s WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END + 1 FROM t;

SELECT CASE i WHEN 1, 2, 3 THEN 'low' WHEN 4, 5 THEN 'mid' ELSE 'high' END FROM t;

-- nested CASE and CASE in WHERE / GROUP BY
SELECT CASE WHEN flag THEN CASE WHEN d > 0.5 THEN 'hi' ELSE 'lo' END ELSE NULL END FROM t;

SELECT COUNT(*) FROM t
WHERE CASE WHEN s IS NULL THEN FALSE ELSE CHAR_LENGTH(s) > 3 END
GROUP BY CASE WHEN i > 0 THEN 'pos' ELSE 'non-pos' END;

-- CAST
SELECT
  CAST(i AS BIGINT), CAST(i AS STRING), CAST(i AS VARCHAR(10)), CAST(i AS CHAR(3)),
  CAST(b AS INT), CAST(b AS DOUBLE), CAST(b AS DECIMAL(20, 0)),
  CAST(d AS FLOAT), CAST(d AS DECIMAL(10, 4)), CAST(d AS INT),
  CAST(amt AS DOUBLE), CAST(amt AS STRING),
  CAST(s AS INT), CAST(s AS DOUBLE), CAST(s AS BOOLEAN), CAST(s AS DATE),
  CAST(s AS TIME), CAST(s AS TIMESTAMP(3)), CAST(s AS BYTES), CAST(s AS VARBINARY(8)),
  CAST(flag AS INT), CAST(flag AS STRING),
  CAST(ts AS DATE), CAST(ts AS TIME(0)), CAST(ts AS STRING), CAST(ts AS TIMESTAMP_LTZ(3)),
  CAST(ts AS TIMESTAMP(0)), CAST(dt AS TIMESTAMP(3)), CAST(dt AS STRING),
  CAST(bin AS STRING), CAST(NULL AS INT), CAST('2024-01-01' AS DATE),
  CAST('12:30:00' AS TIME), CAST('2024-01-01 12:30:00.123' AS TIMESTAMP(3)),
  CAST(arr AS ARRAY<BIGINT>), CAST(arr AS ARRAY<STRING>),
  CAST(ROW(i, s) AS ROW<a BIGINT, b STRING>),
  CAST(i AS TINYINT), CAST(i AS SMALLINT), CAST(i AS INTEGER), CAST(i AS DOUBLE PRECISION),
  CAST(s AS TIMESTAMP WITH LOCAL TIME ZONE), CAST(ts AS TIMESTAMP(3) WITHOUT TIME ZONE)
FROM t;

-- TRY_CAST returns NULL instead of failing
SELECT TRY_CAST(s AS INT), TRY_CAST('abc' AS INT), TRY_CAST(s AS TIMESTAMP(3)),
       TRY_CAST(s AS DECIMAL(10, 2)), TRY_CAST(s AS DATE)
FROM t;

-- TYPEOF
SELECT TYPEOF(i), TYPEOF(s, TRUE), TYPEOF(CAST(NULL AS DOUBLE)) FROM t;

INSERT INTO cast_sink
SELECT
  CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END,
  CASE WHEN d IS NULL THEN 'none' WHEN d < 0.5 THEN 'low' ELSE 'high' END,
  CAST(s AS INT),
  CAST(i AS STRING),
  CAST(s AS TIMESTAMP(3)),
  TRY_CAST(s AS INT)
FROM t;
