-- UNION ALL runs as one operator fed through exchanges: each input is its own pipeline, the
-- union's instances read both, and `sink.parallelism` rebalances rows to the sink's instances.
CREATE TABLE clicks (user_id BIGINT, page STRING, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input clicks:
-- 1,home,2026-01-01 00:00:01
-- 2,cart,2026-01-01 00:00:02
-- 3,home,2026-01-01 00:00:03

CREATE TABLE orders (user_id BIGINT, amount DECIMAL(10, 2), ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'json');
-- input orders:
-- {"user_id": 2, "amount": 19.99, "ts": "2026-01-01 00:00:05"}
-- {"user_id": 4, "amount": 5.00, "ts": "2026-01-01 00:00:06"}

CREATE TABLE events (user_id BIGINT, kind STRING, detail STRING)
WITH ('connector' = 'print', 'sink.parallelism' = '1');

INSERT INTO events
SELECT user_id, 'click', page FROM clicks WHERE page = 'home'
UNION ALL
SELECT user_id, 'order', CAST(amount AS STRING) FROM orders;
-- unordered
-- +I[1, click, home]
-- +I[3, click, home]
-- +I[2, order, 19.99]
-- +I[4, order, 5.00]

-- Three inputs, one of them empty after its filter; the union still ends when all have ended.
SELECT user_id FROM clicks WHERE user_id > 100
UNION ALL SELECT user_id FROM orders
UNION ALL SELECT user_id + 10 FROM clicks;
-- unordered
-- +I[2]
-- +I[4]
-- +I[11]
-- +I[12]
-- +I[13]

-- A sink's parallelism must be a positive integer.
CREATE TABLE bad_sink (user_id BIGINT) WITH ('connector' = 'print', 'sink.parallelism' = 'two');
INSERT INTO bad_sink SELECT user_id FROM clicks;
-- error: option 'sink.parallelism' of table
