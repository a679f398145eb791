// Jobs with an error: `sqlc check` must fail with "job.sql:LINE:COLUMN: error: ..." at `at`
// ([line, column] within the body, 1-based) and a message matching `error`.

export const refusals = [
  {
    // a bucket count the split distinct aggregation cannot divide by, refused where it is SET
    name: 'split_distinct_bucket_num_not_positive',
    sink: 'channel STRING, bidders BIGINT',
    flink: `SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '-8';
INSERT INTO sink SELECT channel, COUNT(DISTINCT bidder) FROM bid GROUP BY channel;`,
    at: [2, 1],
    error: /'table\.optimizer\.distinct-agg\.split\.bucket-num' must be a positive integer, not '-8'/,
  },
  {
    name: 'unknown_column',
    sink: 'auction BIGINT, price BIGINT',
    flink: 'INSERT INTO sink SELECT auction, prise FROM bid;',
    at: [1, 34],
    error: /column 'prise' not found/,
  },
  {
    name: 'unknown_table',
    sink: 'auction BIGINT',
    flink: 'INSERT INTO sink\nSELECT auction FROM bids;',
    at: [2, 21],
    error: /bids/,
  },
  {
    name: 'sink_column_type_mismatch',
    sink: 'auction BIGINT, price BIGINT',
    flink: 'INSERT INTO sink SELECT auction, channel FROM bid;',
    at: [1, 34],
    error: /incompatible types.*BIGINT.*STRING/,
  },
  {
    name: 'sink_column_count_mismatch',
    sink: 'auction BIGINT, price BIGINT',
    flink: 'INSERT INTO sink SELECT auction FROM bid;',
    at: [1, 13],
    error: /column count mismatch/,
  },
  {
    name: 'unknown_function',
    sink: 'auction BIGINT, price BIGINT',
    flink: 'INSERT INTO sink\nSELECT auction,\n       DOUBLE_IT(price) FROM bid;',
    at: [3, 8],
    error: /function 'DOUBLE_IT' not found/,
  },
  {
    name: 'non_boolean_where',
    sink: 'auction BIGINT',
    flink: 'INSERT INTO sink SELECT auction FROM bid WHERE price;',
    at: [1, 48],
    error: /WHERE condition must be BOOLEAN/,
  },
  {
    name: 'misspelled_keyword',
    sink: 'auction BIGINT',
    flink: 'INSERT INTO sink SELEKT auction FROM bid;',
    at: [1, 18],
    error: /./,
  },
];
