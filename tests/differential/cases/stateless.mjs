// Stateless jobs: filters, projections, scalar functions and UNION ALL over the generated bid,
// auction and person tables (see ../tables.mjs for their columns). Each case:
//   name      unique within this file
//   sink      the columns of the print sink `sink` the job writes to
//   flink     the job body (statements after the source tables and the sink)
//   duck      the DuckDB query whose rows the sink's final changelog must equal
//   parallel  also run at parallelism 4 (bid is four files, one per source subtask)
//   digits    significant digits DOUBLE columns compare to (default 10), with a note saying why
// Where Flink's semantics differ from DuckDB's, the twin computes Flink's and a comment says so;
// the macros it uses for that (flink_substring, div_half_up, wrap_integer, ...) are in
// ../tables.mjs.

export const cases = [
  // ---- filters and projections ----
  {
    name: 'filter_projection',
    parallel: true,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, dateTime TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT auction, bidder, price, channel, dateTime FROM bid
            WHERE price > 20000 AND channel IN ('apple', 'google');`,
    duck: `SELECT auction, bidder, price, channel, dateTime FROM bid
           WHERE price > 20000 AND channel IN ('apple', 'google')`,
  },
  {
    // every column of every type, NULLs, quoted fields and unicode through the csv decoder
    name: 'bid_all_columns',
    parallel: true,
    sink: `auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3),
           extra STRING, qty INT, fee DECIMAL(10, 2), rate DOUBLE, note STRING, bidDate DATE, mobile BOOLEAN`,
    flink: 'INSERT INTO sink SELECT * FROM bid;',
    duck: 'SELECT * FROM bid',
  },
  {
    name: 'auction_all_columns',
    sink: `id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT,
           dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING`,
    flink: 'INSERT INTO sink SELECT * FROM auction;',
    duck: 'SELECT * FROM auction',
  },
  {
    name: 'person_all_columns',
    sink: `id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING,
           dateTime TIMESTAMP(3), extra STRING`,
    flink: 'INSERT INTO sink SELECT * FROM person;',
    duck: 'SELECT * FROM person',
  },
  {
    name: 'constants_and_null_literals',
    sink: `auction BIGINT, n INT, three INT, s STRING, b BOOLEAN, d DATE, t TIMESTAMP(3), fixed DECIMAL(3, 2),
           x DOUBLE`,
    flink: `INSERT INTO sink SELECT auction, CAST(NULL AS INT), 1 + 2, 'const', TRUE, DATE '2026-03-01',
              TIMESTAMP '2026-03-01 12:00:00.5', 1.50, 2.5e0
            FROM bid WHERE auction BETWEEN 1003 AND 1005;`,
    duck: `SELECT auction, NULL, 3, 'const', true, DATE '2026-03-01', TIMESTAMP '2026-03-01 12:00:00.5',
             1.50, 2.5
           FROM bid WHERE auction BETWEEN 1003 AND 1005`,
  },
  {
    name: 'where_on_computed_columns',
    parallel: true,
    sink: 'auction BIGINT, total BIGINT, ch STRING',
    flink: `INSERT INTO sink SELECT auction, total, ch FROM (
              SELECT auction, price * 2 + qty AS total, UPPER(channel) AS ch FROM bid)
            WHERE total BETWEEN 1000 AND 30000 AND ch <> 'APPLE' AND MOD(total, 3) = 0;`,
    duck: `SELECT auction, total, ch FROM (
             SELECT auction, price * 2 + qty AS total, upper(channel) AS ch FROM bid)
           WHERE total BETWEEN 1000 AND 30000 AND ch <> 'APPLE' AND total % 3 = 0`,
  },
  {
    name: 'view_with_computed_filter',
    sink: 'auction BIGINT, bidder BIGINT, score BIGINT, hh STRING',
    flink: `CREATE TEMPORARY VIEW cheap AS
              SELECT auction, bidder, price, DATE_FORMAT(dateTime, 'HH') AS hh FROM bid WHERE price < 1000;
            INSERT INTO sink SELECT auction, bidder, CAST(hh AS INT) * 1000 + price, hh FROM cheap
            WHERE hh IN ('00', '13', '23') AND bidder % 2 = 0;`,
    duck: `SELECT auction, bidder, CAST(strftime(dateTime, '%H') AS INT) * 1000 + price, strftime(dateTime, '%H')
           FROM bid WHERE price < 1000 AND strftime(dateTime, '%H') IN ('00', '13', '23') AND bidder % 2 = 0`,
  },
  {
    name: 'computed_columns_in_ddl',
    sink: 'auction BIGINT, dollars BIGINT, label STRING, dateTime TIMESTAMP(3)',
    flink: `CREATE TABLE bid_ext (
              dollars AS price / 100,
              label AS CONCAT(channel, '#', CAST(auction AS STRING))
            ) LIKE bid;
            INSERT INTO sink SELECT auction, dollars, label, dateTime FROM bid_ext WHERE dollars BETWEEN 10 AND 12;`,
    duck: `SELECT auction, price // 100, channel || '#' || CAST(auction AS VARCHAR), dateTime
           FROM bid WHERE price // 100 BETWEEN 10 AND 12`,
  },

  // ---- arithmetic ----
  {
    // Both truncate integer division toward zero, and % takes the dividend's sign in both.
    name: 'integer_division_and_modulo',
    sink: 'auction BIGINT, price BIGINT, qty INT, q BIGINT, r BIGINT, m BIGINT, q3 INT, nq BIGINT, r4 INT',
    flink: `INSERT INTO sink SELECT auction, price, qty, price / qty, price % qty, MOD(price, 7), qty / 3,
              -price / 7, qty % 4
            FROM bid WHERE qty <> 0;`,
    duck: `SELECT auction, price, qty, price // qty, price % qty, price % 7, qty // 3, (-price) // 7, qty % 4
           FROM bid WHERE qty <> 0`,
  },
  {
    // Flink evaluates AND left to right and skips the right side when the left is FALSE, and
    // evaluates only the chosen CASE branch: no division by zero here.
    name: 'guarded_division_by_zero',
    sink: 'auction BIGINT, qty INT, q BIGINT, r INT',
    flink: `INSERT INTO sink SELECT auction, qty, CASE WHEN qty = 0 THEN -1 ELSE price / qty END,
              IF(qty <> 0, price % qty, NULL)
            FROM bid WHERE qty <> 0 AND price / qty > 2000 OR qty = 0 AND price > 90000;`,
    duck: `SELECT auction, qty, CASE WHEN qty = 0 THEN -1 ELSE price // qty END, CASE WHEN qty <> 0 THEN price % qty END
           FROM bid WHERE qty <> 0 AND price // qty > 2000 OR qty = 0 AND price > 90000`,
  },
  {
    // Flink's DECIMAL result types: + and - keep the larger scale, * adds scales.
    name: 'decimal_arithmetic',
    sink: `auction BIGINT, fee DECIMAL(10, 2), plus DECIMAL(11, 2), less DECIMAL(13, 2), twice DECIMAL(20, 2),
           squared DECIMAL(20, 4), scaled DECIMAL(12, 3), neg DECIMAL(10, 2), absolute DECIMAL(10, 2), cmp BOOLEAN`,
    flink: `INSERT INTO sink SELECT auction, fee, fee + 0.05, fee - 1, fee * 2, fee * fee, fee * 1.1, -fee, ABS(fee),
              fee > 100.5
            FROM bid;`,
    duck: `SELECT auction, fee, fee + 0.05, fee - 1, fee * 2, fee * fee, fee * 1.1, -fee, abs(fee), fee > 100.5 FROM bid`,
  },
  {
    // DECIMAL(10, 2) / INT is DECIMAL(21, 13) in Flink, rounded HALF_UP; DuckDB divides decimals
    // in DOUBLE, so the twin divides the unscaled integers. CAST and ROUND of a DECIMAL round
    // HALF_UP (away from zero) in both.
    name: 'decimal_division_and_rounding',
    sink: 'auction BIGINT, fee DECIMAL(10, 2), third DECIMAL(21, 13), quarter DECIMAL(21, 13), c DECIMAL(10, 1), r DECIMAL(11, 1)',
    flink: `INSERT INTO sink SELECT auction, fee, fee / 3, fee / 4, CAST(fee * 1.15 AS DECIMAL(10, 1)), ROUND(fee, 1)
            FROM bid;`,
    duck: `SELECT auction, fee,
             decimal_of(div_half_up(CAST(fee * 100 AS HUGEINT) * 100000000000, 3), 13),
             decimal_of(div_half_up(CAST(fee * 100 AS HUGEINT) * 100000000000, 4), 13),
             CAST(fee * 1.15 AS DECIMAL(10, 1)), round(fee, 1)
           FROM bid`,
  },
  {
    // DOUBLE / 0 is Infinity or NaN in both (Java's double arithmetic).
    name: 'double_arithmetic',
    sink: 'auction BIGINT, rate DOUBLE, a DOUBLE, b DOUBLE, c DOUBLE, d DOUBLE, e DOUBLE, f DOUBLE',
    flink: `INSERT INTO sink SELECT auction, rate, rate * price, rate + qty, rate / qty, rate - 0.5, -rate, rate * rate
            FROM bid;`,
    duck: 'SELECT auction, rate, rate * price, rate + qty, rate / qty, rate - 0.5, -rate, rate * rate FROM bid',
  },
  {
    // ROUND(DOUBLE, n) and TRUNCATE(DOUBLE, n) work on the shortest decimal form, HALF_UP and
    // toward zero (decimal_of_double); FLOOR/CEIL of a DOUBLE stay DOUBLE, of a DECIMAL have
    // scale 0; ROUND of an integer to tens or hundreds rounds HALF_UP.
    name: 'math_and_rounding',
    sink: `auction BIGINT, a INT, s INT, fl DOUBLE, ce DOUBLE, ro DOUBLE, pw DOUBLE, sq DOUBLE, lnp DOUBLE,
           lg DOUBLE, ex DOUBLE, fd DECIMAL(10, 0), r1 BIGINT, r2 INT, t1 DECIMAL(10, 1), cd DECIMAL(10, 0),
           rd DECIMAL(10, 0), td DOUBLE`,
    digits: 9,  // LN, LOG10, EXP, SQRT and POWER come from different math libraries
    flink: `INSERT INTO sink SELECT auction, ABS(qty), SIGN(qty), FLOOR(rate), CEIL(rate), ROUND(rate, 2),
              POWER(rate, 2), SQRT(price), LN(price), LOG10(price), EXP(qty), FLOOR(fee), ROUND(price, -2),
              ROUND(qty, -1), TRUNCATE(fee, 1), CEIL(fee), ROUND(fee, 0), TRUNCATE(rate, 1)
            FROM bid;`,
    duck: `SELECT auction, abs(qty), sign(qty), floor(rate), ceil(rate), CAST(round(decimal_of_double(rate), 2) AS DOUBLE),
             pow(rate, 2), sqrt(price), ln(price), log10(price), exp(qty), floor(fee), round(price, -2),
             round(qty, -1), trunc(fee * 10) / 10, ceil(fee), round(fee, 0),
             CAST(trunc(decimal_of_double(rate) * 10) / 10 AS DOUBLE)
           FROM bid`,
  },
  {
    // INT, SMALLINT, TINYINT and BIGINT arithmetic wraps around on overflow in Flink (Java);
    // DuckDB fails, so the twin computes in HUGEINT and wraps (wrap_integer).
    name: 'integer_overflow_wraps',
    sink: 'auction BIGINT, a INT, b TINYINT, c SMALLINT, d BIGINT',
    flink: `INSERT INTO sink SELECT auction, CAST(price AS INT) * 100000, CAST(qty AS TINYINT) * CAST(20 AS TINYINT),
              CAST(price AS SMALLINT) + CAST(30000 AS SMALLINT), price * 100000000000000
            FROM bid;`,
    duck: `SELECT auction, wrap_integer(CAST(price AS HUGEINT) * 100000, 32), wrap_integer(qty * 20, 8),
             wrap_integer(wrap_integer(price, 16) + 30000, 16), wrap_integer(CAST(price AS HUGEINT) * 100000000000000, 64)
           FROM bid`,
  },
  {
    // BIGINT + DECIMAL(10, 2) is DECIMAL(22, 2); DECIMAL with DOUBLE is DOUBLE; BIGINT / 3.0 is
    // DECIMAL(26, 6), rounded HALF_UP (div_half_up, as in decimal_division_and_rounding).
    name: 'mixed_type_arithmetic',
    parallel: true,
    sink: `auction BIGINT, a DECIMAL(22, 2), b DECIMAL(21, 2), c DOUBLE, d BOOLEAN, e DECIMAL(21, 2), f DECIMAL(26, 6),
           g DECIMAL(12, 1), h DOUBLE`,
    flink: `INSERT INTO sink SELECT auction, price + fee, qty * fee, fee + rate, fee > rate,
              CASE WHEN mobile THEN fee ELSE price END, price / 3.0, qty + 0.5, qty * rate
            FROM bid;`,
    duck: `SELECT auction, price + fee, qty * fee, CAST(fee AS DOUBLE) + rate, CAST(fee AS DOUBLE) > rate,
             CASE WHEN mobile THEN fee ELSE price END,
             decimal_of(div_half_up(CAST(price AS HUGEINT) * 10000000, 30), 6), qty + 0.5, qty * rate
           FROM bid`,
  },
  {
    // x / NULLIF(y, 0): the usual guard against division by zero
    name: 'nullif_guarded_division',
    sink: 'auction BIGINT, q BIGINT, r INT, d DECIMAL(38, 13)',
    flink: `INSERT INTO sink SELECT auction, price / NULLIF(qty, 0), MOD(price, NULLIF(qty, 0)), fee / NULLIF(qty, 0)
            FROM bid WHERE price > 50000;`,
    duck: `SELECT auction, price // nullif(qty, 0), price % nullif(qty, 0),
             decimal_of(div_half_up(CAST(fee * 100 AS HUGEINT) * 100000000000, nullif(qty, 0)), 13)
           FROM bid WHERE price > 50000`,
  },
  {
    name: 'auction_reserve_arithmetic',
    sink: 'id BIGINT, itemName STRING, spread BIGINT, pct BIGINT, ratio DOUBLE, rest BIGINT',
    flink: `INSERT INTO sink SELECT id, itemName, reserve - initialBid, reserve * 100 / initialBid,
              CAST(reserve AS DOUBLE) / initialBid, reserve % initialBid
            FROM auction WHERE category IN (11, 12);`,
    duck: `SELECT id, itemName, reserve - initialBid, reserve * 100 // initialBid,
             CAST(reserve AS DOUBLE) / initialBid, reserve % initialBid
           FROM auction WHERE category IN (11, 12)`,
  },

  // ---- conditionals and NULLs ----
  {
    // CASE over string literals of different lengths is VARCHAR in Flink: no padding.
    name: 'case_if_coalesce_nullif',
    parallel: true,
    sink: `auction BIGINT, tier STRING, device STRING, note STRING, channel STRING, qty INT, word STRING, a STRING,
           b INT, c DECIMAL(10, 2), d BOOLEAN, e DATE, f DOUBLE`,
    flink: `INSERT INTO sink SELECT auction,
              CASE WHEN price >= 10000 THEN 'high' WHEN price >= 1000 THEN 'mid' ELSE 'low' END,
              IF(mobile, 'mobile', 'desktop'), COALESCE(note, '(none)'), NULLIF(channel, 'apple'),
              COALESCE(qty, -1), CASE qty WHEN 0 THEN 'zero' WHEN 1 THEN 'one' END, COALESCE(note, channel),
              COALESCE(qty, CAST(price AS INT) % 100), COALESCE(fee, 0), COALESCE(mobile, FALSE),
              COALESCE(bidDate, DATE '2000-01-01'), IFNULL(rate, -1.0)
            FROM bid;`,
    duck: `SELECT auction,
             CASE WHEN price >= 10000 THEN 'high' WHEN price >= 1000 THEN 'mid' ELSE 'low' END,
             CASE WHEN mobile THEN 'mobile' ELSE 'desktop' END, coalesce(note, '(none)'), nullif(channel, 'apple'),
             coalesce(qty, -1), CASE qty WHEN 0 THEN 'zero' WHEN 1 THEN 'one' END, coalesce(note, channel),
             coalesce(qty, CAST(price AS INT) % 100), coalesce(fee, 0), coalesce(mobile, false),
             coalesce(bidDate, DATE '2000-01-01'), ifnull(rate, -1.0)
           FROM bid`,
  },
  {
    // IS UNKNOWN is IS NULL on a BOOLEAN (DuckDB has no IS UNKNOWN); x IN (1, NULL) is TRUE or
    // NULL, x NOT IN (1, NULL) FALSE or NULL; a non-zero number is TRUE.
    name: 'null_logic',
    sink: `auction BIGINT, qty INT, mobile BOOLEAN, d1 BOOLEAN, d2 BOOLEAN, d3 BOOLEAN, d4 BOOLEAN, d5 BOOLEAN,
           a BOOLEAN, o BOOLEAN, n BOOLEAN, t BOOLEAN, nf BOOLEAN, u BOOLEAN, i1 BOOLEAN, i2 BOOLEAN, i3 BOOLEAN,
           b1 BOOLEAN, b2 INT, b3 BOOLEAN`,
    flink: `INSERT INTO sink SELECT auction, qty, mobile,
              qty IS DISTINCT FROM 0, qty IS NOT DISTINCT FROM 0, mobile IS DISTINCT FROM TRUE,
              (qty > 0) IS NOT DISTINCT FROM mobile, note IS DISTINCT FROM channel,
              mobile AND qty > 0, mobile OR qty > 0, NOT mobile, (qty > 0) IS TRUE, mobile IS NOT FALSE,
              (mobile AND qty > 0) IS UNKNOWN,
              qty IN (1, CAST(NULL AS INT)), qty NOT IN (1, CAST(NULL AS INT)), qty IN (qty, 5),
              CAST(qty AS BOOLEAN), CAST(mobile AS INT), CAST(CAST(mobile AS STRING) AS BOOLEAN)
            FROM bid;`,
    duck: `SELECT auction, qty, mobile,
             qty IS DISTINCT FROM 0, qty IS NOT DISTINCT FROM 0, mobile IS DISTINCT FROM true,
             (qty > 0) IS NOT DISTINCT FROM mobile, note IS DISTINCT FROM channel,
             mobile AND qty > 0, mobile OR qty > 0, NOT mobile, (qty > 0) IS TRUE, mobile IS NOT FALSE,
             (mobile AND qty > 0) IS NULL,
             qty IN (1, NULL), qty NOT IN (1, NULL), qty IN (qty, 5),
             CAST(qty AS BOOLEAN), CAST(mobile AS INT), mobile
           FROM bid`,
  },
  {
    // a row passes a filter only when its condition is TRUE, not NULL
    name: 'filter_keeps_only_true',
    sink: 'auction BIGINT, qty INT, mobile BOOLEAN, note STRING',
    flink: `INSERT INTO sink SELECT auction, qty, mobile, note FROM bid
            WHERE (NOT (qty > 5) OR mobile) AND note <> 'x' AND NOT (fee < 0);`,
    duck: `SELECT auction, qty, mobile, note FROM bid
           WHERE (NOT (qty > 5) OR mobile) AND note <> 'x' AND NOT (fee < 0)`,
  },
  {
    // Flink's GREATEST and LEAST are NULL when any argument is; DuckDB's skip NULLs.
    name: 'greatest_least',
    sink: 'auction BIGINT, g BIGINT, l BIGINT, gt TIMESTAMP(3)',
    flink: `INSERT INTO sink SELECT auction, GREATEST(price, qty * 1000, 500), LEAST(price, CAST(qty AS BIGINT)),
              GREATEST(dateTime, CAST(bidDate AS TIMESTAMP(3)))
            FROM bid;`,
    duck: `SELECT auction, CASE WHEN qty IS NOT NULL THEN greatest(price, qty * 1000, 500) END,
             CASE WHEN qty IS NOT NULL THEN least(price, qty) END,
             CASE WHEN bidDate IS NOT NULL THEN greatest(dateTime, CAST(bidDate AS TIMESTAMP)) END
           FROM bid`,
  },

  // ---- predicates ----
  {
    name: 'in_lists_and_between',
    sink: 'auction BIGINT, price BIGINT, qty INT, channel STRING, small BOOLEAN, named BOOLEAN, sym BOOLEAN',
    flink: `INSERT INTO sink SELECT auction, price, qty, channel, qty IN (1, 2), note IN ('x', 'lower case'),
              price BETWEEN SYMMETRIC 900 AND 100
            FROM bid
            WHERE (qty IN (1, 2, 3, -5) OR channel NOT IN ('apple', 'baidu', 'weibo'))
              AND price BETWEEN 100 AND 5000 AND qty NOT BETWEEN -2 AND 2;`,
    duck: `SELECT auction, price, qty, channel, qty IN (1, 2), note IN ('x', 'lower case'), price BETWEEN 100 AND 900
           FROM bid
           WHERE (qty IN (1, 2, 3, -5) OR channel NOT IN ('apple', 'baidu', 'weibo'))
             AND price BETWEEN 100 AND 5000 AND qty NOT BETWEEN -2 AND 2`,
  },
  {
    // strings compare byte by byte: no padding of the shorter one
    name: 'like_and_string_equality',
    sink: `auction BIGINT, note STRING, a BOOLEAN, b BOOLEAN, c BOOLEAN, d BOOLEAN, e BOOLEAN, f BOOLEAN, g BOOLEAN,
           h BOOLEAN, i BOOLEAN, j BOOLEAN, k STRING`,
    flink: `INSERT INTO sink SELECT auction, note, note LIKE '%a%', note LIKE 'c_f%', note NOT LIKE '% %',
              url LIKE 'https://www.nexmark.com/apple/%', note LIKE '100!%' ESCAPE '!', note LIKE 'Item!_%' ESCAPE '!',
              note = 'trail ', note = 'trail', note LIKE 'caf_ cr_me', note = '', SUBSTRING(note, 1, CHAR_LENGTH(note) - 1)
            FROM bid;`,
    duck: `SELECT auction, note, note LIKE '%a%', note LIKE 'c_f%', note NOT LIKE '% %',
             url LIKE 'https://www.nexmark.com/apple/%', note LIKE '100!%' ESCAPE '!', note LIKE 'Item!_%' ESCAPE '!',
             note = 'trail ', note = 'trail', note LIKE 'caf_ cr_me', note = '', flink_substring(note, 1, length(note) - 1)
           FROM bid`,
  },
  {
    // both compare strings by their UTF-8 bytes
    name: 'string_comparison',
    sink: 'id BIGINT, name STRING, a BOOLEAN, b BOOLEAN, c BOOLEAN, d BOOLEAN',
    flink: `INSERT INTO sink SELECT id, name, name < 'M', UPPER(name) = name, city > 'P', name BETWEEN 'A' AND 'K'
            FROM person;`,
    duck: `SELECT id, name, name < 'M', upper(name) = name, city > 'P', name BETWEEN 'A' AND 'K' FROM person`,
  },

  {
    name: 'timestamp_and_date_predicates',
    sink: 'auction BIGINT, dateTime TIMESTAMP(3), bidDate DATE',
    flink: `INSERT INTO sink SELECT auction, dateTime, bidDate FROM bid
            WHERE dateTime BETWEEN TIMESTAMP '2026-03-01 00:00:00' AND TIMESTAMP '2026-03-01 00:10:00'
               OR CAST(dateTime AS DATE) = DATE '2026-02-28' AND HOUR(dateTime) = 23 AND MINUTE(dateTime) < 5
               OR bidDate < CAST(dateTime AS DATE) - INTERVAL '398' DAY;`,
    duck: `SELECT auction, dateTime, bidDate FROM bid
           WHERE dateTime BETWEEN TIMESTAMP '2026-03-01 00:00:00' AND TIMESTAMP '2026-03-01 00:10:00'
              OR CAST(dateTime AS DATE) = DATE '2026-02-28' AND hour(dateTime) = 23 AND minute(dateTime) < 5
              OR bidDate < CAST(CAST(dateTime AS DATE) - INTERVAL 398 DAY AS DATE)`,
  },
  {
    name: 'filter_on_string_functions',
    sink: 'auction BIGINT, channel STRING, note STRING',
    flink: `INSERT INTO sink SELECT auction, channel, note FROM bid
            WHERE UPPER(channel) = 'APPLE' AND CHAR_LENGTH(note) > 5 AND note LIKE '%e%' OR TRIM(note) = 'padded both';`,
    duck: `SELECT auction, channel, note FROM bid
           WHERE upper(channel) = 'APPLE' AND length(note) > 5 AND note LIKE '%e%' OR trim(note) = 'padded both'`,
  },
  // ---- strings ----
  {
    name: 'upper_lower_trim',
    sink: `auction BIGINT, note STRING, u STRING, l STRING, t STRING, lt STRING, rt STRING, tx STRING, n INT,
           nested STRING, joined INT, cased STRING`,
    flink: `INSERT INTO sink SELECT auction, note, UPPER(note), LOWER(note), TRIM(note), LTRIM(note), RTRIM(note),
              TRIM(BOTH 'ex' FROM note), CHAR_LENGTH(note), UPPER(SUBSTRING(TRIM(note), 1, 3)) || LOWER(channel),
              CHAR_LENGTH(CONCAT_WS('-', TRIM(note), channel)), LOWER(REPLACE(INITCAP(channel), 'A', 'a'))
            FROM bid;`,
    duck: `SELECT auction, note, upper(note), lower(note), trim(note), ltrim(note), rtrim(note), trim(note, 'ex'),
             length(note), upper(substring(trim(note), 1, 3)) || lower(channel),
             length(concat_ws('-', trim(note), channel)), lower(channel)
           FROM bid`,
  },
  {
    // SUBSTRING: position 0 counts as 1, a negative one counts from the end (flink_substring);
    // LOCATE(sub, s, from) searches from a position; ASCII of an ASCII character is its code.
    name: 'substring_and_position',
    sink: `auction BIGINT, note STRING, a STRING, b STRING, c STRING, d STRING, p INT, q INT, l STRING, r STRING,
           i INT, lo INT, code INT, ch STRING, sw BOOLEAN, ew BOOLEAN`,
    flink: `INSERT INTO sink SELECT auction, note, SUBSTRING(note, 2, 3), SUBSTRING(note FROM 3), SUBSTRING(url, qty, 5),
              SUBSTR(note, -3), POSITION('e' IN note), POSITION('item' IN url), LEFT(note, 4), RIGHT(note, 3),
              INSTR(note, 'e'), LOCATE('a', note, 3), ASCII(channel), CHR(CAST(MOD(price, 26) AS INT) + 65),
              STARTSWITH(url, 'https://www.nexmark.com/a'), ENDSWITH(note, 'e')
            FROM bid;`,
    duck: `SELECT auction, note, substring(note, 2, 3), substring(note, 3), flink_substring(url, qty, 5),
             flink_substring(note, -3, 1000000), position('e' IN note), position('item' IN url), left(note, 4),
             right(note, 3), instr(note, 'e'),
             CASE WHEN position('a' IN substring(note, 3)) = 0 THEN 0 ELSE position('a' IN substring(note, 3)) + 2 END,
             ascii(channel), chr(CAST(price % 26 AS INT) + 65), starts_with(url, 'https://www.nexmark.com/a'),
             ends_with(note, 'e')
           FROM bid`,
  },
  {
    // LPAD/RPAD with a negative length are NULL in Flink. CAST to CHAR(n) pads with spaces and
    // truncates, to VARCHAR(n) truncates (Flink 1.15+); DuckDB ignores lengths: rpad and left.
    name: 'padding_and_char_casts',
    sink: `auction BIGINT, a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING, h STRING,
           i STRING`,
    flink: `INSERT INTO sink SELECT auction, LPAD(channel, 10, '*'), RPAD(channel, 10, '-='), LPAD(channel, 3, 'x'),
              RPAD(CAST(qty AS STRING), 4, '0'), LPAD(note, qty, '.'), CONCAT('[', CAST(channel AS CHAR(8)), ']'),
              CAST(channel AS VARCHAR(3)), CAST(note AS CHAR(4)), CAST(price AS VARCHAR(2))
            FROM bid;`,
    duck: `SELECT auction, lpad(channel, 10, '*'), rpad(channel, 10, '-='), lpad(channel, 3, 'x'),
             rpad(CAST(qty AS VARCHAR), 4, '0'), CASE WHEN qty >= 0 THEN lpad(note, qty, '.') END,
             '[' || rpad(channel, 8, ' ') || ']', left(channel, 3), rpad(note, 4, ' '), left(CAST(price AS VARCHAR), 2)
           FROM bid`,
  },
  {
    // Flink's CONCAT is NULL when any argument is (DuckDB's concat skips NULLs, its || does not);
    // CONCAT_WS skips NULL arguments in both.
    name: 'concat_and_concat_ws',
    sink: 'id BIGINT, a STRING, b STRING, c STRING, d STRING, e STRING',
    flink: `INSERT INTO sink SELECT id, CONCAT(name, ' <', emailAddress, '>'), CONCAT_WS('|', name, state, city),
              name || '/' || state, CONCAT(name, state), CONCAT_WS('', state, state)
            FROM person;`,
    duck: `SELECT id, name || ' <' || emailAddress || '>', concat_ws('|', name, state, city),
             name || '/' || state, name || state, concat_ws('', state, state)
           FROM person`,
  },
  {
    // REGEXP_REPLACE's replacement is literal in Flink (Matcher.quoteReplacement): '$1' is no
    // group, as in DuckDB (whose groups are \1); TO_BASE64 encodes UTF-8.
    name: 'replace_and_encodings',
    sink: 'auction BIGINT, a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING, h STRING, i STRING',
    flink: `INSERT INTO sink SELECT auction, REPLACE(url, 'https://www.', ''), REPLACE(note, ' ', '_'), REVERSE(note),
              REPEAT(channel, 2), REPEAT('ab', qty),
              REGEXP_REPLACE(url, 'query=([0-9]+)&channel_id=([0-9])', 'q=$2-$1'), TO_BASE64(note), HEX(price),
              BIN(price)
            FROM bid;`,
    duck: `SELECT auction, replace(url, 'https://www.', ''), replace(note, ' ', '_'), reverse(note),
             repeat(channel, 2), repeat('ab', qty),
             regexp_replace(url, 'query=([0-9]+)&channel_id=([0-9])', 'q=$2-$1', 'g'), to_base64(encode(note)),
             hex(price), bin(price)
           FROM bid`,
  },
  {
    // REGEXP_EXTRACT is NULL without a match (DuckDB: ''); REGEXP_REPLACE replaces every match
    // (DuckDB: the first, without 'g'); REGEXP finds the pattern anywhere, as regexp_matches.
    name: 'regular_expressions',
    sink: 'auction BIGINT, q STRING, ch STRING, word STRING, masked STRING, lower_only BOOLEAN',
    flink: `INSERT INTO sink SELECT auction, REGEXP_EXTRACT(url, 'query=([0-9]+)', 1),
              REGEXP_EXTRACT(url, 'channel_id=(\\d)', 1), REGEXP_EXTRACT(note, '([A-Z][a-z]+)', 1),
              REGEXP_REPLACE(note, '[aeiou]', '*'), REGEXP(note, '^[a-z ]+$')
            FROM bid;`,
    duck: `SELECT auction, flink_regexp_extract(url, 'query=([0-9]+)', 1),
             flink_regexp_extract(url, 'channel_id=(\\d)', 1), flink_regexp_extract(note, '([A-Z][a-z]+)', 1),
             regexp_replace(note, '[aeiou]', '*', 'g'), regexp_matches(note, '^[a-z ]+$')
           FROM bid`,
  },
  {
    // SPLIT_INDEX counts from 0 and is NULL past the last piece (DuckDB's split_part: '').
    name: 'split_index_and_email',
    sink: 'id BIGINT, u STRING, dom STRING, third STRING, atpos INT, n INT, rest STRING',
    flink: `INSERT INTO sink SELECT id, SPLIT_INDEX(emailAddress, '@', 0), SPLIT_INDEX(emailAddress, '@', 1),
              SPLIT_INDEX(name, ' ', 2), POSITION('@' IN emailAddress), CHAR_LENGTH(name),
              SUBSTRING(emailAddress FROM POSITION('@' IN emailAddress) + 1)
            FROM person;`,
    duck: `SELECT id, split_part(emailAddress, '@', 1), split_part(emailAddress, '@', 2),
             CASE WHEN len(string_split(name, ' ')) >= 3 THEN split_part(name, ' ', 3) END,
             position('@' IN emailAddress), length(name), substring(emailAddress, position('@' IN emailAddress) + 1)
           FROM person`,
  },
  {
    // HEX of a string is the upper-case hex of its UTF-8 bytes
    name: 'hex_of_strings',
    sink: 'id BIGINT, a STRING, b STRING',
    flink: 'INSERT INTO sink SELECT id, HEX(name), HEX(state) FROM person;',
    duck: 'SELECT id, hex(name), hex(state) FROM person',
  },
  {
    name: 'json_functions',
    sink: 'auction BIGINT, a STRING, b STRING, c BOOLEAN',
    flink: `INSERT INTO sink SELECT auction,
              JSON_VALUE(CONCAT('{"price": ', CAST(price AS STRING), ', "ch": "', channel, '"}'), '$.ch'),
              JSON_VALUE(CONCAT('{"price": ', CAST(price AS STRING), '}'), '$.price'),
              CONCAT('{"a": ', CAST(qty AS STRING), '}') IS JSON
            FROM bid WHERE MOD(auction, 3) = 0;`,
    duck: `SELECT auction, channel, CAST(price AS VARCHAR), CASE WHEN qty IS NULL THEN false ELSE true END
           FROM bid WHERE auction % 3 = 0`,
  },
  {
    name: 'hash_functions',
    sink: 'id BIGINT, m STRING, s1 STRING, s2 STRING',
    flink: 'INSERT INTO sink SELECT id, MD5(name), SHA1(emailAddress), SHA256(city) FROM person;',
    duck: 'SELECT id, md5(name), sha1(emailAddress), sha256(city) FROM person',
  },

  // ---- casts ----
  {
    // DECIMAL and DOUBLE to integers truncate in Flink (DuckDB rounds); integers narrow by
    // wrapping (DuckDB fails); DOUBLE to DECIMAL rounds the shortest decimal form HALF_UP.
    name: 'numeric_casts',
    sink: 'auction BIGINT, a INT, b BIGINT, c DOUBLE, d DECIMAL(12, 2), e DECIMAL(12, 3), f TINYINT, g DOUBLE, h SMALLINT',
    flink: `INSERT INTO sink SELECT auction, CAST(fee AS INT), CAST(rate AS BIGINT), CAST(qty AS DOUBLE),
              CAST(price AS DECIMAL(12, 2)), CAST(rate AS DECIMAL(12, 3)), CAST(qty AS TINYINT), CAST(fee AS DOUBLE),
              CAST(price AS SMALLINT)
            FROM bid;`,
    duck: `SELECT auction, CAST(trunc(fee) AS INT), CAST(trunc(rate) AS BIGINT), CAST(qty AS DOUBLE),
             CAST(price AS DECIMAL(12, 2)), CAST(decimal_of_double(rate) AS DECIMAL(12, 3)),
             CAST(qty AS TINYINT), CAST(fee AS DOUBLE), CAST((price + 32768) % 65536 - 32768 AS SMALLINT)
           FROM bid`,
  },
  {
    // BOOLEAN text is upper case; TIMESTAMP(3) text has three fraction digits; a string to INT
    // cast truncates a fraction (DuckDB rounds), so the twin goes through DECIMAL.
    name: 'casts_to_and_from_string',
    sink: 'auction BIGINT, a STRING, b STRING, c STRING, d STRING, e STRING, f INT, g DECIMAL(5, 2), h DOUBLE',
    flink: `INSERT INTO sink SELECT auction, CAST(price AS STRING), CAST(fee AS STRING), CAST(mobile AS STRING),
              CAST(bidDate AS STRING), CAST(dateTime AS STRING), TRY_CAST(note AS INT), TRY_CAST(note AS DECIMAL(5, 2)),
              TRY_CAST(note AS DOUBLE)
            FROM bid;`,
    duck: `SELECT auction, CAST(price AS VARCHAR), CAST(fee AS VARCHAR), upper(CAST(mobile AS VARCHAR)),
             CAST(bidDate AS VARCHAR), strftime(dateTime, '%Y-%m-%d %H:%M:%S.%g'),
             TRY_CAST(trunc(TRY_CAST(note AS DECIMAL(18, 6))) AS INT), TRY_CAST(note AS DECIMAL(5, 2)),
             TRY_CAST(note AS DOUBLE)
           FROM bid`,
  },
  {
    // DOUBLE text is Java's Double.toString, which for 1e-3 <= |x| < 1e7 is the shortest
    // round-trip digits with at least one fraction digit, as DuckDB's; FLOAT compares to 6 digits.
    name: 'double_and_float_text',
    sink: 'auction BIGINT, rate DOUBLE, a STRING, b STRING, c STRING, f FLOAT',
    flink: `INSERT INTO sink SELECT auction, rate, CAST(rate AS STRING), CAST(CAST(fee AS DOUBLE) AS STRING),
              CAST(CAST(price AS DOUBLE) AS STRING), CAST(rate AS FLOAT)
            FROM bid WHERE (rate IS NULL OR ABS(rate) >= 0.001 AND ABS(rate) < 10000000)
              AND (fee IS NULL OR ABS(fee) >= 0.01);`,
    duck: `SELECT auction, rate, CAST(rate AS VARCHAR), CAST(CAST(fee AS DOUBLE) AS VARCHAR),
             CAST(CAST(price AS DOUBLE) AS VARCHAR), CAST(rate AS FLOAT)
           FROM bid WHERE (rate IS NULL OR abs(rate) >= 0.001 AND abs(rate) < 10000000)
             AND (fee IS NULL OR abs(fee) >= 0.01)`,
  },
  {
    // TIMESTAMP(3) to TIMESTAMP(0) truncates the fraction.
    name: 'temporal_casts',
    sink: 'auction BIGINT, d DATE, t TIMESTAMP(3), t2 TIMESTAMP(3), d2 DATE, t0 TIMESTAMP(0), d3 DATE',
    flink: `INSERT INTO sink SELECT auction, CAST(dateTime AS DATE), CAST(bidDate AS TIMESTAMP(3)),
              CAST(CAST(dateTime AS STRING) AS TIMESTAMP(3)), CAST(CAST(bidDate AS STRING) AS DATE),
              CAST(dateTime AS TIMESTAMP(0)), TO_DATE(CAST(bidDate AS STRING))
            FROM bid;`,
    duck: `SELECT auction, CAST(dateTime AS DATE), CAST(bidDate AS TIMESTAMP), dateTime, bidDate,
             date_trunc('second', dateTime), bidDate
           FROM bid`,
  },

  // ---- date and time ----
  {
    // DOW counts from Sunday = 1 (DuckDB: 0); MILLISECOND is the millisecond of the second.
    name: 'extract_and_date_parts',
    sink: `auction BIGINT, y BIGINT, mo BIGINT, d BIGINT, h BIGINT, h2 BIGINT, mi BIGINT, s BIGINT, ms BIGINT,
           dow BIGINT, doy BIGINT, q BIGINT, w BIGINT, dom BIGINT`,
    flink: `INSERT INTO sink SELECT auction, EXTRACT(YEAR FROM dateTime), EXTRACT(MONTH FROM dateTime),
              EXTRACT(DAY FROM dateTime), EXTRACT(HOUR FROM dateTime), HOUR(dateTime), MINUTE(dateTime),
              SECOND(dateTime), EXTRACT(MILLISECOND FROM dateTime), EXTRACT(DOW FROM bidDate),
              EXTRACT(DOY FROM bidDate), EXTRACT(QUARTER FROM bidDate), EXTRACT(WEEK FROM bidDate), DAYOFMONTH(bidDate)
            FROM bid;`,
    duck: `SELECT auction, year(dateTime), month(dateTime), day(dateTime), hour(dateTime), hour(dateTime),
             minute(dateTime), second(dateTime), millisecond(dateTime) % 1000, dayofweek(bidDate) + 1,
             dayofyear(bidDate), quarter(bidDate), week(bidDate), day(bidDate)
           FROM bid`,
  },
  {
    // Java date-time patterns against strftime: EEE = %a, MMM = %b, d = %-d, h = %-I, a = %p,
    // SSS = %g, quoted text, EEEE = %A, MMMM = %B, D = %-j (no padding), yy = %y.
    name: 'date_format',
    sink: 'auction BIGINT, a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING, h STRING, i STRING, j STRING',
    flink: `INSERT INTO sink SELECT auction, DATE_FORMAT(dateTime, 'yyyy-MM-dd HH:mm:ss'), DATE_FORMAT(dateTime, 'yyyyMMdd'),
              DATE_FORMAT(dateTime, 'HH:mm:ss.SSS'), DATE_FORMAT(dateTime, 'EEE MMM d'), DATE_FORMAT(dateTime, 'h:mm a'),
              DATE_FORMAT(CAST(bidDate AS TIMESTAMP(3)), 'yyyy/MM/dd'), DATE_FORMAT(dateTime, 'yyyy-MM-dd''T''HH:mm'),
              DATE_FORMAT(dateTime, 'EEEE MMMM dd'), DATE_FORMAT(dateTime, 'D yy'), DATE_FORMAT(dateTime, 'HH''h''mm')
            FROM bid;`,
    duck: `SELECT auction, strftime(dateTime, '%Y-%m-%d %H:%M:%S'), strftime(dateTime, '%Y%m%d'),
             strftime(dateTime, '%H:%M:%S.%g'), strftime(dateTime, '%a %b %-d'), strftime(dateTime, '%-I:%M %p'),
             strftime(bidDate, '%Y/%m/%d'), strftime(dateTime, '%Y-%m-%dT%H:%M'), strftime(dateTime, '%A %B %d'),
             strftime(dateTime, '%-j %y'), strftime(dateTime, '%Hh%M')
           FROM bid`,
  },
  {
    // TIMESTAMPDIFF counts whole units of the difference, truncated toward zero; DuckDB's
    // date_diff counts boundaries crossed, so the twin divides epoch milliseconds.
    name: 'timestampdiff_and_interval_arithmetic',
    sink: `id BIGINT, s INT, m INT, h INT, d INT, later TIMESTAMP(3), earlier TIMESTAMP(3), added TIMESTAMP(3)`,
    flink: `INSERT INTO sink SELECT id, TIMESTAMPDIFF(SECOND, dateTime, expires), TIMESTAMPDIFF(MINUTE, dateTime, expires),
              TIMESTAMPDIFF(HOUR, dateTime, expires), TIMESTAMPDIFF(DAY, expires, dateTime),
              dateTime + INTERVAL '90' MINUTE, expires - INTERVAL '1' DAY, TIMESTAMPADD(HOUR, 3, dateTime)
            FROM auction;`,
    duck: `SELECT id, (epoch_ms(expires) - epoch_ms(dateTime)) // 1000, (epoch_ms(expires) - epoch_ms(dateTime)) // 60000,
             (epoch_ms(expires) - epoch_ms(dateTime)) // 3600000, (epoch_ms(dateTime) - epoch_ms(expires)) // 86400000,
             dateTime + INTERVAL 90 MINUTE, expires - INTERVAL 1 DAY, dateTime + INTERVAL 3 HOUR
           FROM auction`,
  },
  {
    // DATE +/- INTERVAL is a DATE in Flink (a TIMESTAMP in DuckDB); a month past the 31st clamps
    // in both. CEIL to a unit leaves an exact boundary alone. TIMESTAMPDIFF in months and years
    // counts whole months as Calcite's subtractMonths does (adding months clamps to the month's
    // end), which DuckDB's date_sub matches.
    name: 'date_arithmetic_floor_ceil',
    sink: `auction BIGINT, d1 DATE, d2 DATE, d3 DATE, days INT, h TIMESTAMP(3), m TIMESTAMP(3), mo DATE, months INT,
           years INT, quarters INT, back INT`,
    flink: `INSERT INTO sink SELECT auction, bidDate + INTERVAL '1' DAY, bidDate - INTERVAL '30' DAY,
              bidDate + INTERVAL '1' MONTH, TIMESTAMPDIFF(DAY, CAST(bidDate AS TIMESTAMP(3)), dateTime),
              FLOOR(dateTime TO HOUR), CEIL(dateTime TO MINUTE), FLOOR(bidDate TO MONTH),
              TIMESTAMPDIFF(MONTH, CAST(bidDate AS TIMESTAMP(3)), dateTime),
              TIMESTAMPDIFF(YEAR, CAST(bidDate AS TIMESTAMP(3)), dateTime),
              TIMESTAMPDIFF(QUARTER, CAST(bidDate AS TIMESTAMP(3)), dateTime),
              TIMESTAMPDIFF(MONTH, dateTime, CAST(bidDate AS TIMESTAMP(3)))
            FROM bid;`,
    duck: `SELECT auction, CAST(bidDate + INTERVAL 1 DAY AS DATE), CAST(bidDate - INTERVAL 30 DAY AS DATE),
             CAST(bidDate + INTERVAL 1 MONTH AS DATE), (epoch_ms(dateTime) - epoch_ms(CAST(bidDate AS TIMESTAMP))) // 86400000,
             date_trunc('hour', dateTime),
             CASE WHEN date_trunc('minute', dateTime) = dateTime THEN dateTime
                  ELSE date_trunc('minute', dateTime) + INTERVAL 1 MINUTE END,
             CAST(date_trunc('month', bidDate) AS DATE),
             date_sub('month', CAST(bidDate AS TIMESTAMP), dateTime), date_sub('year', CAST(bidDate AS TIMESTAMP), dateTime),
             date_sub('quarter', CAST(bidDate AS TIMESTAMP), dateTime), date_sub('month', dateTime, CAST(bidDate AS TIMESTAMP))
           FROM bid`,
  },

  {
    // TIMESTAMP_LTZ prints, casts and formats in the session time zone; the epoch values cover
    // 1970-2033, daylight saving time included.
    name: 'session_time_zone',
    sink: 'auction BIGINT, ltz TIMESTAMP_LTZ(3), wall TIMESTAMP(3), text STRING, epoch BIGINT',
    flink: `SET 'table.local-time-zone' = 'America/Los_Angeles';
            INSERT INTO sink SELECT auction, TO_TIMESTAMP_LTZ(price * 20000000, 3),
              CAST(TO_TIMESTAMP_LTZ(price * 20000000, 3) AS TIMESTAMP(3)), FROM_UNIXTIME(price * 20000),
              UNIX_TIMESTAMP(DATE_FORMAT(dateTime, 'yyyy-MM-dd HH:mm:ss'))
            FROM bid;`,
    duck: `SELECT auction, timezone('America/Los_Angeles', to_timestamp(price * 20000)),
             timezone('America/Los_Angeles', to_timestamp(price * 20000)),
             strftime(timezone('America/Los_Angeles', to_timestamp(price * 20000)), '%Y-%m-%d %H:%M:%S'),
             CAST(epoch(timezone('America/Los_Angeles', date_trunc('second', dateTime))) AS BIGINT)
           FROM bid`,
  },
  // ---- UNION ALL ----
  {
    // string literals of different lengths unite as VARCHAR: 'bid' is not padded
    name: 'union_all_two_sources',
    parallel: true,
    sink: 'who BIGINT, kind STRING, t TIMESTAMP(3), amount BIGINT',
    flink: `INSERT INTO sink
            SELECT seller, 'auction', dateTime, reserve FROM auction WHERE category = 10
            UNION ALL
            SELECT bidder, 'bid', dateTime, price FROM bid WHERE channel = 'apple' AND price > 50000;`,
    duck: `SELECT seller, 'auction', dateTime, reserve FROM auction WHERE category = 10
           UNION ALL
           SELECT bidder, 'bid', dateTime, price FROM bid WHERE channel = 'apple' AND price > 50000`,
  },
  {
    name: 'union_all_three_branches',
    sink: 'auction BIGINT, label STRING, price BIGINT',
    flink: `INSERT INTO sink
            SELECT auction, 'cheap', price FROM bid WHERE price < 50
            UNION ALL
            SELECT auction, 'pricey', price FROM bid WHERE price > 99000
            UNION ALL
            SELECT id, CAST(NULL AS STRING), initialBid FROM auction WHERE description IS NULL AND category = 15;`,
    duck: `SELECT auction, 'cheap', price FROM bid WHERE price < 50
           UNION ALL
           SELECT auction, 'pricey', price FROM bid WHERE price > 99000
           UNION ALL
           SELECT id, NULL, initialBid FROM auction WHERE description IS NULL AND category = 15`,
  },
  {
    // UNION ALL widens: DECIMAL(10, 2) with BIGINT is DECIMAL(21, 2), INT with BIGINT is BIGINT
    name: 'union_all_widening',
    sink: 'k BIGINT, amount DECIMAL(21, 2), n BIGINT',
    flink: `INSERT INTO sink
            SELECT auction, fee, qty FROM bid WHERE channel = 'weibo' AND price > 30000
            UNION ALL
            SELECT id, initialBid, category FROM auction WHERE seller < 1010;`,
    duck: `SELECT auction, fee, qty FROM bid WHERE channel = 'weibo' AND price > 30000
           UNION ALL
           SELECT id, initialBid, category FROM auction WHERE seller < 1010`,
  },
  {
    // a filter over a UNION ALL applies to both branches
    name: 'filter_over_union_all',
    parallel: true,
    sink: 'k BIGINT, amount BIGINT, kind STRING',
    flink: `INSERT INTO sink SELECT k, amount, kind FROM (
              SELECT auction AS k, price AS amount, channel AS kind FROM bid
              UNION ALL
              SELECT id, reserve, itemName FROM auction)
            WHERE amount BETWEEN 1500 AND 1600 AND kind NOT LIKE '%o%';`,
    duck: `SELECT k, amount, kind FROM (
             SELECT auction AS k, price AS amount, channel AS kind FROM bid
             UNION ALL
             SELECT id, reserve, itemName FROM auction)
           WHERE amount BETWEEN 1500 AND 1600 AND kind NOT LIKE '%o%'`,
  },
  {
    name: 'union_all_with_values',
    sink: 'k BIGINT, label STRING',
    flink: `INSERT INTO sink
            SELECT auction, channel FROM bid WHERE price > 99500
            UNION ALL
            SELECT * FROM (VALUES (CAST(1 AS BIGINT), 'v1'), (2, 'v2'), (3, CAST(NULL AS STRING))) AS t(k, label);`,
    duck: `SELECT auction, channel FROM bid WHERE price > 99500
           UNION ALL
           SELECT * FROM (VALUES (1, 'v1'), (2, 'v2'), (3, NULL)) AS t(k, label)`,
  },
];
