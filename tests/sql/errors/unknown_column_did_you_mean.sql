-- expect-error: 8:21: did you mean 'quantity'
-- Flink docs (dev/table/sql/create, "Computed Columns") misspell `quantity` in the computed
-- column expression; the diagnostic should suggest the column that exists.
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quanitity  -- evaluate expression and supply the result to queries
) WITH (
  'connector' = 'datagen'
);
