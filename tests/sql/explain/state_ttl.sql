-- The state TTL of each stateful operator: a STATE_TTL hint on a group aggregation names its
-- input and is recorded on the Aggregate; 'table.exec.state.ttl' covers the rest (the pipelines
-- `sqlc explain` prints show both as stateTtl=[...]).
CREATE TABLE orders (id BIGINT, customer BIGINT, amount DOUBLE) WITH ('connector' = 'datagen');

SET 'table.exec.state.ttl' = '1 h';

SELECT /*+ STATE_TTL('o' = '1d') */ customer, SUM(amount) AS total FROM orders AS o
GROUP BY customer;

SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer;
