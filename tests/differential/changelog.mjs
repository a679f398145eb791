// The final result of a print sink's changelog, and of a DuckDB query, as multisets of rows in
// canonical text (see print_values.mjs), and the difference of two such multisets.
import {
  COUNT_SEPARATOR, ROW_SEPARATOR, canonicalPrinted, comparesExactly, duckRowsQuery, splitFields,
} from './print_values.mjs';

// "+I[1, abc]", optionally after the print sink's "name> ", "name:2> " or "2> " prefix.
const PRINT_LINE = /^(?:[^\[\]>]*> )?([+-][IUD])\[(.*)\]$/s;
// A row's key is its canonical fields joined as the print sink joins them.
const FIELD_SEPARATOR = ', ';

// Applies the changelog printed on stdout: +I/+U add a row, -U/-D remove one. Rows compare as
// printed unless a column compares approximately; only then are they split into fields, which
// needs values without ", " in them.
export function materializePrinted(stdout, columns, digits) {
  const exact = columns.every(c => comparesExactly(c.type));
  const rows = new Map();
  const problems = [];
  let changes = 0;
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const m = PRINT_LINE.exec(line);
    if (!m) {
      problems.push(`not a changelog row: ${line.slice(0, 120)}`);
      continue;
    }
    changes++;
    let key = m[2];
    if (!exact) {
      const fields = splitFields(m[2], columns);
      if (!fields) {
        problems.push(`cannot split into ${columns.length} fields: ${line.slice(0, 200)}`);
        continue;
      }
      key = fields.map((f, i) => canonicalPrinted(f, columns[i].type, digits)).join(FIELD_SEPARATOR);
    }
    const count = (rows.get(key) ?? 0) + (m[1] === '+I' || m[1] === '+U' ? 1 : -1);
    if (count < 0) problems.push(`retraction of an absent row: ${line.slice(0, 200)}`);
    if (count === 0) rows.delete(key); else rows.set(key, count);
  }
  return { rows, changes, problems };
}

// The DuckDB twin's rows, as Flink would print them in the sink's columns (formatted by DuckDB:
// converting every value to JS would take longer than running the query).
export async function materializeDuck(connection, twin, columns, digits) {
  const shape = await connection.runAndReadAll(`SELECT * FROM (${twin}) LIMIT 0`);
  if (shape.columnCount !== columns.length) {
    throw new Error(`the twin returns ${shape.columnCount} columns, the sink has ${columns.length}`);
  }
  const result = await connection.runAndReadAll(duckRowsQuery(twin, columns, digits));
  const text = result.getRows()[0][0];
  if (text === null) return new Map();
  return new Map(text.split(ROW_SEPARATOR).map(row => {
    const at = row.lastIndexOf(COUNT_SEPARATOR);
    return [row.slice(0, at), Number(row.slice(at + 1))];
  }));
}

export const rowCount = rows => [...rows.values()].reduce((a, b) => a + b, 0);

// Rows `want` has more often than `got` (missing) and the reverse (extra), each as "[row] xN".
export function multisetDifference(want, got) {
  const show = (key, n) => `[${key}]${n > 1 ? ` x${n}` : ''}`;
  const missing = [], extra = [];
  for (const [key, n] of want) {
    const g = got.get(key) ?? 0;
    if (g < n) missing.push(show(key, n - g));
  }
  for (const [key, n] of got) {
    const w = want.get(key) ?? 0;
    if (n > w) extra.push(show(key, n - w));
  }
  return { missing, extra };
}
