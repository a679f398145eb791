-- TopN over an insert-only stream (Flink's AppendFastStrategy): per partition the best rankEnd
-- rows, ties kept in arrival order, a row that ranks behind them (or ties the last) ignored.
CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,10,100,apple
-- 1,11,300,google
-- 1,12,200,apple
-- 2,13,50,apple
-- 1,14,400,apple
-- 2,15,60,google
-- 1,16,300,apple

-- Without the rank number (AppendOnlyTopNFunction): a row entering the top 2 sends -D for the
-- row it pushes out, then +I; the last row ties 300 at rank 2 and stays out.
SELECT auction, bidder, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid)
WHERE rn <= 2;
-- +I[1, 10, 100]
-- +I[1, 11, 300]
-- -D[1, 10, 100]
-- +I[1, 12, 200]
-- +I[2, 13, 50]
-- -D[1, 12, 200]
-- +I[1, 14, 400]
-- +I[2, 15, 60]

-- With the rank number every rank below the new row changes hands: -U of the row that held it,
-- +U of the row that holds it now; a rank nobody held before is inserted.
SELECT auction, price, rn
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid)
WHERE rn <= 2;
-- +I[1, 100, 1]
-- -U[1, 100, 1]
-- +U[1, 300, 1]
-- +I[1, 100, 2]
-- -U[1, 100, 2]
-- +U[1, 200, 2]
-- +I[2, 50, 1]
-- -U[1, 300, 1]
-- +U[1, 400, 1]
-- -U[1, 200, 2]
-- +U[1, 300, 2]
-- -U[2, 50, 1]
-- +U[2, 60, 1]
-- +I[2, 50, 2]

-- A range not starting at 1 numbers the rows internally (Flink: "the without-number algorithm
-- can't handle an offset") and emits only ranks 2 and 3, here without the number. The tie at
-- 300 ranks after the earlier 300.
SELECT auction, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid)
WHERE rn BETWEEN 2 AND 3;
-- +I[1, 100]
-- -U[1, 100]
-- +U[1, 200]
-- +I[1, 100]
-- -U[1, 200]
-- +U[1, 300]
-- -U[1, 100]
-- +U[1, 200]
-- +I[2, 50]
-- -U[1, 200]
-- +U[1, 300]

-- The top row only (FastTop1Function): a strictly better row replaces it with -U/+U. With a
-- single rank the rank number is the constant 1 (Flink's RankNumberColumnRemoveRule).
SELECT auction, bidder, price, rn
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid)
WHERE rn = 1;
-- +I[1, 10, 100, 1]
-- -U[1, 10, 100, 1]
-- +U[1, 11, 300, 1]
-- +I[2, 13, 50, 1]
-- -U[1, 11, 300, 1]
-- +U[1, 14, 400, 1]
-- -U[2, 13, 50, 1]
-- +U[2, 15, 60, 1]

-- No partition: one global top 3 on one instance, ascending, over the apple rows.
SELECT price, bidder, rn
FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY price) AS rn FROM bid WHERE channel = 'apple')
WHERE rn <= 3;
-- +I[100, 10, 1]
-- +I[200, 12, 2]
-- -U[100, 10, 1]
-- +U[50, 13, 1]
-- -U[200, 12, 2]
-- +U[100, 10, 2]
-- +I[200, 12, 3]

-- A filter on another column stays above the TopN: ranks count every channel, and the rows of
-- other channels are dropped from its changelog afterwards.
SELECT price, bidder, rn
FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY price) AS rn FROM bid)
WHERE rn <= 2 AND channel = 'apple';
-- +I[100, 10, 1]
-- +U[200, 12, 2]
-- -U[100, 10, 1]
-- +U[50, 13, 1]
-- -U[200, 12, 2]
-- +U[100, 10, 2]
-- -U[100, 10, 2]

-- An upsert sink keyed by the partition and the rank takes +U without -U.
CREATE TABLE top_bids (auction BIGINT, rn BIGINT, price BIGINT, PRIMARY KEY (auction, rn) NOT ENFORCED)
WITH ('connector' = 'blackhole');

INSERT INTO top_bids
SELECT auction, rn, price
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid)
WHERE rn <= 2;
-- +I[1, 1, 100]
-- +U[1, 1, 300]
-- +I[1, 2, 100]
-- +U[1, 2, 200]
-- +I[2, 1, 50]
-- +U[1, 1, 400]
-- +U[1, 2, 300]
-- +U[2, 1, 60]
-- +I[2, 2, 50]

-- Sorting by a DECIMAL(30, 2) (128-bit values, negatives below positives) with NULLs, which
-- come first ascending.
CREATE TEMPORARY VIEW signed_bid AS
SELECT auction, bidder, CASE WHEN bidder = 13 THEN NULL
                             ELSE CAST(price AS DECIMAL(30, 2)) - 250 END AS delta
FROM bid;

SELECT bidder, delta, rn
FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY delta) AS rn FROM signed_bid)
WHERE rn <= 3;
-- +I[10, -150.00, 1]
-- +I[11, 50.00, 2]
-- -U[11, 50.00, 2]
-- +U[12, -50.00, 2]
-- +I[11, 50.00, 3]
-- -U[10, -150.00, 1]
-- +U[13, null, 1]
-- -U[12, -50.00, 2]
-- +U[10, -150.00, 2]
-- -U[11, 50.00, 3]
-- +U[12, -50.00, 3]
-- -U[10, -150.00, 2]
-- +U[15, -190.00, 2]
-- -U[12, -50.00, 3]
-- +U[10, -150.00, 3]
