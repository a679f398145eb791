-- Quickstart: bids from a generated stream, converted to euros, with a 10-second tumbling
-- window of the highest bid per auction. `make run` checks this job and prints its plans.
CREATE TABLE bid (
  auction  BIGINT,
  bidder   BIGINT,
  price    BIGINT,
  bid_time TIMESTAMP(3),
  WATERMARK FOR bid_time AS bid_time - INTERVAL '2' SECOND
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '1000',
  'fields.auction.min' = '1000',
  'fields.auction.max' = '1010'
);

CREATE TABLE euro_bids (auction BIGINT, bidder BIGINT, euro DECIMAL(23, 3), bid_time TIMESTAMP(3))
WITH ('connector' = 'print');

CREATE TABLE top_bids (auction BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3),
                       max_price BIGINT)
WITH ('connector' = 'print');

EXECUTE STATEMENT SET
BEGIN
  INSERT INTO euro_bids SELECT auction, bidder, 0.908 * price, bid_time FROM bid;
  INSERT INTO top_bids
  SELECT auction, window_start, window_end, MAX(price)
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(bid_time), INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end;
END;
