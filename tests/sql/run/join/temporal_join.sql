-- Event-time temporal joins: each order joins the currency rate valid at its order_time, the
-- latest version of its currency at or before that time. Three kinds of versioned table: an
-- append-only history with a PRIMARY KEY, a CDC changelog, and a view deduplicating the history
-- to its latest row per currency. An order is emitted once the join's watermark (the smaller of
-- the two inputs', each the latest time read) reaches its time, against the versions known then.
-- The input blocks form one timeline in event-time order (rates and orders as they happen; each
-- job reads its two tables' rows of it), so at parallelism 1 each changelog is exact; at
-- parallelism 4 the final rows are compared.
CREATE TABLE orders (
  order_id INT,
  currency STRING,
  amount INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

CREATE TABLE rates_history (
  currency STRING,
  rate INT,
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');

-- The same rates as a CDC changelog (see the join on it below).
CREATE TABLE rates_cdc (
  currency STRING,
  rate INT,
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');

-- input rates_history:
-- EUR,114,2026-01-01 10:00:00
-- USD,102,2026-01-01 10:00:00
-- input rates_cdc:
-- {"before": null, "after": {"currency": "EUR", "rate": 114, "update_time": "2026-01-01 10:00:00"}, "op": "c"}
-- {"before": null, "after": {"currency": "USD", "rate": 102, "update_time": "2026-01-01 10:00:00"}, "op": "c"}
-- input orders:
-- 1,EUR,10,2026-01-01 10:00:05
-- input rates_cdc:
-- {"before": {"currency": "USD", "rate": 102, "update_time": "2026-01-01 10:00:00"}, "after": {"currency": "USD", "rate": 103, "update_time": "2026-01-01 10:00:06"}, "op": "u"}
-- {"before": {"currency": "USD", "rate": 103, "update_time": "2026-01-01 10:00:06"}, "after": null, "op": "d"}
-- input orders:
-- 2,USD,20,2026-01-01 10:00:07
-- input rates_history:
-- EUR,116,2026-01-01 10:00:10
-- input rates_cdc:
-- {"before": {"currency": "EUR", "rate": 114, "update_time": "2026-01-01 10:00:00"}, "after": {"currency": "EUR", "rate": 116, "update_time": "2026-01-01 10:00:10"}, "op": "u"}
-- input orders:
-- 3,EUR,30,2026-01-01 10:00:12
-- 4,JPY,40,2026-01-01 10:00:15
-- input rates_history:
-- USD,105,2026-01-01 10:00:20
-- EUR,119,2026-01-01 10:00:20
-- input orders:
-- 5,EUR,50,2026-01-01 10:00:20
-- 6,USD,60,2026-01-01 10:00:25
-- input rates_cdc:
-- {"before": {"currency": "EUR", "rate": 116, "update_time": "2026-01-01 10:00:10"}, "after": {"currency": "EUR", "rate": 121, "update_time": "2026-01-01 10:00:30"}, "op": "u"}

-- An order at a version's time sees that version (order 5 EUR's 10:00:20 rate); JPY has none,
-- so INNER drops order 4.
SELECT o.order_id, o.currency, o.amount * r.rate AS converted, r.update_time
FROM orders AS o
JOIN rates_history FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
-- +I[1, EUR, 1140, 2026-01-01 10:00:00.000]
-- +I[2, USD, 2040, 2026-01-01 10:00:00.000]
-- +I[3, EUR, 3480, 2026-01-01 10:00:10.000]
-- +I[5, EUR, 5950, 2026-01-01 10:00:20.000]
-- +I[6, USD, 6300, 2026-01-01 10:00:20.000]

-- LEFT pads an order without a version; the residual condition (rates above 110) pads too.
SELECT o.order_id, r.rate
FROM orders AS o
LEFT JOIN rates_history FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency AND r.rate > 110;
-- +I[1, 114]
-- +I[2, null]
-- +I[3, 116]
-- +I[4, null]
-- +I[5, 119]
-- +I[6, null]

-- The order's time attribute stays one: a window over the joined rows.
CREATE VIEW converted AS
SELECT o.order_id, o.order_time, o.amount * r.rate AS converted
FROM orders AS o
JOIN rates_history FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;

SELECT window_start, SUM(converted) AS total
FROM TABLE(TUMBLE(TABLE converted, DESCRIPTOR(order_time), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
-- +I[2026-01-01 10:00:00.000, 3180]
-- +I[2026-01-01 10:00:10.000, 3480]
-- +I[2026-01-01 10:00:20.000, 12250]

-- A CDC changelog as the versioned table: an update is a new version from the time in its
-- "after" image. A delete carries the deleted row, and so that version's time: as in Flink,
-- the key has no version from that time on (USD from 10:00:06, so orders 2 and 6 find none).
-- With no rate between 10:00:10 and 10:00:30, orders 3 to 6 wait for the 10:00:30 one; then the
-- watermark passes them all at once, and they come currency by currency (EUR's 3 and 5 first).
SELECT o.order_id, r.rate, r.update_time
FROM orders AS o
LEFT JOIN rates_cdc FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
-- +I[1, 114, 2026-01-01 10:00:00.000]
-- +I[2, null, null]
-- +I[3, 116, 2026-01-01 10:00:10.000]
-- +I[5, 116, 2026-01-01 10:00:10.000]
-- +I[4, null, null]
-- +I[6, null, null]

-- A view keeping the latest row per currency is versioned by its partition key.
CREATE VIEW latest_rates AS
SELECT currency, rate, update_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY update_time DESC) AS rn
  FROM rates_history)
WHERE rn = 1;

SELECT o.order_id, r.rate
FROM orders AS o
JOIN latest_rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
-- +I[1, 114]
-- +I[2, 102]
-- +I[3, 116]
-- +I[5, 119]
-- +I[6, 105]
