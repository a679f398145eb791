// OVER aggregation: `agg(x) OVER (PARTITION BY .. ORDER BY dateTime ROWS|RANGE .. PRECEDING AND
// CURRENT ROW)` on event time over the bid table (see ../tables.mjs), whose rows arrive out of
// order but never late, so the streaming result is the batch one: each input row once, with its
// aggregates over its frame appended. DuckDB's window functions are the twins.
//   The result types follow Flink's (see aggregate.mjs): COUNT is BIGINT, SUM of an integer its
//   argument's type, of DECIMAL(p, s) DECIMAL(38, s); AVG of an integer truncates toward zero,
//   of DECIMAL(10, 2) is DECIMAL(38, 6) rounded HALF_UP.
//   RANGE frames treat rows of one timestamp as peers in both engines. ROWS frames order rows of
//   one timestamp by arrival in Flink: they run only per auction and per bidder, whose
//   partitions have no two rows at one timestamp (the global window has a few ties).
//   The timestamps of the data span 36 hours: the intervals are chosen so that frames hold a
//   few rows (a channel sees a bid every 20 s or so, a bidder every few hours).
//   Processing time orders by arrival, which only parallelism 1 makes the files' order.

const CHANNEL_RANGE = `PARTITION BY channel ORDER BY dateTime
  RANGE BETWEEN INTERVAL '2' MINUTE PRECEDING AND CURRENT ROW`;

export const cases = [
  {
    // MIN/MAX over a sliding frame retract the values leaving it; NULL qty and fee are skipped
    name: 'range_interval_per_channel',
    parallel: true,
    sink: `channel STRING, dateTime TIMESTAMP(3), price BIGINT, n BIGINT, s BIGINT, lo BIGINT, hi BIGINT, ap BIGINT,
           nq BIGINT, sq INT, lo_note STRING, hi_fee DECIMAL(10, 2), sf DECIMAL(38, 2)`,
    flink: `INSERT INTO sink SELECT channel, dateTime, price, COUNT(*) OVER w, SUM(price) OVER w, MIN(price) OVER w,
              MAX(price) OVER w, AVG(price) OVER w, COUNT(qty) OVER w, SUM(qty) OVER w, MIN(note) OVER w,
              MAX(fee) OVER w, SUM(fee) OVER w
            FROM bid
            WINDOW w AS (${CHANNEL_RANGE});`,
    duck: `SELECT channel, dateTime, price, count(*) OVER w, sum(price) OVER w, min(price) OVER w, max(price) OVER w,
             sum(price) OVER w // count(price) OVER w, count(qty) OVER w, sum(qty) OVER w, min(note) OVER w,
             max(fee) OVER w, sum(fee) OVER w
           FROM bid
           WINDOW w AS (PARTITION BY channel ORDER BY dateTime
                        RANGE BETWEEN INTERVAL 2 MINUTE PRECEDING AND CURRENT ROW)`,
  },
  {
    // BOOL_AND / BOOL_OR over a sliding frame retract the values leaving it; NULL mobile and qty
    // are skipped
    name: 'range_interval_bool_and_or_per_channel',
    parallel: true,
    sink: 'channel STRING, dateTime TIMESTAMP(3), price BIGINT, all_m BOOLEAN, any_m BOOLEAN, any_neg BOOLEAN',
    flink: `INSERT INTO sink SELECT channel, dateTime, price, BOOL_AND(mobile) OVER w, BOOL_OR(mobile) OVER w,
              SOME(qty < 0) OVER w
            FROM bid
            WINDOW w AS (${CHANNEL_RANGE});`,
    duck: `SELECT channel, dateTime, price, bool_and(mobile) OVER w, bool_or(mobile) OVER w, bool_or(qty < 0) OVER w
           FROM bid
           WINDOW w AS (PARTITION BY channel ORDER BY dateTime
                        RANGE BETWEEN INTERVAL 2 MINUTE PRECEDING AND CURRENT ROW)`,
  },
  {
    // the current row and the 3 before it; AVG of a DECIMAL over the frame
    name: 'rows_preceding_per_bidder',
    parallel: true,
    sink: `bidder BIGINT, dateTime TIMESTAMP(3), price BIGINT, n BIGINT, s BIGINT, lo BIGINT, hi BIGINT,
           nq BIGINT, af DECIMAL(38, 6)`,
    flink: `INSERT INTO sink SELECT bidder, dateTime, price, COUNT(*) OVER w, SUM(price) OVER w, MIN(price) OVER w,
              MAX(price) OVER w, COUNT(qty) OVER w, AVG(fee) OVER w
            FROM bid
            WINDOW w AS (PARTITION BY bidder ORDER BY dateTime ROWS BETWEEN 3 PRECEDING AND CURRENT ROW);`,
    duck: `SELECT bidder, dateTime, price, count(*) OVER w, sum(price) OVER w, min(price) OVER w, max(price) OVER w,
             count(qty) OVER w,
             decimal_of(div_half_up(sum(CAST(fee * 100 AS BIGINT)) OVER w * 10000, count(fee) OVER w), 6)
           FROM bid
           WINDOW w AS (PARTITION BY bidder ORDER BY dateTime ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)`,
  },
  {
    // a longer frame per bidder: 6 hours hold several of a bidder's bids
    name: 'range_hours_per_bidder',
    parallel: true,
    sink: 'bidder BIGINT, dateTime TIMESTAMP(3), n BIGINT, s BIGINT, lo BIGINT, first_t TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT bidder, dateTime, COUNT(*) OVER w, SUM(price) OVER w, MIN(price) OVER w,
              MIN(dateTime) OVER w
            FROM bid
            WINDOW w AS (PARTITION BY bidder ORDER BY dateTime
                         RANGE BETWEEN INTERVAL '6' HOUR PRECEDING AND CURRENT ROW);`,
    duck: `SELECT bidder, dateTime, count(*) OVER w, sum(price) OVER w, min(price) OVER w, min(dateTime) OVER w
           FROM bid
           WINDOW w AS (PARTITION BY bidder ORDER BY dateTime
                        RANGE BETWEEN INTERVAL 6 HOUR PRECEDING AND CURRENT ROW)`,
  },
  {
    // a running total per auction; FIRST_VALUE is the auction's earliest price, LAST_VALUE the
    // current row's (price is never NULL)
    name: 'rows_unbounded_per_auction',
    parallel: true,
    sink: `auction BIGINT, dateTime TIMESTAMP(3), n BIGINT, s BIGINT, hi BIGINT, sq INT, first_p BIGINT,
           last_p BIGINT`,
    flink: `INSERT INTO sink SELECT auction, dateTime, COUNT(*) OVER w, SUM(price) OVER w, MAX(price) OVER w,
              SUM(qty) OVER w, FIRST_VALUE(price) OVER w, LAST_VALUE(price) OVER w
            FROM bid
            WINDOW w AS (PARTITION BY auction ORDER BY dateTime ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);`,
    duck: `SELECT auction, dateTime, count(*) OVER w, sum(price) OVER w, max(price) OVER w, sum(qty) OVER w,
             first_value(price) OVER w, last_value(price) OVER w
           FROM bid
           WINDOW w AS (PARTITION BY auction ORDER BY dateTime ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
  },
  {
    // the default frame (RANGE UNBOUNDED PRECEDING), with an operand and a partition key that
    // are expressions; partitions by bidder % 7 have rows at one timestamp, which are peers
    name: 'default_frame_expressions',
    parallel: true,
    sink: 'k BIGINT, dateTime TIMESTAMP(3), n BIGINT, spq BIGINT, hi_thousands BIGINT',
    flink: `INSERT INTO sink SELECT bidder % 7, dateTime, COUNT(*) OVER (PARTITION BY bidder % 7 ORDER BY dateTime),
              SUM(price * qty) OVER (PARTITION BY bidder % 7 ORDER BY dateTime),
              MAX(price / 1000) OVER (PARTITION BY bidder % 7 ORDER BY dateTime)
            FROM bid;`,
    duck: `SELECT bidder % 7, dateTime, count(*) OVER w, sum(price * qty) OVER w, max(price // 1000) OVER w
           FROM bid
           WINDOW w AS (PARTITION BY bidder % 7 ORDER BY dateTime)`,
  },
  {
    // without PARTITION BY: one instance sees every row; ties on the timestamp are peers
    name: 'global_range_interval',
    parallel: true,
    sink: 'dateTime TIMESTAMP(3), price BIGINT, n BIGINT, s BIGINT, hi BIGINT',
    flink: `INSERT INTO sink SELECT dateTime, price, COUNT(*) OVER w, SUM(price) OVER w, MAX(price) OVER w
            FROM bid
            WINDOW w AS (ORDER BY dateTime RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW);`,
    duck: `SELECT dateTime, price, count(*) OVER w, sum(price) OVER w, max(price) OVER w
           FROM bid
           WINDOW w AS (ORDER BY dateTime RANGE BETWEEN INTERVAL 10 SECOND PRECEDING AND CURRENT ROW)`,
  },
  {
    // processing time orders rows by arrival: at parallelism 1 one source instance reads the
    // files in name order, which is DuckDB's insertion order (rowid); some of an auction's bids
    // arrive after later ones by event time. Not at parallelism 4, where the files interleave.
    name: 'proctime_rows_unbounded_per_auction',
    sink: 'auction BIGINT, price BIGINT, n BIGINT, s BIGINT',
    flink: `CREATE VIEW arriving AS SELECT auction, price, PROCTIME() AS pt FROM bid;
            INSERT INTO sink SELECT auction, price, COUNT(*) OVER w, SUM(price) OVER w
            FROM arriving
            WINDOW w AS (PARTITION BY auction ORDER BY pt ROWS UNBOUNDED PRECEDING);`,
    duck: `SELECT auction, price, count(*) OVER w, sum(price) OVER w
           FROM bid
           WINDOW w AS (PARTITION BY auction ORDER BY rowid ROWS UNBOUNDED PRECEDING)`,
  },
  {
    // as above, over the row and the 2 that arrived before it
    name: 'proctime_rows_preceding_per_auction',
    sink: 'auction BIGINT, price BIGINT, n BIGINT, s BIGINT, lo BIGINT',
    flink: `CREATE VIEW arriving AS SELECT auction, price, PROCTIME() AS pt FROM bid;
            INSERT INTO sink SELECT auction, price, COUNT(*) OVER w, SUM(price) OVER w, MIN(price) OVER w
            FROM arriving
            WINDOW w AS (PARTITION BY auction ORDER BY pt ROWS 2 PRECEDING);`,
    duck: `SELECT auction, price, count(*) OVER w, sum(price) OVER w, min(price) OVER w
           FROM bid
           WINDOW w AS (PARTITION BY auction ORDER BY rowid ROWS 2 PRECEDING)`,
  },
];
