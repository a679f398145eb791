-- INSERT INTO with an explicit column list, INSERT ... VALUES with several rows, expressions
-- and NULLs in VALUES, INSERT ... SELECT from VALUES, and INSERT with a sink OPTIONS hint.
-- Source: Flink docs, dev/table/sql/insert.

CREATE TABLE students (name STRING, age INT, gpa DECIMAL(3, 2)) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///data/students',
  'format' = 'csv'
);

INSERT INTO students
  VALUES ('fred flintstone', 35, 1.28), ('barney rubble', 32, 2.32);

INSERT INTO students VALUES ('wilma', CAST(NULL AS INT), NULL);

INSERT INTO students (name, gpa) VALUES ('betty', 3.50);

INSERT INTO students (gpa, name) SELECT 2.00, 'pebbles';

CREATE TABLE T (a INT, b INT, c INT) WITH ('connector' = 'blackhole');
CREATE TABLE S (x INT, y INT) WITH ('connector' = 'datagen');

-- 'x' is written to column 'c', 'y' to column 'b', and 'a' is set to NULL.
INSERT INTO T (c, b) SELECT x, y FROM S;

INSERT INTO T SELECT x, y, x + y FROM S;

INSERT INTO T (a, b, c)
SELECT * FROM (VALUES (1, 2, 3), (4, 5, 6)) AS v(a, b, c);

INSERT INTO T
SELECT a, b, c FROM (VALUES (1, 2, 3)) AS t1(a, b, c)
UNION ALL
SELECT x, y, 0 FROM S;

CREATE TABLE kafka_table1 (id BIGINT, name STRING, age INT) WITH (
  'connector' = 'kafka',
  'topic' = 't1',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'g1',
  'format' = 'json'
);
CREATE TABLE kafka_table2 (id BIGINT, name STRING, age INT) WITH (
  'connector' = 'kafka',
  'topic' = 't2',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'g2',
  'format' = 'json'
);

-- override table options of the INSERT target table
INSERT INTO kafka_table1 /*+ OPTIONS('sink.partitioner'='round-robin') */ SELECT * FROM kafka_table2;

INSERT INTO default_catalog.default_database.kafka_table1 (id, name)
SELECT id, UPPER(name) FROM kafka_table2 WHERE age > 18;
