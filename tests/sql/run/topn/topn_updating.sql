-- TopN over an updating input: a GROUP BY whose results change. SUM may move either way, so the
-- TopN keeps every row of a partition to refill its top (Flink's RetractStrategy,
-- RetractableTopNFunction); MAX only grows, so the top row alone is kept and upserts suffice
-- (UpdateFastStrategy, FastTop1Function).
CREATE TABLE bid (auction BIGINT, price BIGINT, channel STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,100,apple
-- 2,150,apple
-- 1,100,apple
-- 3,50,google
-- 2,-100,apple
-- 1,-300,apple
-- 1,400,apple

-- The aggregate sends +I[apple, 1, 100], +I[apple, 2, 150], -U/+U (apple, 1) to 200,
-- +I[google, 3, 50], -U/+U (apple, 2) to 50, (apple, 1) to -100, then to 300. A retracted row
-- that held a rank is replaced by the next one: -D of the row leaving the top, +I of the row
-- coming up; a retraction behind the top sends nothing.
SELECT channel, auction, total
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY total DESC) AS rn
      FROM (SELECT channel, auction, SUM(price) AS total FROM bid GROUP BY channel, auction))
WHERE rn <= 1;
-- +I[apple, 1, 100]
-- -D[apple, 1, 100]
-- +I[apple, 2, 150]
-- -D[apple, 2, 150]
-- +I[apple, 1, 200]
-- +I[google, 3, 50]
-- -D[apple, 1, 200]
-- +I[apple, 2, 50]
-- -D[apple, 2, 50]
-- +I[apple, 1, 300]

-- With the rank number: a departing row passes its rank to the row below it (-U/+U) and the
-- last rank held is deleted; an arriving row takes ranks as over insert-only input.
SELECT channel, auction, total, rn
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY total DESC) AS rn
      FROM (SELECT channel, auction, SUM(price) AS total FROM bid GROUP BY channel, auction))
WHERE rn <= 2;
-- +I[apple, 1, 100, 1]
-- -U[apple, 1, 100, 1]
-- +U[apple, 2, 150, 1]
-- +I[apple, 1, 100, 2]
-- -D[apple, 1, 100, 2]
-- -U[apple, 2, 150, 1]
-- +U[apple, 1, 200, 1]
-- +I[apple, 2, 150, 2]
-- +I[google, 3, 50, 1]
-- -D[apple, 2, 150, 2]
-- +I[apple, 2, 50, 2]
-- -U[apple, 1, 200, 1]
-- +U[apple, 2, 50, 1]
-- -D[apple, 2, 50, 2]
-- +I[apple, 1, -100, 2]
-- -D[apple, 1, -100, 2]
-- -U[apple, 2, 50, 1]
-- +U[apple, 1, 300, 1]
-- +I[apple, 2, 50, 2]

-- MAX per auction only grows, and the aggregate's rows are unique by (channel, auction): the
-- TopN takes its upserts and keeps the best row per channel, replaced by a strictly better one.
SELECT channel, auction, top_price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY top_price DESC) AS rn
      FROM (SELECT channel, auction, MAX(price) AS top_price FROM bid GROUP BY channel, auction))
WHERE rn = 1;
-- +I[apple, 1, 100]
-- -U[apple, 1, 100]
-- +U[apple, 2, 150]
-- +I[google, 3, 50]
-- -U[apple, 2, 150]
-- +U[apple, 1, 400]

-- Beyond the top row, a TopN over upserts (UpdatableTopNFunction) finds a row's previous version
-- by the input's unique key (channel, auction): auction 1 overtaking auction 2 updates its own
-- row only, as the rank number is not selected.
SELECT channel, auction, top_price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY top_price DESC) AS rn
      FROM (SELECT channel, auction, MAX(price) AS top_price FROM bid GROUP BY channel, auction))
WHERE rn <= 2;
-- +I[apple, 1, 100]
-- +I[apple, 2, 150]
-- +I[google, 3, 50]
-- -U[apple, 1, 100]
-- +U[apple, 1, 400]

-- Flink runs only ROW_NUMBER on a stream.
SELECT channel, auction
FROM (SELECT *, RANK() OVER (PARTITION BY channel ORDER BY price DESC) AS r FROM bid)
WHERE r <= 2;
-- error: RANK() on streaming table is not supported currently

-- Beyond the first row over an upsert input (the counts only grow, ordered DESC): Flink's
-- UpdatableTopNFunction, which finds a row's previous version by the aggregate's key (channel).
-- Ties keep arrival order: c reaches 2 before b does.
CREATE TABLE click (auction BIGINT, channel STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input click:
-- 1,a
-- 2,b
-- 3,c
-- 4,c
-- 5,b
-- 6,c
-- 7,a
-- 8,a
-- 9,a

SELECT channel, cnt FROM (
  SELECT channel, cnt, ROW_NUMBER() OVER (ORDER BY cnt DESC) AS rn
  FROM (SELECT channel, COUNT(*) AS cnt FROM click GROUP BY channel))
WHERE rn <= 2;
-- +I[a, 1]
-- +I[b, 1]
-- -D[b, 1]
-- +I[c, 2]
-- -D[a, 1]
-- +I[b, 2]
-- -U[c, 2]
-- +U[c, 3]
-- -D[b, 2]
-- +I[a, 3]
-- -U[a, 3]
-- +U[a, 4]
