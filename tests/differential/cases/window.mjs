// Window aggregation: TUMBLE, HOP, CUMULATE and SESSION window TVFs, the legacy group windows,
// and windows over windows, on the bid table's out-of-order event time (see ../tables.mjs: the
// disorder stays under the watermark delay, so no row is late and the streaming result equals
// the batch one). The twins compute windows from epoch microseconds:
//   ws(t, size) = the start of t's window of `size` µs, aligned on the epoch as Flink aligns it;
//   a HOP or CUMULATE row is joined with range(..) to list each of its windows;
//   sessions are gaps-and-islands: a row starts a new session when it comes more than the gap
//   after the previous row of its key (Flink merges sessions that touch: [t, t + gap)).
const us = seconds => seconds * 1000000;
const ws = (column, size) => `make_timestamp((epoch_us(${column}) // ${size}) * ${size})`;

export const cases = [
  {
    name: 'tumble_per_channel',
    parallel: true,
    sink: `ws TIMESTAMP(3), we TIMESTAMP(3), channel STRING, n BIGINT, s BIGINT, hi BIGINT, bidders BIGINT,
           af DECIMAL(38, 6)`,
    flink: `INSERT INTO sink SELECT window_start, window_end, channel, COUNT(*), SUM(price), MAX(price),
              COUNT(DISTINCT bidder), AVG(fee)
            FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))
            GROUP BY window_start, window_end, channel;`,
    duck: `SELECT ${ws('dateTime', us(600))} AS s, s + INTERVAL 10 MINUTE, channel, count(*), sum(price), max(price),
             count(DISTINCT bidder), decimal_of(div_half_up(sum(CAST(fee * 100 AS BIGINT)) * 10000, count(fee)), 6)
           FROM bid GROUP BY ALL`,
  },
  {
    // many small groups per window; a filter between the TVF and the aggregate
    name: 'tumble_per_auction_filtered',
    parallel: true,
    sink: 'we TIMESTAMP(3), auction BIGINT, n BIGINT, lo BIGINT, wt TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT window_end, auction, COUNT(*), MIN(price), window_time
            FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '1' HOUR))
            WHERE price > 1000
            GROUP BY window_start, window_end, window_time, auction;`,
    duck: `SELECT ${ws('dateTime', us(3600))} + INTERVAL 1 HOUR AS e, auction, count(*), min(price),
             e - INTERVAL 1 MILLISECOND
           FROM bid WHERE price > 1000 GROUP BY ALL`,
  },
  {
    name: 'legacy_tumble_with_properties',
    parallel: true,
    sink: 'channel STRING, ws TIMESTAMP(3), we TIMESTAMP(3), rt TIMESTAMP(3), n BIGINT, s BIGINT',
    flink: `INSERT INTO sink SELECT channel, TUMBLE_START(dateTime, INTERVAL '15' MINUTE),
              TUMBLE_END(dateTime, INTERVAL '15' MINUTE), TUMBLE_ROWTIME(dateTime, INTERVAL '15' MINUTE),
              COUNT(*), SUM(qty)
            FROM bid GROUP BY channel, TUMBLE(dateTime, INTERVAL '15' MINUTE);`,
    duck: `SELECT channel, ${ws('dateTime', us(900))} AS s, s + INTERVAL 15 MINUTE,
             s + INTERVAL 15 MINUTE - INTERVAL 1 MILLISECOND, count(*), sum(qty)
           FROM bid GROUP BY ALL`,
  },
  {
    // HOP windows of 1 hour every 10 minutes: each row in six windows, six slices per window
    name: 'hop_per_channel',
    parallel: true,
    sink: 'ws TIMESTAMP(3), we TIMESTAMP(3), channel STRING, n BIGINT, s BIGINT, lo BIGINT, hi BIGINT, bidders BIGINT',
    flink: `INSERT INTO sink SELECT window_start, window_end, channel, COUNT(*), SUM(price), MIN(price), MAX(price),
              COUNT(DISTINCT bidder)
            FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE, INTERVAL '1' HOUR))
            GROUP BY window_start, window_end, channel;`,
    duck: `SELECT s, s + INTERVAL 1 HOUR, channel, count(*), sum(price), min(price), max(price), count(DISTINCT bidder)
           FROM (SELECT *, ${ws('dateTime', us(600))} - k * INTERVAL 10 MINUTE AS s FROM bid, range(0, 6) t(k))
           GROUP BY ALL`,
  },
  {
    // BOOL_AND / BOOL_OR: windows merge their slices' TRUE and FALSE counts
    name: 'hop_bool_and_or_per_channel',
    parallel: true,
    sink: 'ws TIMESTAMP(3), channel STRING, all_m BOOLEAN, any_m BOOLEAN, all_cheap BOOLEAN, any_neg BOOLEAN',
    flink: `INSERT INTO sink SELECT window_start, channel, BOOL_AND(mobile), BOOL_OR(mobile), EVERY(price < 5000),
              SOME(qty < 0)
            FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE, INTERVAL '30' MINUTE))
            GROUP BY window_start, window_end, channel;`,
    duck: `SELECT s, channel, bool_and(mobile), bool_or(mobile), bool_and(price < 5000), bool_or(qty < 0)
           FROM (SELECT *, ${ws('dateTime', us(600))} - k * INTERVAL 10 MINUTE AS s FROM bid, range(0, 3) t(k))
           GROUP BY ALL`,
  },
  {
    name: 'legacy_hop_global',
    sink: 'ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, s BIGINT',
    flink: `INSERT INTO sink SELECT HOP_START(dateTime, INTERVAL '20' MINUTE, INTERVAL '1' HOUR),
              HOP_END(dateTime, INTERVAL '20' MINUTE, INTERVAL '1' HOUR), COUNT(*), SUM(price)
            FROM bid GROUP BY HOP(dateTime, INTERVAL '20' MINUTE, INTERVAL '1' HOUR);`,
    duck: `SELECT s, s + INTERVAL 1 HOUR, count(*), sum(price)
           FROM (SELECT *, ${ws('dateTime', us(1200))} - k * INTERVAL 20 MINUTE AS s FROM bid, range(0, 3) t(k))
           GROUP BY ALL`,
  },
  {
    // CUMULATE: every hour, the day so far (days aligned on UTC midnight)
    name: 'cumulate_per_channel',
    parallel: true,
    sink: 'ws TIMESTAMP(3), we TIMESTAMP(3), channel STRING, n BIGINT, s BIGINT, hi BIGINT',
    flink: `INSERT INTO sink SELECT window_start, window_end, channel, COUNT(*), SUM(price), MAX(price)
            FROM TABLE(CUMULATE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '1' HOUR, INTERVAL '1' DAY))
            GROUP BY window_start, window_end, channel;`,
    duck: `SELECT s, e, channel, count(*), sum(price), max(price)
           FROM (SELECT *, ${ws('dateTime', us(86400))} AS s, s + (k + 1) * INTERVAL 1 HOUR AS e
                 FROM bid, range(0, 24) t(k))
           WHERE e > dateTime GROUP BY ALL`,
  },
  {
    // sessions per bidder with a 2-hour gap
    name: 'session_per_bidder',
    parallel: true,
    sink: 'bidder BIGINT, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, s BIGINT',
    flink: `INSERT INTO sink SELECT bidder, window_start, window_end, COUNT(*), SUM(price)
            FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(dateTime), INTERVAL '2' HOUR))
            GROUP BY bidder, window_start, window_end;`,
    duck: `SELECT bidder, min(dateTime), max(dateTime) + INTERVAL 2 HOUR, count(*), sum(price)
           FROM (SELECT *, sum(CASE WHEN gap IS NULL OR gap > INTERVAL 2 HOUR THEN 1 ELSE 0 END)
                             OVER (PARTITION BY bidder ORDER BY dateTime ROWS UNBOUNDED PRECEDING) AS session
                 FROM (SELECT *, dateTime - lag(dateTime) OVER (PARTITION BY bidder ORDER BY dateTime) AS gap FROM bid))
           GROUP BY bidder, session`,
  },
  {
    name: 'legacy_session_per_channel',
    sink: 'channel STRING, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT',
    flink: `INSERT INTO sink SELECT channel, SESSION_START(dateTime, INTERVAL '30' SECOND),
              SESSION_END(dateTime, INTERVAL '30' SECOND), COUNT(*)
            FROM bid GROUP BY channel, SESSION(dateTime, INTERVAL '30' SECOND);`,
    duck: `SELECT channel, min(dateTime), max(dateTime) + INTERVAL 30 SECOND, count(*)
           FROM (SELECT *, sum(CASE WHEN gap IS NULL OR gap > INTERVAL 30 SECOND THEN 1 ELSE 0 END)
                             OVER (PARTITION BY channel ORDER BY dateTime ROWS UNBOUNDED PRECEDING) AS session
                 FROM (SELECT *, dateTime - lag(dateTime) OVER (PARTITION BY channel ORDER BY dateTime) AS gap FROM bid))
           GROUP BY channel, session`,
  },
  {
    // 10-minute counts per auction, then hourly totals over their window_time
    name: 'cascaded_windows',
    parallel: true,
    sink: 'ws TIMESTAMP(3), we TIMESTAMP(3), auctions BIGINT, bids BIGINT, busiest BIGINT',
    flink: `CREATE VIEW per_auction AS
              SELECT window_time AS wt, auction, COUNT(*) AS n
              FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))
              GROUP BY window_start, window_end, window_time, auction;
            INSERT INTO sink SELECT window_start, window_end, COUNT(*), SUM(n), MAX(n)
            FROM TABLE(TUMBLE(TABLE per_auction, DESCRIPTOR(wt), INTERVAL '1' HOUR))
            GROUP BY window_start, window_end;`,
    duck: `SELECT ${ws('s', us(3600))} AS h, h + INTERVAL 1 HOUR, count(*), sum(n), max(n)
           FROM (SELECT ${ws('dateTime', us(600))} AS s, auction, count(*) AS n FROM bid GROUP BY ALL)
           GROUP BY h`,
  },
  {
    // A window aggregation over another's window_start/window_end (Flink's window-attached
    // windows, Nexmark q5's MaxBids): insert-only, each HOP window once.
    name: 'max_bids_per_hop_window_over_counts',
    parallel: true,
    sink: 'ws TIMESTAMP(3), we TIMESTAMP(3), maxn BIGINT, auctions BIGINT',
    flink: `INSERT INTO sink SELECT starttime, endtime, MAX(num), COUNT(*) FROM (
              SELECT window_start AS starttime, window_end AS endtime, auction, COUNT(*) AS num
              FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' MINUTE, INTERVAL '10' MINUTE))
              GROUP BY auction, window_start, window_end)
            GROUP BY starttime, endtime;`,
    duck: `WITH hops AS (SELECT *, epoch_us(dateTime) // ${us(120)} AS slot FROM bid),
                windows AS (SELECT h.auction, (h.slot - k) * ${us(120)} AS start_us
                            FROM hops h, range(0, 5) AS r(k)),
                counts AS (SELECT start_us, auction, count(*) AS num FROM windows GROUP BY ALL)
           SELECT make_timestamp(start_us), make_timestamp(start_us + ${us(600)}), max(num), count(*)
           FROM counts GROUP BY start_us`,
  },
];
