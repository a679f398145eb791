-- Alibaba Realtime Compute (Blink SQL) job with event time: WATERMARK wk FOR ts AS
-- withOffset(ts, 2000) (named) and WATERMARK FOR ... AS withOffset(...) (unnamed) on a computed
-- TIMESTAMP column, then event-time TUMBLE, HOP and SESSION group windows with
-- TUMBLE_START / TUMBLE_END / TUMBLE_ROWTIME and a cascaded window.
-- Source: Alibaba Cloud Realtime Compute (Blink) docs: "Watermark", "TUMBLE", "HOP", "SESSION".

CREATE TABLE user_clicks (
    username   VARCHAR,
    click_url  VARCHAR,
    ts         TIMESTAMP,
    WATERMARK wk FOR ts AS withOffset(ts, 2000)
) WITH (
    type = 'datahub',
    endPoint = 'http://dh-cn-hangzhou.aliyun-inc.com',
    project = 'clicks_project',
    topic = 'user_clicks',
    accessId = 'LTAI000000000000',
    accessKey = 'yourAccessKeySecret'
);

-- Epoch milliseconds converted to a TIMESTAMP in a computed column, watermark on it.
CREATE TABLE page_views (
    page_id    BIGINT,
    user_id    BIGINT,
    view_ms    BIGINT,
    ts AS TO_TIMESTAMP(view_ms),
    WATERMARK FOR ts AS withOffset(ts, 5000)
) WITH (
    type = 'datahub',
    endPoint = 'http://dh-cn-hangzhou.aliyun-inc.com',
    project = 'clicks_project',
    topic = 'page_views',
    accessId = 'LTAI000000000000',
    accessKey = 'yourAccessKeySecret',
    startTime = '2024-01-01 00:00:00'
);

CREATE TABLE tumble_output (
    window_start  TIMESTAMP,
    window_end    TIMESTAMP,
    username      VARCHAR,
    clicks        BIGINT
) WITH (
    type = 'rds',
    url = 'jdbc:mysql://rm-bp1xxxxxxxx.mysql.rds.aliyuncs.com:3306/report',
    tableName = 'user_clicks_1min',
    userName = 'blink_writer',
    password = 'yourPassword'
);

CREATE TABLE page_stats (
    page_id       BIGINT,
    window_start  TIMESTAMP,
    window_end    TIMESTAMP,
    pv            BIGINT,
    uv            BIGINT
) WITH (
    type = 'print'
);

INSERT INTO tumble_output
SELECT
    TUMBLE_START(ts, INTERVAL '1' MINUTE),
    TUMBLE_END(ts, INTERVAL '1' MINUTE),
    username,
    COUNT(click_url)
FROM user_clicks
GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), username;

INSERT INTO page_stats
SELECT
    page_id,
    HOP_START(ts, INTERVAL '30' SECOND, INTERVAL '2' MINUTE),
    HOP_END(ts, INTERVAL '30' SECOND, INTERVAL '2' MINUTE),
    COUNT(*),
    COUNT(DISTINCT user_id)
FROM page_views
GROUP BY HOP(ts, INTERVAL '30' SECOND, INTERVAL '2' MINUTE), page_id;

INSERT INTO page_stats
SELECT
    CAST(0 AS BIGINT),
    SESSION_START(ts, INTERVAL '30' MINUTE),
    SESSION_END(ts, INTERVAL '30' MINUTE),
    COUNT(*),
    COUNT(DISTINCT page_id)
FROM page_views
GROUP BY SESSION(ts, INTERVAL '30' MINUTE), user_id;

-- cascaded event-time windows: 1-minute windows rolled up into 1-hour windows
CREATE VIEW clicks_per_minute AS
SELECT
    username,
    TUMBLE_ROWTIME(ts, INTERVAL '1' MINUTE) AS rowtime,
    COUNT(*) AS cnt
FROM user_clicks
GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), username;

INSERT INTO tumble_output
SELECT
    TUMBLE_START(rowtime, INTERVAL '1' HOUR),
    TUMBLE_END(rowtime, INTERVAL '1' HOUR),
    username,
    SUM(cnt)
FROM clicks_per_minute
GROUP BY TUMBLE(rowtime, INTERVAL '1' HOUR), username;
