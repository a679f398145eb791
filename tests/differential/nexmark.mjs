#!/usr/bin/env node
// Nexmark correctness: every query of bench/nexmark/queries runs through `sqlc run` on a small
// Nexmark stream (200 000 events at 5 000 events/s, so 40 s of event time, from a fixed start),
// and its final rows must equal those of its batch twin in DuckDB (nexmark_twins.mjs) over the
// same events, exported to CSV by a first `sqlc run` of the same generator.
//
//   node tests/differential/nexmark.mjs --sqlc build/tools/sqlc/sqlc --udx LIBCOUNT_CHAR
//        [--only q5,q7] [--events N] [--jobs N] [--keep]
//
// Prints one line per query and mode, then 'N passed, M failed'; exits 1 on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { materializeDuck } from './changelog.mjs';
import { exitText, guarded, judgeRun, pool, runProcess, stderrTail } from './jobs.mjs';
import { TWINS, EXCLUDED } from './nexmark_twins.mjs';
import { parseColumns } from './print_values.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const QUERIES = path.join(HERE, '..', '..', 'bench', 'nexmark', 'queries');
const MODES = ['interpreted', 'compiled'];
// 2023-11-14 22:13:20 UTC: any fixed instant; it makes the export and the query runs generate
// the same timestamps.
const BASE_TIME_MS = 1_700_000_000_000;
const EVENTS_PER_SECOND = 5000;
const JOB_TIMEOUT_MS = 300_000;

function usage(message) {
  console.error(`${message}\nusage: node nexmark.mjs --sqlc PATH --udx LIBRARY [--only q1,q2] ` +
    '[--events N] [--jobs N] [--keep]');
  process.exit(2);
}

function parseArguments(argv) {
  const options = { sqlc: null, udx: null, only: null, events: 200_000, jobs: 2, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? usage(`${argv[i - 1]} needs a value`);
    switch (argv[i]) {
      case '--sqlc': options.sqlc = value(); break;
      case '--udx': options.udx = value(); break;
      case '--only': options.only = value().split(',').filter(Boolean); break;
      case '--events': options.events = Number(value()); break;
      case '--jobs': options.jobs = Math.max(1, Number(value()) || 1); break;
      case '--keep': options.keep = true; break;
      default: usage(`unknown argument ${argv[i]}`);
    }
  }
  if (!options.sqlc || !options.udx) usage('--sqlc and --udx are required');
  return options;
}

// ddl_gen.sql + ddl_views.sql + `tail`, with the suite's parameters filled in as
// `sqlc bench nexmark` fills them, and the generator's start fixed.
function nexmarkJob(events, flinkHome, tail) {
  const parameters = {
    NEXMARK_TABLE: 'datagen', TPS: String(EVENTS_PER_SECOND), EVENTS_NUM: String(events),
    PERSON_PROPORTION: '1', AUCTION_PROPORTION: '3', BID_PROPORTION: '46',
    FLINK_HOME: flinkHome, SUBMIT_TIME: '0',
  };
  const text = ['ddl_gen.sql', 'ddl_views.sql'].map(f => fs.readFileSync(path.join(QUERIES, f), 'utf8'))
    .join('\n') + '\n' + tail;
  const filled = text.replace(/\$\{(\w+)\}/g, (_, name) => {
    if (!(name in parameters)) throw new Error(`unknown parameter \${${name}}`);
    return parameters[name];
  });
  return filled.replace("'connector' = 'nexmark',",
    `'connector' = 'nexmark', 'sqlc.nexmark.base-time' = '${BASE_TIME_MS}',`);
}

const EXPORTS = {
  person: 'id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, ' +
    'state VARCHAR, `dateTime` TIMESTAMP(3), extra VARCHAR',
  auction: 'id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT, ' +
    '`dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR',
  bid: 'auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, ' +
    '`dateTime` TIMESTAMP(3), extra VARCHAR',
};

// The job writing the three views to CSV files, one folder each.
function exportJob(events, flinkHome, dataDir) {
  let tail = '';
  for (const [view, columns] of Object.entries(EXPORTS)) {
    tail += `CREATE TABLE ${view}_csv (${columns}) WITH ('connector' = 'filesystem', ` +
      `'path' = '${path.join(dataDir, view)}', 'format' = 'csv');\n`;
  }
  tail += 'EXECUTE STATEMENT SET BEGIN\n' +
    Object.keys(EXPORTS).map(v => `INSERT INTO ${v}_csv SELECT * FROM ${v};`).join('\n') + '\nEND;\n';
  return nexmarkJob(events, flinkHome, tail);
}

// DuckDB's copy of the exported events; `seq` is each row's place in its view's arrival order
// (the file's order), which Flink's TopN and deduplication use to break ties. The events hold no
// NULL, so an empty field is an empty string (DuckDB would read it as NULL).
function duckLoads(dataDir, flinkHome) {
  const duckType = t => t.replace(/VARCHAR/g, 'VARCHAR').replace(/TIMESTAMP\(3\)/g, 'TIMESTAMP');
  const statements = Object.entries(EXPORTS).map(([view, columns]) => {
    const spec = columns.split(', ').map(c => {
      const [name, ...type] = c.replace(/`/g, '').split(' ');
      return `'${name}': '${duckType(type.join(' '))}'`;
    }).join(', ');
    return `CREATE TABLE ${view} AS SELECT *, row_number() OVER () AS seq FROM read_csv(` +
      `'${path.join(dataDir, view)}/*.csv', header = false, auto_detect = false, delim = ',', ` +
      `quote = '"', escape = '"', nullstr = '\\N', columns = {${spec}})`;
  });
  statements.push(`CREATE TABLE side_input AS SELECT * FROM read_csv('${flinkHome}/data/side_input.txt', ` +
    `header = false, auto_detect = false, columns = {'key': 'BIGINT', 'value': 'VARCHAR'})`);
  return statements;
}

// The columns of the query's sink (the table it inserts into), from its CREATE TABLE.
function sinkColumns(queryText) {
  const text = queryText.replace(/--.*$/gm, '');
  const sink = /INSERT INTO (\w+)/i.exec(text);
  if (!sink) throw new Error('no INSERT INTO in the query');
  const m = new RegExp(`CREATE TABLE ${sink[1]}\\s*\\(([\\s\\S]*?)\\)\\s*(?:PARTITIONED BY \\([^)]*\\)\\s*)?WITH`, 'i')
    .exec(text);
  if (!m) throw new Error(`no CREATE TABLE ${sink[1]} in the query`);
  return parseColumns(m[1]);
}

// The suite's sinks are blackholes, which take upserts without their -U rows; a print sink
// takes every kind, so the printed changelog applies without knowing the upsert keys.
const withPrintSinks = queryText =>
  queryText.replace(/'connector'\s*=\s*'blackhole'/g, "'connector' = 'print'");

function writeSideInput(flinkHome) {
  fs.mkdirSync(path.join(flinkHome, 'data', 'output'), { recursive: true });
  const lines = [];
  for (let key = 0; key < 10000; key++) lines.push(`${key},${key}`);
  fs.writeFileSync(path.join(flinkHome, 'data', 'side_input.txt'), lines.join('\n') + '\n');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const started = Date.now();
  let DuckDBInstance;
  try {
    ({ DuckDBInstance } = await import('@duckdb/node-api'));
  } catch {
    console.log('FAIL setup: DuckDB is not installed: run scripts/install-dependencies.sh');
    process.exit(1);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-nexmark-'));
  const flinkHome = path.join(work, 'home');
  const dataDir = path.join(work, 'events');
  writeSideInput(flinkHome);

  const exportFile = path.join(work, 'export.sql');
  fs.writeFileSync(exportFile, exportJob(options.events, flinkHome, dataDir));
  const exported = await runProcess(options.sqlc, ['run', exportFile], JOB_TIMEOUT_MS);
  if (exported.code !== 0) {
    console.log(`FAIL setup: exporting the events: ${exitText(exported)}\n${stderrTail(exported.stderr)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  for (const statement of duckLoads(dataDir, flinkHome)) await duck.run(statement);
  const counts = {};
  for (const view of Object.keys(EXPORTS)) {
    counts[view] = Number((await duck.runAndReadAll(`SELECT count(*) FROM ${view}`)).getRows()[0][0]);
  }
  console.log(`events: ${Object.entries(counts).map(([v, n]) => `${v} ${n}`).join(', ')} in ${dataDir}`);

  const schedule = pool(options.jobs);
  const results = [];
  for (const [query, twin] of Object.entries(TWINS)) {
    if (options.only && !options.only.includes(query)) continue;
    const queryText = fs.readFileSync(path.join(QUERIES, `${query}.sql`), 'utf8');
    const file = path.join(work, `${query}.sql`);
    fs.writeFileSync(file, nexmarkJob(options.events, flinkHome, withPrintSinks(queryText)));
    const entry = { name: query, digits: twin.digits };
    let want, twinError;
    try {
      entry.columns = sinkColumns(queryText);
      want = await materializeDuck(duck, twin.duck, entry.columns, entry.digits);
      if (want.size === 0) twinError = 'the DuckDB twin returns no rows: the query checks nothing';
    } catch (error) {
      twinError = `DuckDB twin: ${error.message.split('\n')[0]}`;
    }
    for (const mode of MODES) {
      const label = `${query} [${mode}]`;
      if (twinError) {
        results.push({ label, promise: Promise.resolve({ ok: false, detail: twinError }) });
        continue;
      }
      const settings = Object.entries(twin.settings ?? {}).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
      const args = ['run', '--udx', options.udx, '--local', '--set', `sqlc.jit.mode=${mode}`, ...settings, file];
      const run = schedule(() => runProcess(options.sqlc, args, JOB_TIMEOUT_MS));
      results.push({ label, promise: guarded(run.then(p => judgeRun(entry, want, p))) });
    }
  }
  let passed = 0, failed = 0;
  for (const { label, promise } of results) {
    const result = await promise;
    console.log(`${result.ok ? 'PASS' : 'FAIL'} ${label}: ${result.detail}`);
    if (result.more) console.log(result.more);
    if (result.ok) passed++; else failed++;
  }
  for (const [query, reason] of Object.entries(EXCLUDED)) {
    if (!options.only || options.only.includes(query)) console.log(`SKIP ${query}: ${reason}`);
  }
  console.log(`${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (failed === 0 && !options.keep) {
    fs.rmSync(work, { recursive: true, force: true });
  } else {
    console.log(`kept ${work}`);
  }
  process.exit(failed === 0 ? 0 : 1);
}

main().catch(error => {
  console.log(`FAIL setup: ${error.stack ?? error}`);
  process.exit(1);
});
