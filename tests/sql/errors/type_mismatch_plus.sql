-- expect-error: 5:8: cannot apply '+' to arguments of type string and int
-- Arithmetic on a STRING column (the location is the start of the offending expression).
CREATE TABLE people (name STRING, age INT) WITH ('connector' = 'datagen');

SELECT name + 1 AS next_name, age + 1 AS next_age FROM people;
