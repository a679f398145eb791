// Joins whose conditions the optimizer pushes into one input (join-condition-push) or whose
// outer kind a WHERE condition simplifies (filter-into-join): ON and WHERE conditions on each
// side of INNER, LEFT, RIGHT and FULL joins, nested joins, interval and window joins. The padded
// rows an outer join keeps must survive the pushdown, so each case is checked against DuckDB's
// answer to the same query.
const same = (flink, duck) => ({ flink: `INSERT INTO sink ${flink};`, duck: duck ?? flink });
export const cases = [
  { name: 'left_on_right_side', parallel: true, sink: 'id BIGINT, seller BIGINT, name STRING',
    ...same(`SELECT a.id, a.seller, p.name FROM auction a LEFT JOIN person p
             ON a.seller = p.id AND p.state = 'OR' AND a.category = 10`) },
  { name: 'left_where_both_sides_not_rejecting', parallel: true, sink: 'id BIGINT, seller BIGINT, name STRING',
    ...same(`SELECT a.id, a.seller, p.name FROM auction a LEFT JOIN person p ON a.seller = p.id AND p.state = 'OR'
             WHERE a.reserve > 1000 AND (p.state IS NULL OR p.city <> 'Boise')`) },
  { name: 'left_where_rejecting', parallel: true, sink: 'id BIGINT, seller BIGINT, name STRING',
    ...same(`SELECT a.id, a.seller, p.name FROM auction a LEFT JOIN person p ON a.seller = p.id
             WHERE p.state = 'OR' AND a.category <> 10`) },
  { name: 'right_on_both_sides', parallel: true, sink: 'id BIGINT, seller BIGINT, name STRING',
    ...same(`SELECT a.id, a.seller, p.name FROM person p RIGHT JOIN auction a
             ON a.seller = p.id AND p.state = 'OR' AND a.category = 10`) },
  { name: 'full_on_both_sides', parallel: true, sink: 'pid BIGINT, id BIGINT, seller BIGINT, name STRING',
    ...same(`SELECT p.id, a.id, a.seller, p.name FROM person p FULL JOIN auction a
             ON a.seller = p.id AND p.state = 'OR' AND a.category = 10`) },
  { name: 'full_where_one_side', parallel: true, sink: 'pid BIGINT, id BIGINT, seller BIGINT, name STRING',
    ...same(`SELECT p.id, a.id, a.seller, p.name FROM person p FULL JOIN auction a
             ON a.seller = p.id WHERE a.category = 10`) },
  { name: 'inner_on_where_mixed', parallel: true, sink: 'auction BIGINT, bidder BIGINT, price BIGINT, category BIGINT',
    ...same(`SELECT b.auction, b.bidder, b.price, a.category FROM bid b JOIN auction a
             ON b.auction = a.id AND b.price > 50000 WHERE a.category = 10 AND b.qty IS NOT NULL AND b.price > a.reserve`) },
  { name: 'three_joins', parallel: true, sink: 'auction BIGINT, bidder BIGINT, name STRING',
    ...same(`SELECT b.auction, b.bidder, p.name FROM bid b JOIN auction a ON b.auction = a.id
             JOIN person p ON a.seller = p.id WHERE b.price > 90000 AND p.state IN ('OR', 'ID', 'CA') AND a.category = 10`) },
  { name: 'interval_with_side_conditions', parallel: true, sink: 'auction BIGINT, bidder BIGINT, price BIGINT',
    flink: `INSERT INTO sink SELECT b.auction, b.bidder, b.price FROM bid b, auction a
            WHERE b.auction = a.id AND b.dateTime BETWEEN a.dateTime AND a.dateTime + INTERVAL '1' HOUR
              AND a.category = 10 AND b.price > 1000;`,
    duck: `SELECT b.auction, b.bidder, b.price FROM bid b, auction a
            WHERE b.auction = a.id AND b.dateTime BETWEEN a.dateTime AND a.dateTime + INTERVAL 1 HOUR
              AND a.category = 10 AND b.price > 1000` },
  { name: 'left_join_bid_null_fee', parallel: true, sink: 'id BIGINT, bidder BIGINT, fee DECIMAL(10, 2)',
    ...same(`SELECT a.id, b.bidder, b.fee FROM auction a LEFT JOIN bid b ON a.id = b.auction AND b.fee IS NULL
             WHERE a.category = 10 AND (b.fee IS NULL)`) },
  { name: 'window_join_side_filters', parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, ws TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT b.auction, b.bidder, b.price, b.window_start
            FROM (SELECT * FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))) b
            JOIN (SELECT * FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '10' MINUTE))) a
              ON b.auction = a.id AND b.window_start = a.window_start AND b.window_end = a.window_end
                 AND b.price > 50000
            WHERE a.category = 10;`,
    duck: `SELECT b.auction, b.bidder, b.price, make_timestamp((epoch_us(b.dateTime) // 600000000) * 600000000)
           FROM bid b JOIN auction a
             ON b.auction = a.id
            AND epoch_us(b.dateTime) // 600000000 = epoch_us(a.dateTime) // 600000000
           WHERE a.category = 10 AND b.price > 50000` },
  { name: 'window_full_join_side_filters', parallel: true,
    sink: 'person BIGINT, auction BIGINT, ws TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT p.id, a.id, COALESCE(p.window_start, a.window_start)
            FROM (SELECT * FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(dateTime), INTERVAL '1' HOUR))) p
            FULL OUTER JOIN (SELECT * FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '1' HOUR))) a
              ON p.id = a.seller AND p.window_start = a.window_start AND p.window_end = a.window_end
            WHERE a.category = 10;`,
    duck: `SELECT p.id, a.id, make_timestamp(COALESCE(p.w, a.w) * 3600000000)
           FROM (SELECT *, epoch_us(dateTime) // 3600000000 AS w FROM person) p
           FULL OUTER JOIN (SELECT *, epoch_us(dateTime) // 3600000000 AS w FROM auction) a
             ON p.id = a.seller AND p.w = a.w
           WHERE a.category = 10` },
];
