-- expect-error: 5:38: unterminated string literal
-- A string literal that is never closed (the location is its opening quote).
CREATE TABLE people (name STRING, city STRING) WITH ('connector' = 'datagen');

SELECT name FROM people WHERE city = 'Berlin;
