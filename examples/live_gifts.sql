-- Live-stream gift statistics, the seed job of Blink's dimension-table era: a stream of gifts
-- enriched by lookup joins against two dimension tables (gift types and anchors, local CSV
-- files under examples/data/live_gifts), a CASE on the looked-up category, the day as
-- 'yyyyMMdd', then per anchor a 1-minute TUMBLE and a 5-minute HOP on processing time.
-- Run from the repository root: `sqlc run examples/live_gifts.sql`. The gift file is bounded:
-- the job ends when it is read, and the windows still open then fire. Window bounds are the
-- wall-clock minutes the job ran in.

-- One row per gift sent: anchor, viewer, gift type, count, the client's send time.
CREATE TABLE gift_stream (
  gift_id      BIGINT,
  anchor_id    BIGINT,
  user_id      BIGINT,
  gift_type_id INT,
  gift_count   INT,
  send_time    TIMESTAMP(3),
  proc AS PROCTIME()
) WITH (
  'connector' = 'filesystem',
  'path' = 'examples/data/live_gifts/gifts.csv',
  'format' = 'csv'
);

-- Dimension tables, declared as Blink declares them (PERIOD FOR SYSTEM_TIME); the files are
-- held in memory and reloaded when they change.
CREATE TABLE dim_gift_type (
  gift_type_id INT,
  gift_name    VARCHAR,
  category     VARCHAR,
  price_coins  INT,
  PERIOD FOR SYSTEM_TIME
) WITH (
  'connector' = 'filesystem',
  'path' = 'examples/data/live_gifts/gift_types.csv',
  'format' = 'csv'
);

CREATE TABLE dim_anchor (
  anchor_id   BIGINT,
  anchor_name VARCHAR,
  guild       VARCHAR,
  PERIOD FOR SYSTEM_TIME
) WITH (
  'connector' = 'filesystem',
  'path' = 'examples/data/live_gifts/anchors.csv',
  'format' = 'csv',
  'lookup.cache' = 'PARTIAL',
  'lookup.partial-cache.max-rows' = '1000',
  'lookup.partial-cache.expire-after-write' = '10 min'
);

CREATE VIEW enriched_gifts AS
SELECT
  g.gift_id,
  g.anchor_id,
  COALESCE(a.anchor_name, 'unknown') AS anchor_name,
  COALESCE(a.guild, 'independent') AS guild,
  CASE t.category
    WHEN 'luxury' THEN 'big'
    WHEN 'normal' THEN 'small'
    ELSE 'unknown'
  END AS gift_level,
  g.gift_count * COALESCE(t.price_coins, 0) AS coins,
  DATE_FORMAT(g.send_time, 'yyyyMMdd') AS stat_date,
  g.proc
FROM gift_stream AS g
LEFT JOIN dim_gift_type FOR SYSTEM_TIME AS OF PROCTIME() AS t
  ON g.gift_type_id = t.gift_type_id
LEFT JOIN dim_anchor FOR SYSTEM_TIME AS OF PROCTIME() AS a
  ON g.anchor_id = a.anchor_id;

CREATE TABLE anchor_minute_stats (
  stat_date    VARCHAR,
  anchor_name  VARCHAR,
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  gifts        BIGINT,
  big_gifts    BIGINT,
  coins        BIGINT
) WITH (type = 'print');

CREATE TABLE guild_trend (
  guild        VARCHAR,
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  senders      BIGINT,
  coins        BIGINT
) WITH (type = 'print');

BEGIN STATEMENT SET;

INSERT INTO anchor_minute_stats
SELECT
  stat_date,
  anchor_name,
  TUMBLE_START(proc, INTERVAL '1' MINUTE),
  TUMBLE_END(proc, INTERVAL '1' MINUTE),
  COUNT(*),
  SUM(CASE WHEN gift_level = 'big' THEN 1 ELSE 0 END),
  CAST(SUM(coins) AS BIGINT)
FROM enriched_gifts
GROUP BY TUMBLE(proc, INTERVAL '1' MINUTE), stat_date, anchor_name;

INSERT INTO guild_trend
SELECT
  guild,
  HOP_START(proc, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE),
  HOP_END(proc, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE),
  COUNT(DISTINCT anchor_id),
  CAST(SUM(coins) AS BIGINT)
FROM enriched_gifts
GROUP BY HOP(proc, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE), guild;

END;
