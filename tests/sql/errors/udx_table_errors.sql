-- expect-error: 13:39: no overload of split_words(int) matches; split_words is split_words(string, string) -> row<
-- expect-error: 15:8: split_words is a table function: call it in from as lateral table(split_words(..))
-- Native table function (UDX) errors at check time: a call no overload accepts lists them, and a
-- table function called as a scalar says where it belongs.
-- (The library is udx/examples/split_words.cpp; the harness replaces @SLUICE_UDX_EXAMPLES@.)

CREATE FUNCTION split_words AS 'com.example.udx.SplitWords'
  USING LIBRARY '@SLUICE_UDX_EXAMPLES@/libsplit_words.so';

CREATE TABLE t (id INT, s STRING) WITH (
  'connector' = 'filesystem', 'path' = 'x', 'format' = 'csv');

SELECT id, word FROM t, LATERAL TABLE(split_words(id)) AS T(word, position);

SELECT split_words(s) FROM t;
