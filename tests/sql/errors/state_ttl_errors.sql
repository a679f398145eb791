-- expect-error: 6:1: 'table.exec.state.ttl' must be a duration
-- expect-error: 9:12: state_ttl key 'orders' does not name the aggregation's input; expected 'o'
-- expect-error: 11:12: state_ttl of 'o' must be a duration
-- 'table.exec.state.ttl' and STATE_TTL take Flink durations; on an aggregation the hint's key
-- is the aggregation's input (its alias when it has one), as in Flink 1.19.
SET 'table.exec.state.ttl' = '1 fortnight';
CREATE TABLE orders (id BIGINT, customer BIGINT) WITH ('connector' = 'datagen');

SELECT /*+ STATE_TTL('orders' = '1d') */ customer, COUNT(*) FROM orders AS o GROUP BY customer;

SELECT /*+ STATE_TTL('o' = '-1 h') */ customer, COUNT(*) FROM orders AS o GROUP BY customer;
