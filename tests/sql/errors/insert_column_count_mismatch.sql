-- expect-error: 6:13: column count mismatch
-- The sink has three columns, the query produces two (the location is the target table name).
CREATE TABLE src (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE sink (id BIGINT, name STRING, age INT) WITH ('connector' = 'print');

INSERT INTO sink
SELECT id, name FROM src;
