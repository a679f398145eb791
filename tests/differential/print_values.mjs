// Both sides of a comparison as the text Flink's print sink writes for the sink's column types:
// DuckDB formats its values as Flink would print them, and rows compare as printed. DOUBLE and
// FLOAT are the exception: they compare rounded to a number of significant digits (different
// libm, different summation order), so rows with them are split into fields by the column types.

const DOUBLE_DIGITS = 10;
const FLOAT_DIGITS = 6;

// 'a BIGINT, b DECIMAL(10, 2), c ARRAY<INT>' -> [{ name, type }]: the sink's columns.
export function parseColumns(text) {
  const parts = [];
  let depth = 0, start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '<') depth++;
    else if (ch === ')' || ch === '>') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map(part => {
    const m = /^\s*(`[^`]+`|\w+)\s+(.+?)\s*$/s.exec(part);
    if (!m) throw new Error(`cannot read sink column '${part.trim()}'`);
    return { name: m[1], type: parseType(m[2]) };
  });
}

function parseType(text) {
  const upper = text.replace(/\s+NOT\s+NULL$/i, '').trim().toUpperCase();
  const array = /^ARRAY\s*<(.+)>$/.exec(upper);
  if (array) return { kind: 'ARRAY', element: parseType(array[1]) };
  const m = /^([A-Z_ ]+?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/.exec(upper);
  if (!m) throw new Error(`cannot read sink type '${text}'`);
  const kind = { INTEGER: 'INT', VARCHAR: 'STRING', CHAR: 'STRING', DEC: 'DECIMAL', NUMERIC: 'DECIMAL' }[m[1]] ?? m[1];
  const type = { kind };
  if (kind === 'DECIMAL') {
    type.precision = m[2] === undefined ? 10 : Number(m[2]);
    type.scale = m[3] === undefined ? 0 : Number(m[3]);
  } else if (kind === 'TIMESTAMP' || kind === 'TIMESTAMP_LTZ' || kind === 'TIME') {
    type.precision = m[2] === undefined ? (kind === 'TIME' ? 0 : 6) : Number(m[2]);
  }
  return type;
}

// ---- the print side ----

// Whether values of the type compare as printed (all but DOUBLE and FLOAT, alone or in an ARRAY).
export function comparesExactly(type) {
  if (type.kind === 'ARRAY') return comparesExactly(type.element);
  return type.kind !== 'DOUBLE' && type.kind !== 'FLOAT';
}

// The fields of one printed row body ("1, abc, null"): a field ends at the first ", " after it,
// except ARRAY fields, which end at their closing bracket; null when that does not give one field
// per column. Only rows with approximate columns are split, so only their strings must not hold
// ", ".
export function splitFields(body, columns) {
  const fields = [];
  let pos = 0;
  for (let c = 0; c < columns.length; c++) {
    const last = c === columns.length - 1;
    let end;
    if (columns[c].type.kind === 'ARRAY' && body[pos] === '[') {
      end = matchingBracket(body, pos) + 1;
    } else {
      end = last ? body.length : body.indexOf(', ', pos);
    }
    if (end < 0 || end > body.length) return null;
    fields.push(body.slice(pos, end));
    if (last) return end === body.length ? fields : null;
    if (body.slice(end, end + 2) !== ', ') return null;
    pos = end + 2;
  }
  return fields;
}

function matchingBracket(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

// A printed field in the form it is compared in (an ARRAY's elements must be scalars).
export function canonicalPrinted(text, type, digits) {
  if (text === 'null') return 'null';
  switch (type.kind) {
    case 'DOUBLE': return canonicalReal(Number(text), digits ?? DOUBLE_DIGITS);
    case 'FLOAT': return canonicalReal(Number(text), digits ?? FLOAT_DIGITS);
    case 'ARRAY': {
      const inner = text.slice(1, -1);
      if (inner === '') return '[]';
      return `[${inner.split(', ').map(e => canonicalPrinted(e, type.element, digits)).join(', ')}]`;
    }
    default: return text;
  }
}

// A real number as "d.ddddde+XX" with `digits` significant digits, rounded half to even from
// its exact binary value, as DuckDB's printf('%.*e') writes it; NaN, Infinity and -Infinity by
// name; 0 for both zeros.
function canonicalReal(x, digits) {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0';
  // Only a value whose shortest form has digits + 1 significant digits, the last a 5, can be an
  // exact tie; toExponential rounds every other value as printf does.
  const significant = String(Math.abs(x)).replace(/e.*$/, '').replace('.', '').replace(/^0+|0+$/g, '');
  if (significant.length !== digits + 1 || !significant.endsWith('5')) {
    return exponentForm(x.toExponential(digits - 1));
  }
  const { integer, exponent } = exactDecimal(Math.abs(x));  // |x| = integer * 10^exponent
  const all = integer.toString();
  let kept = all.slice(0, digits).padEnd(digits, '0');
  let scientific = all.length - 1 + exponent;
  const first = all[digits] ?? '0';
  const beyondHalf = /[1-9]/.test(all.slice(digits + 1));
  const roundsUp = first > '5' || (first === '5' && (beyondHalf || Number(kept[digits - 1]) % 2 === 1));
  if (roundsUp) {
    kept = (BigInt(kept) + 1n).toString();
    if (kept.length > digits) {
      kept = kept.slice(0, digits);
      scientific++;
    }
  }
  const mantissa = digits > 1 ? `${kept[0]}.${kept.slice(1)}` : kept;
  return exponentForm(`${x < 0 ? '-' : ''}${mantissa}e${scientific}`);
}

// "1.5e+2", "1.5e2" or "1.5e-2" as printf writes them: "1.5e+02", "1.5e-02".
function exponentForm(text) {
  return text.replace(/e([+-]?)(\d+)$/, (_, sign, value) => `e${sign === '-' ? '-' : '+'}${value.padStart(2, '0')}`);
}

// A positive finite double's exact value as integer * 10^exponent (2^-n = 5^n * 10^-n).
function exactDecimal(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  if (biased !== 0) mantissa |= 1n << 52n;
  const power = (biased === 0 ? 1 : biased) - 1075;  // x = mantissa * 2^power
  if (power >= 0) return { integer: mantissa << BigInt(power), exponent: 0 };
  return { integer: mantissa * 5n ** BigInt(-power), exponent: power };
}

// ---- the DuckDB side ----

// A DuckDB SQL expression giving the text Flink prints for `expr` in a column of `type` (NULL for
// NULL), or for DOUBLE and FLOAT the canonical form canonicalPrinted gives the printed text. A
// DECIMAL is cast to the column's type as Flink's INSERT casts it (HALF_UP, NULL when it does
// not fit); a TIMESTAMP shows all its nonzero fraction digits, at least the column's precision.
export function duckPrintExpression(type, expr, digits) {
  switch (type.kind) {
    case 'BOOLEAN': return `CASE WHEN ${expr} THEN 'TRUE' WHEN NOT ${expr} THEN 'FALSE' END`;
    case 'DECIMAL': return `CAST(TRY_CAST(${expr} AS DECIMAL(${type.precision}, ${type.scale})) AS VARCHAR)`;
    case 'DOUBLE': return duckCanonicalReal(`CAST(${expr} AS DOUBLE)`, digits ?? DOUBLE_DIGITS);
    case 'FLOAT': return duckCanonicalReal(`CAST(CAST(${expr} AS FLOAT) AS DOUBLE)`, digits ?? FLOAT_DIGITS);
    case 'DATE': return `CAST(CAST(${expr} AS DATE) AS VARCHAR)`;
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': {
      const fraction = `(strftime(CAST(${expr} AS TIMESTAMP), '%f') || '000')`;
      const shown = `greatest(${type.precision}, length(rtrim(${fraction}, '0')))`;
      return `strftime(CAST(${expr} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S') || ` +
        `CASE WHEN ${shown} = 0 THEN '' ELSE '.' || left(${fraction}, ${shown}) END`;
    }
    case 'ARRAY':
      return `'[' || array_to_string(list_transform(${expr}, element -> ` +
        `coalesce(${duckPrintExpression(type.element, 'element', digits)}, 'null')), ', ') || ']'`;
    default: return `CAST(${expr} AS VARCHAR)`;
  }
}

function duckCanonicalReal(value, digits) {
  return `CASE WHEN isnan(${value}) THEN 'NaN' WHEN isinf(${value}) AND ${value} > 0 THEN 'Infinity' ` +
    `WHEN isinf(${value}) THEN '-Infinity' WHEN ${value} = 0 THEN '0' ` +
    `ELSE printf('%.${digits - 1}e', ${value}) END`;
}

// Separators of the one text duckRowsQuery returns, which no test value holds.
export const ROW_SEPARATOR = '\x1e';
export const COUNT_SEPARATOR = '\x1f';

// The query giving the twin's result as one text: for each distinct row, its comparison key and
// its count (one value, as reading many values from DuckDB into JS is slow).
export function duckRowsQuery(twin, columns, digits) {
  const names = columns.map((_, i) => `c${i}`);
  const key = columns.map((c, i) => `coalesce(${duckPrintExpression(c.type, names[i], digits)}, 'null')`)
    .join(` || ', ' || `);
  return `SELECT string_agg(row_key || chr(31) || n, chr(30)) FROM (` +
    `SELECT ${key} AS row_key, count(*) AS n FROM (${twin}) AS twin(${names.join(', ')}) GROUP BY row_key)`;
}
