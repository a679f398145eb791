-- The example library udx/examples/count_char.cpp as Nexmark's q14 declares it: the Flink class
-- name resolves to the native implementation, so the job runs unmodified (USING JAR is accepted
-- and ignored; the library comes from sqlc.udx.path).
SET 'sqlc.udx.path' = '@SLUICE_UDX_EXAMPLES@/libcount_char.so';
CREATE FUNCTION count_char AS 'com.github.nexmark.flink.udf.CountChar';

CREATE TABLE bid (auction BIGINT, price BIGINT, extra STRING)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,100,cabcdc
-- 2,200,
-- 3,300,no see
-- 4,400,ççaç

SELECT auction, count_char(extra, 'c') AS c_counts, count_char(extra, 'ç') FROM bid;
-- +I[1, 3, 0]
-- +I[2, 0, 0]
-- +I[3, 0, 0]
-- +I[4, 0, 3]

SELECT auction FROM bid WHERE count_char(extra, 'c') > 1;
-- +I[1]

-- An empty character fails as Java's charAt(0) does, naming the function and the row.
SELECT count_char(extra, '') FROM bid WHERE auction = 1;
-- error: CountChar: the character argument is an empty string
