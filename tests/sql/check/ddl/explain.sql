-- EXPLAIN [PLAN FOR | ExplainDetail[, ExplainDetail]*] on queries, INSERTs and statement sets.
-- Source: Flink docs, dev/table/sql/explain.

CREATE TABLE MyTable1 (`count` BIGINT, word VARCHAR(256)) WITH ('connector' = 'datagen');
CREATE TABLE MyTable2 (`count` BIGINT, word VARCHAR(256)) WITH ('connector' = 'datagen');
CREATE TABLE MySink1 (`count` BIGINT, word VARCHAR(256)) WITH ('connector' = 'blackhole');
CREATE TABLE MySink2 (`count` BIGINT, word VARCHAR(256)) WITH ('connector' = 'blackhole');

EXPLAIN PLAN FOR SELECT `count`, word FROM MyTable1 WHERE word LIKE 'F%'
UNION ALL
SELECT `count`, word FROM MyTable2;

EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN SELECT `count`, word FROM MyTable1
WHERE word LIKE 'F%'
UNION ALL
SELECT `count`, word FROM MyTable2;

EXPLAIN SELECT word, SUM(`count`) FROM MyTable1 GROUP BY word;

EXPLAIN CHANGELOG_MODE SELECT word, SUM(`count`) FROM MyTable1 GROUP BY word;

EXPLAIN ESTIMATED_COST SELECT * FROM MyTable2;

EXPLAIN JSON_EXECUTION_PLAN INSERT INTO MySink1 SELECT `count`, word FROM MyTable1;

EXPLAIN PLAN_ADVICE SELECT word, COUNT(*) FROM MyTable2 GROUP BY word;

EXPLAIN PLAN FOR INSERT INTO MySink2 SELECT `count`, word FROM MyTable2 WHERE `count` > 10;

EXPLAIN STATEMENT SET
BEGIN
INSERT INTO MySink1 SELECT `count`, word FROM MyTable1;
INSERT INTO MySink2 SELECT `count`, word FROM MyTable2;
END;
