-- Flink docs page: connectors/table/jdbc ("JDBC SQL Connector"): the MyUserTable example
-- (sink, scan source, and lookup source).
-- The page leaves the tables "T" and "myTopic" undefined; they are declared here, and myTopic's
-- join key column `key` stays as written.

-- register a MySQL table 'users' in Flink SQL
CREATE TABLE MyUserTable (
  id BIGINT,
  name STRING,
  age INT,
  status BOOLEAN,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
   'connector' = 'jdbc',
   'url' = 'jdbc:mysql://localhost:3306/mydatabase',
   'table-name' = 'users'
);

CREATE TABLE T (
  id BIGINT,
  name STRING,
  age INT,
  status BOOLEAN
) WITH ('connector' = 'datagen');

CREATE TABLE myTopic (
  key BIGINT,
  payload STRING,
  proctime AS PROCTIME()
) WITH (
  'connector' = 'kafka',
  'topic' = 'myTopic',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

-- write data into the JDBC table from the other table "T"
INSERT INTO MyUserTable
SELECT id, name, age, status FROM T;

-- scan data from the JDBC table
SELECT id, name, age, status FROM MyUserTable;

-- temporal join the JDBC table as a dimension table
SELECT * FROM myTopic
LEFT JOIN MyUserTable FOR SYSTEM_TIME AS OF myTopic.proctime
ON myTopic.key = MyUserTable.id;
