-- MATCH_RECOGNIZE: PARTITION BY, ORDER BY rowtime, MEASURES (FIRST / LAST / aggregates /
-- MATCH_ROWTIME), ONE ROW PER MATCH, every AFTER MATCH SKIP strategy, quantifiers (+, *, ?,
-- {n}, {n,}, {n,m}, {,m}, reluctant +? and *?), WITHIN INTERVAL, DEFINE with LAST / FIRST /
-- PREV, and a query on top of the match result.
-- Source: Flink docs, dev/table/sql/queries/match_recognize.

CREATE TABLE Ticker (
  symbol  STRING,
  price   BIGINT,
  tax     BIGINT,
  rowtime TIMESTAMP(3),
  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

CREATE TABLE price_drops (
  symbol        STRING,
  start_tstamp  TIMESTAMP(3),
  bottom_tstamp TIMESTAMP(3),
  end_tstamp    TIMESTAMP(3)
) WITH ('connector' = 'print');

-- The stock-price example: periods of a constantly decreasing price.
INSERT INTO price_drops
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            START_ROW.rowtime AS start_tstamp,
            LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
            LAST(PRICE_UP.rowtime) AS end_tstamp
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST PRICE_UP
        PATTERN (START_ROW PRICE_DOWN+ PRICE_UP)
        DEFINE
            PRICE_DOWN AS
                (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price) OR
                    PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
            PRICE_UP AS
                PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
    ) MR;

-- A B+ C within one hour, with FIRST / LAST / PREV in DEFINE.
-- (PREV passes Flink's validator; Flink's code generator later rejects physical offsets with
-- "Flink does not support physical offsets within partition". `sqlc check` must accept it.)
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(A.rowtime) AS start_tstamp,
            LAST(C.rowtime) AS end_tstamp,
            FIRST(B.price) AS first_b_price,
            LAST(B.price) AS last_b_price,
            AVG(B.price) AS avg_b_price,
            MATCH_ROWTIME() AS match_time
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B+ C) WITHIN INTERVAL '1' HOUR
        DEFINE
            A AS A.price > 10,
            B AS B.price < PREV(B.price) OR B.price < FIRST(A.price),
            C AS C.price > LAST(B.price, 1) AND C.price > PREV(C.price, 1)
    ) AS T;

-- Aggregations in DEFINE and MEASURES.
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(A.rowtime) AS start_tstamp,
            LAST(A.rowtime) AS end_tstamp,
            AVG(A.price) AS avgPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A+ B)
        DEFINE
            A AS AVG(A.price) < 15
    ) MR;

-- Greedy and reluctant quantifiers; a variable without a condition.
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS lastPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B*? C)
        DEFINE
            A AS A.price > 10,
            B AS B.price < 15,
            C AS C.price > 12
    );

-- Time constraint and arithmetic in MEASURES.
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.rowtime AS dropTime,
            A.price - C.price AS dropDiff
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
        DEFINE
            B AS B.price > A.price - 10,
            C AS C.price < A.price - 10
    );

-- Other skip strategies and quantifier forms.
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            SUM(A.price) AS sumPrice,
            FIRST(rowtime) AS startTime,
            LAST(rowtime) AS endTime
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO NEXT ROW
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            SUM(A.price) AS sumPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO FIRST C
        PATTERN (A{2} B{1,} C? D{1,3}?)
        DEFINE
            A AS A.price > 0,
            B AS B.tax < 5,
            C AS C.price > B.price,
            D AS D.price = 0
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            LAST(A.price * A.tax) AS lastTaxed
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST A
        PATTERN (S A{,3} B+?  E)
        DEFINE
            A AS A.price > S.price,
            B AS B.price <= 20,
            E AS E.price > 20
    );

-- A query on top of MATCH_RECOGNIZE, and ordering by the time attribute then another column.
SELECT m.symbol, COUNT(*) AS matches
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime ASC, price DESC
        MEASURES
            A.price AS aprice
        ONE ROW PER MATCH
        PATTERN (A B)
        DEFINE
            A AS A.price > 100,
            B AS B.price < A.price
    ) AS m
GROUP BY m.symbol;
