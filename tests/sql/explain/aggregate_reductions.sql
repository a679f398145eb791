-- reduce-aggregate-functions: the variance family becomes SUM(x * x), SUM(x) and COUNT(x), x * x
-- appended to the projection under the aggregate and the formula in one above it, as Flink's
-- AggregateReduceFunctionsRule writes it (over BIGINT every step is BIGINT arithmetic; over
-- DECIMAL(10, 2) x is first cast to the result type DECIMAL(38, 6)). A SUM(x) the query has
-- itself is shared. GROUPING SETS keep their sets: the Expand is planned after this.
CREATE TABLE bid (auction BIGINT, price BIGINT, fee DECIMAL(10, 2), channel STRING)
  WITH ('connector' = 'datagen');
CREATE TABLE out_stats (channel STRING, s BIGINT, vp BIGINT, sd BIGINT, vf DECIMAL(38, 6))
  WITH ('connector' = 'blackhole');

INSERT INTO out_stats
SELECT channel, SUM(price), VAR_POP(price), STDDEV_SAMP(price), VAR_SAMP(fee)
FROM bid GROUP BY ROLLUP (channel);
