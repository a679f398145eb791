-- PRINTF(format, obj...) as Flink's PrintfFunction (java.util.Formatter, Locale.US): NULL for a
-- NULL format and wherever Java throws (a missing argument, an unknown or mismatched conversion).
-- A NULL obj prints as "null". Only string arguments have kernels so far: a variadic kernel's
-- arguments share one storage type.

SELECT PRINTF('%s-%s', 'a', 'b'), PRINTF('%s!', CAST(NULL AS STRING)), PRINTF('[%5s|%-5s]', 'ab', 'cd'), PRINTF('%.2s', 'abcdef');
-- +I[a-b, null!, [   ab|cd   ], ab]

SELECT PRINTF('%2$s %1$s %<s', 'a', 'b'), PRINTF('%S %B %b', 'abc', 'x', CAST(NULL AS STRING)), PRINTF('%h', 'hello'), PRINTF('100%%'), PRINTF('plain');
-- +I[b a a, ABC TRUE false, 5e918d2, 100%, plain]

SELECT PRINTF('%s %s', 'a'), PRINTF('%d', 'a'), PRINTF('%05s', 'a'), PRINTF(CAST(NULL AS STRING), 'a'), PRINTF('%', 'a');
-- +I[null, null, null, null, null]

CREATE TABLE people (name STRING, city STRING) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input people:
-- {"name": "Ann", "city": "Oslo"}
-- {"name": "Bob", "city": null}

SELECT PRINTF('%s lives in %s', name, city) FROM people;
-- unordered
-- +I[Ann lives in Oslo]
-- +I[Bob lives in null]
