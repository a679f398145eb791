// TopN (ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) filtered by the rank), deduplication
// (rn = 1 ordered by the event time) and their window variants over TUMBLE, on the generated
// tables (see ../tables.mjs). The twins rank with row_number() and QUALIFY.
//
// A streaming TopN breaks ties by arrival, a batch one arbitrarily: every ORDER BY here is a
// total order within its partition (tie-breaking columns where the data has ties: prices repeat
// within an auction and a channel; dateTime is unique per bidder and per auction, so the
// deduplications key on those). Flink sorts NULLs first ascending and last descending; DuckDB
// puts them last either way unless told, so the twins say NULLS FIRST / NULLS LAST.
// Over insert-only input the changelog keeps each partition's top rows; over an aggregate's
// updates the TopN retracts and refills its ranks; the final rows equal the batch ranking.
const us = seconds => seconds * 1000000;
const ws = (column, size) => `make_timestamp((epoch_us(${column}) // ${size}) * ${size})`;

export const cases = [
  // ---- TopN over insert-only input ----
  {
    // AppendOnlyTopNFunction with the rank number: ranks move down as better bids arrive
    name: 'top3_bids_per_auction',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, rn BIGINT',
    flink: `INSERT INTO sink SELECT auction, bidder, price, rn FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC, bidder, dateTime) AS rn FROM bid)
            WHERE rn <= 3;`,
    duck: `SELECT auction, bidder, price,
             row_number() OVER (PARTITION BY auction ORDER BY price DESC, bidder, dateTime) AS rn
           FROM bid QUALIFY rn <= 3`,
  },
  {
    // without the rank number: -D of the row pushed out, +I of the new one
    name: 'top5_per_channel_without_rank',
    parallel: true,
    sink: 'channel STRING, auction BIGINT, bidder BIGINT, price BIGINT',
    flink: `INSERT INTO sink SELECT channel, auction, bidder, price FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY price DESC, dateTime) AS rn FROM bid)
            WHERE rn <= 5;`,
    duck: `SELECT channel, auction, bidder, price FROM bid
           QUALIFY row_number() OVER (PARTITION BY channel ORDER BY price DESC, dateTime) <= 5`,
  },
  {
    // a rank range not starting at 1; NULL quantities sort first ascending
    name: 'ranks_2_to_4_per_bidder_by_qty',
    parallel: true,
    sink: 'bidder BIGINT, qty INT, auction BIGINT, rn BIGINT',
    flink: `INSERT INTO sink SELECT bidder, qty, auction, rn FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder ORDER BY qty, dateTime DESC) AS rn FROM bid)
            WHERE rn BETWEEN 2 AND 4;`,
    duck: `SELECT bidder, qty, auction,
             row_number() OVER (PARTITION BY bidder ORDER BY qty NULLS FIRST, dateTime DESC) AS rn
           FROM bid QUALIFY rn BETWEEN 2 AND 4`,
  },
  {
    // FastTop1Function: the best bid per bidder; a filter below the TopN
    name: 'top1_per_bidder',
    parallel: true,
    sink: 'bidder BIGINT, auction BIGINT, price BIGINT, fee DECIMAL(10, 2)',
    flink: `INSERT INTO sink SELECT bidder, auction, price, fee FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder ORDER BY price DESC, dateTime) AS rn
              FROM bid WHERE channel <> 'Google')
            WHERE rn = 1;`,
    duck: `SELECT bidder, auction, price, fee FROM bid WHERE channel <> 'Google'
           QUALIFY row_number() OVER (PARTITION BY bidder ORDER BY price DESC, dateTime) = 1`,
  },
  {
    // no partition: one instance; DOUBLE NULLs last descending
    name: 'global_top10_by_rate',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, rate DOUBLE, rn BIGINT',
    flink: `INSERT INTO sink SELECT auction, bidder, rate, rn FROM (
              SELECT *, ROW_NUMBER() OVER (ORDER BY rate DESC, dateTime) AS rn FROM bid)
            WHERE rn <= 10;`,
    duck: `SELECT auction, bidder, rate, row_number() OVER (ORDER BY rate DESC NULLS LAST, dateTime) AS rn
           FROM bid QUALIFY rn <= 10`,
  },
  // ---- TopN over an updating aggregate ----
  {
    // RetractStrategy: SUM may move either way, every row of a channel is kept
    name: 'top5_auctions_per_channel_by_sum',
    parallel: true,
    sink: 'channel STRING, auction BIGINT, total BIGINT, rn BIGINT',
    flink: `INSERT INTO sink SELECT channel, auction, total, rn FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY total DESC, auction) AS rn
              FROM (SELECT channel, auction, SUM(qty) AS total FROM bid GROUP BY channel, auction))
            WHERE rn <= 5;`,
    duck: `SELECT channel, auction, total, row_number() OVER (PARTITION BY channel ORDER BY total DESC, auction) AS rn
           FROM (SELECT channel, auction, sum(qty) AS total FROM bid GROUP BY ALL)
           QUALIFY rn <= 5`,
  },
  {
    // the same without the rank number, ranks 1..3: -D/+I as rows leave and enter the top
    name: 'top3_bidders_per_channel_by_count',
    parallel: true,
    sink: 'channel STRING, bidder BIGINT, n BIGINT',
    flink: `INSERT INTO sink SELECT channel, bidder, n FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY n DESC, s, bidder) AS rn
              FROM (SELECT channel, bidder, COUNT(*) AS n, SUM(price) AS s FROM bid GROUP BY channel, bidder))
            WHERE rn <= 3;`,
    duck: `SELECT channel, bidder, n FROM (SELECT channel, bidder, count(*) AS n, sum(price) AS s FROM bid GROUP BY ALL)
           QUALIFY row_number() OVER (PARTITION BY channel ORDER BY n DESC, s, bidder) <= 3`,
  },
  {
    // UpdateFastStrategy at rank 1 (FastTop1Function over upserts): MAX only grows
    name: 'top1_auction_per_channel_by_max',
    parallel: true,
    sink: 'channel STRING, auction BIGINT, hi BIGINT',
    flink: `INSERT INTO sink SELECT channel, auction, hi FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY channel ORDER BY hi DESC, auction) AS rn
              FROM (SELECT channel, auction, MAX(price) AS hi FROM bid GROUP BY channel, auction))
            WHERE rn = 1;`,
    duck: `SELECT channel, auction, hi FROM (SELECT channel, auction, max(price) AS hi FROM bid GROUP BY ALL)
           QUALIFY row_number() OVER (PARTITION BY channel ORDER BY hi DESC, auction) = 1`,
  },
  // ---- deduplication on event time ----
  {
    // RowTimeDeduplicateFunction keep first: an earlier event time replaces the kept row
    name: 'first_bid_per_bidder',
    parallel: true,
    sink: 'bidder BIGINT, auction BIGINT, price BIGINT, t TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT bidder, auction, price, dateTime FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder ORDER BY dateTime) AS rn FROM bid)
            WHERE rn = 1;`,
    duck: `SELECT bidder, auction, price, dateTime FROM bid
           QUALIFY row_number() OVER (PARTITION BY bidder ORDER BY dateTime) = 1`,
  },
  {
    // keep last: each later event time replaces it (-U/+U)
    name: 'last_bid_per_auction',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, note STRING, t TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT auction, bidder, price, note, dateTime FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY dateTime DESC) AS rn FROM bid)
            WHERE rn = 1;`,
    duck: `SELECT auction, bidder, price, note, dateTime FROM bid
           QUALIFY row_number() OVER (PARTITION BY auction ORDER BY dateTime DESC) = 1`,
  },
  // ---- window TopN and window deduplication over TUMBLE ----
  {
    // Window TopN after a window aggregation: fires per window, insert-only
    name: 'top3_bidders_per_window_by_bid_count',
    parallel: true,
    sink: 'ws TIMESTAMP(3), bidder BIGINT, n BIGINT, rn BIGINT',
    flink: `INSERT INTO sink SELECT window_start, bidder, n, rn FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY n DESC, bidder) AS rn
              FROM (SELECT window_start, window_end, bidder, COUNT(*) AS n
                    FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
                    GROUP BY window_start, window_end, bidder))
            WHERE rn <= 3;`,
    duck: `SELECT make_timestamp(w * ${us(10)}), bidder, n,
             row_number() OVER (PARTITION BY w ORDER BY n DESC, bidder) AS rn
           FROM (SELECT epoch_us(dateTime) // ${us(10)} AS w, bidder, count(*) AS n FROM bid GROUP BY 1, 2)
           QUALIFY rn <= 3`,
  },
  {
    name: 'window_top3_per_channel',
    parallel: true,
    sink: 'ws TIMESTAMP(3), we TIMESTAMP(3), channel STRING, auction BIGINT, price BIGINT, rn BIGINT',
    flink: `INSERT INTO sink SELECT window_start, window_end, channel, auction, price, rn FROM (
              SELECT *, ROW_NUMBER() OVER (
                PARTITION BY window_start, window_end, channel ORDER BY price DESC, dateTime) AS rn
              FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE)))
            WHERE rn <= 3;`,
    duck: `SELECT ${ws('dateTime', us(600))} AS s, s + INTERVAL 10 MINUTE, channel, auction, price,
             row_number() OVER (PARTITION BY s, channel ORDER BY price DESC, dateTime) AS rn
           FROM bid QUALIFY rn <= 3`,
  },
  {
    // ranks 2..3 of each hour, over a window aggregate's output (no rank number)
    name: 'window_ranks_2_3_over_window_aggregate',
    parallel: true,
    sink: 'ws TIMESTAMP(3), channel STRING, n BIGINT',
    flink: `INSERT INTO sink SELECT window_start, channel, n FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY n DESC, channel) AS rn
              FROM (SELECT window_start, window_end, channel, COUNT(*) AS n
                    FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '1' HOUR))
                    GROUP BY window_start, window_end, channel))
            WHERE rn BETWEEN 2 AND 3;`,
    duck: `SELECT s, channel, n FROM (SELECT ${ws('dateTime', us(3600))} AS s, channel, count(*) AS n FROM bid GROUP BY ALL)
           QUALIFY row_number() OVER (PARTITION BY s ORDER BY n DESC, channel) BETWEEN 2 AND 3`,
  },
  {
    // RowTimeWindowDeduplicateProcessor: the last bid per hour and auction
    name: 'window_last_bid_per_auction',
    parallel: true,
    sink: 'ws TIMESTAMP(3), auction BIGINT, bidder BIGINT, price BIGINT, t TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT window_start, auction, bidder, price, dateTime FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, auction ORDER BY dateTime DESC) AS rn
              FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '1' HOUR)))
            WHERE rn = 1;`,
    duck: `SELECT ${ws('dateTime', us(3600))} AS s, auction, bidder, price, dateTime FROM bid
           QUALIFY row_number() OVER (PARTITION BY s, auction ORDER BY dateTime DESC) = 1`,
  },
  {
    name: 'window_first_bid_per_bidder',
    parallel: true,
    sink: 'ws TIMESTAMP(3), bidder BIGINT, auction BIGINT, t TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT window_start, bidder, auction, dateTime FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, bidder ORDER BY dateTime) AS rn
              FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '30' MINUTE)))
            WHERE rn = 1;`,
    duck: `SELECT ${ws('dateTime', us(1800))} AS s, bidder, auction, dateTime FROM bid
           QUALIFY row_number() OVER (PARTITION BY s, bidder ORDER BY dateTime) = 1`,
  },
];
