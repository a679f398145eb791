-- Statement sets: EXECUTE STATEMENT SET BEGIN ... END; (SQL / TableEnvironment form) and the
-- SQL client form BEGIN STATEMENT SET; ... END;  Also EXECUTE INSERT.
-- Source: Flink docs, dev/table/sql/insert ("Insert into multiple tables") and
-- dev/table/sqlClient ("Execute a set of SQL statements").

CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH (
  'connector' = 'datagen'
);
CREATE TABLE RubberOrders (product STRING, amount INT) WITH ('connector' = 'blackhole');
CREATE TABLE GlassOrders (product VARCHAR, amount INT) WITH ('connector' = 'blackhole');
CREATE TABLE AllOrders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'print');

EXECUTE STATEMENT SET
BEGIN
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';
INSERT INTO GlassOrders SELECT product, amount FROM Orders WHERE product LIKE '%Glass%';
END;

BEGIN STATEMENT SET;
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';
INSERT INTO GlassOrders SELECT product, amount FROM Orders WHERE product LIKE '%Glass%';
INSERT INTO AllOrders SELECT * FROM Orders;
END;

-- A statement set with a single INSERT and a trailing comment.
EXECUTE STATEMENT SET BEGIN
  INSERT INTO AllOrders SELECT `user`, product, amount FROM Orders; -- only one
END;

EXECUTE INSERT INTO AllOrders SELECT `user`, product, amount * 2 FROM Orders;
