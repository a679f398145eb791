-- SQL hints: dynamic table options /*+ OPTIONS(...) */ on sources (with and without alias, in
-- joins) and on an INSERT target; query hints STATE_TTL, LOOKUP (async, output mode, retry),
-- and the join strategy hints BROADCAST, SHUFFLE_HASH, SHUFFLE_MERGE, NEST_LOOP.
-- Source: Flink docs, dev/table/sql/queries/hints.

CREATE TABLE kafka_table1 (id BIGINT, name STRING, age INT) WITH (
  'connector' = 'kafka',
  'topic' = 'people1',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'hints',
  'scan.startup.mode' = 'latest-offset',
  'format' = 'json'
);
CREATE TABLE kafka_table2 (id BIGINT, name STRING, age INT) WITH (
  'connector' = 'kafka',
  'topic' = 'people2',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'hints',
  'scan.startup.mode' = 'latest-offset',
  'format' = 'json'
);

-- override table options in query source
select id, name from kafka_table1 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */;

-- override table options in join
select * from
    kafka_table1 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ t1
    join
    kafka_table2 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ t2
    on t1.id = t2.id;

-- override table options for INSERT target table
insert into kafka_table1 /*+ OPTIONS('sink.partitioner'='round-robin') */ select * from kafka_table2;

-- several options, and a hint on a catalog-qualified name followed by AS alias
SELECT t.id
FROM default_catalog.default_database.kafka_table1
     /*+ OPTIONS('scan.startup.mode'='timestamp', 'scan.startup.timestamp-millis'='1700000000000') */ AS t;

CREATE TABLE orders (
  o_orderkey   INT,
  o_custkey    INT,
  o_status     BOOLEAN,
  o_totalprice DOUBLE,
  proc_time    AS PROCTIME()
) WITH ('connector' = 'datagen');

CREATE TABLE lineitem (
  l_linenumber    INT,
  l_orderkey      INT,
  l_partkey       INT,
  l_extendedprice DOUBLE
) WITH ('connector' = 'datagen');

CREATE TABLE customers (
  c_custkey INT,
  c_address STRING
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://localhost:3306/tpch',
  'table-name' = 'customer'
);

-- STATE_TTL with table names and with aliases as hint keys
SELECT /*+ STATE_TTL('orders'='3d', 'lineitem'='1d') */ * FROM
orders LEFT JOIN lineitem
ON orders.o_orderkey = lineitem.l_orderkey;

SELECT /*+ STATE_TTL('o' = '1d', 'l' = '12h') */ o.o_orderkey, l.l_extendedprice
FROM orders o LEFT JOIN lineitem l
ON o.o_orderkey = l.l_orderkey;

-- STATE_TTL on a group aggregation
SELECT /*+ STATE_TTL('orders' = '1d') */ o_orderkey, SUM(o_totalprice) AS revenue
FROM orders
GROUP BY o_orderkey;

-- temporary views as hint keys
CREATE TEMPORARY VIEW left_input AS SELECT o_orderkey, o_totalprice FROM orders WHERE o_status;
CREATE TEMPORARY VIEW right_input AS SELECT l_orderkey, l_extendedprice FROM lineitem;

SELECT /*+ STATE_TTL('left_input'= '360000s', 'right_input' = '15h') */ *
FROM left_input JOIN right_input
ON left_input.o_orderkey = right_input.l_orderkey;

-- LOOKUP hints
SELECT /*+ LOOKUP('table'='c', 'async'='true', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='10s', 'max-attempts'='3') */
  o.o_orderkey, o.o_totalprice, c.c_address
FROM orders AS o
JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c
ON o.o_custkey = c.c_custkey;

SELECT /*+ LOOKUP('table'='customers', 'async'='true', 'output-mode'='allow_unordered', 'capacity'='1000', 'timeout'='180s') */
  o.o_orderkey, c.c_address
FROM orders AS o
JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c
ON o.o_custkey = c.c_custkey;

SELECT /*+ LOOKUP('table'='customers', 'async'='false', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='1s', 'max-attempts'='5') */
  o.o_orderkey, c.c_address
FROM orders AS o
LEFT JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c
ON o.o_custkey = c.c_custkey;

-- join strategy hints (batch)
SET 'execution.runtime-mode' = 'batch';

SELECT /*+ BROADCAST(lineitem) */ * FROM orders JOIN lineitem ON orders.o_orderkey = lineitem.l_orderkey;

SELECT /*+ BROADCAST(l) */ o.o_orderkey FROM orders o JOIN lineitem l ON o.o_orderkey = l.l_orderkey;

SELECT /*+ SHUFFLE_HASH(orders) */ * FROM orders JOIN lineitem ON orders.o_orderkey = lineitem.l_orderkey;

SELECT /*+ SHUFFLE_MERGE(orders, lineitem) */ * FROM orders JOIN lineitem ON orders.o_orderkey = lineitem.l_orderkey;

SELECT /*+ NEST_LOOP(lineitem) */ * FROM orders JOIN lineitem ON orders.o_orderkey = lineitem.l_orderkey;

-- several query hints in one comment, and a hint in a subquery
SELECT /*+ BROADCAST(lineitem), SHUFFLE_HASH(c) */ o.o_orderkey, c.c_address
FROM orders o
JOIN lineitem ON o.o_orderkey = lineitem.l_orderkey
JOIN customers c ON c.c_custkey = o.o_custkey;

SELECT * FROM (
  SELECT /*+ SHUFFLE_HASH(lineitem) */ o.o_orderkey, lineitem.l_partkey
  FROM orders o JOIN lineitem ON o.o_orderkey = lineitem.l_orderkey
) WHERE l_partkey > 10;
