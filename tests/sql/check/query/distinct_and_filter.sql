-- SELECT DISTINCT, COUNT(DISTINCT ...), DISTINCT inside other aggregates, aggregate
-- FILTER (WHERE ...), and combinations of both.
-- Source: Flink docs, dev/table/sql/queries/select-distinct and group-agg; the FILTER pattern
-- follows Nexmark q15.

CREATE TABLE Orders (
  order_id  BIGINT,
  `user`    STRING,
  product   STRING,
  price     BIGINT,
  channel   STRING,
  ts        TIMESTAMP(3)
) WITH ('connector' = 'datagen');

CREATE TABLE daily_stats (
  `day`          STRING,
  total_orders   BIGINT,
  cheap_orders   BIGINT,
  users          BIGINT,
  cheap_users    BIGINT,
  apple_revenue  BIGINT
) WITH ('connector' = 'print');

SELECT DISTINCT id FROM (SELECT order_id AS id FROM Orders);

SELECT DISTINCT `user`, product FROM Orders;

SELECT COUNT(DISTINCT order_id) FROM Orders;

SELECT product, COUNT(DISTINCT `user`), SUM(DISTINCT price), AVG(DISTINCT price)
FROM Orders
GROUP BY product;

INSERT INTO daily_stats
SELECT
  DATE_FORMAT(ts, 'yyyy-MM-dd') AS `day`,
  COUNT(*) AS total_orders,
  COUNT(*) FILTER (WHERE price < 100) AS cheap_orders,
  COUNT(DISTINCT `user`) AS users,
  COUNT(DISTINCT `user`) FILTER (WHERE price < 100) AS cheap_users,
  SUM(price) FILTER (WHERE channel = 'apple' AND price > 0) AS apple_revenue
FROM Orders
GROUP BY DATE_FORMAT(ts, 'yyyy-MM-dd');

SELECT channel, MAX(price) FILTER (WHERE product LIKE 'a%') AS max_a
FROM Orders
GROUP BY channel;

SELECT ALL product FROM Orders;
