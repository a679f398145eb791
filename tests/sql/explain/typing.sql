-- Flink's result types: BIGINT / INT is integer division (BIGINT), AVG(BIGINT) is BIGINT,
-- SUM(INT) is INT, COUNT(*) is BIGINT NOT NULL, 0.908 * BIGINT is DECIMAL(23, 3).
CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, qty INT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '4' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE out_rows (auction BIGINT, per_item BIGINT, euro DECIMAL(23, 3), ts TIMESTAMP(3))
  WITH ('connector' = 'blackhole');
CREATE TABLE out_groups (auction BIGINT, avg_price BIGINT, total_qty INT, n BIGINT)
  WITH ('connector' = 'blackhole');

INSERT INTO out_rows SELECT auction, price / qty, 0.908 * price, ts FROM bid;
INSERT INTO out_groups SELECT auction, AVG(price), SUM(qty), COUNT(*) FROM bid GROUP BY auction;
