// The deterministic test data: Nexmark-shaped person, auction and bid CSV files (~50k rows).
// Each file is in arrival order: event time plus a random delay below MAX_DISORDER_MS, so event
// times are out of order but never by more than the watermark delay. The same seed gives the
// same bytes on every machine.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_DISORDER_MS, NULL_LITERAL, TABLES, tablePath } from './tables.mjs';

const SEED = 0x5171ce;
const PERSONS = 3000;
const AUCTIONS = 6000;
const BIDS = 40000;
// Event times cover 36 hours across a month end, so dates, hours and days all vary.
const START_MS = Date.UTC(2026, 1, 28, 12, 0, 0);
const SPAN_MS = 36 * 3600 * 1000;

// sfc32 seeded through splitmix32: small, fast and identical on every platform.
function makeRandom(seed) {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  return {
    real: next,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),  // inclusive
    pick: list => list[Math.floor(next() * list.length)],
    chance: p => next() < p,
  };
}

const CHANNELS = ['apple', 'google', 'facebook', 'baidu', 'weibo', 'Apple', 'GOOGLE'];
const NOTES = [
  'fast shipping', 'Mixed Case Text', 'UPPER CASE', 'lower case', '  padded both  ', ' lead', 'trail ',
  'café crème', 'naïve Ünïcode', 'Ångström', '日本語のテキスト', 'emoji 🎉 party', 'x', '', 'a,b;c',
  'say "hi"', '42', ' -7 ', '3.75', 'item-123', 'Item_456', '100%', 'back\\slash',
];
const ITEMS = ['Lamp', 'chair', 'Desk LAMP', 'Teapot', 'vase', 'Guitar', 'piano stool', 'Crème Brûlée Set', 'Sofa'];
const FIRST = ['John', 'mary', 'Ana María', 'José', 'Zoë', 'Łukasz', 'Åsa', 'Wei', 'ALEX', 'Sam', "O'Brien", 'Chloé'];
const LAST = ['Smith', 'Jones', 'García', 'Müller', 'Nguyen', 'de la Cruz', 'Kowalski', 'SATO', 'Brown'];
const CITIES = ['Phoenix', 'San Francisco', 'Los Angeles', 'Boise', 'Portland', 'São Paulo', 'Zürich', 'Kent', 'new york'];
const STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'NY'];
const DOMAINS = ['mail.test', 'Example.ORG', 'nexmark.test'];

const personId = i => 1000 + i;
const auctionId = i => 1000 + i;

// Values are JS values per column; timestamps are epoch milliseconds, dates epoch days,
// decimals scaled integers; null is NULL.
function persons(random) {
  const rows = [];
  for (let i = 0; i < PERSONS; i++) {
    const first = random.pick(FIRST), last = random.pick(LAST);
    const card = Array.from({ length: 4 }, () => String(random.int(0, 9999)).padStart(4, '0')).join(' ');
    rows.push([
      personId(i), `${first} ${last}`,
      `${first.toLowerCase().replace(/[^a-z]/g, '')}.${i}@${random.pick(DOMAINS)}`,
      card, random.pick(CITIES), random.chance(0.07) ? null : random.pick(STATES),
      START_MS + random.int(0, SPAN_MS - 1), random.chance(0.9) ? '' : `p-extra-${i % 17}`,
    ]);
  }
  return rows;
}

function auctions(random) {
  const rows = [];
  for (let i = 0; i < AUCTIONS; i++) {
    const time = START_MS + random.int(0, SPAN_MS - 1);
    const initial = random.int(1, 500);
    rows.push([
      auctionId(i), `${random.pick(ITEMS)} ${i % 50}`, random.chance(0.1) ? null : `${random.pick(NOTES)} #${i}`,
      initial, initial + random.int(0, 2000), time, time + random.int(10, 6 * 3600) * 1000 + random.int(0, 999),
      personId(Math.floor(Math.pow(random.real(), 2) * PERSONS)), random.int(10, 15),
      random.chance(0.95) ? '' : `a-extra-${i % 11}`,
    ]);
  }
  return rows;
}

function bids(random) {
  const rows = [];
  for (let i = 0; i < BIDS; i++) {
    const time = START_MS + random.int(0, SPAN_MS - 1);
    const hot = random.chance(0.3);
    const auction = hot ? auctionId(random.int(0, 49)) : auctionId(random.int(0, AUCTIONS - 1));
    const channel = random.pick(CHANNELS);
    const price = 1 + Math.floor(Math.pow(random.real(), 3) * 100000);
    const rate = random.chance(0.1) ? null
      : random.chance(0.05) ? Number(`${random.int(1, 9)}.${random.int(0, 99)}E${random.pick(['-4', '-2', '5'])}`)
      : Math.round((random.real() * 6 - 2) * 10 ** random.int(0, 4)) / 10 ** random.int(0, 4);
    const dayMs = 86400 * 1000;
    rows.push([
      auction, personId(Math.floor(Math.pow(random.real(), 2) * PERSONS)), price, channel,
      `https://www.nexmark.com/${channel.toLowerCase()}/item.htm?query=${random.int(1, 999)}&channel_id=${random.int(0, 9)}`,
      time, random.chance(0.97) ? '' : `b-extra-${i % 7}`,
      random.chance(0.08) ? null : random.int(-20, 20),
      random.chance(0.1) ? null : random.int(-500, 99999),
      rate,
      random.chance(0.1) ? null : random.pick(NOTES),
      random.chance(0.05) ? null : Math.floor(time / dayMs) - random.int(0, 400),
      random.chance(0.15) ? null : random.chance(0.5),
    ]);
  }
  return rows;
}

// ---- CSV text ----

const pad = (n, width = 2) => String(n).padStart(width, '0');

// The fraction without trailing zeros, and none for a whole second: "12:00:00.5", "12:00:00".
function timestampText(ms) {
  const d = new Date(ms);
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const fraction = pad(d.getUTCMilliseconds(), 3).replace(/0+$/, '');
  return fraction ? `${text}.${fraction}` : text;
}

function dateText(days) {
  return timestampText(days * 86400 * 1000).slice(0, 10);
}

// Trailing fraction zeros are dropped from some values ("12.5", "12" for 12.50, 12.00).
function decimalText(unscaled, scale, variant) {
  const sign = unscaled < 0 ? '-' : '';
  const digits = String(Math.abs(unscaled)).padStart(scale + 1, '0');
  const text = `${sign}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return variant % 3 === 0 ? text.replace(/\.?0+$/, '') : text;
}

// Some doubles are written with an exponent ("1.25E-4", "3.5E2", "3.5e+2").
function doubleText(value, variant) {
  if (variant % 5 !== 0) return String(value);
  return variant % 2 === 0 ? value.toExponential().replace('e+', 'e').toUpperCase() : value.toExponential();
}

const BOOLEAN_TEXT = [['false', 'true'], ['FALSE', 'TRUE'], ['False', 'True']];

function quoted(text) {
  return `"${text.replaceAll('"', '""')}"`;
}

// One field as the csv format reads it back: strings are quoted when they must be (empty,
// delimiter, quote) and, to exercise quoting, every seventh string that need not be. Other
// values vary their spelling with the row and column.
function fieldText(value, type, row, column) {
  if (value === null) return type === 'STRING' ? NULL_LITERAL : '';
  const variant = row + column;
  if (type === 'STRING') {
    const mustQuote = value === '' || /[",\n]/.test(value);
    return mustQuote || variant % 7 === 0 ? quoted(value) : value;
  }
  if (type.startsWith('TIMESTAMP')) return timestampText(value);
  if (type === 'DATE') return dateText(value);
  if (type.startsWith('DECIMAL')) return decimalText(value, Number(/,\s*(\d+)/.exec(type)[1]), variant);
  if (type === 'DOUBLE') return doubleText(value, variant);
  if (type === 'BOOLEAN') return BOOLEAN_TEXT[variant % 3][value ? 1 : 0];
  return String(value);
}

function arrivalOrder(rows, timeIndex, random) {
  return rows
    .map(row => ({ row, arrival: row[timeIndex] + random.int(0, MAX_DISORDER_MS - 1) }))
    .sort((x, y) => x.arrival - y.arrival)
    .map(x => x.row);
}

function writeTable(dir, name, rows, random) {
  const { columns, time } = TABLES[name];
  const timeIndex = columns.findIndex(([column]) => column === time);
  const lines = arrivalOrder(rows, timeIndex, random).map((row, r) =>
    row.map((value, c) => fieldText(value, columns[c][1], r, c)).join(','));
  const text = part => part.join('\n') + '\n';
  const target = tablePath(dir, name);
  if (!TABLES[name].files) {
    fs.writeFileSync(target, text(lines));
    return lines.length;
  }
  fs.mkdirSync(target, { recursive: true });
  const per = Math.ceil(lines.length / TABLES[name].files);
  for (let f = 0; f < TABLES[name].files; f++) {
    fs.writeFileSync(path.join(target, `part-${f}.csv`), text(lines.slice(f * per, (f + 1) * per)));
  }
  return lines.length;
}

// Writes person.csv, auction.csv and bid.csv into `dir`; returns the row count per table.
export function generateData(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const random = makeRandom(SEED);
  return {
    person: writeTable(dir, 'person', persons(random), random),
    auction: writeTable(dir, 'auction', auctions(random), random),
    bid: writeTable(dir, 'bid', bids(random), random),
  };
}
