-- Alibaba Realtime Compute (Blink SQL) job using Blink-only built-in functions (KEYVALUE,
-- JSON_VALUE with two arguments, SPLIT_INDEX, PARSE_URL, DATE_ADD, DATEDIFF, TO_DATE,
-- FROM_UNIXTIME, UNIX_TIMESTAMP, HASH_CODE, CONCAT_AGG) and Blink table-valued functions
-- (STRING_SPLIT, MULTI_KEYVALUE, JSON_TUPLE, GENERATE_SERIES), a Java UDF / UDTF declared with
-- CREATE FUNCTION ... AS 'class', a VIEW, and several INSERTs that Blink runs as one job.
-- Source: Alibaba Cloud Realtime Compute (Blink) docs: "内置函数" (built-in functions),
-- "自定义函数 UDX", "创建日志服务SLS源表", "创建打印结果表", "创建云数据库RDS版结果表".

CREATE FUNCTION string_length AS 'com.hjc.test.blink.sql.udx.StringLengthUdf';
CREATE FUNCTION parse_agent AS 'com.example.blink.udtf.ParseUserAgent';

CREATE TABLE access_log (
    request    VARCHAR,
    payload    VARCHAR,
    url        VARCHAR,
    tags       VARCHAR,
    agent      VARCHAR,
    log_time   BIGINT
) WITH (
    type = 'sls',
    endPoint = 'http://cn-hangzhou-intranet.log.aliyuncs.com',
    accessId = 'LTAI000000000000',
    accessKey = 'yourAccessKeySecret',
    startTime = '2024-01-01 00:00:00',
    project = 'web-logs',
    logStore = 'access_log',
    consumerGroup = 'blink-access-log'
);

CREATE TABLE parsed_print (
    uid          VARCHAR,
    action       VARCHAR,
    amount       VARCHAR,
    host         VARCHAR,
    first_path   VARCHAR,
    log_day      VARCHAR,
    next_day     VARCHAR,
    days_ago     INT,
    req_len      INT,
    bucket       INT
) WITH (
    type = 'print'
);

CREATE TABLE tag_counts (
    tag      VARCHAR,
    cnt      BIGINT,
    uids     VARCHAR,
    PRIMARY KEY (tag)
) WITH (
    type = 'rds',
    url = 'jdbc:mysql://rm-bp1xxxxxxxx.mysql.rds.aliyuncs.com:3306/report',
    tableName = 'tag_counts',
    userName = 'blink_writer',
    password = 'yourPassword'
);

CREATE TABLE exploded_print (
    uid     VARCHAR,
    k1      VARCHAR,
    k2      VARCHAR,
    j1      VARCHAR,
    j2      VARCHAR,
    n       INT,
    browser VARCHAR,
    os      VARCHAR
) WITH (
    type = 'print'
);

CREATE VIEW parsed_log AS
SELECT
    KEYVALUE(request, '&', '=', 'uid') AS uid,
    KEYVALUE(request, '&', '=', 'action') AS action,
    JSON_VALUE(payload, '$.order.amount') AS amount,
    PARSE_URL(url, 'HOST') AS host,
    SPLIT_INDEX(PARSE_URL(url, 'PATH'), '/', 1) AS first_path,
    FROM_UNIXTIME(log_time, 'yyyy-MM-dd') AS log_day,
    tags,
    request,
    payload,
    agent
FROM access_log
WHERE request IS NOT NULL;

INSERT INTO parsed_print
SELECT
    uid,
    action,
    amount,
    host,
    first_path,
    log_day,
    DATE_ADD(log_day, 1),
    DATEDIFF(DATE_FORMAT(CURRENT_TIMESTAMP, 'yyyy-MM-dd'), log_day),
    string_length(request),
    MOD(ABS(HASH_CODE(uid)), 16)
FROM parsed_log
WHERE TO_DATE(log_day) >= TO_DATE('2024-01-01')
  AND UNIX_TIMESTAMP() > 0;

INSERT INTO tag_counts
SELECT T.tag, COUNT(*), CONCAT_AGG(',', uid)
FROM parsed_log,
    LATERAL TABLE(STRING_SPLIT(tags, ',')) AS T(tag)
GROUP BY T.tag;

INSERT INTO exploded_print
SELECT
    p.uid, M.k1, M.k2, J.j1, J.j2, G.n, U.browser, U.os
FROM parsed_log AS p,
    LATERAL TABLE(MULTI_KEYVALUE(p.request, '&', '=', 'k1', 'k2')) AS M(k1, k2),
    LATERAL TABLE(JSON_TUPLE(p.payload, 'j1', 'j2')) AS J(j1, j2),
    LATERAL TABLE(GENERATE_SERIES(1, 3)) AS G(n),
    LATERAL TABLE(parse_agent(p.agent)) AS U(browser, os);
