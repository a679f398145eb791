-- GROUP BY over a stream: +I for a new group, -U/+U when its result changes, nothing when it
-- does not (Flink's GroupAggFunction without mini-batch).
CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, ratio DOUBLE)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,10,100,apple,0.5
-- 2,11,300,google,1.5
-- 1,12,50,apple,
-- 3,10,,apple,2.0
-- 2,13,300,google,0.25

CREATE TABLE per_channel (channel STRING, cnt BIGINT, total BIGINT, lowest BIGINT, highest BIGINT)
WITH ('connector' = 'print');

INSERT INTO per_channel
SELECT channel, COUNT(*), SUM(price), MIN(price), MAX(price) FROM bid GROUP BY channel;
-- +I[apple, 1, 100, 100, 100]
-- +I[google, 1, 300, 300, 300]
-- -U[apple, 1, 100, 100, 100]
-- +U[apple, 2, 150, 50, 100]
-- -U[apple, 2, 150, 50, 100]
-- +U[apple, 3, 150, 50, 100]
-- -U[google, 1, 300, 300, 300]
-- +U[google, 2, 600, 300, 300]

-- COUNT(x) skips NULLs; AVG of BIGINT is a BIGINT (truncated), of DOUBLE a DOUBLE. A row that
-- changes no result emits nothing.
SELECT auction, COUNT(price), AVG(price), AVG(ratio) FROM bid GROUP BY auction;
-- +I[1, 1, 100, 0.5]
-- +I[2, 1, 300, 1.5]
-- -U[1, 1, 100, 0.5]
-- +U[1, 2, 75, 0.5]
-- +I[3, 0, null, 2.0]
-- -U[2, 1, 300, 1.5]
-- +U[2, 2, 300, 0.875]

-- A global aggregate: one group, one instance.
SELECT COUNT(*), COUNT(DISTINCT channel), SUM(price) FILTER (WHERE channel = 'apple') FROM bid;
-- +I[1, 1, 100]
-- -U[1, 1, 100]
-- +U[2, 2, 100]
-- -U[2, 2, 100]
-- +U[3, 2, 150]
-- -U[3, 2, 150]
-- +U[4, 2, 150]
-- -U[4, 2, 150]
-- +U[5, 2, 150]

-- SELECT DISTINCT: a group per distinct row, emitted once.
SELECT DISTINCT channel FROM bid;
-- +I[apple]
-- +I[google]

-- An aggregate over an updating aggregate: the inner -U rows are retracted from the outer
-- groups (MIN/MAX keep their values' multiset).
SELECT cnt, COUNT(*), MIN(channel), MAX(channel)
FROM (SELECT channel, COUNT(*) AS cnt FROM bid GROUP BY channel) GROUP BY cnt;
-- +I[1, 1, apple, apple]
-- -U[1, 1, apple, apple]
-- +U[1, 2, apple, google]
-- -U[1, 2, apple, google]
-- +U[1, 1, google, google]
-- +I[2, 1, apple, apple]
-- -D[2, 1, apple, apple]
-- +I[3, 1, apple, apple]
-- -D[1, 1, google, google]
-- +I[2, 1, google, google]

-- MAX does not change for a smaller price or a NULL: no output for those rows.
SELECT channel, MAX(price) FROM bid GROUP BY channel;
-- +I[apple, 100]
-- +I[google, 300]

-- COUNT over several columns is not run yet: refused rather than counted wrong.
SELECT COUNT(auction, price) FROM bid;
-- error: COUNT of several arguments
