// Group aggregation: GROUP BY, SELECT DISTINCT, HAVING, FILTER, global aggregates, LISTAGG,
// BOOL_AND / BOOL_OR, the variance family and GROUPING SETS / ROLLUP / CUBE over the generated
// tables (see ../tables.mjs), over insert-only input and over the updates of another aggregate.
// The sink's changelog (+I, -U/+U, -D) is applied, so only the rows it leaves compare. Same case
// shape as stateless.mjs.
// The twins follow Flink's result types:
//   COUNT is BIGINT; SUM of an integer has its argument's type and wraps around in it as Java
//   does (wrap_integer), of DECIMAL(p, s) is DECIMAL(38, s); AVG of an integer has its argument's
//   type and truncates toward zero (sum // count; Flink sums in a long), of DECIMAL(p, s) is
//   DECIMAL(38, max(6, s)) rounded HALF_UP (div_half_up over the unscaled sum), of DOUBLE a DOUBLE.
//   MIN/MAX of strings compare bytes, as DuckDB's do.
// Flink's streaming global aggregate emits nothing for empty input where DuckDB gives one row, so
// global aggregates here always see rows. FIRST_VALUE/LAST_VALUE depend on arrival order and are
// left out. At parallelism 4 no two groups can print the same row, or one subtask could retract
// its copy before another inserts one (the comparison would call it a retraction of an absent row).
// A DISTINCT aggregate, and MIN/MAX over updating input, keep their values' multiset, which costs
// per row in proportion to its size: the sets here stay small (a few hundred values) to keep the
// suite fast.

export const cases = [
  // ---- insert-only input ----
  {
    name: 'count_sum_min_max_per_channel',
    parallel: true,
    sink: `channel STRING, n BIGINT, nq BIGINT, s BIGINT, lo BIGINT, hi BIGINT, sf DECIMAL(38, 2),
           lf DECIMAL(10, 2), hf DECIMAL(10, 2), all_mobile BOOLEAN, any_mobile BOOLEAN, first_d DATE, last_d DATE`,
    flink: `INSERT INTO sink SELECT channel, COUNT(*), COUNT(qty), SUM(price), MIN(price), MAX(price), SUM(fee),
              MIN(fee), MAX(fee), MIN(mobile), MAX(mobile), MIN(bidDate), MAX(bidDate)
            FROM bid GROUP BY channel;`,
    duck: `SELECT channel, count(*), count(qty), sum(price), min(price), max(price), sum(fee), min(fee), max(fee),
             min(mobile), max(mobile), min(bidDate), max(bidDate)
           FROM bid GROUP BY channel`,
  },
  {
    // 6000 small groups (every instance holds some at parallelism 4), DISTINCT over columns with
    // many values
    name: 'per_auction_with_distinct',
    parallel: true,
    sink: `auction BIGINT, n BIGINT, s BIGINT, top_bidder BIGINT, first_t TIMESTAMP(3), last_t TIMESTAMP(3),
           bidders BIGINT, fees BIGINT, rates BIGINT, sdp BIGINT, sdf DECIMAL(38, 2)`,
    flink: `INSERT INTO sink SELECT auction, COUNT(*), SUM(price), MAX(bidder), MIN(dateTime), MAX(dateTime),
              COUNT(DISTINCT bidder), COUNT(DISTINCT fee), COUNT(DISTINCT rate), SUM(DISTINCT price), SUM(DISTINCT fee)
            FROM bid GROUP BY auction;`,
    duck: `SELECT auction, count(*), sum(price), max(bidder), min(dateTime), max(dateTime), count(DISTINCT bidder),
             count(DISTINCT fee), count(DISTINCT rate), sum(DISTINCT price), sum(DISTINCT fee)
           FROM bid GROUP BY auction`,
  },
  {
    // groups printing the same row count as often as there are such groups
    name: 'group_key_not_selected',
    sink: 'n BIGINT, ones BIGINT, twos INT, ap BIGINT, spread BIGINT, pq BIGINT, longest INT',
    flink: `INSERT INTO sink SELECT COUNT(*), COUNT(1), SUM(2), SUM(price) / COUNT(*), MAX(price) - MIN(price),
              SUM(price * qty), MAX(CHAR_LENGTH(note))
            FROM bid GROUP BY bidder;`,
    duck: `SELECT count(*), count(*), 2 * count(*), sum(price) // count(*), max(price) - min(price), sum(price * qty),
             max(length(note))
           FROM bid GROUP BY bidder`,
  },
  {
    // AVG of an integer type is that type, truncated toward zero (qty's averages are often
    // negative). SUM of INT is an INT and wraps around as Java's int does (the CAST and the
    // comparison see the wrapped value; the busiest bidders' sums overflow); of TINYINT a TINYINT.
    name: 'integer_avg_and_sum_types',
    sink: `bidder BIGINT, aq INT, ap BIGINT, a16 SMALLINT, a8 TINYINT, n BIGINT, s INT, wide BIGINT, negative BOOLEAN,
           s8 TINYINT`,
    flink: `INSERT INTO sink SELECT bidder, AVG(qty), AVG(price), AVG(CAST(qty * 1000 AS SMALLINT)),
              AVG(CAST(qty * 5 AS TINYINT)), COUNT(*), SUM(CAST(price AS INT) * 1000),
              CAST(SUM(CAST(price AS INT) * 1000) AS BIGINT), SUM(CAST(price AS INT) * 1000) < 0, SUM(CAST(qty AS TINYINT))
            FROM bid GROUP BY bidder;`,
    duck: `SELECT bidder, sum(qty) // count(qty), sum(price) // count(price), sum(qty * 1000) // count(qty),
             sum(qty * 5) // count(qty), count(*), wrap_integer(sum(price * 1000), 32),
             wrap_integer(sum(price * 1000), 32), wrap_integer(sum(price * 1000), 32) < 0, wrap_integer(sum(qty), 8)
           FROM bid GROUP BY bidder`,
  },
  {
    // AVG(DECIMAL(10, 2)) is DECIMAL(38, 6), AVG(DECIMAL(12, 8)) DECIMAL(38, 8), both HALF_UP
    name: 'avg_decimal_and_double',
    parallel: true,
    sink: 'channel STRING, mobile BOOLEAN, af DECIMAL(38, 6), af8 DECIMAL(38, 8), ar DOUBLE, n BIGINT',
    flink: `INSERT INTO sink SELECT channel, mobile, AVG(fee), AVG(CAST(fee AS DECIMAL(12, 8))), AVG(rate), COUNT(*)
            FROM bid GROUP BY channel, mobile;`,
    duck: `SELECT channel, mobile,
             decimal_of(div_half_up(sum(CAST(fee * 100 AS BIGINT)) * 10000, count(fee)), 6),
             decimal_of(div_half_up(sum(CAST(fee * 100 AS BIGINT)) * 1000000, count(fee)), 8),
             avg(rate), count(*)
           FROM bid GROUP BY channel, mobile`,
  },
  {
    // DISTINCT next to the plain call on the same column, and on the group key itself
    name: 'distinct_aggregates_per_channel',
    parallel: true,
    sink: `channel STRING, notes BIGINT, mobiles BIGINT, qtys BIGINT, nq BIGINT, sdq INT, sq INT, hdq INT, ldn STRING,
           keys BIGINT, hi_key STRING`,
    flink: `INSERT INTO sink SELECT channel, COUNT(DISTINCT note), COUNT(DISTINCT mobile), COUNT(DISTINCT qty), COUNT(qty),
              SUM(DISTINCT qty), SUM(qty), MAX(DISTINCT qty), MIN(DISTINCT note), COUNT(DISTINCT channel), MAX(channel)
            FROM bid GROUP BY channel;`,
    duck: `SELECT channel, count(DISTINCT note), count(DISTINCT mobile), count(DISTINCT qty), count(qty),
             sum(DISTINCT qty), sum(qty), max(DISTINCT qty), min(DISTINCT note), count(DISTINCT channel), max(channel)
           FROM bid GROUP BY channel`,
  },
  {
    name: 'filter_clause',
    parallel: true,
    sink: `channel STRING, pricey BIGINT, mobile_sum BIGINT, neg_qty_fee DECIMAL(10, 2), unknown_qtys BIGINT,
           lo_note STRING, pos_avg INT, n BIGINT`,
    flink: `INSERT INTO sink SELECT channel, COUNT(*) FILTER (WHERE price > 50000), SUM(price) FILTER (WHERE mobile),
              MAX(fee) FILTER (WHERE qty < 0), COUNT(DISTINCT qty) FILTER (WHERE mobile IS NULL),
              MIN(note) FILTER (WHERE note <> ''), AVG(qty) FILTER (WHERE qty > 0), COUNT(*)
            FROM bid GROUP BY channel;`,
    duck: `SELECT channel, count(*) FILTER (WHERE price > 50000), sum(price) FILTER (WHERE mobile),
             max(fee) FILTER (WHERE qty < 0), count(DISTINCT qty) FILTER (WHERE mobile IS NULL),
             min(note) FILTER (WHERE note <> ''),
             sum(qty) FILTER (WHERE qty > 0) // count(qty) FILTER (WHERE qty > 0), count(*)
           FROM bid GROUP BY channel`,
  },
  {
    // HAVING on calls the SELECT has and one it has not; rows enter and leave the result
    name: 'having',
    parallel: true,
    sink: 'auction BIGINT, n BIGINT, hi BIGINT, sq INT',
    flink: `INSERT INTO sink SELECT auction, COUNT(*), MAX(price), SUM(qty) FROM bid
            GROUP BY auction HAVING COUNT(*) >= 3 AND MAX(price) > 50000 OR SUM(qty) < -60 OR MIN(bidder) > 3990;`,
    duck: `SELECT auction, count(*), max(price), sum(qty) FROM bid
           GROUP BY auction HAVING count(*) >= 3 AND max(price) > 50000 OR sum(qty) < -60 OR min(bidder) > 3990`,
  },
  {
    name: 'select_distinct',
    parallel: true,
    sink: 'ch STRING, mobile BOOLEAN, bidDate DATE',
    flink: `INSERT INTO sink SELECT DISTINCT UPPER(channel), mobile, bidDate FROM bid WHERE qty > 15;`,
    duck: `SELECT DISTINCT upper(channel), mobile, bidDate FROM bid WHERE qty > 15`,
  },
  {
    name: 'global_aggregate',
    parallel: true,
    sink: `n BIGINT, nf BIGINT, s BIGINT, first_t TIMESTAMP(3), last_t TIMESTAMP(3), channels BIGINT, qtys BIGINT,
           af DECIMAL(38, 6), first_d DATE, hi_note STRING, ap BIGINT, lo_rate DOUBLE, hi_rate DOUBLE`,
    flink: `INSERT INTO sink SELECT COUNT(*), COUNT(fee), SUM(price), MIN(dateTime), MAX(dateTime), COUNT(DISTINCT channel),
              COUNT(DISTINCT qty), AVG(fee), MIN(bidDate), MAX(note), AVG(price), MIN(rate), MAX(rate)
            FROM bid;`,
    duck: `SELECT count(*), count(fee), sum(price), min(dateTime), max(dateTime), count(DISTINCT channel),
             count(DISTINCT qty), decimal_of(div_half_up(sum(CAST(fee * 100 AS BIGINT)) * 10000, count(fee)), 6),
             min(bidDate), max(note), sum(price) // count(price), min(rate), max(rate)
           FROM bid`,
  },
  {
    name: 'group_by_expressions',
    parallel: true,
    sink: 'ch STRING, bucket BIGINT, n BIGINT, lo BIGINT, hi BIGINT',
    flink: `INSERT INTO sink SELECT UPPER(channel), price / 10000, COUNT(*), MIN(price), MAX(price) FROM bid
            GROUP BY UPPER(channel), price / 10000;`,
    duck: `SELECT upper(channel), price // 10000, count(*), min(price), max(price) FROM bid
           GROUP BY upper(channel), price // 10000`,
  },
  {
    // CAST(DECIMAL AS INT) truncates (fees in (-1, 1) share bucket 0 with the rest below 1000);
    // COALESCE merges NULL notes into '?'
    name: 'group_by_decimal_bucket_and_coalesce',
    sink: 'bucket INT, nt STRING, n BIGINT, sf DECIMAL(38, 2), hf DECIMAL(10, 2)',
    flink: `INSERT INTO sink SELECT CAST(fee AS INT) / 10000, COALESCE(note, '?'), COUNT(*), SUM(fee), MAX(fee) FROM bid
            GROUP BY CAST(fee AS INT) / 10000, COALESCE(note, '?');`,
    duck: `SELECT CAST(trunc(fee) AS INT) // 10000, coalesce(note, '?'), count(*), sum(fee), max(fee) FROM bid
           GROUP BY CAST(trunc(fee) AS INT) // 10000, coalesce(note, '?')`,
  },
  {
    name: 'group_by_time_expressions',
    sink: 'd DATE, h BIGINT, hour_text STRING, n BIGINT, first_t TIMESTAMP(3), last_t TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT CAST(dateTime AS DATE), EXTRACT(HOUR FROM dateTime),
              DATE_FORMAT(dateTime, 'yyyy-MM-dd HH'), COUNT(*), MIN(dateTime), MAX(dateTime)
            FROM bid GROUP BY CAST(dateTime AS DATE), EXTRACT(HOUR FROM dateTime), DATE_FORMAT(dateTime, 'yyyy-MM-dd HH');`,
    duck: `SELECT CAST(dateTime AS DATE), hour(dateTime), strftime(dateTime, '%Y-%m-%d %H'), count(*), min(dateTime),
             max(dateTime)
           FROM bid GROUP BY ALL`,
  },
  {
    // NULL keys form groups of their own
    name: 'null_group_keys',
    parallel: true,
    sink: 'qty INT, mobile BOOLEAN, n BIGINT, nf BIGINT, sf DECIMAL(38, 2), lo_note STRING',
    flink: `INSERT INTO sink SELECT qty, mobile, COUNT(*), COUNT(fee), SUM(fee), MIN(note) FROM bid GROUP BY qty, mobile;`,
    duck: `SELECT qty, mobile, count(*), count(fee), sum(fee), min(note) FROM bid GROUP BY qty, mobile`,
  },
  {
    // the NULL group of qty and the IS NULL group of fee aggregate only NULLs: COUNT 0, the rest
    // NULL; a FILTER no row passes does the same to every group
    name: 'null_only_groups',
    sink: `qty INT, fee_null BOOLEAN, n BIGINT, nq BIGINT, sq INT, aq INT, lo INT, hi INT, dq BIGINT, sdq INT,
           nf BIGINT, sf DECIMAL(38, 2), af DECIMAL(38, 6), hf DECIMAL(10, 2), never BIGINT, never_n BIGINT`,
    flink: `INSERT INTO sink SELECT qty, fee IS NULL, COUNT(*), COUNT(qty), SUM(qty), AVG(qty), MIN(qty), MAX(qty),
              COUNT(DISTINCT qty), SUM(DISTINCT qty), COUNT(fee), SUM(fee), AVG(fee), MAX(fee),
              SUM(price) FILTER (WHERE price < 0), COUNT(price) FILTER (WHERE price < 0)
            FROM bid GROUP BY qty, fee IS NULL;`,
    duck: `SELECT qty, fee IS NULL, count(*), count(qty), sum(qty), sum(qty) // count(qty), min(qty), max(qty),
             count(DISTINCT qty), sum(DISTINCT qty), count(fee), sum(fee),
             decimal_of(div_half_up(sum(CAST(fee * 100 AS BIGINT)) * 10000, count(fee)), 6), max(fee),
             sum(price) FILTER (WHERE price < 0), count(price) FILTER (WHERE price < 0)
           FROM bid GROUP BY qty, fee IS NULL`,
  },
  {
    // byte order: accented and CJK text after ASCII, ' lead' before letters, '' first
    name: 'min_max_strings',
    sink: 'channel STRING, lo_note STRING, hi_note STRING, lo_url STRING, hi_url STRING, lo_extra STRING, hi_extra STRING',
    flink: `INSERT INTO sink SELECT channel, MIN(note), MAX(note), MIN(url), MAX(url), MIN(extra), MAX(extra)
            FROM bid GROUP BY channel;`,
    duck: `SELECT channel, min(note), max(note), min(url), max(url), min(extra), max(extra) FROM bid GROUP BY channel`,
  },
  {
    name: 'over_union_all',
    parallel: true,
    sink: 'k BIGINT, n BIGINT, hi BIGINT',
    flink: `INSERT INTO sink SELECT k, COUNT(*), MAX(amount) FROM (
              SELECT auction AS k, price AS amount FROM bid
              UNION ALL
              SELECT id, reserve FROM auction)
            GROUP BY k;`,
    duck: `SELECT k, count(*), max(amount) FROM (
             SELECT auction AS k, price AS amount FROM bid
             UNION ALL
             SELECT id, reserve FROM auction)
           GROUP BY k`,
  },

  // ---- over the updates of another aggregate: -U/-D retract from the outer groups ----
  {
    // groups of the outer aggregate empty out (-D) as auctions move to higher counts
    name: 'aggregate_of_aggregate',
    parallel: true,
    sink: 'n BIGINT, auctions BIGINT, s BIGINT, lo STRING, hi STRING, chs BIGINT',
    flink: `INSERT INTO sink SELECT n, COUNT(*), SUM(auction), MIN(ch), MAX(ch), COUNT(DISTINCT ch)
            FROM (SELECT auction, MAX(channel) AS ch, COUNT(*) AS n FROM bid GROUP BY auction) GROUP BY n;`,
    duck: `SELECT n, count(*), sum(auction), min(ch), max(ch), count(DISTINCT ch)
           FROM (SELECT auction, max(channel) AS ch, count(*) AS n FROM bid GROUP BY auction) GROUP BY n`,
  },
  {
    // three levels: the middle one's updates are themselves made of retractions
    name: 'aggregate_of_aggregate_of_aggregate',
    parallel: true,
    sink: 'c2 BIGINT, ns BIGINT, lo BIGINT, hi BIGINT',
    flink: `INSERT INTO sink SELECT c2, COUNT(*), MIN(n), MAX(n) FROM (
              SELECT n, COUNT(*) AS c2 FROM (SELECT auction, COUNT(*) AS n FROM bid GROUP BY auction) GROUP BY n)
            GROUP BY c2;`,
    duck: `SELECT c2, count(*), min(n), max(n) FROM (
             SELECT n, count(*) AS c2 FROM (SELECT auction, count(*) AS n FROM bid GROUP BY auction) GROUP BY n)
           GROUP BY c2`,
  },
  {
    // SUM(qty) is an INT, so is AVG over it; inner sums are NULL for bidders with no qty. Bidders
    // move to the next bucket as their bids come: MIN/MAX retract to the next value, DISTINCT
    // drops a value with its last copy
    name: 'aggregate_of_aggregate_distinct_avg_strings',
    parallel: true,
    sink: `bucket BIGINT, n BIGINT, nsq BIGINT, asq INT, dsq BIGINT, sdsq INT, lo INT, hi INT, lo_note STRING,
           hi_note STRING`,
    flink: `INSERT INTO sink SELECT bucket, COUNT(*), COUNT(sq), AVG(sq), COUNT(DISTINCT sq), SUM(DISTINCT sq), MIN(sq),
              MAX(sq), MIN(nt), MAX(nt)
            FROM (SELECT bidder, COUNT(*) / 20 AS bucket, SUM(qty) AS sq, MIN(note) AS nt FROM bid WHERE bidder < 1200
                  GROUP BY bidder)
            GROUP BY bucket;`,
    duck: `SELECT bucket, count(*), count(sq), sum(sq) // count(sq), count(DISTINCT sq), sum(DISTINCT sq), min(sq),
             max(sq), min(nt), max(nt)
           FROM (SELECT bidder, count(*) // 20 AS bucket, sum(qty) AS sq, min(note) AS nt FROM bid WHERE bidder < 1200
                 GROUP BY bidder)
           GROUP BY bucket`,
  },
  {
    // inner SUM(fee) is DECIMAL(38, 2), AVG of it DECIMAL(38, 6)
    name: 'aggregate_of_aggregate_decimal',
    sink: 'channel STRING, n BIGINT, bids BIGINT, af DECIMAL(38, 6), lo DECIMAL(38, 2), hi DECIMAL(38, 2), s DECIMAL(38, 2)',
    flink: `INSERT INTO sink SELECT channel, COUNT(*), SUM(n), AVG(sf), MIN(sf), MAX(sf), SUM(sf)
            FROM (SELECT channel, bidder, COUNT(*) AS n, SUM(fee) AS sf FROM bid WHERE bidder < 1300
                  GROUP BY channel, bidder)
            GROUP BY channel;`,
    duck: `SELECT channel, count(*), sum(n), decimal_of(div_half_up(sum(CAST(sf * 100 AS BIGINT)) * 10000, count(sf)), 6),
             min(sf), max(sf), sum(sf)
           FROM (SELECT channel, bidder, count(*) AS n, sum(fee) AS sf FROM bid WHERE bidder < 1300
                 GROUP BY channel, bidder)
           GROUP BY channel`,
  },
  {
    // the count of bidders per bid count goes up and down as bidders move on: rows leave the
    // result again
    name: 'having_over_updating_input',
    parallel: true,
    sink: 'n BIGINT, bidders BIGINT, s BIGINT',
    flink: `INSERT INTO sink SELECT n, COUNT(*), SUM(bidder)
            FROM (SELECT bidder, COUNT(*) AS n FROM bid GROUP BY bidder) GROUP BY n HAVING COUNT(*) BETWEEN 10 AND 100;`,
    duck: `SELECT n, count(*), sum(bidder)
           FROM (SELECT bidder, count(*) AS n FROM bid GROUP BY bidder) GROUP BY n HAVING count(*) BETWEEN 10 AND 100`,
  },
  {
    // a DISTINCT row goes when its last copy is retracted
    name: 'distinct_over_updating_input',
    parallel: true,
    sink: 'n BIGINT, ch STRING',
    flink: `INSERT INTO sink SELECT DISTINCT n, ch
            FROM (SELECT auction, MAX(channel) AS ch, COUNT(*) AS n FROM bid GROUP BY auction);`,
    duck: `SELECT DISTINCT n, ch FROM (SELECT auction, max(channel) AS ch, count(*) AS n FROM bid GROUP BY auction)`,
  },
  {
    name: 'global_over_updating_input',
    parallel: true,
    sink: 'auctions BIGINT, bids BIGINT, hi BIGINT, lo BIGINT, counts BIGINT, an BIGINT, s BIGINT',
    flink: `INSERT INTO sink SELECT COUNT(*), SUM(n), MAX(n), MIN(n), COUNT(DISTINCT n), AVG(n), SUM(hi)
            FROM (SELECT auction, COUNT(*) AS n, MAX(price) AS hi FROM bid GROUP BY auction);`,
    duck: `SELECT count(*), sum(n), max(n), min(n), count(DISTINCT n), sum(n) // count(n), sum(hi)
           FROM (SELECT auction, count(*) AS n, max(price) AS hi FROM bid GROUP BY auction)`,
  },
  {
    name: 'filter_clause_over_updating_input',
    sink: 'ch STRING, busy BIGINT, pricey_bids BIGINT, single_hi BIGINT, n BIGINT',
    flink: `INSERT INTO sink SELECT ch, COUNT(*) FILTER (WHERE n > 5), SUM(n) FILTER (WHERE hi > 50000),
              MAX(hi / 100) FILTER (WHERE n = 1), COUNT(*)
            FROM (SELECT auction, MIN(channel) AS ch, COUNT(*) AS n, MAX(price) AS hi FROM bid GROUP BY auction)
            GROUP BY ch;`,
    duck: `SELECT ch, count(*) FILTER (WHERE n > 5), sum(n) FILTER (WHERE hi > 50000),
             max(hi // 100) FILTER (WHERE n = 1), count(*)
           FROM (SELECT auction, min(channel) AS ch, count(*) AS n, max(price) AS hi FROM bid GROUP BY auction)
           GROUP BY ch`,
  },
  // ---- LISTAGG, the variance family, AVG/SUM0 DISTINCT, grouping sets ----
  {
    // LISTAGG joins values in arrival order, which the twin takes from DuckDB's rowid (the files'
    // order, which one source instance reads): DuckDB's string_agg has no order of its own. Not
    // at parallelism 4, where four sources interleave. DISTINCT keeps each value's first arrival;
    // DuckDB refuses DISTINCT with an ORDER BY on another column, so the twin orders by it.
    name: 'listagg_per_auction',
    sink: 'auction BIGINT, notes STRING, channels STRING, n BIGINT',
    flink: `INSERT INTO sink SELECT auction, LISTAGG(note), LISTAGG(DISTINCT channel, '|'), COUNT(*)
            FROM bid WHERE qty BETWEEN 0 AND 3 GROUP BY auction;`,
    duck: `SELECT auction, string_agg(note, ',' ORDER BY rowid),
             (SELECT string_agg(channel, '|' ORDER BY first) FROM (
                SELECT channel, min(rowid) AS first FROM bid d
                WHERE d.auction = b.auction AND d.qty BETWEEN 0 AND 3 GROUP BY channel)),
             count(*)
           FROM bid b WHERE qty BETWEEN 0 AND 3 GROUP BY auction`,
  },
  {
    // over updating input the order depends on which retraction came when; the length does not.
    // (A list is re-stored whole at each change: few rows keep the lists short.)
    name: 'listagg_over_updating_input',
    parallel: true,
    sink: 'n BIGINT, len INT, auctions BIGINT',
    flink: `INSERT INTO sink SELECT n, CHAR_LENGTH(LISTAGG(ch, '; ')), COUNT(*)
            FROM (SELECT auction, MAX(channel) AS ch, COUNT(*) AS n FROM bid WHERE qty = 0 GROUP BY auction)
            GROUP BY n;`,
    duck: `SELECT n, length(string_agg(ch, '; ')), count(*)
           FROM (SELECT auction, max(channel) AS ch, count(*) AS n FROM bid WHERE qty = 0 GROUP BY auction)
           GROUP BY n`,
  },
  {
    // Flink computes the variance family from SUM(x * x), SUM(x) and COUNT(x) in x's type (see
    // reduce_aggregate_functions.cpp): DuckDB's var_pop etc. use Welford's algorithm and a DOUBLE
    // result, so the twins spell out Flink's formula. Over BIGINT every division truncates and the
    // deviations are the truncated square roots; over DOUBLE the rounding is the formula's (DuckDB
    // adds the sums in another order, which the comparison's 10 digits absorb here).
    name: 'variance_family_bigint_and_double',
    parallel: true,
    sink: `channel STRING, vp BIGINT, vs BIGINT, sp BIGINT, ss BIGINT, rvp DOUBLE, rvs DOUBLE, rsp DOUBLE,
           rss DOUBLE`,
    flink: `INSERT INTO sink SELECT channel, VAR_POP(price), VAR_SAMP(price), STDDEV_POP(price), STDDEV(price),
              VAR_POP(rate), VARIANCE(rate), STDDEV_POP(rate), STDDEV_SAMP(rate)
            FROM bid GROUP BY channel;`,
    duck: `WITH s AS (
             SELECT channel, sum(price * price) AS p2, sum(price) AS p1, count(price) AS pn,
                    sum(rate * rate) AS r2, sum(rate) AS r1, count(rate) AS rn
             FROM bid GROUP BY channel),
           d AS (SELECT channel, pn, rn, p2 - p1 * p1 // pn AS pd, r2 - r1 * r1 / rn AS rd FROM s)
           SELECT channel, pd // pn, pd // nullif(pn - 1, 0), CAST(trunc(sqrt(pd // pn)) AS BIGINT),
             CAST(trunc(sqrt(pd // nullif(pn - 1, 0))) AS BIGINT), rd / rn, rd / nullif(rn - 1, 0), sqrt(rd / rn),
             sqrt(rd / nullif(rn - 1, 0))
           FROM d`,
  },
  {
    // INT: x * x and the sums are INTs (qty is small: nothing wraps); DECIMAL(10, 2): DECIMAL(38, 6),
    // each division rounded HALF_UP to 6 digits, computed here on the unscaled integers. Many
    // auctions have one bid: the sample variants are NULL there.
    name: 'variance_family_int_and_decimal',
    parallel: true,
    sink: 'auction BIGINT, qp INT, qs INT, fp DECIMAL(38, 6), fs DECIMAL(38, 6), n BIGINT',
    flink: `INSERT INTO sink SELECT auction, VAR_POP(qty), STDDEV_SAMP(qty), VAR_POP(fee), VAR_SAMP(fee), COUNT(*)
            FROM bid GROUP BY auction;`,
    duck: `WITH s AS (
             SELECT auction, sum(qty * qty) AS q2, sum(qty) AS q1, count(qty) AS qn,
                    sum(CAST(fee * 100 AS HUGEINT) * CAST(fee * 100 AS HUGEINT)) * 100 AS f2,
                    sum(CAST(fee * 100 AS HUGEINT)) AS f1, count(fee) AS fn, count(*) AS n
             FROM bid GROUP BY auction),
           d AS (SELECT auction, qn, fn, n, q2 - q1 * q1 // qn AS qd,
                   f2 - div_half_up(f1 * f1 * 100, fn) AS fd FROM s)
           SELECT auction, qd // qn, CAST(trunc(sqrt(qd // nullif(qn - 1, 0))) AS INTEGER),
             decimal_of(div_half_up(fd, fn), 6), decimal_of(div_half_up(fd, nullif(fn - 1, 0)), 6), n
           FROM d`,
  },
  {
    // over updating input: every retraction takes its value out of the three sums
    name: 'variance_over_updating_input',
    parallel: true,
    sink: 'ch STRING, vp BIGINT, ss BIGINT, auctions BIGINT',
    flink: `INSERT INTO sink SELECT ch, VAR_POP(n), STDDEV_SAMP(n), COUNT(*)
            FROM (SELECT auction, MIN(channel) AS ch, COUNT(*) AS n FROM bid GROUP BY auction) GROUP BY ch;`,
    duck: `WITH s AS (SELECT ch, sum(n * n) AS n2, sum(n) AS n1, count(n) AS nn
                     FROM (SELECT auction, min(channel) AS ch, count(*) AS n FROM bid GROUP BY auction) GROUP BY ch)
           SELECT ch, (n2 - n1 * n1 // nn) // nn, CAST(trunc(sqrt((n2 - n1 * n1 // nn) // nullif(nn - 1, 0))) AS BIGINT),
             nn
           FROM s`,
  },
  {
    // AVG of a BIGINT truncates; SUM0 is 0, not NULL, when a group has no values. Per auction:
    // a DISTINCT set is re-stored whole at each change, so the sets stay small.
    name: 'avg_and_sum0_distinct',
    parallel: true,
    sink: 'auction BIGINT, adp BIGINT, adq INT, sdq INT, sdf DECIMAL(38, 2), n BIGINT',
    flink: `INSERT INTO sink SELECT auction, AVG(DISTINCT price), AVG(DISTINCT qty), SUM0(DISTINCT qty),
              SUM0(DISTINCT fee) FILTER (WHERE fee < 0), COUNT(*)
            FROM bid GROUP BY auction;`,
    duck: `SELECT auction, sum(DISTINCT price) // count(DISTINCT price), sum(DISTINCT qty) // count(DISTINCT qty),
             coalesce(sum(DISTINCT qty), 0), coalesce(sum(DISTINCT fee) FILTER (WHERE fee < 0), 0), count(*)
           FROM bid GROUP BY auction`,
  },
  {
    // GROUPING(c) is 1 where c is not grouped, GROUPING_ID a bit per argument, as DuckDB's. MAX
    // and COUNT over a grouping column read its value in the sets that do not group by it.
    name: 'cube_with_grouping_functions',
    parallel: true,
    sink: `channel STRING, mobile BOOLEAN, gc BIGINT, gid BIGINT, n BIGINT, s BIGINT, hi_channel STRING,
           mobiles BIGINT, aq INT`,
    flink: `INSERT INTO sink SELECT channel, mobile, GROUPING(channel), GROUPING_ID(channel, mobile), COUNT(*),
              SUM(price), MAX(channel), COUNT(mobile), AVG(qty)
            FROM bid GROUP BY CUBE (channel, mobile);`,
    duck: `SELECT channel, mobile, grouping(channel), grouping_id(channel, mobile), count(*), sum(price),
             max(channel), count(mobile), sum(qty) // count(qty)
           FROM bid GROUP BY CUBE (channel, mobile)`,
  },
  {
    // grouping sets on expressions, with HAVING over a call the SELECT does not show
    name: 'grouping_sets_having',
    parallel: true,
    sink: 'channel STRING, bucket INT, g BIGINT, n BIGINT, lo BIGINT',
    flink: `INSERT INTO sink SELECT channel, qty / 10, GROUPING_ID(channel, qty / 10), COUNT(*), MIN(price)
            FROM bid GROUP BY GROUPING SETS ((channel, qty / 10), (qty / 10), ()) HAVING MAX(price) > 99000;`,
    duck: `SELECT channel, qty // 10, grouping_id(channel, qty // 10), count(*), min(price)
           FROM bid GROUP BY GROUPING SETS ((channel, qty // 10), (qty // 10), ()) HAVING max(price) > 99000`,
  },
  {
    // ROLLUP over the updates of another aggregate
    name: 'rollup_over_updating_input',
    parallel: true,
    sink: 'n BIGINT, ch STRING, g BIGINT, auctions BIGINT, s BIGINT',
    flink: `INSERT INTO sink SELECT n, ch, GROUPING_ID(n, ch), COUNT(*), SUM(auction)
            FROM (SELECT auction, MAX(channel) AS ch, COUNT(*) AS n FROM bid GROUP BY auction)
            GROUP BY ROLLUP (n, ch);`,
    duck: `SELECT n, ch, grouping_id(n, ch), count(*), sum(auction)
           FROM (SELECT auction, max(channel) AS ch, count(*) AS n FROM bid GROUP BY auction)
           GROUP BY ROLLUP (n, ch)`,
  },
  // ---- BOOL_AND / BOOL_OR (and the standard's EVERY / SOME): counts of TRUE and FALSE ----
  {
    // NULLs are skipped; a group of NULLs only (qty is NULL on some rows) gives NULL
    name: 'bool_and_or_per_channel',
    parallel: true,
    sink: `channel STRING, mobile BOOLEAN, all_m BOOLEAN, any_m BOOLEAN, all_pos BOOLEAN, any_neg BOOLEAN,
           any_big BOOLEAN, dm BOOLEAN`,
    flink: `INSERT INTO sink SELECT channel, mobile, BOOL_AND(mobile), BOOL_OR(mobile), EVERY(qty > 0), SOME(qty < 0),
              BOOL_OR(price > 1000) FILTER (WHERE qty > 10), BOOL_AND(DISTINCT qty <> 0)
            FROM bid GROUP BY channel, mobile;`,
    duck: `SELECT channel, mobile, bool_and(mobile), bool_or(mobile), bool_and(qty > 0), bool_or(qty < 0),
             bool_or(price > 1000) FILTER (WHERE qty > 10), bool_and(DISTINCT qty <> 0)
           FROM bid GROUP BY channel, mobile`,
  },
  {
    name: 'bool_and_or_per_auction',
    parallel: true,
    sink: 'auction BIGINT, all_m BOOLEAN, any_m BOOLEAN, all_cheap BOOLEAN, n BIGINT',
    flink: `INSERT INTO sink SELECT auction, BOOL_AND(mobile), BOOL_OR(mobile), BOOL_AND(price < 500), COUNT(*)
            FROM bid GROUP BY auction;`,
    duck: `SELECT auction, bool_and(mobile), bool_or(mobile), bool_and(price < 500), count(*)
           FROM bid GROUP BY auction`,
  },
  {
    // an auction's flag flips as its bids come in, and it moves to the next count's group: the
    // outer groups retract TRUE and FALSE values
    name: 'bool_and_or_over_updating_input',
    parallel: true,
    sink: 'n BIGINT, all_m BOOLEAN, any_m BOOLEAN, all_cheap BOOLEAN, any_cheap BOOLEAN, auctions BIGINT',
    flink: `INSERT INTO sink SELECT n, BOOL_AND(m), BOOL_OR(m), EVERY(cheap), SOME(cheap), COUNT(*)
            FROM (SELECT auction, BOOL_OR(mobile) AS m, BOOL_AND(price < 500) AS cheap, COUNT(*) AS n
                  FROM bid GROUP BY auction)
            GROUP BY n;`,
    duck: `SELECT n, bool_and(m), bool_or(m), bool_and(cheap), bool_or(cheap), count(*)
           FROM (SELECT auction, bool_or(mobile) AS m, bool_and(price < 500) AS cheap, count(*) AS n
                 FROM bid GROUP BY auction)
           GROUP BY n`,
  },
  {
    // two-phase over updating input: a partial's counts may be negative until merged
    name: 'bool_and_or_two_phase_over_updating_input',
    parallel: true,
    sink: 'n BIGINT, all_m BOOLEAN, any_m BOOLEAN, auctions BIGINT',
    flink: `SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 h';
            SET 'table.exec.mini-batch.size' = '64';
            SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
            INSERT INTO sink SELECT n, BOOL_AND(m), BOOL_OR(m), COUNT(*)
            FROM (SELECT auction, BOOL_OR(mobile) AS m, COUNT(*) AS n FROM bid GROUP BY auction) GROUP BY n;`,
    duck: `SELECT n, bool_and(m), bool_or(m), count(*)
           FROM (SELECT auction, bool_or(mobile) AS m, count(*) AS n FROM bid GROUP BY auction) GROUP BY n`,
  },

  // ---- mini-batch (table.exec.mini-batch.*): one change per key and mini-batch ----
  {
    // fixed-width keys, COUNT/SUM/MIN/MAX/AVG: the typed combiner, merged into state per mini-batch
    name: 'mini_batch_typed_combiner',
    parallel: true,
    sink: 'auction BIGINT, n BIGINT, s BIGINT, lo BIGINT, hi BIGINT, a BIGINT, nq BIGINT',
    flink: `SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 h';
            SET 'table.exec.mini-batch.size' = '700';
            INSERT INTO sink SELECT auction, COUNT(*), SUM(price), MIN(price), MAX(price), AVG(price), COUNT(qty)
            FROM bid GROUP BY auction;`,
    duck: `SELECT auction, count(*), sum(price), min(price), max(price), sum(price) // count(price), count(qty)
           FROM bid GROUP BY auction`,
  },
  {
    // string keys, DISTINCT and FILTER: each key's buffered rows applied to boxed accumulators
    name: 'mini_batch_boxed_distinct_filter',
    parallel: true,
    sink: 'channel STRING, n BIGINT, bidders BIGINT, big BIGINT, hi STRING',
    flink: `SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 h';
            SET 'table.exec.mini-batch.size' = '333';
            INSERT INTO sink SELECT channel, COUNT(*), COUNT(DISTINCT bidder), COUNT(*) FILTER (WHERE price > 50000),
              MAX(note)
            FROM bid GROUP BY channel;`,
    duck: `SELECT channel, count(*), count(DISTINCT bidder), count(*) FILTER (WHERE price > 50000), max(note)
           FROM bid GROUP BY channel`,
  },
  {
    // over updating input: a mini-batch's retractions and additions of a key net out
    name: 'mini_batch_aggregate_of_aggregate',
    parallel: true,
    sink: 'n BIGINT, auctions BIGINT, s BIGINT, lo STRING, hi STRING',
    flink: `SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 h';
            SET 'table.exec.mini-batch.size' = '50';
            INSERT INTO sink SELECT n, COUNT(*), SUM(auction), MIN(ch), MAX(ch)
            FROM (SELECT auction, MAX(channel) AS ch, COUNT(*) AS n FROM bid GROUP BY auction) GROUP BY n;`,
    duck: `SELECT n, count(*), sum(auction), min(ch), max(ch)
           FROM (SELECT auction, max(channel) AS ch, count(*) AS n FROM bid GROUP BY auction) GROUP BY n`,
  },
  // ---- two-phase (table.optimizer.agg-phase-strategy): Local partials, merged by the Global ----
  {
    // typed combiner partials for the plain calls and boxed ones with COUNT(DISTINCT)
    name: 'two_phase_typed_and_boxed',
    parallel: true,
    sink: 'auction BIGINT, n BIGINT, s BIGINT, lo BIGINT, hi BIGINT, a BIGINT, bidders BIGINT',
    flink: `SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 h';
            SET 'table.exec.mini-batch.size' = '500';
            SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
            INSERT INTO sink SELECT auction, COUNT(*), SUM(price), MIN(price), MAX(price), AVG(price),
              COUNT(DISTINCT bidder)
            FROM bid GROUP BY auction;`,
    duck: `SELECT auction, count(*), sum(price), min(price), max(price), sum(price) // count(price),
             count(DISTINCT bidder)
           FROM bid GROUP BY auction`,
  },
  {
    // over updating input (AUTO): partials carry retractions that net out in count, not in sum
    name: 'two_phase_aggregate_of_aggregate',
    parallel: true,
    sink: 'n BIGINT, auctions BIGINT, s BIGINT, a BIGINT',
    flink: `SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 h';
            SET 'table.exec.mini-batch.size' = '64';
            INSERT INTO sink SELECT n, COUNT(*), SUM(auction), AVG(auction)
            FROM (SELECT auction, COUNT(*) AS n FROM bid GROUP BY auction) GROUP BY n;`,
    duck: `SELECT n, count(*), sum(auction), sum(auction) // count(auction)
           FROM (SELECT auction, count(*) AS n FROM bid GROUP BY auction) GROUP BY n`,
  },
  // ---- split distinct aggregation (table.optimizer.distinct-agg.split.enabled) ----
  {
    // several DISTINCT arguments (an Expand, one grouping each), MIN/MAX bucketed by their own
    // arguments, FILTER, AVG as SUM0 / COUNT over INT, DECIMAL and DOUBLE
    name: 'split_distinct_per_channel',
    parallel: true,
    sink: `channel STRING, notes BIGINT, qtys BIGINT, sdq INT, n BIGINT, s BIGINT, ap BIGINT, lo BIGINT,
           hf DECIMAL(10, 2), mobile_bidders BIGINT, af DECIMAL(38, 6), ar DOUBLE, aq INT`,
    flink: `SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
            INSERT INTO sink SELECT channel, COUNT(DISTINCT note), COUNT(DISTINCT qty), SUM(DISTINCT qty), COUNT(*),
              SUM(price), AVG(price), MIN(price), MAX(fee), COUNT(DISTINCT bidder) FILTER (WHERE mobile), AVG(fee),
              AVG(rate), AVG(qty)
            FROM bid GROUP BY channel;`,
    duck: `SELECT channel, count(DISTINCT note), count(DISTINCT qty), sum(DISTINCT qty), count(*), sum(price),
             sum(price) // count(price), min(price), max(fee), count(DISTINCT bidder) FILTER (WHERE mobile),
             decimal_of(div_half_up(sum(CAST(fee * 100 AS BIGINT)) * 10000, count(fee)), 6), avg(rate),
             sum(qty) // count(qty)
           FROM bid GROUP BY channel`,
  },
  {
    // many groups, 4 buckets, a TIMESTAMP bucketed through its text, HAVING on a DISTINCT call
    name: 'split_distinct_per_auction_having',
    parallel: true,
    sink: 'auction BIGINT, bidders BIGINT, sdp BIGINT, first_t TIMESTAMP(3), last_t TIMESTAMP(3), n BIGINT',
    flink: `SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
            SET 'table.optimizer.distinct-agg.split.bucket-num' = '4';
            INSERT INTO sink SELECT auction, COUNT(DISTINCT bidder), SUM(DISTINCT price), MIN(dateTime),
              MAX(dateTime), COUNT(*)
            FROM bid GROUP BY auction HAVING COUNT(DISTINCT bidder) > 3;`,
    duck: `SELECT auction, count(DISTINCT bidder), sum(DISTINCT price), min(dateTime), max(dateTime), count(*)
           FROM bid GROUP BY auction HAVING count(DISTINCT bidder) > 3`,
  },
  {
    // no GROUP BY: the PARTIAL is keyed by the buckets alone, the FINAL runs as one instance
    name: 'split_distinct_global',
    parallel: true,
    sink: 'bidders BIGINT, auctions BIGINT, s BIGINT, hi STRING, n BIGINT',
    flink: `SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
            INSERT INTO sink SELECT COUNT(DISTINCT bidder), COUNT(DISTINCT auction), SUM(price), MAX(note), COUNT(*)
            FROM bid;`,
    duck: `SELECT count(DISTINCT bidder), count(DISTINCT auction), sum(price), max(note), count(*) FROM bid`,
  },
  {
    // over updating input: the PARTIAL retracts, MIN/MAX keep their multisets in both halves
    name: 'split_distinct_aggregate_of_aggregate',
    parallel: true,
    sink: 'n BIGINT, auctions BIGINT, lo BIGINT, hi BIGINT, s BIGINT',
    flink: `SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
            INSERT INTO sink SELECT n, COUNT(DISTINCT auction), MIN(auction), MAX(auction), SUM(auction)
            FROM (SELECT auction, COUNT(*) AS n FROM bid GROUP BY auction) GROUP BY n;`,
    duck: `SELECT n, count(DISTINCT auction), min(auction), max(auction), sum(auction)
           FROM (SELECT auction, count(*) AS n FROM bid GROUP BY auction) GROUP BY n`,
  },
  {
    // with mini-batch two-phase aggregation: both halves split into Local and Global phases
    name: 'split_distinct_two_phase',
    parallel: true,
    sink: 'channel STRING, bidders BIGINT, auctions BIGINT, s BIGINT, ap BIGINT',
    flink: `SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
            SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 h';
            SET 'table.exec.mini-batch.size' = '500';
            SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
            INSERT INTO sink SELECT channel, COUNT(DISTINCT bidder), COUNT(DISTINCT auction), SUM(price), AVG(price)
            FROM bid GROUP BY channel;`,
    duck: `SELECT channel, count(DISTINCT bidder), count(DISTINCT auction), sum(price), sum(price) // count(price)
           FROM bid GROUP BY channel`,
  },
];
