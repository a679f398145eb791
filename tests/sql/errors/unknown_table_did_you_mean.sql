-- expect-error: 7:22: did you mean 'orders'
-- A misspelled table name close to an existing one.
CREATE TABLE Orders (order_id BIGINT, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE totals (total BIGINT) WITH ('connector' = 'print');

INSERT INTO totals
SELECT COUNT(*) FROM Oders;
