-- RAND and RAND_INTEGER draw from Java's java.util.Random, one generator per task and call site,
-- seeded once when a seed is given: the same seed gives the same sequence (Java's numbers:
-- new Random(42).nextDouble() is 0.7275636800328681). Only single-row queries check values, as
-- parallel tasks each start their own sequence.

SELECT RAND(42), RAND(0), RAND_INTEGER(42, 10), RAND_INTEGER(7, 100), RAND_INTEGER(CAST(42 AS BIGINT), 16);
-- +I[0.7275636800328681, 0.730967787376657, 0, 36, 11]

-- Two calls with the same seed return identical sequences.
SELECT RAND(42) = RAND(42), RAND_INTEGER(3, 1000) = RAND_INTEGER(3, 1000);
-- +I[TRUE, TRUE]

SELECT RAND() >= 0 AND RAND() < 1, RAND_INTEGER(10) BETWEEN 0 AND 9, RAND_INTEGER(1), RAND_INTEGER(5, 1);
-- +I[TRUE, TRUE, 0, 0]

SELECT RAND_INTEGER(0);
-- error: bound must be positive

SELECT RAND_INTEGER(42, -3);
-- error: bound must be positive
