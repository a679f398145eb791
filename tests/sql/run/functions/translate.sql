-- TRANSLATE(expr, fromStr, toStr): each character of expr found in fromStr is replaced by the
-- character at the same position of toStr, or removed when toStr is shorter; the first mapping of
-- a repeated character wins. NULL only for a NULL expr: a NULL or empty fromStr leaves expr as it
-- is, a NULL toStr removes the characters of fromStr. Examples from Flink's docs (FLINK-26939).

SELECT TRANSLATE('AaBbCc', 'abc', '123'), TRANSLATE('AaBbCc', 'abc', '1'), TRANSLATE('AaBbCc', 'abc', '');
-- +I[A1B2C3, A1BC, ABC]

SELECT TRANSLATE('aaa', 'aa', 'xy'), TRANSLATE('héllo', 'él', 'eL'), TRANSLATE('abc', 'b', 'ß😀'), TRANSLATE('', 'a', 'b');
-- +I[xxx, heLLo, aßc, ]

SELECT TRANSLATE(CAST(NULL AS STRING), 'a', 'b'), TRANSLATE('abc', CAST(NULL AS STRING), 'x'), TRANSLATE('abc', '', 'x'), TRANSLATE('abc', 'ab', CAST(NULL AS STRING));
-- +I[null, abc, abc, c]

CREATE TABLE words (w STRING, f STRING, t STRING) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input words:
-- {"w": "hello", "f": "lo", "t": "01"}
-- {"w": "world", "f": null, "t": "x"}
-- {"w": null, "f": "a", "t": "b"}

SELECT w, TRANSLATE(w, f, t) FROM words;
-- unordered
-- +I[hello, he001]
-- +I[world, world]
-- +I[null, null]
