-- Alibaba Realtime Compute (Blink SQL) job: live-stream gift statistics.
-- A DataHub gift stream is enriched from two RDS dimension tables (PRIMARY KEY + PERIOD FOR
-- SYSTEM_TIME, LRU / ALL caches) with LEFT JOIN ... FOR SYSTEM_TIME AS OF PROCTIME(), classified
-- with CASE on the looked-up category, and aggregated in 1-minute TUMBLE and 5-minute HOP group
-- windows plus a per-day running total. All INSERTs of the file run as one Blink job.
-- Dialect: Blink 3.x DDL (type = '...', unquoted option keys, TIMESTAMP without precision).
-- Source: Alibaba Cloud Realtime Compute (Blink) docs: "创建数据总线DataHub源表",
-- "创建云数据库RDS版维表", "创建云数据库RDS版结果表", "创建打印结果表", "窗口函数".

-- 礼物流水 (gift events)
CREATE TABLE gift_source (
    room_id     BIGINT,
    user_id     BIGINT,
    anchor_id   BIGINT,
    gift_id     BIGINT,
    gift_num    INT,
    client      VARCHAR,
    send_time   TIMESTAMP,
    ptime AS PROCTIME()
) WITH (
    type = 'datahub',
    endPoint = 'http://dh-cn-hangzhou.aliyun-inc.com',
    project = 'live_project',
    topic = 'gift_events',
    accessId = 'LTAI000000000000',
    accessKey = 'yourAccessKeySecret',
    startTime = '2024-01-01 00:00:00',
    maxRetryTimes = '20',
    batchReadSize = '500'
);

-- 礼物维表 (gift dimension), partially cached
CREATE TABLE gift_dim (
    gift_id    BIGINT,
    gift_name  VARCHAR,
    category   VARCHAR,
    price      DECIMAL(10, 2),
    PRIMARY KEY (gift_id),
    PERIOD FOR SYSTEM_TIME
) WITH (
    type = 'rds',
    url = 'jdbc:mysql://rm-bp1xxxxxxxx.mysql.rds.aliyuncs.com:3306/live',
    tableName = 'gift_info',
    userName = 'blink_reader',
    password = 'yourPassword',
    cache = 'LRU',
    cacheSize = '10000',
    cacheTTLMs = '60000'
);

-- 主播维表 (anchor dimension), fully cached and reloaded hourly
CREATE TABLE anchor_dim (
    anchor_id    BIGINT,
    anchor_name  VARCHAR,
    guild        VARCHAR,
    PRIMARY KEY (anchor_id),
    PERIOD FOR SYSTEM_TIME
) WITH (
    type = 'rds',
    url = 'jdbc:mysql://rm-bp1xxxxxxxx.mysql.rds.aliyuncs.com:3306/live',
    tableName = 'anchor_info',
    userName = 'blink_reader',
    password = 'yourPassword',
    cache = 'ALL',
    cacheTTLMs = '3600000'
);

-- 每分钟房间礼物统计 (per-room, per-minute), printed for debugging
CREATE TABLE room_minute_print (
    room_id       BIGINT,
    window_start  TIMESTAMP,
    window_end    TIMESTAMP,
    gift_cnt      BIGINT,
    gift_value    DECIMAL(38, 2),
    sender_cnt    BIGINT
) WITH (
    type = 'print'
);

-- 主播五分钟滑动窗口排行 (per-anchor sliding 5-minute totals)
CREATE TABLE anchor_5min_rds (
    anchor_id     BIGINT,
    anchor_name   VARCHAR,
    gift_level    VARCHAR,
    window_start  TIMESTAMP,
    window_end    TIMESTAMP,
    gift_value    DECIMAL(38, 2),
    PRIMARY KEY (anchor_id, gift_level, window_start)
) WITH (
    type = 'rds',
    url = 'jdbc:mysql://rm-bp1xxxxxxxx.mysql.rds.aliyuncs.com:3306/live_report',
    tableName = 'anchor_gift_5min',
    userName = 'blink_writer',
    password = 'yourPassword',
    batchSize = '100',
    bufferSize = '1000',
    flushIntervalMs = '2000',
    maxRetryTimes = '3'
);

-- 每日主播收入 (running per-day totals)
CREATE TABLE anchor_daily_rds (
    ds          VARCHAR,
    anchor_id   BIGINT,
    guild       VARCHAR,
    gift_value  DECIMAL(38, 2),
    gift_cnt    BIGINT,
    PRIMARY KEY (ds, anchor_id)
) WITH (
    type = 'rds',
    url = 'jdbc:mysql://rm-bp1xxxxxxxx.mysql.rds.aliyuncs.com:3306/live_report',
    tableName = 'anchor_gift_daily',
    userName = 'blink_writer',
    password = 'yourPassword'
);

CREATE VIEW gift_detail AS
SELECT
    g.room_id,
    g.user_id,
    g.anchor_id,
    COALESCE(a.anchor_name, 'unknown') AS anchor_name,
    a.guild,
    g.gift_id,
    d.gift_name,
    CASE
        WHEN d.category = 'luxury' THEN 'high'
        WHEN d.category = 'normal' THEN 'normal'
        WHEN d.category IS NULL THEN 'unknown'
        ELSE 'low'
    END AS gift_level,
    g.gift_num * d.price AS gift_value,
    DATE_FORMAT(g.send_time, 'yyyyMMdd') AS ds,
    g.ptime
FROM gift_source AS g
LEFT JOIN gift_dim FOR SYSTEM_TIME AS OF PROCTIME() AS d
    ON g.gift_id = d.gift_id
LEFT JOIN anchor_dim FOR SYSTEM_TIME AS OF PROCTIME() AS a
    ON g.anchor_id = a.anchor_id
WHERE g.gift_num > 0;

INSERT INTO room_minute_print
SELECT
    room_id,
    TUMBLE_START(ptime, INTERVAL '1' MINUTE) AS window_start,
    TUMBLE_END(ptime, INTERVAL '1' MINUTE) AS window_end,
    COUNT(*) AS gift_cnt,
    SUM(gift_value) AS gift_value,
    COUNT(DISTINCT user_id) AS sender_cnt
FROM gift_detail
GROUP BY TUMBLE(ptime, INTERVAL '1' MINUTE), room_id;

INSERT INTO anchor_5min_rds
SELECT
    anchor_id,
    anchor_name,
    gift_level,
    HOP_START(ptime, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE),
    HOP_END(ptime, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE),
    SUM(gift_value)
FROM gift_detail
GROUP BY HOP(ptime, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE), anchor_id, anchor_name, gift_level;

INSERT INTO anchor_daily_rds
SELECT ds, anchor_id, MAX(guild), SUM(gift_value), COUNT(*)
FROM gift_detail
GROUP BY ds, anchor_id;
