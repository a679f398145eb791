-- Quickstart: 20 generated bids, converted to euros, the expensive ones printed.
-- `make run` runs this job: `sqlc run examples/quickstart.sql`.
CREATE TABLE bid (
  auction  BIGINT,
  bidder   BIGINT,
  price    BIGINT,
  bid_time TIMESTAMP(3),
  WATERMARK FOR bid_time AS bid_time - INTERVAL '2' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '100',
  'number-of-rows' = '20',
  'fields.auction.kind' = 'sequence',
  'fields.auction.start' = '1000',
  'fields.auction.end' = '1019',
  'fields.bidder.min' = '1',
  'fields.bidder.max' = '50',
  'fields.price.min' = '1',
  'fields.price.max' = '200'
);

CREATE TABLE euro_bids (auction BIGINT, bidder BIGINT, euro DECIMAL(23, 3), bid_time TIMESTAMP(3))
WITH ('connector' = 'print', 'print-identifier' = 'euro');

INSERT INTO euro_bids
SELECT auction, bidder, 0.908 * price, bid_time
FROM bid
WHERE price > 100;
