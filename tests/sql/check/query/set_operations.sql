-- Set operations: UNION, UNION ALL, INTERSECT, INTERSECT ALL, EXCEPT, EXCEPT ALL, IN / NOT IN
-- as set membership, parenthesised operands, chains and precedence.
-- Source: Flink docs, dev/table/sql/queries/set-ops.

CREATE TABLE t1 (s STRING) WITH ('connector' = 'datagen');
CREATE TABLE t2 (s STRING) WITH ('connector' = 'datagen');
CREATE TABLE t3 (s STRING, n INT) WITH ('connector' = 'datagen');

CREATE TABLE union_sink (s STRING) WITH ('connector' = 'print');

(SELECT s FROM t1) UNION (SELECT s FROM t2);

(SELECT s FROM t1) UNION ALL (SELECT s FROM t2);

(SELECT s FROM t1) INTERSECT (SELECT s FROM t2);

(SELECT s FROM t1) INTERSECT ALL (SELECT s FROM t2);

(SELECT s FROM t1) EXCEPT (SELECT s FROM t2);

(SELECT s FROM t1) EXCEPT ALL (SELECT s FROM t2);

SELECT s FROM t1 WHERE s IN (SELECT s FROM t2);

SELECT s FROM t1 WHERE s NOT IN (SELECT s FROM t2);

INSERT INTO union_sink
SELECT s FROM t1
UNION ALL
SELECT s FROM t2
UNION ALL
SELECT s FROM t3 WHERE n > 0;

-- precedence: INTERSECT binds tighter than UNION
SELECT s FROM t1
UNION
SELECT s FROM t2
INTERSECT
SELECT s FROM t3;

SELECT u.s, COUNT(*) AS cnt
FROM (
  SELECT s FROM t1 UNION ALL SELECT s FROM t2
) AS u
GROUP BY u.s;

SELECT s, CAST(NULL AS INT) AS n FROM t1
UNION ALL
SELECT s, n FROM t3;

(SELECT s FROM t1 EXCEPT SELECT s FROM t2) UNION ALL (SELECT s FROM t3);
