-- String functions and operators: ||, CONCAT, CONCAT_WS, SUBSTRING (both forms), SUBSTR,
-- POSITION(x IN y), LOCATE, INSTR, TRIM (BOTH / LEADING / TRAILING ... FROM), LTRIM, RTRIM,
-- OVERLAY(x PLACING y FROM n [FOR m]), UPPER, LOWER, INITCAP, CHAR_LENGTH, REPLACE, REPEAT,
-- REVERSE, LPAD, RPAD, LEFT, RIGHT, REGEXP, REGEXP_EXTRACT, REGEXP_REPLACE, SPLIT_INDEX,
-- STR_TO_MAP, PARSE_URL, ASCII, CHR, TO_BASE64, FROM_BASE64, ENCODE, DECODE, hashes, UUID.
-- Source: Flink docs, dev/table/functions/systemFunctions ("String Functions",
-- "Hash Functions").

CREATE TABLE t (
  id   BIGINT,
  s    STRING,
  s2   STRING,
  url  STRING,
  kv   STRING,
  n    INT
) WITH ('connector' = 'datagen');

CREATE TABLE string_sink (
  id     BIGINT,
  full_text STRING,
  domain STRING,
  code   STRING,
  digest STRING
) WITH ('connector' = 'print');

SELECT
  s || s2,
  s || '-' || CAST(id AS STRING),
  CONCAT(s, s2, 'x'),
  CONCAT_WS('~', s, s2, 'x'),
  SUBSTRING(s FROM 2),
  SUBSTRING(s FROM 2 FOR 3),
  SUBSTRING(s, 2, 3),
  SUBSTR(s, 2),
  SUBSTR(s, 2, 3),
  POSITION('b' IN s),
  LOCATE('b', s),
  LOCATE('b', s, 2),
  INSTR(s, 'b'),
  TRIM(s),
  TRIM(BOTH 'x' FROM s),
  TRIM(LEADING ' ' FROM s),
  TRIM(TRAILING FROM s),
  LTRIM(s),
  RTRIM(s),
  OVERLAY(s PLACING 'xyz' FROM 2),
  OVERLAY(s PLACING 'xyz' FROM 2 FOR 3),
  UPPER(s), LOWER(s), INITCAP(s),
  CHAR_LENGTH(s), CHARACTER_LENGTH(s)
FROM t;

SELECT
  REPLACE(s, 'a', 'b'),
  REPEAT(s, 3),
  REVERSE(s),
  LPAD(s, 10, '*'),
  RPAD(s, 10, '*'),
  LEFT(s, 3),
  RIGHT(s, 3),
  REGEXP(s, '^[a-z]+$'),
  REGEXP_EXTRACT(s, 'foo(.*?)(bar)', 2),
  REGEXP_EXTRACT(s, '[0-9]+'),
  REGEXP_REPLACE(s, '[0-9]', '#'),
  SPLIT_INDEX(s, ',', 0),
  STR_TO_MAP(kv),
  STR_TO_MAP(kv, ';', '='),
  STR_TO_MAP(kv, ';', '=')['k'],
  PARSE_URL(url, 'HOST'),
  PARSE_URL(url, 'QUERY', 'id'),
  ASCII(s),
  CHR(n),
  TO_BASE64(s),
  FROM_BASE64(TO_BASE64(s)),
  ENCODE(s, 'UTF-8'),
  DECODE(ENCODE(s, 'UTF-8'), 'UTF-8')
FROM t;

SELECT MD5(s), SHA1(s), SHA224(s), SHA256(s), SHA384(s), SHA512(s), SHA2(s, 256), UUID()
FROM t;

INSERT INTO string_sink
SELECT
  id,
  UPPER(TRIM(s)) || ' ' || COALESCE(s2, ''),
  PARSE_URL(url, 'HOST'),
  LPAD(CAST(n AS STRING), 6, '0'),
  MD5(CONCAT_WS('|', s, s2))
FROM t
WHERE CHAR_LENGTH(s) > 0 AND s LIKE '%a%' AND REGEXP(url, '^https?://');
