-- expect-error: 9:15: unexpected 'exists'
-- Flink docs (dev/table/sql/queries/overview, "EXISTS") write `product EXISTS (subquery)`;
-- EXISTS takes no left operand.
CREATE TABLE Orders (`user` STRING, product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE NewProducts (product STRING) WITH ('connector' = 'datagen');

SELECT `user`, amount
FROM Orders
WHERE product EXISTS (
    SELECT product FROM NewProducts
);
