-- String functions and operators with Flink's semantics: positions and lengths count characters
-- (not bytes), NULL arguments give NULL unless noted. Expected values follow Flink's docs
-- ("String Functions") where they give examples, else Flink's runtime (SqlFunctionUtils,
-- BinaryStringDataUtil). Results whose edges are spaces are bracketed with CONCAT.

-- ---- concatenation ----

SELECT 'ab' || 'cd', CONCAT('ab', 'cd', 'ef'), CONCAT('a', NULL, 'b');
-- +I[abcd, abcdef, null]

SELECT CONCAT_WS('~', 'AA', NULL, 'BB', '', 'CC'), CONCAT_WS(NULL, 'a', 'b'), CONCAT_WS(',', NULL, NULL);
-- +I[AA~BB~~CC, null, ]

SELECT 'a' || CAST(NULL AS STRING), CAST(NULL AS STRING) || 'b', CONCAT('x', 'a fairly long string value');
-- +I[null, null, xa fairly long string value]

-- ---- length and case ----

SELECT CHAR_LENGTH('héllo'), CHARACTER_LENGTH(''), CHAR_LENGTH(NULL), CHAR_LENGTH('日本語'), CHARACTER_LENGTH('abc');
-- +I[5, 0, null, 3, 3]

SELECT UPPER('hello World'), LOWER('Hello WORLD'), UPPER('straße'), LOWER('ÀÉÎ');
-- +I[HELLO WORLD, hello world, STRASSE, àéî]

SELECT INITCAP('hello wORLD'), INITCAP('ab-cd 1ab'), UPPER(NULL), INITCAP(NULL);
-- +I[Hello World, Ab-Cd 1ab, null, null]

-- ---- substrings and padding ----

SELECT SUBSTRING('hello' FROM 2 FOR 3), SUBSTRING('hello', 2), SUBSTR('hello', -3), SUBSTR('hello', -3, 2);
-- +I[ell, ello, llo, ll]

-- Position 0 counts as 1; positions outside the string give ''.
SELECT SUBSTRING('hello', 0, 2), SUBSTRING('hello', 7), SUBSTRING('hello', -7, 2), SUBSTRING('héllo', 2, 2);
-- +I[he, , , él]

-- A negative length gives NULL.
SELECT SUBSTRING('hello', 2, -1), SUBSTRING(NULL, 1, 2), SUBSTRING('hello', NULL);
-- +I[null, null, null]

SELECT LEFT('héllo', 2), LEFT('hello', -1), RIGHT('héllo', 3), RIGHT('hello', 10);
-- +I[hé, , llo, hello]

SELECT LPAD('hi', 4, '??'), LPAD('hi', 1, '??'), RPAD('hi', 4, '??'), RPAD('hi', 1, '??');
-- +I[??hi, h, hi??, h]

-- A negative length or an empty pad gives NULL.
SELECT LPAD('hi', 5, 'ab'), RPAD('hi', 5, 'ab'), LPAD('hi', -1, 'x'), RPAD('hi', 3, '');
-- +I[abahi, hiaba, null, null]

SELECT OVERLAY('This is an old string' PLACING ' new' FROM 10 FOR 5), OVERLAY('abcdef' PLACING 'XY' FROM 2), OVERLAY('abc' PLACING 'X' FROM 5);
-- +I[This is a new string, aXYdef, abc]

-- ---- trimming ----

SELECT TRIM('  hi  '), TRIM(BOTH 'x' FROM 'xxhixx'), TRIM(LEADING 'x' FROM 'xxhixx'), TRIM(TRAILING 'x' FROM 'xxhixx');
-- +I[hi, hi, hixx, xxhi]

-- The characters to trim are a set; only spaces are trimmed by default.
SELECT TRIM(BOTH 'ab' FROM 'abcba'), CONCAT('[', LTRIM('  hi  '), ']'), CONCAT('[', RTRIM('  hi  '), ']'), CHAR_LENGTH(TRIM(CONCAT(CHR(9), 'x ')));
-- +I[c, [hi  ], [  hi], 2]

SELECT LTRIM('xxhi', 'x'), RTRIM('hixx', 'x'), BTRIM('  hi  '), BTRIM('xyhiyx', 'xy');
-- +I[hi, hi, hi, hi]

SELECT TRIM(NULL), LTRIM(NULL), TRIM(BOTH NULL FROM 'x');
-- +I[null, null, null]

-- ---- searching, replacing, splitting ----

SELECT REPLACE('hello world', 'world', 'flink'), REPLACE('ababab', 'abab', 'z'), REPLACE('abc', 'x', 'y'), REPLACE(NULL, 'a', 'b');
-- +I[hello flink, zab, abc, null]

SELECT POSITION('lo' IN 'hello'), POSITION('x' IN 'hello'), POSITION('' IN 'hello'), POSITION('l' IN 'héllo');
-- +I[4, 0, 1, 3]

SELECT LOCATE('l', 'hello'), LOCATE('l', 'hello', 4), LOCATE('l', 'hello', 5), LOCATE(NULL, 'x');
-- +I[3, 4, 0, null]

-- INSTR(s, sub [, start [, nth]]): a negative start searches backwards from the end.
SELECT INSTR('abcabc', 'bc'), INSTR('abcabc', 'bc', 3), INSTR('abcabc', 'bc', 1, 2), INSTR('abcabc', 'bc', -1, 1), INSTR('abcabc', 'x');
-- +I[2, 5, 5, 5, 0]

SELECT SPLIT_INDEX('Jack,John,Mary', ',', 2), SPLIT_INDEX('Jack,John,Mary', ',', 3), SPLIT_INDEX('a,,b', ',', 1), SPLIT_INDEX('a||b||c', '||', 2);
-- +I[Mary, null, , c]

-- The separator may be a character code (1..255); '' has no pieces; a negative index is NULL.
SELECT SPLIT_INDEX('a,b', 44, 1), SPLIT_INDEX('a,b', 300, 0), SPLIT_INDEX('', ',', 0), SPLIT_INDEX('a,b', ',', -1);
-- +I[b, null, null, null]

-- Empty pieces at either end count; past the last piece is NULL (one-byte separators take a
-- scan of their own).
SELECT SPLIT_INDEX(',a,', ',', 0), SPLIT_INDEX(',a,', ',', 2), SPLIT_INDEX(',a,', ',', 3), SPLIT_INDEX('https://www.nexmark.com/a/b/item.htm', '/', 4), SPLIT_INDEX('x', '/', 0);
-- +I[, , null, b, x]

SELECT STARTSWITH('hello', 'he'), STARTSWITH('hello', 'lo'), ENDSWITH('hello', 'lo'), ENDSWITH('hello', '');
-- +I[TRUE, FALSE, TRUE, TRUE]

SELECT KEYVALUE('k1=v1;k2=v2', ';', '=', 'k2'), KEYVALUE('k1:v1,k2:v2', ',', ':', 'k3'), KEYVALUE(NULL, ';', '=', 'k');
-- +I[v2, null, null]

-- ---- characters, repetition, encodings ----

SELECT REPEAT('ab', 3), REPEAT('ab', 0), REVERSE('héllo'), REVERSE(NULL);
-- +I[ababab, , olléh, null]

-- ASCII is the first byte; CHR takes the code modulo 256.
SELECT ASCII('abc'), ASCII(''), CHR(97), CHR(353), CHR(233);
-- +I[97, 0, a, a, é]

SELECT ASCII(NULL), CHR(NULL), REPEAT(NULL, 2), REPEAT('a', NULL);
-- +I[null, null, null, null]

SELECT TO_BASE64('hello world'), FROM_BASE64('aGVsbG8gd29ybGQ='), TO_BASE64(''), FROM_BASE64('YWI');
-- +I[aGVsbG8gd29ybGQ=, hello world, , ab]

SELECT TO_BASE64(NULL), FROM_BASE64(NULL), FROM_BASE64(TO_BASE64('日本'));
-- +I[null, null, 日本]

SELECT FROM_BASE64('YW-I');
-- error: Illegal base64 character

SELECT CHAR_LENGTH(UUID()), REGEXP(UUID(), '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$');
-- +I[36, TRUE]

-- ---- LIKE ----

SELECT 'hello' LIKE 'h%o', 'hello' LIKE 'h_llo', 'héllo' LIKE 'h_llo', 'hello' LIKE 'h_lo';
-- +I[TRUE, TRUE, TRUE, FALSE]

SELECT 'abc' LIKE '%b%', 'abc' LIKE 'b%', 'abc' NOT LIKE 'a%', '' LIKE '%';
-- +I[TRUE, FALSE, FALSE, TRUE]

SELECT '10%' LIKE '10!%' ESCAPE '!', '100' LIKE '10!%' ESCAPE '!', 'a_c' LIKE 'a!_c' ESCAPE '!', 'abc' LIKE 'a!_c' ESCAPE '!';
-- +I[TRUE, FALSE, TRUE, FALSE]

-- Without ESCAPE there is no escape character: the backslash is literal.
SELECT 'a\b' LIKE 'a\b', 'a_b' LIKE 'a\_b', CAST(NULL AS STRING) LIKE 'a%', 'a' NOT LIKE CAST(NULL AS STRING);
-- +I[TRUE, FALSE, null, null]

SELECT 'ab' LIKE 'a!b' ESCAPE '!';
-- error: Invalid escape sequence

-- ---- URLs ----

SELECT PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'HOST'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'PATH'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'REF');
-- +I[facebook.com, /path1/p.php, k1=v1&k2=v2, Ref1]

SELECT PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'PROTOCOL'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'FILE'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'AUTHORITY'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'USERINFO');
-- +I[http, /path1/p.php?k1=v1&k2=v2, facebook.com, null]

SELECT PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k3'), PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'HOST', 'k1'), PARSE_URL('facebook.com/path1', 'HOST');
-- +I[v1, null, null, null]

SELECT PARSE_URL('https://user:pw@example.com:8080/a/b?x=1', 'USERINFO'), PARSE_URL('https://user:pw@example.com:8080/a/b?x=1', 'HOST'), PARSE_URL('https://user:pw@example.com:8080/a/b?x=1', 'AUTHORITY'), PARSE_URL('http://example.com', 'PATH');
-- +I[user:pw, example.com, user:pw@example.com:8080, ]

SELECT PARSE_URL(NULL, 'HOST'), PARSE_URL('http://example.com', NULL), PARSE_URL('http://example.com', 'host');
-- +I[null, null, null]

SELECT URL_ENCODE('a b&c=é'), URL_DECODE('a+b%26c%3D%C3%A9'), URL_DECODE('%zz'), URL_ENCODE(NULL);
-- +I[a+b%26c%3D%C3%A9, a b&c=é, null, null]
