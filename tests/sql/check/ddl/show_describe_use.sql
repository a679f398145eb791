-- SHOW, DESCRIBE / DESC, USE CATALOG / USE db, USE MODULES, LOAD / UNLOAD MODULE.
-- Source: Flink docs, dev/table/sql/show, describe, use, load, unload.

CREATE CATALOG c1 WITH ('type' = 'generic_in_memory');
CREATE DATABASE c1.db1;

CREATE TABLE Orders (
  `user`  BIGINT NOT NULL,
  product VARCHAR(32),
  amount  INT,
  ts      TIMESTAMP(3),
  ptime   AS PROCTIME(),
  PRIMARY KEY (`user`) NOT ENFORCED,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (
  'connector' = 'datagen'
);

CREATE VIEW big_orders AS SELECT * FROM Orders WHERE amount > 10;
CREATE FUNCTION my_udf AS 'com.example.udf.MyUdf';

SHOW CATALOGS;
SHOW CURRENT CATALOG;
SHOW DATABASES;
SHOW CURRENT DATABASE;
SHOW TABLES;
SHOW TABLES FROM default_catalog.default_database;
SHOW TABLES IN default_database LIKE 'Ord%';
SHOW TABLES NOT LIKE 'tmp%';
SHOW CREATE TABLE Orders;
SHOW COLUMNS FROM Orders;
SHOW COLUMNS IN Orders LIKE '%r';
SHOW VIEWS;
SHOW CREATE VIEW big_orders;
SHOW FUNCTIONS;
SHOW USER FUNCTIONS;
SHOW MODULES;
SHOW FULL MODULES;
SHOW JARS;

DESCRIBE Orders;
DESC Orders;
DESCRIBE default_catalog.default_database.big_orders;

USE CATALOG c1;
USE db1;
SHOW TABLES;
USE CATALOG default_catalog;
USE default_database;
USE default_catalog.default_database;

LOAD MODULE hive WITH ('hive-version' = '3.1.3');
USE MODULES hive, core;
USE MODULES core;
UNLOAD MODULE hive;

SELECT `user`, product FROM big_orders;
