// The batch twins of the Nexmark queries (bench/nexmark/queries) in DuckDB's SQL, over the
// exported person, auction and bid views (each with `seq`, its arrival order) and q13's
// side_input. A streaming query's final rows, after its end of input fires every window, must
// be the twin's. Where Flink's semantics need spelling out, the comment says how:
// - AVG of a BIGINT is a BIGINT: the sum divided by the count, truncated (Java long division).
// - Windows: TUMBLE(10 s) starts at floor(t / 10 s) * 10 s; HOP(2 s slide, 10 s size) puts a row
//   in the five windows starting from floor(t / 2 s) * 2 s - 8 s to floor(t / 2 s) * 2 s;
//   SESSION(10 s) starts a new session when a row comes 10 s or more after the previous one of
//   its key, and ends 10 s after its last row.
// - Ties: Flink's TopN keeps the row that arrived first among equals (a later one ranks after
//   it); deduplication keeping the last row by event time lets a later arrival with the same time
//   replace the kept one.

const minuteText = `strftime(dateTime, '%H:%M')`;
const dayText = `strftime(dateTime, '%Y-%m-%d')`;
const priceBands = column => `
  count(${column}) FILTER (WHERE price < 10000),
  count(${column}) FILTER (WHERE price >= 10000 AND price < 1000000),
  count(${column}) FILTER (WHERE price >= 1000000)`;
const distinctBands = column => `
  count(DISTINCT ${column}),
  count(DISTINCT ${column}) FILTER (WHERE price < 10000),
  count(DISTINCT ${column}) FILTER (WHERE price >= 10000 AND price < 1000000),
  count(DISTINCT ${column}) FILTER (WHERE price >= 1000000)`;
// REGEXP_EXTRACT gives NULL when the pattern does not match (DuckDB's gives '').
const regexpExtract = (s, pattern, group) =>
  `CASE WHEN regexp_matches(${s}, '${pattern}') THEN regexp_extract(${s}, '${pattern}', ${group}) END`;
const channelId = regexpExtract('url', '(&|^)channel_id=([^&]*)', 2);
// The bids in their interval [auction start, expiry], as q4, q6 and q9 join them.
const bidsInAuction = `
  FROM auction A JOIN bid B ON A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires`;

export const TWINS = {
  q0: { duck: `SELECT auction, bidder, price, dateTime, extra FROM bid` },
  q1: { duck: `SELECT auction, bidder, 0.908 * price, dateTime, extra FROM bid` },
  q2: { duck: `SELECT auction, price FROM bid WHERE auction % 123 = 0` },
  q3: {
    duck: `SELECT P.name, P.city, P.state, A.id FROM auction A JOIN person P ON A.seller = P.id
           WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA')`,
  },
  q4: {
    duck: `SELECT category, sum(final) // count(*) FROM (
             SELECT max(B.price) AS final, A.category ${bidsInAuction} GROUP BY A.id, A.category)
           GROUP BY category`,
  },
  q5: {
    duck: `WITH windows AS (
             SELECT auction, unnest(generate_series(epoch_ms(dateTime) // 2000 * 2000 - 8000,
                                                    epoch_ms(dateTime) // 2000 * 2000, 2000)) AS ws
             FROM bid),
           counts AS (SELECT auction, ws, count(*) AS num FROM windows GROUP BY auction, ws),
           maxima AS (SELECT ws, max(num) AS maxn FROM counts GROUP BY ws)
           SELECT C.auction, C.num FROM counts C JOIN maxima M ON C.ws = M.ws AND C.num >= M.maxn`,
  },
  // The Top-1 bid per auction (ties to the first arrival), then per seller the average over
  // the row and the 10 before it, by time then arrival. q6 reads the stream twice (auctions and
  // bids): left free, a bid may reach the join before its auction, which reorders Top-1 rows of
  // one seller in the same millisecond (the OVER orders ties by arrival). The sources' rows are
  // replayed in one order (sqlc.exec.source-order: event i reaches both pipelines before event
  // i + 1), so every auction comes before its bids, as the twin's `seq` order assumes.
  q6: {
    settings: { 'sqlc.exec.source-order': 'true' },
    duck: `WITH winners AS (
             SELECT * FROM (
               SELECT A.seller, B.price, B.dateTime, B.seq,
                      row_number() OVER (PARTITION BY A.id, A.seller
                                         ORDER BY B.price DESC, B.dateTime, B.seq) AS rn
               ${bidsInAuction})
             WHERE rn = 1)
           SELECT seller, sum(price) OVER w // count(price) OVER w FROM winners
           WINDOW w AS (PARTITION BY seller ORDER BY dateTime, seq
                        ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)`,
  },
  q7: {
    duck: `WITH maxima AS (
             SELECT max(price) AS maxprice, epoch_ms(epoch_ms(dateTime) // 10000 * 10000 + 10000) AS wend
             FROM bid GROUP BY epoch_ms(dateTime) // 10000)
           SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra FROM bid B JOIN maxima M
             ON B.price = M.maxprice
            AND B.dateTime BETWEEN M.wend - INTERVAL '10' SECOND AND M.wend`,
  },
  q8: {
    duck: `SELECT P.id, P.name, epoch_ms(P.ws) FROM
             (SELECT DISTINCT id, name, epoch_ms(dateTime) // 10000 * 10000 AS ws FROM person) P
           JOIN (SELECT DISTINCT seller, epoch_ms(dateTime) // 10000 * 10000 AS ws FROM auction) A
             ON P.id = A.seller AND P.ws = A.ws`,
  },
  q9: {
    duck: `SELECT id, itemName, description, initialBid, reserve, dateTime, expires, seller, category,
                  extra, auction, bidder, price, bid_dateTime, bid_extra FROM (
             SELECT A.*, B.auction, B.bidder, B.price, B.dateTime AS bid_dateTime, B.extra AS bid_extra,
                    row_number() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.dateTime, B.seq) AS rn
             ${bidsInAuction})
           WHERE rn = 1`,
  },
  q10: {
    duck: `SELECT auction, bidder, price, dateTime, extra, ${dayText}, ${minuteText} FROM bid`,
  },
  q11: {
    duck: `WITH ordered AS (
             SELECT bidder, epoch_ms(dateTime) AS t,
                    lag(epoch_ms(dateTime)) OVER (PARTITION BY bidder ORDER BY dateTime, seq) AS previous
             FROM bid),
           sessions AS (
             SELECT bidder, t, sum(CASE WHEN previous IS NULL OR t - previous >= 10000 THEN 1 ELSE 0 END)
                    OVER (PARTITION BY bidder ORDER BY t ROWS UNBOUNDED PRECEDING) AS session
             FROM ordered)
           SELECT bidder, count(*), epoch_ms(min(t)), epoch_ms(max(t) + 10000)
           FROM sessions GROUP BY bidder, session`,
  },
  q13: {
    duck: `SELECT B.auction, B.bidder, B.price, B.dateTime, S."value" FROM bid B
           JOIN side_input S ON B.auction % 10000 = S.key`,
  },
  q14: {
    duck: `SELECT auction, bidder, 0.908 * price,
                  CASE WHEN hour(dateTime) >= 8 AND hour(dateTime) <= 18 THEN 'dayTime'
                       WHEN hour(dateTime) <= 6 OR hour(dateTime) >= 20 THEN 'nightTime'
                       ELSE 'otherTime' END,
                  dateTime, extra, length(extra) - length(replace(extra, 'c', ''))
           FROM bid WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000`,
  },
  q15: {
    duck: `SELECT ${dayText}, count(*), ${priceBands('*')}, ${distinctBands('bidder')},
                  ${distinctBands('auction')}
           FROM bid GROUP BY ${dayText}`,
  },
  q16: {
    duck: `SELECT channel, ${dayText}, max(${minuteText}), count(*), ${priceBands('*')},
                  ${distinctBands('bidder')}, ${distinctBands('auction')}
           FROM bid GROUP BY channel, ${dayText}`,
  },
  q17: {
    duck: `SELECT auction, ${dayText}, count(*), ${priceBands('*')}, min(price), max(price),
                  sum(price) // count(*), sum(price)
           FROM bid GROUP BY auction, ${dayText}`,
  },
  q18: {
    duck: `SELECT auction, bidder, price, channel, url, dateTime, extra FROM (
             SELECT *, row_number() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC, seq DESC) AS rn
             FROM bid)
           WHERE rn = 1`,
  },
  q19: {
    duck: `SELECT auction, bidder, price, channel, url, dateTime, extra, rn FROM (
             SELECT *, row_number() OVER (PARTITION BY auction ORDER BY price DESC, seq) AS rn FROM bid)
           WHERE rn <= 10`,
  },
  q20: {
    duck: `SELECT B.auction, B.bidder, B.price, B.channel, B.url, B.dateTime, B.extra, A.itemName,
                  A.description, A.initialBid, A.reserve, A.dateTime, A.expires, A.seller, A.category,
                  A.extra
           FROM bid B JOIN auction A ON B.auction = A.id WHERE A.category = 10`,
  },
  q21: {
    duck: `SELECT auction, bidder, price, channel,
                  CASE WHEN lower(channel) = 'apple' THEN '0' WHEN lower(channel) = 'google' THEN '1'
                       WHEN lower(channel) = 'facebook' THEN '2' WHEN lower(channel) = 'baidu' THEN '3'
                       ELSE ${channelId} END
           FROM bid
           WHERE ${channelId} IS NOT NULL OR lower(channel) IN ('apple', 'google', 'facebook', 'baidu')`,
  },
  q22: {
    // SPLIT_INDEX(s, sep, i): the i-th (from 0) piece, empty pieces kept; NULL past the end.
    duck: `SELECT auction, bidder, price, channel, string_split(url, '/')[4], string_split(url, '/')[5],
                  string_split(url, '/')[6] FROM bid`,
  },
  q23: {
    duck: `SELECT B.bidder, B.price, B.channel, B.url, B.extra, P.id, P.name, P.emailAddress,
                  P.creditCard, P.city, P.state, P.extra, A.itemName, A.description, A.initialBid,
                  A.reserve, A.dateTime, A.expires, A.seller, A.category, A.extra
           FROM bid B JOIN person P ON P.id = B.bidder JOIN auction A ON A.seller = B.bidder`,
  },
};

// Queries without a twin, and why.
export const EXCLUDED = {
  q12: 'processing-time windows: which rows share a window depends on the wall clock',
};
