-- expect-error: 7:3: duplicate column 'id'
-- The same column declared twice in CREATE TABLE (the location is the second declaration).
CREATE TABLE users (
  id     BIGINT,
  name   STRING,
  email  STRING,
  id     INT
) WITH (
  'connector' = 'datagen'
);
