-- Regular-expression functions: REGEXP (find anywhere), REGEXP_EXTRACT, REGEXP_REPLACE (the
-- replacement is literal), REGEXP_COUNT, REGEXP_INSTR, REGEXP_SUBSTR. Patterns use the subset of
-- Java regex syntax RE2 shares; a constant pattern RE2 cannot compile fails the statement (Flink
-- would return NULL/FALSE row by row), a per-row invalid pattern gives NULL/FALSE as in Flink.
-- Examples from Flink's docs ("String Functions") where they exist.

-- ---- REGEXP ----

SELECT REGEXP('abc123', '[0-9]+'), REGEXP('abc', '^b'), REGEXP('abc', 'b'), REGEXP('abc', '');
-- +I[TRUE, FALSE, TRUE, FALSE]

SELECT REGEXP('Hello', '(?i)hello'), REGEXP('a.c', 'a\.c'), REGEXP('abc', 'a\.c'), REGEXP(NULL, 'a');
-- +I[TRUE, TRUE, FALSE, null]

-- '.' does not match a line break unless (?s); '^' is the start of the text unless (?m).
SELECT REGEXP('line1' || CHR(10) || 'line2', '^line2'), REGEXP('line1' || CHR(10) || 'line2', '(?m)^line2$'), REGEXP('a' || CHR(10) || 'b', 'a.b'), REGEXP('a' || CHR(10) || 'b', '(?s)a.b');
-- +I[FALSE, TRUE, FALSE, TRUE]

SELECT REGEXP('ab1', '^\w+$'), REGEXP('a b', '\s'), REGEXP('hello world', '\bworld\b'), REGEXP('helloworld', '\bworld\b');
-- +I[TRUE, TRUE, TRUE, FALSE]

SELECT REGEXP('héllo', '^h.llo$'), REGEXP('x', NULL), REGEXP('2024-01-15', '^\d{4}-\d{2}-\d{2}$');
-- +I[TRUE, null, TRUE]

-- ---- REGEXP_EXTRACT ----

SELECT REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2), REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 1), REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 0), REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)');
-- +I[bar, the, foothebar, foothebar]

-- NULL without a match, for a group out of range, or a group that did not take part.
SELECT REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 3), REGEXP_EXTRACT('foothebar', 'x(y)', 1), REGEXP_EXTRACT('ab', 'a(x)?b', 1), REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', -1);
-- +I[null, null, null, null]

SELECT REGEXP_EXTRACT('100-200', '(\d+)-(\d+)', 1), REGEXP_EXTRACT('100-200', '(\d+)-(\d+)', CAST(2 AS BIGINT)), REGEXP_EXTRACT('a1b22c333', '\d+'), REGEXP_EXTRACT('héllo wörld', 'w(.)rld', 1);
-- +I[100, 200, 1, ö]

SELECT REGEXP_EXTRACT('AbC', '(?i)b(c)', 1), REGEXP_EXTRACT('aaa', 'a*?', 0), REGEXP_EXTRACT('aaa', 'a{2}', 0), REGEXP_EXTRACT('x=1;y=2', 'y=(\d)', 1);
-- +I[C, , aa, 2]

SELECT REGEXP_EXTRACT('aaa', 'a+?'), REGEXP_EXTRACT('<a><b>', '<.+>'), REGEXP_EXTRACT('<a><b>', '<.+?>'), REGEXP_EXTRACT('abc', '(a)|(b)', 2);
-- +I[a, <a><b>, <a>, null]

SELECT REGEXP_EXTRACT(NULL, 'a'), REGEXP_EXTRACT('a', NULL), REGEXP_EXTRACT('a', 'a', NULL);
-- +I[null, null, null]

-- ---- REGEXP_REPLACE ----

SELECT REGEXP_REPLACE('foobar', 'oo|ar', ''), REGEXP_REPLACE('2024-01-15', '-', '/'), REGEXP_REPLACE('a1b22c333', '[0-9]+', '#'), REGEXP_REPLACE('abc', 'x', 'y');
-- +I[fb, 2024/01/15, a#b#c#, abc]

-- The replacement is literal: '$1' and '\' are not special. Empty matches are replaced too, as
-- Java's replaceAll does.
SELECT REGEXP_REPLACE('a1b2', '(\d)', '$1'), REGEXP_REPLACE('a.b', '\.', '\'), REGEXP_REPLACE('abc', 'b*', '-'), REGEXP_REPLACE('héllo', 'l', 'L');
-- +I[a$1b$1, a\b, -a--c-, héLLo]

SELECT REGEXP_REPLACE('Hello World', '(?i)o', '0'), REGEXP_REPLACE('a  b   c', '\s+', ' '), REGEXP_REPLACE('abc', '^', '>'), REGEXP_REPLACE('abc', '$', '<');
-- +I[Hell0 W0rld, a b c, >abc, abc<]

SELECT REGEXP_REPLACE(NULL, 'a', 'b'), REGEXP_REPLACE('a', NULL, 'b'), REGEXP_REPLACE('a', 'a', NULL);
-- +I[null, null, null]

-- ---- REGEXP_COUNT, REGEXP_INSTR, REGEXP_SUBSTR ----

SELECT REGEXP_COUNT('ababab', 'ab'), REGEXP_COUNT('abc', 'x'), REGEXP_INSTR('héllo', 'l+'), REGEXP_INSTR('hello', 'z');
-- +I[3, 0, 3, 0]

SELECT REGEXP_SUBSTR('abc123def456', '[0-9]+'), REGEXP_SUBSTR('abc', '[0-9]+'), REGEXP_COUNT(NULL, 'a'), REGEXP_INSTR('a', NULL);
-- +I[123, null, null, null]

-- ---- patterns computed per row ----

CREATE TABLE patterns (s STRING, p STRING) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'csv');
-- input patterns:
-- abc123,[0-9]+
-- abc,(
-- hello,l+

SELECT s, REGEXP(s, p), REGEXP_EXTRACT(s, p), REGEXP_REPLACE(s, p, '#') FROM patterns;
-- unordered
-- +I[abc123, TRUE, 123, abc#]
-- +I[abc, FALSE, null, null]
-- +I[hello, TRUE, ll, he#o]

-- ---- invalid constant patterns ----

SELECT REGEXP('abc', '(');
-- error: invalid regular expression

SELECT REGEXP_EXTRACT('abc', '[a-', 0);
-- error: invalid regular expression

-- Lookaround is Java syntax RE2 does not support.
SELECT REGEXP_REPLACE('abc', '(?=b)', 'x');
-- error: invalid regular expression
