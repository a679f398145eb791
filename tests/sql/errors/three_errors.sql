-- expect-error: 8:18: column 'amount_usd' not found
-- expect-error: 10:22: table 'customer' not found
-- expect-error: 12:8: function 'to_upper' not found
-- Three independent errors in three statements; all three must be reported.
CREATE TABLE orders (order_id BIGINT, customer_id BIGINT, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE customers (id BIGINT, name STRING) WITH ('connector' = 'datagen');

SELECT order_id, amount_usd FROM orders;

SELECT COUNT(*) FROM customer AS c;

SELECT to_upper(name) FROM customers;
