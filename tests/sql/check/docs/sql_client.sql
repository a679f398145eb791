-- Flink docs page: dev/table/sqlClient ("SQL Client"): the initialization script and the
-- statement-set example.
-- Fixes: the init script registers `CREATE FUNCTION foo.bar.AggregateUDF AS myUDF;` (the class
-- must be a string literal, and catalog `foo` does not exist) and a 'hive' catalog; here the
-- class is quoted, the function lives in MyCatalog.MyDatabase, and the catalog is
-- generic_in_memory. The JDBC sinks get the primary keys they need for updating results. The statement set's first INSERT targets `pageviews` on the page (the source
-- table); it targets the `pageview` sink here. 'avro' is replaced by 'json'.

-- Define available catalogs
CREATE CATALOG MyCatalog
  WITH (
    'type' = 'generic_in_memory'
  );
USE CATALOG MyCatalog;

-- Define available database
CREATE DATABASE MyDatabase;
USE MyDatabase;

-- Define TABLE
CREATE TABLE MyTable(
  MyField1 INT,
  MyField2 STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '/path/to/something',
  'format' = 'csv'
);

-- Define VIEW
CREATE VIEW MyCustomView AS SELECT MyField2 FROM MyTable;

-- Define user-defined functions here.
CREATE FUNCTION MyCatalog.MyDatabase.AggregateUDF AS 'com.example.MyUDF';

-- Properties that change the fundamental execution behavior of a table program.

SET 'execution.runtime-mode' = 'streaming'; -- execution mode either 'batch' or 'streaming'
SET 'sql-client.execution.result-mode' = 'table'; -- available values: 'table', 'changelog' and 'tableau'
SET 'sql-client.execution.max-table-result.rows' = '10000'; -- optional: maximum number of maintained rows
SET 'parallelism.default' = '1'; -- optional: Flink's parallelism (1 by default)
SET 'pipeline.auto-watermark-interval' = '200'; --optional: interval for periodic watermarks
SET 'pipeline.max-parallelism' = '10'; -- optional: Flink's maximum parallelism
SET 'table.exec.state.ttl' = '1000'; -- optional: table program's idle state time
SET 'restart-strategy.type' = 'fixed-delay';

-- Configuration options for adjusting and tuning table programs.

SET 'table.optimizer.join-reorder-enabled' = 'true';
SET 'table.exec.spill-compression.enabled' = 'true';
SET 'table.exec.spill-compression.block-size' = '128kb';

CREATE TABLE pageviews (
  user_id BIGINT,
  page_id BIGINT,
  viewtime TIMESTAMP,
  proctime AS PROCTIME()
) WITH (
  'connector' = 'kafka',
  'topic' = 'pageviews',
  'properties.bootstrap.servers' = 'localhost:9092',
  'format' = 'json'
);

CREATE TABLE pageview (
  page_id BIGINT,
  cnt BIGINT,
  PRIMARY KEY (page_id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/mydatabase',
  'table-name' = 'pageview'
);

CREATE TABLE uniqueview (
  page_id BIGINT,
  cnt BIGINT,
  PRIMARY KEY (page_id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/mydatabase',
  'table-name' = 'uniqueview'
);

BEGIN STATEMENT SET;

INSERT INTO pageview
SELECT page_id, count(1)
FROM pageviews
GROUP BY page_id;

INSERT INTO uniqueview
SELECT page_id, count(distinct user_id)
FROM pageviews
GROUP BY page_id;

END;

SELECT * FROM MyCustomView;
