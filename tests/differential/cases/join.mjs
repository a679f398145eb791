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
];
