-- Table functions: LATERAL TABLE(f(x)) as a comma join, CROSS JOIN, INNER JOIN ... ON TRUE,
-- LEFT JOIN LATERAL TABLE(...) AS T(a) ON TRUE, column aliases, built-in and user-defined
-- table functions.
-- Source: Flink docs, dev/table/sql/queries/joins ("Table Function") and
-- dev/table/functions/udfs ("Table Functions").

CREATE FUNCTION SplitFunction AS 'com.example.udf.SplitFunction';
CREATE TEMPORARY FUNCTION table_func AS 'com.example.udf.TableFunc' LANGUAGE JAVA;

CREATE TABLE MyTable (
  order_id  BIGINT,
  myField   STRING,
  csv_tags  STRING
) WITH ('connector' = 'datagen');

CREATE TABLE Orders (
  order_id BIGINT,
  items    STRING
) WITH ('connector' = 'datagen');

CREATE TABLE words_out (
  myField   STRING,
  word      STRING,
  len       INT
) WITH ('connector' = 'print');

-- doc examples
SELECT order_id, res
FROM Orders,
LATERAL TABLE(table_func(order_id)) t(res);

SELECT order_id, res
FROM Orders
LEFT OUTER JOIN LATERAL TABLE(table_func(order_id)) t(res)
  ON TRUE;

-- (The docs also show these two without the AS T(word, length) alias; then the column names
-- come from the UDF's declared output type, which only the Java class knows.)
SELECT myField, word, length
FROM MyTable, LATERAL TABLE(SplitFunction(myField)) AS T(word, length);

SELECT myField, word, length
FROM MyTable
LEFT JOIN LATERAL TABLE(SplitFunction(myField)) AS T(word, length) ON TRUE;

-- rename fields of the function
INSERT INTO words_out
SELECT myField, newWord, newLength
FROM MyTable
LEFT JOIN LATERAL TABLE(SplitFunction(myField)) AS T(newWord, newLength) ON TRUE;

SELECT myField, T.w
FROM MyTable
CROSS JOIN LATERAL TABLE(SplitFunction(myField)) AS T(w, l);

SELECT m.order_id, T.a
FROM MyTable AS m
JOIN LATERAL TABLE(SplitFunction(m.csv_tags)) AS T(a, b) ON TRUE
WHERE T.b > 2;

SELECT m.order_id, T.a
FROM MyTable AS m
LEFT JOIN LATERAL TABLE(table_func(m.csv_tags)) AS T(a) ON TRUE;
