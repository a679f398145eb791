-- GROUPING SETS, ROLLUP and CUBE as Flink runs them: each row is copied once per grouping set
-- (Expand), the columns outside the set NULL, and one aggregate computes every set's groups. The
-- copies of a row go in Calcite's order of the sets (a superset first, then by column position
-- in the table), so its changes come in that order.
CREATE TABLE sales (region STRING, product STRING, qty BIGINT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input sales:
-- east,apple,3
-- west,apple,5
-- east,pear,2
-- east,apple,1

SELECT region, product, SUM(qty), COUNT(*)
FROM sales GROUP BY GROUPING SETS ((region, product), (region), ());
-- +I[east, apple, 3, 1]
-- +I[east, null, 3, 1]
-- +I[null, null, 3, 1]
-- +I[west, apple, 5, 1]
-- +I[west, null, 5, 1]
-- -U[null, null, 3, 1]
-- +U[null, null, 8, 2]
-- +I[east, pear, 2, 1]
-- -U[east, null, 3, 1]
-- +U[east, null, 5, 2]
-- -U[null, null, 8, 2]
-- +U[null, null, 10, 3]
-- -U[east, apple, 3, 1]
-- +U[east, apple, 4, 2]
-- -U[east, null, 5, 2]
-- +U[east, null, 6, 3]
-- -U[null, null, 10, 3]
-- +U[null, null, 11, 4]

-- CUBE with the grouping functions: GROUPING(c) is 1 when c is not grouped, GROUPING_ID a bit
-- per argument, GROUP_ID 0. The sets go (product, region), (region), (product), (): region
-- comes first in the table, so the set of region alone precedes that of product alone.
SELECT product, region, COUNT(*), GROUPING(product), GROUPING(region),
       GROUPING_ID(product, region), GROUP_ID()
FROM sales GROUP BY CUBE (product, region);
-- +I[apple, east, 1, 0, 0, 0, 0]
-- +I[null, east, 1, 1, 0, 2, 0]
-- +I[apple, null, 1, 0, 1, 1, 0]
-- +I[null, null, 1, 1, 1, 3, 0]
-- +I[apple, west, 1, 0, 0, 0, 0]
-- +I[null, west, 1, 1, 0, 2, 0]
-- -U[apple, null, 1, 0, 1, 1, 0]
-- +U[apple, null, 2, 0, 1, 1, 0]
-- -U[null, null, 1, 1, 1, 3, 0]
-- +U[null, null, 2, 1, 1, 3, 0]
-- +I[pear, east, 1, 0, 0, 0, 0]
-- -U[null, east, 1, 1, 0, 2, 0]
-- +U[null, east, 2, 1, 0, 2, 0]
-- +I[pear, null, 1, 0, 1, 1, 0]
-- -U[null, null, 2, 1, 1, 3, 0]
-- +U[null, null, 3, 1, 1, 3, 0]
-- -U[apple, east, 1, 0, 0, 0, 0]
-- +U[apple, east, 2, 0, 0, 0, 0]
-- -U[null, east, 2, 1, 0, 2, 0]
-- +U[null, east, 3, 1, 0, 2, 0]
-- -U[apple, null, 2, 0, 1, 1, 0]
-- +U[apple, null, 3, 0, 1, 1, 0]
-- -U[null, null, 3, 1, 1, 3, 0]
-- +U[null, null, 4, 1, 1, 3, 0]

-- An aggregate over a grouping column reads the column's value, not the NULL of the sets
-- without it (Flink's Expand carries a copy of the column for it).
SELECT region, product, COUNT(product), MAX(product) FROM sales GROUP BY ROLLUP (region, product);
-- +I[east, apple, 1, apple]
-- +I[east, null, 1, apple]
-- +I[null, null, 1, apple]
-- +I[west, apple, 1, apple]
-- +I[west, null, 1, apple]
-- -U[null, null, 1, apple]
-- +U[null, null, 2, apple]
-- +I[east, pear, 1, pear]
-- -U[east, null, 1, apple]
-- +U[east, null, 2, pear]
-- -U[null, null, 2, apple]
-- +U[null, null, 3, pear]
-- -U[east, apple, 1, apple]
-- +U[east, apple, 2, apple]
-- -U[east, null, 2, pear]
-- +U[east, null, 3, pear]
-- -U[null, null, 3, pear]
-- +U[null, null, 4, pear]

-- HAVING filters each change on its own, as Flink's Calc does: a -U whose row fails it is
-- dropped while the +U that passes is kept.
SELECT region, SUM(qty) FROM sales GROUP BY ROLLUP (region) HAVING SUM(qty) > 4;
-- +I[west, 5]
-- +U[null, 8]
-- +U[east, 5]
-- -U[null, 8]
-- +U[null, 10]
-- -U[east, 5]
-- +U[east, 6]
-- -U[null, 10]
-- +U[null, 11]

-- GROUPING() over a plain GROUP BY is 0.
SELECT region, GROUPING(region), COUNT(*) FROM sales GROUP BY region;
-- +I[east, 0, 1]
-- +I[west, 0, 1]
-- -U[east, 0, 1]
-- +U[east, 0, 2]
-- -U[east, 0, 2]
-- +U[east, 0, 3]

-- Over the updates of another aggregate: each retraction is expanded like the row it undoes.
SELECT region, cnt, COUNT(*)
FROM (SELECT region, product, COUNT(*) AS cnt FROM sales GROUP BY region, product)
GROUP BY GROUPING SETS ((region, cnt), ());
-- +I[east, 1, 1]
-- +I[null, null, 1]
-- +I[west, 1, 1]
-- -U[null, null, 1]
-- +U[null, null, 2]
-- -U[east, 1, 1]
-- +U[east, 1, 2]
-- -U[null, null, 2]
-- +U[null, null, 3]
-- -U[east, 1, 2]
-- +U[east, 1, 1]
-- -U[null, null, 3]
-- +U[null, null, 2]
-- +I[east, 2, 1]
-- -U[null, null, 2]
-- +U[null, null, 3]

-- A set listed twice needs GROUP_ID() to tell its copies apart; not run yet.
SELECT region, COUNT(*) FROM sales GROUP BY GROUPING SETS ((region), (region));
-- error: GROUPING SETS that list a set twice
