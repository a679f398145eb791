-- CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] [catalog.][db.]name
--   AS 'class' [LANGUAGE JAVA|SCALA|PYTHON] [USING JAR '...'],
-- and calls of the registered functions (scalar, table, aggregate).
-- Source: Flink docs, dev/table/sql/create ("CREATE FUNCTION") and dev/table/functions/udfs.
-- The classes are user code; `sqlc check` must accept calls to functions declared this way.

CREATE FUNCTION sub_string AS 'com.example.udf.SubstringFunction';

CREATE FUNCTION IF NOT EXISTS hash_code AS 'com.example.udf.HashCode' LANGUAGE JAVA;

CREATE TEMPORARY FUNCTION scala_upper AS 'com.example.udf.ScalaUpper' LANGUAGE SCALA;

CREATE TEMPORARY SYSTEM FUNCTION py_normalize AS 'my_udfs.normalize' LANGUAGE PYTHON;

CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS split_words AS 'com.example.udf.SplitFunction';

CREATE FUNCTION default_catalog.default_database.weighted_avg
  AS 'com.example.udf.WeightedAvg';

CREATE TEMPORARY FUNCTION jar_func AS 'com.example.udf.FromJar'
  LANGUAGE JAVA USING JAR 'file:///opt/udfs/my-udfs.jar';

CREATE TABLE words (
  id      BIGINT,
  line    STRING,
  weight  INT
) WITH ('connector' = 'datagen');

CREATE TABLE udf_out (
  id        BIGINT,
  part      STRING,
  code      INT,
  upper_w   STRING,
  norm      STRING,
  from_jar  STRING,
  word      STRING,
  word_len  INT
) WITH ('connector' = 'print');

CREATE TABLE udf_agg_out (
  line  STRING,
  wavg  BIGINT
) WITH ('connector' = 'print');

INSERT INTO udf_out
SELECT id, sub_string(line, 1, 5), hash_code(line), scala_upper(line), py_normalize(line),
       jar_func(line), T.word, T.length
FROM words, LATERAL TABLE(split_words(line)) AS T(word, length);

INSERT INTO udf_agg_out
SELECT line, weighted_avg(id, weight) FROM words GROUP BY line;
