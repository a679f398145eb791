-- expect-error: 7:1: option 'table.optimizer.distinct-agg.split.enabled' must be true or false, not 'yes'
-- expect-error: 8:1: option 'table.optimizer.distinct-agg.split.bucket-num' must be a positive integer, not '0'
-- expect-error: 9:1: option 'table.optimizer.distinct-agg.split.bucket-num' must be a positive integer, not '16 buckets'
-- The split distinct aggregation's options are read by the planner, so a bad value is refused
-- where it is SET. bucket-num is the divisor of MOD(HASH_CODE(x), bucket-num): a positive INT.
CREATE TABLE orders (id BIGINT, customer BIGINT) WITH ('connector' = 'datagen');
SET 'table.optimizer.distinct-agg.split.enabled' = 'yes';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '0';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '16 buckets';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '16';
SELECT customer, COUNT(DISTINCT id) FROM orders GROUP BY customer;
