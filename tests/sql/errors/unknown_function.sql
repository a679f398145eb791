-- expect-error: 5:11: function 'nosuch' not found
-- A call of a function that is neither built in nor declared with CREATE FUNCTION.
CREATE TABLE words (w STRING) WITH ('connector' = 'datagen');

SELECT w, nosuch(w, 3) AS x FROM words;
