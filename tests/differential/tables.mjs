// The source tables every case can read: one schema per table, written out as Flink DDL over the
// generated CSV files and as DuckDB tables loaded from the same files, so the two sides cannot drift.
//
// NULL in the files: an empty field for non-string columns (Flink's csv format reads an empty
// value as NULL for every type but CHAR/VARCHAR) and the null literal \N for every column
// ('csv.null-literal'). An empty string is written quoted (""), which both sides read as ''.

export const NULL_LITERAL = '\\N';

// Event times arrive out of order by less than this; the watermark delay is larger, so no row
// is late and a streaming result equals the batch one.
export const MAX_DISORDER_MS = 4000;
export const WATERMARK_DELAY_SECONDS = 5;

// [column, Flink type, DuckDB type]
// A table with `files` is a folder of that many files, consecutive stretches of its arrival order,
// so that at parallelism 4 each source subtask reads one, and one subtask reading them in name
// order sees the arrival order.
export const TABLES = {
  bid: {
    time: 'dateTime',
    files: 4,
    columns: [
      ['auction', 'BIGINT', 'BIGINT'],
      ['bidder', 'BIGINT', 'BIGINT'],
      ['price', 'BIGINT', 'BIGINT'],
      ['channel', 'STRING', 'VARCHAR'],
      ['url', 'STRING', 'VARCHAR'],
      ['dateTime', 'TIMESTAMP(3)', 'TIMESTAMP'],
      ['extra', 'STRING', 'VARCHAR'],
      // beyond Nexmark: nullable columns of the other types
      ['qty', 'INT', 'INTEGER'],            // -20..20, zero included
      ['fee', 'DECIMAL(10, 2)', 'DECIMAL(10,2)'],
      ['rate', 'DOUBLE', 'DOUBLE'],
      ['note', 'STRING', 'VARCHAR'],        // spaces, unicode, mixed case, '' and quotes
      ['bidDate', 'DATE', 'DATE'],
      ['mobile', 'BOOLEAN', 'BOOLEAN'],
    ],
  },
  auction: {
    time: 'dateTime',
    columns: [
      ['id', 'BIGINT', 'BIGINT'],
      ['itemName', 'STRING', 'VARCHAR'],
      ['description', 'STRING', 'VARCHAR'],
      ['initialBid', 'BIGINT', 'BIGINT'],
      ['reserve', 'BIGINT', 'BIGINT'],
      ['dateTime', 'TIMESTAMP(3)', 'TIMESTAMP'],
      ['expires', 'TIMESTAMP(3)', 'TIMESTAMP'],
      ['seller', 'BIGINT', 'BIGINT'],
      ['category', 'BIGINT', 'BIGINT'],
      ['extra', 'STRING', 'VARCHAR'],
    ],
  },
  person: {
    time: 'dateTime',
    columns: [
      ['id', 'BIGINT', 'BIGINT'],
      ['name', 'STRING', 'VARCHAR'],
      ['emailAddress', 'STRING', 'VARCHAR'],
      ['creditCard', 'STRING', 'VARCHAR'],
      ['city', 'STRING', 'VARCHAR'],
      ['state', 'STRING', 'VARCHAR'],
      ['dateTime', 'TIMESTAMP(3)', 'TIMESTAMP'],
      ['extra', 'STRING', 'VARCHAR'],
    ],
  },
};

// The path of a table's file or folder, as the Flink DDL names it.
export const tablePath = (dataDir, name) => `${dataDir}/${name}${TABLES[name].files ? '' : '.csv'}`;
// The same for DuckDB's read_csv, a glob for a folder.
const duckPath = (dataDir, name) => `${dataDir}/${name}${TABLES[name].files ? '/*.csv' : '.csv'}`;

// The CREATE TABLE statements of every source table, with an event-time watermark.
export function flinkSourceDdl(dataDir) {
  return Object.entries(TABLES).map(([name, table]) => {
    const columns = table.columns.map(([column, type]) => `  ${column} ${type}`);
    columns.push(`  WATERMARK FOR ${table.time} AS ${table.time} - INTERVAL '${WATERMARK_DELAY_SECONDS}' SECOND`);
    return `CREATE TABLE ${name} (\n${columns.join(',\n')}\n) WITH (\n` +
      `  'connector' = 'filesystem',\n  'path' = '${tablePath(dataDir, name)}',\n` +
      `  'format' = 'csv',\n  'csv.null-literal' = '${NULL_LITERAL}'\n);\n`;
  }).join('\n');
}

// The DuckDB statements that load the same files into tables, plus the macros twins use to
// compute Flink's semantics where DuckDB's differ (see README.md).
export function duckSetup(dataDir) {
  const loads = Object.entries(TABLES).map(([name, table]) => {
    const columns = table.columns.map(([column, , type]) => `'${column}': '${type}'`).join(', ');
    return `CREATE TABLE ${name} AS SELECT * FROM read_csv('${duckPath(dataDir, name)}', ` +
      `header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
      `nullstr = ['${NULL_LITERAL}', ''], allow_quoted_nulls = false, columns = {${columns}})`;
  });
  return [...loads, ...FLINK_SEMANTICS_MACROS];
}

const FLINK_SEMANTICS_MACROS = [
  // SUBSTRING(s, pos, len): position 0 counts as 1, a negative position counts from the end and
  // gives '' when it is before the start, a negative length gives NULL.
  `CREATE MACRO flink_substring(s, pos, len) AS CASE
     WHEN len < 0 THEN NULL
     WHEN pos > 0 THEN substring(s, pos, len)
     WHEN pos = 0 THEN substring(s, 1, len)
     WHEN length(s) + pos < 0 THEN ''
     ELSE substring(s, length(s) + pos + 1, len) END`,
  // Integer division rounding HALF_UP (away from zero), as DECIMAL division rounds its quotient.
  `CREATE MACRO div_half_up(a, b) AS
     (CASE WHEN (a < 0) = (b < 0) THEN 1 ELSE -1 END) * ((2 * abs(a) + abs(b)) // (2 * abs(b)))`,
  // The DECIMAL with unscaled value `unscaled` and scale `s` (s <= 18).
  `CREATE MACRO decimal_of(unscaled, s) AS
     CAST(unscaled AS DECIMAL(20, 0)) * CAST(pow(10, -s) AS DECIMAL(18, 18))`,
  // Integer arithmetic wraps around in Flink (Java): x narrowed to a signed integer of `bits` bits.
  `CREATE MACRO wrap_integer(x, bits) AS
     ((CAST(x AS HUGEINT) + (CAST(1 AS HUGEINT) << (bits - 1))) % (CAST(1 AS HUGEINT) << bits)
       + (CAST(1 AS HUGEINT) << bits)) % (CAST(1 AS HUGEINT) << bits) - (CAST(1 AS HUGEINT) << (bits - 1))`,
  // BigDecimal.valueOf(double): the shortest decimal form, as Flink rounds and casts a DOUBLE
  // (enough for the test data: under 1e10, at most 8 fraction digits).
  `CREATE MACRO decimal_of_double(x) AS CAST(CAST(x AS VARCHAR) AS DECIMAL(18, 8))`,
  // REGEXP_EXTRACT gives NULL when the pattern does not match (DuckDB gives '').
  `CREATE MACRO flink_regexp_extract(s, pattern, g) AS
     CASE WHEN regexp_matches(s, pattern) THEN regexp_extract(s, pattern, g) END`,
];
