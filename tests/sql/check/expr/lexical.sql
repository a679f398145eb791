-- Lexical structure: -- line comments (also at end of lines and after the last statement),
-- /* block */ comments (multi-line, inside expressions, between tokens), quoted strings with ''
-- escapes, empty strings, adjacent string literals on separate lines, Unicode strings
-- U&'\0041' (with UESCAPE), numeric literals (1e10, .5, 1.0, 1.5E-3, -3, large integers,
-- high-precision decimals), mixed-case keywords, and statements spread over many lines or
-- crammed on one.
-- Source: Calcite / Flink SQL lexical rules (dev/table/sql/overview).

/* A block comment
   before the first statement,
   spanning lines. */
CREATE TABLE lex (
  id   BIGINT,   -- trailing comment after a column
  s    STRING,   /* block comment after a column */
  d    DOUBLE
) WITH ('connector' = 'datagen');

CREATE TABLE lex_sink (txt STRING, num DOUBLE) WITH ('connector' = 'blackhole');

SELECT 'It''s', '', '''', 'a ''quoted'' word', 'semi;colon', 'dash -- not a comment',
       'slash /* not a comment */', 'line
break inside a string'
FROM lex;

SELECT 'adjacent '
       'literals '
       'are concatenated'
FROM lex;

SELECT U&'\0041\0042\0043', U&'d\0061t\+000061', U&'#0041#0042' UESCAPE '#', _UTF16'abc'
FROM lex;

SELECT 1, -3, +7, 1.0, .5, 5., 1e10, 1E10, 1.5E-3, 2.5e+2, -1.25e-2,
       2147483647, 2147483648, 9223372036854775807,
       12345678901234567890.123456789, 0.000001,
       TRUE, FALSE, NULL, CAST(NULL AS BOOLEAN) IS UNKNOWN
FROM lex;

SELECT id /* inline */ + /* between operands */ 1 AS /* before alias */ plus_one
FROM /* before table */ lex -- after table
WHERE /* c1 */ s /* c2 */ IS NOT NULL /* c3 */;

sElEcT Id, S FrOm lex WhErE d > 0.5 Or D < -0.5;

select id,
       s
  from lex
 where id
       >
       10
;

INSERT INTO lex_sink SELECT s, d FROM lex; INSERT INTO lex_sink SELECT 'x', 1.0 FROM lex;

-- a comment after the last statement
