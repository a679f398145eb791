-- Common subexpressions of a Calc (runtime/expression/common_subexpressions.h): a deterministic
-- expression that the filter and the projections repeat is computed once per row, as Flink's
-- RexProgram does, but only where its first evaluation happens on every path to the later use.
-- An expression a filter, CASE, COALESCE, AND or OR guards must still never run on a row the
-- guard excludes, and a non-deterministic call (RAND, UUID) is evaluated at each occurrence.
CREATE TABLE bid (
  auction BIGINT,
  price   BIGINT,
  channel STRING,
  url     STRING,
  code    STRING,
  d       INT
) WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'csv');
-- input bid:
-- 1,100,Apple,https://x.com/a?channel_id=7,12,2
-- 2,200,Google,https://x.com/b,x,0
-- 3,300,Other,https://x.com/c?q=1&channel_id=9,34,-5
-- 4,400,Direct,https://x.com/d,8,4
-- 5,,,https://x.com/e?a=&channel_id=,y,
-- 6,600,Baidu,,56,-3

-- Nexmark q21: REGEXP_EXTRACT runs unconditionally in the filter (first operand of OR) and is
-- reused by the ELSE branch; lower(channel) of the first WHEN is reused by the later WHENs.
SELECT auction, channel,
  CASE WHEN lower(channel) = 'apple' THEN '0' WHEN lower(channel) = 'google' THEN '1'
       WHEN lower(channel) = 'facebook' THEN '2' WHEN lower(channel) = 'baidu' THEN '3'
       ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) END AS channel_id
FROM bid
WHERE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL
   OR lower(channel) IN ('apple', 'google', 'facebook', 'baidu');
-- +I[1, Apple, 0]
-- +I[2, Google, 1]
-- +I[3, Other, 9]
-- +I[5, , ]
-- +I[6, Baidu, 3]

SELECT auction,
  REGEXP_EXTRACT(url, 'channel_id=([^&]*)', 1),
  CASE WHEN REGEXP_EXTRACT(url, 'channel_id=([^&]*)', 1) IS NULL THEN 'none'
       WHEN REGEXP_EXTRACT(url, 'channel_id=([^&]*)', 1) = '' THEN 'empty'
       ELSE 'id ' || REGEXP_EXTRACT(url, 'channel_id=([^&]*)', 1) END
FROM bid;
-- +I[1, 7, id 7]
-- +I[2, null, none]
-- +I[3, 9, id 9]
-- +I[4, null, none]
-- +I[5, , empty]
-- +I[6, null, none]

-- A filter computes UPPER(channel) on every row; the projections read it on the kept rows.
SELECT auction, UPPER(channel), CHAR_LENGTH(UPPER(channel)) FROM bid
WHERE UPPER(channel) LIKE '%E%';
-- +I[1, APPLE, 5]
-- +I[2, GOOGLE, 6]
-- +I[3, OTHER, 5]
-- +I[4, DIRECT, 6]

-- A CAST that fails on 'x' and 'y', guarded by the filter and repeated: it must not run on the
-- rows the filter drops.
SELECT auction, CAST(code AS INT), CAST(code AS INT) * 2 FROM bid
WHERE code NOT IN ('x', 'y');
-- +I[1, 12, 24]
-- +I[3, 34, 68]
-- +I[4, 8, 16]
-- +I[6, 56, 112]

-- The same CAST behind WHENs that exclude the failing rows, repeated in the branches and in
-- another projection's branch: never on 'x' or 'y'.
SELECT auction,
  CASE WHEN code IN ('x', 'y') THEN -1 WHEN CAST(code AS INT) > 20 THEN CAST(code AS INT) ELSE 0 END,
  CASE WHEN code NOT IN ('x', 'y') THEN CAST(code AS INT) + CAST(code AS INT) END,
  COALESCE(CASE WHEN code = 'x' THEN 0 END, CASE WHEN code <> 'y' THEN CAST(code AS INT) END, -2)
FROM bid;
-- +I[1, 0, 24, 12]
-- +I[2, -1, null, 0]
-- +I[3, 34, 68, 34]
-- +I[4, 0, 16, 8]
-- +I[5, -1, null, -2]
-- +I[6, 56, 112, 56]

-- Division by zero behind a filter's AND: the second operand runs only where d <> 0, and a
-- projection's branches on disjoint rows (d > 0, d < 0) each compute 60 / d for their own rows.
SELECT auction, 60 / d FROM bid WHERE d <> 0 AND 60 / d > 0;
-- +I[1, 30]
-- +I[4, 15]

SELECT auction,
  CASE WHEN d > 0 THEN 60 / d END,
  CASE WHEN d < 0 THEN 60 / d END,
  CASE WHEN d = 0 THEN 0 ELSE 60 / d + 60 / d END
FROM bid;
-- +I[1, 30, null, 60]
-- +I[2, null, null, 0]
-- +I[3, null, -12, -24]
-- +I[4, 15, null, 30]
-- +I[5, null, null, null]
-- +I[6, null, -20, -40]

SELECT auction, 60 / d, 60 / d FROM bid WHERE auction = 2;
-- error: division by zero

-- NULLs: a shared value that is NULL stays NULL at every use (an empty CSV field is NULL for a
-- number, the empty string for a STRING).
SELECT auction, UPPER(NULLIF(channel, '')) IS NULL, COALESCE(UPPER(NULLIF(channel, '')), 'none'),
       UPPER(NULLIF(channel, '')), price + 1, (price + 1) * (price + 1)
FROM bid WHERE auction >= 4;
-- +I[4, FALSE, DIRECT, DIRECT, 401, 160801]
-- +I[5, TRUE, none, null, null, null]
-- +I[6, FALSE, BAIDU, BAIDU, 601, 361201]

-- Non-deterministic calls are evaluated at each occurrence: two RAND() of one row differ (the
-- chance that two draws are equal is 2^-53), and so do two UUID().
SELECT auction, RAND() <> RAND(), UUID() <> UUID(), RAND() + RAND() <> 2 * RAND() FROM bid
WHERE auction <= 3;
-- +I[1, TRUE, TRUE, TRUE]
-- +I[2, TRUE, TRUE, TRUE]
-- +I[3, TRUE, TRUE, TRUE]
