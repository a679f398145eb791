// Regular joins over the generated tables (see ../tables.mjs): inner with a residual condition,
// outer joins over insert-only and updating (aggregated) input, and the semi and anti joins of
// IN / EXISTS subqueries. The sink's changelog is applied and compared as a multiset with
// DuckDB's batch result. Every output row carries its join key, so that at parallelism 4 no two
// subtasks print the same row.

export const cases = [
  {
    name: 'bids_with_their_auction_above_reserve',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, itemName STRING, reserve BIGINT',
    flink: `INSERT INTO sink SELECT b.auction, b.bidder, b.price, a.itemName, a.reserve
            FROM bid b JOIN auction a ON b.auction = a.id AND b.price > a.reserve;`,
    duck: `SELECT b.auction, b.bidder, b.price, a.itemName, a.reserve
           FROM bid b JOIN auction a ON b.auction = a.id AND b.price > a.reserve`,
  },
  {
    name: 'auctions_left_join_bid_counts',
    parallel: true,
    sink: 'id BIGINT, itemName STRING, bids BIGINT, top BIGINT',
    flink: `INSERT INTO sink SELECT a.id, a.itemName, c.n, c.top
            FROM auction a LEFT JOIN (SELECT auction, COUNT(*) AS n, MAX(price) AS top FROM bid GROUP BY auction) c
              ON a.id = c.auction;`,
    duck: `SELECT a.id, a.itemName, c.n, c.top
           FROM auction a LEFT JOIN (SELECT auction, count(*) AS n, max(price) AS top FROM bid GROUP BY auction) c
             ON a.id = c.auction`,
  },
  {
    name: 'sellers_full_join_people',
    parallel: true,
    sink: 'person BIGINT, name STRING, seller BIGINT, auctions BIGINT',
    flink: `INSERT INTO sink SELECT p.id, p.name, s.seller, s.n
            FROM person p FULL OUTER JOIN (SELECT seller, COUNT(*) AS n FROM auction GROUP BY seller) s
              ON p.id = s.seller;`,
    duck: `SELECT p.id, p.name, s.seller, s.n
           FROM person p FULL OUTER JOIN (SELECT seller, count(*) AS n FROM auction GROUP BY seller) s
             ON p.id = s.seller`,
  },
  {
    name: 'right_join_of_two_aggregates',
    parallel: true,
    sink: 'seller BIGINT, auctions BIGINT, bidder BIGINT, bids BIGINT',
    flink: `INSERT INTO sink SELECT s.seller, s.n, b.bidder, b.n
            FROM (SELECT seller, COUNT(*) AS n FROM auction GROUP BY seller) s
            RIGHT JOIN (SELECT bidder, COUNT(*) AS n FROM bid GROUP BY bidder) b ON s.seller = b.bidder;`,
    duck: `SELECT s.seller, s.n, b.bidder, b.n
           FROM (SELECT seller, count(*) AS n FROM auction GROUP BY seller) s
           RIGHT JOIN (SELECT bidder, count(*) AS n FROM bid GROUP BY bidder) b ON s.seller = b.bidder`,
  },
  {
    name: 'people_who_sell',
    parallel: true,
    sink: 'id BIGINT, name STRING',
    flink: `INSERT INTO sink SELECT id, name FROM person WHERE id IN (SELECT seller FROM auction);`,
    duck: `SELECT id, name FROM person WHERE id IN (SELECT seller FROM auction)`,
  },
  {
    name: 'people_who_never_sold',
    parallel: true,
    sink: 'id BIGINT, name STRING',
    flink: `INSERT INTO sink SELECT id, name FROM person p
            WHERE NOT EXISTS (SELECT * FROM auction a WHERE a.seller = p.id);`,
    duck: `SELECT id, name FROM person p WHERE NOT EXISTS (SELECT * FROM auction a WHERE a.seller = p.id)`,
  },
  {
    name: 'auctions_not_in_bid_auctions',
    sink: 'id BIGINT, itemName STRING',
    flink: `INSERT INTO sink SELECT id, itemName FROM auction WHERE id NOT IN (SELECT auction FROM bid WHERE price > 99000);`,
    duck: `SELECT id, itemName FROM auction WHERE id NOT IN (SELECT auction FROM bid WHERE price > 99000)`,
  },
  // ---- set operations with ALL: rows replicated by the counts that remain ----
  {
    name: 'bid_auction_bidder_pairs_intersect_all_seller_pairs',
    parallel: true,
    sink: 'auction BIGINT, person BIGINT',
    flink: `INSERT INTO sink SELECT auction, bidder FROM bid WHERE price > 50000
            INTERSECT ALL SELECT auction, bidder FROM bid WHERE MOD(price, 3) = 0;`,
    duck: `SELECT auction, bidder FROM bid WHERE price > 50000
           INTERSECT ALL SELECT auction, bidder FROM bid WHERE price % 3 = 0`,
  },
  {
    name: 'bid_auctions_except_all_cheap_bids',
    parallel: true,
    sink: 'auction BIGINT',
    flink: `INSERT INTO sink SELECT auction FROM bid EXCEPT ALL SELECT auction FROM bid WHERE price < 30000;`,
    duck: `SELECT auction FROM bid EXCEPT ALL SELECT auction FROM bid WHERE price < 30000`,
  },
  // ---- interval joins: the twin is a plain join with the same time condition ----
  {
    name: 'bids_within_an_hour_of_their_auction',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, itemName STRING',
    flink: `INSERT INTO sink SELECT b.auction, b.bidder, b.price, a.itemName
            FROM bid b JOIN auction a
              ON b.auction = a.id AND b.dateTime BETWEEN a.dateTime AND a.dateTime + INTERVAL '1' HOUR;`,
    duck: `SELECT b.auction, b.bidder, b.price, a.itemName
           FROM bid b JOIN auction a
             ON b.auction = a.id AND b.dateTime BETWEEN a.dateTime AND a.dateTime + INTERVAL 1 HOUR`,
  },
  {
    name: 'auctions_left_join_bids_in_their_first_ten_minutes',
    parallel: true,
    sink: 'id BIGINT, itemName STRING, bidder BIGINT, price BIGINT',
    flink: `INSERT INTO sink SELECT a.id, a.itemName, b.bidder, b.price
            FROM auction a LEFT JOIN bid b
              ON a.id = b.auction AND b.dateTime >= a.dateTime
                 AND b.dateTime < a.dateTime + INTERVAL '10' MINUTE AND b.price > 1000;`,
    duck: `SELECT a.id, a.itemName, b.bidder, b.price
           FROM auction a LEFT JOIN bid b
             ON a.id = b.auction AND b.dateTime >= a.dateTime
                AND b.dateTime < a.dateTime + INTERVAL 10 MINUTE AND b.price > 1000`,
  },
  // ---- window joins: the twin joins rows of the same window ----
  {
    name: 'bids_in_the_ten_minute_window_of_their_auction',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, ws TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT b.auction, b.bidder, b.price, b.window_start
            FROM (SELECT * FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))) b
            JOIN (SELECT * FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))) a
              ON b.auction = a.id AND b.window_start = a.window_start AND b.window_end = a.window_end;`,
    duck: `SELECT b.auction, b.bidder, b.price, make_timestamp((epoch_us(b.dateTime) // 600000000) * 600000000)
           FROM bid b JOIN auction a
             ON b.auction = a.id
            AND epoch_us(b.dateTime) // 600000000 = epoch_us(a.dateTime) // 600000000`,
  },
  {
    name: 'bid_counts_joined_with_auction_counts_per_seller_window',
    parallel: true,
    sink: 'seller BIGINT, ws TIMESTAMP(3), bids BIGINT, auctions BIGINT',
    flink: `INSERT INTO sink SELECT b.bidder, b.window_start, b.n, a.n
            FROM (SELECT window_start, window_end, bidder, COUNT(*) AS n
                  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))
                  GROUP BY window_start, window_end, bidder) b
            JOIN (SELECT window_start, window_end, seller, COUNT(*) AS n
                  FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))
                  GROUP BY window_start, window_end, seller) a
              ON b.bidder = a.seller AND b.window_start = a.window_start AND b.window_end = a.window_end;`,
    duck: `WITH b AS (SELECT epoch_us(dateTime) // 600000000 AS w, bidder, count(*) AS n FROM bid GROUP BY 1, 2),
                a AS (SELECT epoch_us(dateTime) // 600000000 AS w, seller, count(*) AS n FROM auction GROUP BY 1, 2)
           SELECT b.bidder, make_timestamp(b.w * 600000000), b.n, a.n
           FROM b JOIN a ON b.bidder = a.seller AND b.w = a.w`,
  },
  {
    name: 'sellers_full_join_new_people_per_hour',
    parallel: true,
    sink: 'person BIGINT, auction BIGINT, ws TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT p.id, a.id, COALESCE(p.window_start, a.window_start)
            FROM (SELECT * FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(dateTime), INTERVAL '1' HOUR))) p
            FULL OUTER JOIN (SELECT * FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '1' HOUR))) a
              ON p.id = a.seller AND p.window_start = a.window_start AND p.window_end = a.window_end;`,
    duck: `SELECT p.id, a.id, make_timestamp(COALESCE(p.w, a.w) * 3600000000)
           FROM (SELECT *, epoch_us(dateTime) // 3600000000 AS w FROM person) p
           FULL OUTER JOIN (SELECT *, epoch_us(dateTime) // 3600000000 AS w FROM auction) a
             ON p.id = a.seller AND p.w = a.w`,
  },
  // ---- event-time temporal joins: the twin is DuckDB's ASOF join, the latest version at or
  // before the left row's time (ties between versions of one time do not occur in the data) ----
  {
    // auction read as a history of versions per seller (an append-only table with a primary
    // key): each bid sees its bidder's latest auction as a seller at the time of the bid.
    name: 'bids_with_the_bidders_latest_auction_as_seller',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), sold BIGINT, itemName STRING',
    flink: `CREATE TABLE seller_auctions (PRIMARY KEY (seller) NOT ENFORCED) LIKE auction;
            INSERT INTO sink SELECT b.auction, b.bidder, b.price, b.dateTime, s.id, s.itemName
            FROM bid b LEFT JOIN seller_auctions FOR SYSTEM_TIME AS OF b.dateTime AS s
              ON b.bidder = s.seller;`,
    duck: `SELECT b.auction, b.bidder, b.price, b.dateTime, s.id, s.itemName
           FROM bid b ASOF LEFT JOIN auction s ON b.bidder = s.seller AND b.dateTime >= s.dateTime`,
  },
  {
    // The versioned table as a view keeping each seller's latest auction, and a condition on
    // the version: a bid joins its bidder's latest auction only when that one is in category 10.
    name: 'bids_of_sellers_whose_latest_auction_is_in_category_10',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), sold BIGINT',
    flink: `CREATE VIEW latest_auction AS
              SELECT seller, id, category, dateTime FROM (
                SELECT *, ROW_NUMBER() OVER (PARTITION BY seller ORDER BY dateTime DESC) AS rn
                FROM auction)
              WHERE rn = 1;
            INSERT INTO sink SELECT b.auction, b.bidder, b.price, b.dateTime, s.id
            FROM bid b JOIN latest_auction FOR SYSTEM_TIME AS OF b.dateTime AS s
              ON b.bidder = s.seller AND s.category = 10;`,
    duck: `SELECT b.auction, b.bidder, b.price, b.dateTime, s.id
           FROM bid b ASOF JOIN auction s ON b.bidder = s.seller AND b.dateTime >= s.dateTime
           WHERE s.category = 10`,
  },
];
