-- JSON_QUOTE, JSON_UNQUOTE and JSON_STRING, as Flink's JsonQuoteFunction, JsonUnquoteFunction and
-- JSON_STRING (Jackson). JSON_QUOTE escapes '"', '\', '/', control characters with short escapes
-- and every UTF-16 unit above 127 as \uxxxx; JSON_UNQUOTE decodes a valid JSON string literal and
-- returns anything else unchanged; JSON_STRING writes numbers through Java's BigDecimal text.

-- ---- JSON_QUOTE ----

SELECT JSON_QUOTE('Hello, World!'), JSON_QUOTE('say "hi"'), JSON_QUOTE('a/b\c'), JSON_QUOTE('é'), JSON_QUOTE('😀'), JSON_QUOTE('');
-- +I["Hello, World!", "say \"hi\"", "a\/b\\c", "\u00e9", "\ud83d\ude00", ""]

SELECT JSON_QUOTE(CONCAT('a', CHR(10), 'b', CHR(9))), JSON_QUOTE(CAST(NULL AS STRING));
-- +I["a\nb\t", null]

-- ---- JSON_UNQUOTE ----

SELECT JSON_UNQUOTE('"abc"'), JSON_UNQUOTE('"a\"b"'), JSON_UNQUOTE('"\u00e9\/"'), JSON_UNQUOTE('"\ud83d\ude00"'), JSON_UNQUOTE('""');
-- +I[abc, a"b, é/, 😀, ]

-- Not a JSON string literal: returned as it is.
SELECT JSON_UNQUOTE('abc'), JSON_UNQUOTE('"abc'), JSON_UNQUOTE('[1, 2]'), JSON_UNQUOTE('{"a": "b"}'), JSON_UNQUOTE('"\x"'), JSON_UNQUOTE(CAST(NULL AS STRING));
-- +I[abc, "abc, [1, 2], {"a": "b"}, "\x", null]

SELECT JSON_UNQUOTE(JSON_QUOTE('round "trip" / é 😀'));
-- +I[round "trip" / é 😀]

-- ---- JSON_STRING ----

SELECT JSON_STRING(1), JSON_STRING(TRUE), JSON_STRING('Hello, World!'), JSON_STRING(CAST(NULL AS INT));
-- +I[1, true, "Hello, World!", null]

SELECT JSON_STRING('a"b\c/d'), JSON_STRING(CAST(-5 AS BIGINT)), JSON_STRING(1.50), JSON_STRING(1.5e0), JSON_STRING(1e10), JSON_STRING(0.00001e0);
-- +I["a\"b\\c/d", -5, 1.50, 1.5, 1.0E+10, 0.000010]

CREATE TABLE things (s STRING, n INT, d DOUBLE) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input things:
-- {"s": "x", "n": 7, "d": 2.5}
-- {"s": null, "n": null, "d": null}

SELECT JSON_STRING(s), JSON_STRING(n), JSON_STRING(d), JSON_QUOTE(s), JSON_UNQUOTE(JSON_STRING(s)) FROM things;
-- unordered
-- +I["x", 7, 2.5, "x", x]
-- +I[null, null, null, null, null]
