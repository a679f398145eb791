-- expect-error: 39:21: 'gift_nam' not found
-- A Blink-dialect job (type = '...' options, PERIOD FOR SYSTEM_TIME dimension table) that
-- misspells a column of the dimension table.
CREATE TABLE gift_source (
    room_id   BIGINT,
    gift_id   BIGINT,
    gift_num  INT
) WITH (
    type = 'datahub',
    endPoint = 'http://dh-cn-hangzhou.aliyun-inc.com',
    project = 'live_project',
    topic = 'gift_events',
    accessId = 'LTAI000000000000',
    accessKey = 'yourAccessKeySecret'
);

CREATE TABLE gift_dim (
    gift_id    BIGINT,
    gift_name  VARCHAR,
    PRIMARY KEY (gift_id),
    PERIOD FOR SYSTEM_TIME
) WITH (
    type = 'rds',
    url = 'jdbc:mysql://rm-bp1xxxxxxxx.mysql.rds.aliyuncs.com:3306/live',
    tableName = 'gift_info',
    userName = 'blink_reader',
    password = 'yourPassword'
);

CREATE TABLE gift_print (
    room_id   BIGINT,
    gift_name VARCHAR,
    gift_num  INT
) WITH (
    type = 'print'
);

INSERT INTO gift_print
SELECT g.room_id, d.gift_nam, g.gift_num
FROM gift_source AS g
JOIN gift_dim FOR SYSTEM_TIME AS OF PROCTIME() AS d
ON g.gift_id = d.gift_id;
