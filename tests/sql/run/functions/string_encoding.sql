-- HEX of a string (its UTF-8 bytes, upper-case), UNHEX, and ENCODE/DECODE with the charsets Flink
-- documents ('US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', 'UTF-16LE', 'UTF-16'), as Java's
-- String.getBytes / new String(bytes, charset). HEX of integers is in arithmetic.sql.

-- ---- HEX and UNHEX ----

SELECT HEX('hello,world'), HEX('é'), HEX(''), HEX(CAST(NULL AS STRING));
-- +I[68656C6C6F2C776F726C64, C3A9, , null]

-- Of an odd number of digits the first is only checked and a zero byte leads instead.
SELECT UNHEX('6869'), UNHEX('ff0A'), UNHEX('123'), UNHEX(''), UNHEX('zz'), UNHEX('g12');
-- +I[x'6869', x'ff0a', x'0023', x'', null, null]

SELECT CAST(UNHEX(HEX('héllo')) AS STRING), UNHEX(CAST(NULL AS STRING));
-- +I[héllo, null]

-- ---- ENCODE and DECODE ----

-- A character the charset cannot hold encodes as '?'; 'UTF-16' writes a big-endian byte-order mark.
SELECT ENCODE('hé', 'UTF-8'), ENCODE('hé', 'ISO-8859-1'), ENCODE('hé', 'US-ASCII'), ENCODE('hi', 'UTF-16'), ENCODE('hi', 'utf-16le'), ENCODE('😀', 'UTF-16BE');
-- +I[x'68c3a9', x'68e9', x'683f', x'feff00680069', x'68006900', x'd83dde00']

SELECT DECODE(X'68C3A9', 'UTF-8'), DECODE(X'68E9', 'ISO-8859-1'), DECODE(X'FEFF00680069', 'UTF-16'), DECODE(X'FFFE68006900', 'UTF-16'), DECODE(X'00680069', 'UTF-16'), DECODE(X'D83DDE00', 'UTF-16BE');
-- +I[hé, hé, hi, hi, hi, 😀]

-- Bytes that are no character decode to U+FFFD.
SELECT DECODE(X'68E9', 'US-ASCII') = CONCAT('h', DECODE(X'EFBFBD', 'UTF-8')), DECODE(X'68FF', 'UTF-8') = DECODE(X'0068FFFD', 'UTF-16BE');
-- +I[TRUE, TRUE]

SELECT DECODE(ENCODE('Grüße 😀', 'UTF-16LE'), 'UTF-16LE'), DECODE(ENCODE('Grüße', 'latin1'), 'ISO8859_1'), ENCODE(CAST(NULL AS STRING), 'UTF-8'), DECODE(X'61', CAST(NULL AS STRING));
-- +I[Grüße 😀, Grüße, null, null]

SELECT ENCODE('hi', 'EBCDIC');
-- error: unsupported charset 'EBCDIC'

CREATE TABLE texts (s STRING, charset STRING) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input texts:
-- {"s": "é", "charset": "UTF-16BE"}
-- {"s": "ab", "charset": "US-ASCII"}
-- {"s": null, "charset": "UTF-8"}

SELECT s, HEX(s), ENCODE(s, charset), DECODE(ENCODE(s, charset), charset) FROM texts;
-- unordered
-- +I[é, C3A9, x'00e9', é]
-- +I[ab, 6162, x'6162', ab]
-- +I[null, null, null, null]

SELECT ENCODE(s, 'KOI8') FROM texts;
-- error: unsupported charset 'KOI8'
