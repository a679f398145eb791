-- Table functions of a native library (udx/examples/split_words.cpp, written with the C++ SDK):
-- LATERAL TABLE runs the library's row entry once per input row and joins the row with each row
-- it emits. The harness replaces @SLUICE_UDX_EXAMPLES@ by the example libraries' directory.

CREATE TEMPORARY FUNCTION split_words AS 'com.example.udx.SplitWords' LANGUAGE C
  USING LIBRARY '@SLUICE_UDX_EXAMPLES@/libsplit_words.so';

CREATE TABLE t (id INT, s STRING) WITH (
  'connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input t:
-- {"id": 1, "s": "a,b,,c"}
-- {"id": 2, "s": "a single sentence with words longer than twelve bytes: incomprehensibilities"}
-- {"id": 3, "s": ""}
-- {"id": 4, "s": null}

-- The (STRING, STRING) overload: a row per non-empty word, its position from 1; a row with no
-- words (an empty or NULL string) is dropped by the inner join.
SELECT id, word, position FROM t, LATERAL TABLE(split_words(s, ',')) AS T(word, position);
-- +I[1, a, 1]
-- +I[1, b, 2]
-- +I[1, c, 3]
-- +I[2, a single sentence with words longer than twelve bytes: incomprehensibilities, 1]

-- The one-argument overload splits on a space; LEFT JOIN pads the empty and the NULL string.
SELECT id, word, position FROM t LEFT JOIN LATERAL TABLE(split_words(s)) AS T(word, position) ON TRUE;
-- +I[1, a,b,,c, 1]
-- +I[2, a, 1]
-- +I[2, single, 2]
-- +I[2, sentence, 3]
-- +I[2, with, 4]
-- +I[2, words, 5]
-- +I[2, longer, 6]
-- +I[2, than, 7]
-- +I[2, twelve, 8]
-- +I[2, bytes:, 9]
-- +I[2, incomprehensibilities, 10]
-- +I[3, null, null]
-- +I[4, null, null]

-- A filter on the produced columns, and the columns named by the function's row type.
SELECT id, UPPER(word), position * 10 FROM t, LATERAL TABLE(split_words(s))
WHERE position > 1 AND CHAR_LENGTH(word) > 5;
-- +I[2, SINGLE, 20]
-- +I[2, SENTENCE, 30]
-- +I[2, LONGER, 60]
-- +I[2, TWELVE, 80]
-- +I[2, BYTES:, 90]
-- +I[2, INCOMPREHENSIBILITIES, 100]

-- An ON condition on the produced columns: a row none passes is padded.
SELECT id, word FROM t LEFT JOIN LATERAL TABLE(split_words(s, ',')) AS T(word, position)
  ON word <> 'a' AND position > 1;
-- +I[1, b]
-- +I[1, c]
-- +I[2, null]
-- +I[3, null]
-- +I[4, null]

-- Over an updating input each produced row carries its input row's kind.
SELECT c, word FROM (SELECT COUNT(*) AS c FROM t WHERE id < 3),
  LATERAL TABLE(split_words(CAST(c AS STRING) || ' x')) AS T(word, position);
-- +I[1, 1]
-- +I[1, x]
-- -U[1, 1]
-- -U[1, x]
-- +U[2, 2]
-- +U[2, x]

-- host->fail fails the job with the function's name, the message and the input row.
SELECT id, word FROM t, LATERAL TABLE(split_words(s, CASE WHEN id = 2 THEN '' ELSE ' ' END)) AS T(word, position);
-- error: SPLIT_WORDS: SplitWords: the separator is an empty string (input row +I[2, a single sentence with words longer than twelve bytes: incomprehensibilities])
