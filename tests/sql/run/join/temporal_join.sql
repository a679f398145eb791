-- Event-time temporal joins: each order joins the currency rate valid at its order_time, the
-- latest version of its currency at or before that time. Three kinds of versioned table: an
-- append-only history with a PRIMARY KEY, a CDC changelog, and a view deduplicating the history
-- to its latest row per currency. The two sources run side by side, so only the rows each
-- changelog leaves are compared here (`-- final`); the exact changelogs (versions arriving
-- before and after the orders, deletions, state cleanup) are tests/unit/temporal_join_test.cpp's.
CREATE TABLE orders (
  order_id INT,
  currency STRING,
  amount INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input orders:
-- 1,EUR,10,2026-01-01 10:00:05
-- 2,USD,20,2026-01-01 10:00:07
-- 3,EUR,30,2026-01-01 10:00:12
-- 4,JPY,40,2026-01-01 10:00:15
-- 5,EUR,50,2026-01-01 10:00:21
-- 6,USD,60,2026-01-01 10:00:25

CREATE TABLE rates_history (
  currency STRING,
  rate INT,
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input rates_history:
-- EUR,114,2026-01-01 10:00:00
-- USD,102,2026-01-01 10:00:00
-- EUR,116,2026-01-01 10:00:10
-- USD,105,2026-01-01 10:00:20
-- EUR,119,2026-01-01 10:00:20

-- An order at a version's time sees that version; JPY has none, so INNER drops order 4.
SELECT o.order_id, o.currency, o.amount * r.rate AS converted, r.update_time
FROM orders AS o
JOIN rates_history FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
-- final
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
-- final
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
-- final
-- +I[2026-01-01 10:00:00.000, 3180]
-- +I[2026-01-01 10:00:10.000, 3480]
-- +I[2026-01-01 10:00:20.000, 12250]

-- A CDC changelog as the versioned table: an update is a new version from the time in its
-- "after" image. A delete carries the deleted row, and so that version's time: as in Flink,
-- the key has no version from that time on (USD from 10:00:06, so orders 2 and 6 find none).
CREATE TABLE rates_cdc (
  currency STRING,
  rate INT,
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input rates_cdc:
-- {"before": null, "after": {"currency": "EUR", "rate": 114, "update_time": "2026-01-01 10:00:00"}, "op": "c"}
-- {"before": null, "after": {"currency": "USD", "rate": 102, "update_time": "2026-01-01 10:00:00"}, "op": "c"}
-- {"before": {"currency": "USD", "rate": 102, "update_time": "2026-01-01 10:00:00"}, "after": {"currency": "USD", "rate": 103, "update_time": "2026-01-01 10:00:06"}, "op": "u"}
-- {"before": {"currency": "EUR", "rate": 114, "update_time": "2026-01-01 10:00:00"}, "after": {"currency": "EUR", "rate": 116, "update_time": "2026-01-01 10:00:10"}, "op": "u"}
-- {"before": {"currency": "USD", "rate": 103, "update_time": "2026-01-01 10:00:06"}, "after": null, "op": "d"}
-- {"before": {"currency": "EUR", "rate": 116, "update_time": "2026-01-01 10:00:10"}, "after": {"currency": "EUR", "rate": 121, "update_time": "2026-01-01 10:00:30"}, "op": "u"}

SELECT o.order_id, r.rate, r.update_time
FROM orders AS o
LEFT JOIN rates_cdc FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
-- final
-- +I[1, 114, 2026-01-01 10:00:00.000]
-- +I[2, null, null]
-- +I[3, 116, 2026-01-01 10:00:10.000]
-- +I[4, null, null]
-- +I[5, 116, 2026-01-01 10:00:10.000]
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
-- final
-- +I[1, 114]
-- +I[2, 102]
-- +I[3, 116]
-- +I[5, 119]
-- +I[6, 105]
