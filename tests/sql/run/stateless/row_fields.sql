-- ROW columns, as Nexmark's `bid`/`auction`/`person` are: fields read in filters and
-- projections (compiled code reads them straight from the ROW's child vectors). A field of a
-- NULL row is NULL.
CREATE TABLE events (
  event_type INT,
  bid ROW<auction BIGINT, price BIGINT, channel STRING, extra ROW<tag STRING, weight DOUBLE>>,
  ts TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'json');
-- input events:
-- {"event_type": 2, "bid": {"auction": 1000, "price": 120, "channel": "apple", "extra": {"tag": "hot", "weight": 0.5}}, "ts": "2026-01-01 00:00:01"}
-- {"event_type": 2, "bid": {"auction": 1001, "price": 80, "channel": "a channel longer than twelve", "extra": null}, "ts": "2026-01-01 00:00:02"}
-- {"event_type": 0, "bid": null, "ts": "2026-01-01 00:00:03"}
-- {"event_type": 2, "bid": {"auction": 1003, "price": null, "channel": null, "extra": {"tag": null, "weight": 2.0}}, "ts": "2026-01-01 00:00:04"}

CREATE TABLE out_bids (auction BIGINT, dollars BIGINT, channel STRING, tag STRING, weighted DOUBLE)
WITH ('connector' = 'print');

INSERT INTO out_bids
SELECT bid.auction, bid.price / 100, UPPER(bid.channel), bid.extra.tag, bid.price * bid.extra.weight
FROM events WHERE event_type = 2;
-- +I[1000, 1, APPLE, hot, 60.0]
-- +I[1001, 0, A CHANNEL LONGER THAN TWELVE, null, null]
-- +I[1003, null, null, null, null]

-- Fields of a NULL row are NULL; IS NULL sees it.
SELECT event_type, bid.auction IS NULL, bid.extra.weight FROM events;
-- +I[2, FALSE, 0.5]
-- +I[2, FALSE, null]
-- +I[0, TRUE, null]
-- +I[2, FALSE, 2.0]

SELECT bid.auction FROM events WHERE bid.price > 100 OR bid.extra.weight > 1;
-- +I[1000]
-- +I[1003]
