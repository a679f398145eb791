-- expect-error: 8:14: incompatible types for sink column 'age'
-- The query's second column is a STRING, the sink's `age` is an INT (the location is the
-- offending SELECT item).
CREATE TABLE src (name STRING, age_text STRING) WITH ('connector' = 'datagen');
CREATE TABLE people (name STRING, age INT) WITH ('connector' = 'print');

INSERT INTO people
SELECT name, age_text FROM src;
