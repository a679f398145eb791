-- Predicates: comparison operators, BETWEEN [ASYMMETRIC | SYMMETRIC], NOT BETWEEN, [NOT] IN
-- (value list), LIKE / NOT LIKE with ESCAPE, SIMILAR TO / NOT SIMILAR TO with ESCAPE,
-- IS [NOT] DISTINCT FROM, IS [NOT] NULL / TRUE / FALSE / UNKNOWN, and AND / OR / NOT.
-- Source: Flink docs, dev/table/functions/systemFunctions ("Comparison Functions",
-- "Logical Functions").

CREATE TABLE t (
  a     INT,
  b     INT,
  c     DOUBLE,
  s     STRING,
  flag  BOOLEAN,
  ts    TIMESTAMP(3)
) WITH ('connector' = 'datagen');

CREATE TABLE filtered (a INT, s STRING) WITH ('connector' = 'blackhole');

SELECT a = b, a <> b, a < b, a <= b, a > b, a >= b FROM t;

SELECT a BETWEEN 1 AND 10,
       a BETWEEN ASYMMETRIC 1 AND 10,
       a BETWEEN SYMMETRIC 10 AND 1,
       a NOT BETWEEN 1 AND 10,
       a NOT BETWEEN SYMMETRIC 10 AND 1,
       c BETWEEN 0.5 AND 1.5,
       s BETWEEN 'a' AND 'm',
       ts BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-12-31 00:00:00'
FROM t;

SELECT a IN (1, 2, 3),
       a NOT IN (4, 5),
       s IN ('x', 'y', 'z'),
       s NOT IN ('x'),
       a IN (b, b + 1, 10)
FROM t;

SELECT s LIKE 'abc%',
       s LIKE '_b%',
       s NOT LIKE '%z',
       s LIKE '100!%%' ESCAPE '!',
       s LIKE 'a\_b%' ESCAPE '\',
       s NOT LIKE 'x#_%' ESCAPE '#',
       s SIMILAR TO '(ab|cd)%',
       s SIMILAR TO '[a-z]+',
       s NOT SIMILAR TO '%[0-9]%',
       s SIMILAR TO '10!%' ESCAPE '!'
FROM t;

SELECT a IS DISTINCT FROM b,
       a IS NOT DISTINCT FROM b,
       s IS DISTINCT FROM NULL,
       a IS NULL, a IS NOT NULL,
       flag IS TRUE, flag IS NOT TRUE,
       flag IS FALSE, flag IS NOT FALSE,
       flag IS UNKNOWN, flag IS NOT UNKNOWN,
       (a > b) IS TRUE
FROM t;

SELECT NOT flag, flag AND a > 1, flag OR a < 1, NOT (a = 1 OR b = 2) AND TRUE FROM t;

INSERT INTO filtered
SELECT a, s FROM t
WHERE (a BETWEEN SYMMETRIC 100 AND 1 OR a IN (1000, 2000))
  AND s LIKE 'A%' ESCAPE '\'
  AND s NOT SIMILAR TO '%(xyz)%'
  AND b IS NOT DISTINCT FROM a
  AND flag IS NOT FALSE
  AND NOT (c IS NULL);
