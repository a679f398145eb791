-- The join-condition-push pass: conjuncts of a join's ON clause, and of a WHERE over it, that
-- read one input only become a Filter on that input where the join kind keeps its meaning
-- (Flink's FlinkFilterJoinRule / JoinConditionPushRule). Outer joins never lose NULL-padded rows:
-- ON conditions go only to the null-producing side, WHERE conditions only to the preserved side.
CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, dt TIMESTAMP(3),
  WATERMARK FOR dt AS dt - INTERVAL '4' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE auction (id BIGINT, seller BIGINT, category BIGINT, expires TIMESTAMP(3),
  dt TIMESTAMP(3), WATERMARK FOR dt AS dt - INTERVAL '4' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE person (id BIGINT, name STRING, state STRING, proc AS PROCTIME())
  WITH ('connector' = 'datagen');
CREATE TABLE dim (id BIGINT, level STRING, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://localhost/db', 'table-name' = 'dim');
CREATE TABLE rates (bidder BIGINT, rate DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts,
  PRIMARY KEY (bidder) NOT ENFORCED) WITH ('connector' = 'datagen');

-- Nexmark q20: the WHERE condition on the auction side goes below the join (Flink plans the
-- same Calc on the auction input), the equality stays as the join key.
SELECT B.auction, B.price, A.category FROM bid AS B INNER JOIN auction AS A
  ON B.auction = A.id WHERE A.category = 10;

-- Nexmark q3: each side's conditions go to that side.
SELECT P.name, P.state, A.id FROM auction AS A INNER JOIN person AS P ON A.seller = P.id
WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');

-- INNER: ON and WHERE conjuncts of both sides go down; one of two sides stays in the join; a
-- non-deterministic one stays where it was written.
SELECT B.price, A.seller FROM bid AS B JOIN auction AS A
  ON B.auction = A.id AND B.price > 100 AND A.seller <> 7
WHERE A.category = 10 AND B.price < A.seller AND B.bidder > RAND() * 10;

-- LEFT: the ON condition of the null-producing (right) side and the WHERE condition of the
-- preserved (left) side go down; the ON condition of the left side and the WHERE condition of
-- the right side stay.
SELECT B.price, A.seller FROM bid AS B LEFT JOIN auction AS A
  ON B.auction = A.id AND A.category = 10 AND B.price > 100
WHERE B.bidder = 3 AND A.seller IS NULL;

-- RIGHT: mirrored.
SELECT B.price, A.seller FROM bid AS B RIGHT JOIN auction AS A
  ON B.auction = A.id AND A.category = 10 AND B.price > 100
WHERE B.bidder = 3 OR A.seller = 3;

-- FULL: nothing moves.
SELECT B.price, A.seller FROM bid AS B FULL JOIN auction AS A
  ON B.auction = A.id AND A.category = 10 AND B.price > 100;

-- LEFT under a WHERE condition that NULL-padded auctions never pass: an INNER join (as Flink's
-- FlinkFilterJoinRule simplifies it), whose conditions then go down.
SELECT B.price, A.seller FROM bid AS B LEFT JOIN auction AS A ON B.auction = A.id
WHERE A.category = 10 AND B.price > 100;

-- FULL under a WHERE condition rejecting NULL-padded bids: a LEFT join.
SELECT B.price, A.seller FROM bid AS B FULL JOIN auction AS A ON B.auction = A.id
WHERE B.price > 100;

-- FULL under a WHERE condition that padded rows may pass: unchanged.
SELECT B.price, A.seller FROM bid AS B FULL JOIN auction AS A ON B.auction = A.id
WHERE B.price > 100 OR A.seller IS NULL;

-- Interval join: the time bounds stay in the join (it stays an interval join), the other sides'
-- conditions go down with the rowtime attributes they carry.
SELECT B.auction, A.seller FROM bid AS B, auction AS A
WHERE B.auction = A.id AND B.dt BETWEEN A.dt AND A.dt + INTERVAL '1' HOUR AND A.category = 10
  AND B.price > 100;

-- LEFT interval join: only the null-producing side's ON condition goes down.
SELECT B.auction, A.seller FROM bid AS B LEFT JOIN auction AS A
  ON B.auction = A.id AND A.dt BETWEEN B.dt - INTERVAL '1' HOUR AND B.dt AND A.category = 10
     AND B.price > 100;

-- Lookup join: the condition on the dimension table stays with the lookup (a constant lookup
-- key here); the left side's goes below it.
SELECT P.name, D.level FROM person AS P
  JOIN dim FOR SYSTEM_TIME AS OF P.proc AS D ON P.id = D.id AND D.level = 'gold' AND P.state = 'OR';

-- LEFT lookup join: nothing of the ON clause moves; the WHERE condition of the left side does.
SELECT P.name, D.level FROM person AS P
  LEFT JOIN dim FOR SYSTEM_TIME AS OF P.proc AS D ON P.id = D.id AND P.state = 'OR'
WHERE P.name <> 'x' AND D.level IS NULL;

-- Event-time temporal join: the versioned table's condition stays in the join, the left
-- side's goes below it.
SELECT B.price, R.rate FROM bid AS B
  JOIN rates FOR SYSTEM_TIME AS OF B.dt AS R ON B.bidder = R.bidder AND R.rate > 1 AND B.price > 100;

-- Window join: the window keys stay, a side's condition goes to its window TVF.
SELECT L.auction, R.id FROM
  (SELECT * FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dt), INTERVAL '10' SECOND))) L
  JOIN (SELECT * FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dt), INTERVAL '10' SECOND))) R
  ON L.auction = R.id AND L.window_start = R.window_start AND L.window_end = R.window_end
WHERE R.category = 10;

-- Three joins: a condition reaches the innermost input it reads.
SELECT B.price FROM bid AS B JOIN auction AS A ON B.auction = A.id
  JOIN person AS P ON A.seller = P.id
WHERE B.price > 100 AND P.state = 'OR';
