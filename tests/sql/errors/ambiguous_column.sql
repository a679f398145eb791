-- expect-error: 6:8: column 'id' is ambiguous
-- An unqualified column that exists in both joined tables.
CREATE TABLE a (id BIGINT, x STRING) WITH ('connector' = 'datagen');
CREATE TABLE b (id BIGINT, y STRING) WITH ('connector' = 'datagen');

SELECT id, x, y
FROM a JOIN b ON a.id = b.id;
