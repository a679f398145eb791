-- Views are inlined, and a time attribute selected through a view (and a projection inside it)
-- is still a time attribute: the TUMBLE over the view is a window aggregation, and the lookup
-- join through the view keeps the probe side's rowtime.
CREATE TABLE clicks (user_id BIGINT, url STRING, ts TIMESTAMP(3), proc AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE users (id BIGINT, region STRING, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://localhost/db', 'table-name' = 'users');

CREATE VIEW shop_clicks AS SELECT user_id, url, ts, proc FROM clicks WHERE url LIKE '%/shop/%';

CREATE VIEW regional_clicks AS
SELECT c.user_id, c.ts, u.region FROM shop_clicks AS c
  JOIN users FOR SYSTEM_TIME AS OF c.proc AS u ON c.user_id = u.id;

SELECT region, window_start, COUNT(*) AS clicks
FROM TABLE(TUMBLE(TABLE regional_clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY region, window_start, window_end;
