#!/usr/bin/env node
// Sluice's differential tests: every case's Flink SQL job runs through `sqlc run`, its batch twin
// through DuckDB, on the same generated data; the print sink's final changelog must equal DuckDB's
// rows as a multiset. Refusal cases must fail `sqlc check` with a file:line:col error.
//
//   node tests/differential/run.mjs --sqlc build/tools/sqlc/sqlc [--only TEXT,TEXT] [--jobs N] [--keep]
//
// Prints one line per case and run, then 'N passed, M failed'; exits 1 on any failure.
// See README.md for the case format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { materializeDuck } from './changelog.mjs';
import { exitText, guarded, judgeRun, pool, runProcess, stderrTail } from './jobs.mjs';
import { generateData } from './generate_data.mjs';
import { parseColumns } from './print_values.mjs';
import { duckSetup, flinkSourceDdl } from './tables.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MODES = ['interpreted', 'compiled'];

function usage(message) {
  console.error(`${message}\nusage: node run.mjs --sqlc PATH [--only TEXT,TEXT] [--jobs N] [--keep]`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = {
    sqlc: process.env.SQLC, only: null, jobs: Math.min(2, os.availableParallelism()), keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? usage(`${argv[i - 1]} needs a value`);
    switch (argv[i]) {
      case '--sqlc': options.sqlc = value(); break;
      case '--only': options.only = value().split(',').filter(Boolean); break;
      case '--jobs': options.jobs = Math.max(1, Number(value()) || 1); break;
      case '--keep': options.keep = true; break;
      default: usage(`unknown argument ${argv[i]}`);
    }
  }
  if (!options.sqlc) usage('--sqlc is required');
  return options;
}

async function loadDuckDB() {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.log(`FAIL setup: DuckDB is not installed in ${path.join(HERE, 'node_modules')}: ` +
      'run scripts/install-dependencies.sh (it runs npm install --prefix tests/differential)');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// Every cases/*.mjs in name order; a case's name is prefixed with its file's ("stateless/...").
async function loadCases(only) {
  const dir = path.join(HERE, 'cases');
  const cases = [], refusals = [];
  const names = new Set();
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.mjs')).sort()) {
    const group = path.basename(file, '.mjs');
    const module = await import(pathToFileURL(path.join(dir, file)).href);
    const add = (list, entry, required) => {
      const name = `${group}/${entry.name}`;
      for (const key of required) {
        if (entry[key] === undefined) throw new Error(`case ${name} has no '${key}'`);
      }
      if (names.has(name)) throw new Error(`two cases are named ${name}`);
      names.add(name);
      if (!only || only.some(text => name.includes(text))) list.push({ ...entry, name, group });
    };
    for (const c of module.cases ?? []) add(cases, c, ['name', 'sink', 'flink', 'duck']);
    for (const r of module.refusals ?? []) add(refusals, r, ['name', 'flink', 'error', 'at']);
  }
  return { cases, refusals };
}

// The job file: the source tables, the print sink `sink` (when the case has one), the body.
function jobText(dataDir, entry) {
  const prelude = flinkSourceDdl(dataDir) +
    (entry.sink ? `\nCREATE TABLE sink (${entry.sink}) WITH ('connector' = 'print');\n` : '') + '\n';
  return { text: prelude + entry.flink.trim() + '\n', bodyLine: prelude.split('\n').length };
}

function judgeRefusal(entry, file, bodyLine, p) {
  const text = (p.stderr + p.stdout).split(file).join('job.sql').trim();
  if (p.code === 0) return { ok: false, detail: 'sqlc check accepted the job' };
  if (p.code === null || p.code >= 128) return { ok: false, detail: exitText(p), more: stderrTail(text) };
  const [line, column] = entry.at;
  const where = `job.sql:${bodyLine + line - 1}:${column}: error: `;
  const located = text.split('\n').find(l => l.startsWith(where));
  if (!located) {
    return { ok: false, detail: `no error at ${where.slice(0, -9)} (body ${line}:${column})`, more: stderrTail(text) };
  }
  if (!entry.error.test(located)) {
    return { ok: false, detail: `message does not match ${entry.error}`, more: stderrTail(text) };
  }
  return { ok: true, detail: located.slice(where.length - 7) };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const started = Date.now();
  const { DuckDBInstance } = await loadDuckDB();
  if (!fs.existsSync(options.sqlc)) usage(`no sqlc binary at ${options.sqlc}`);
  const { cases, refusals } = await loadCases(options.only);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-differential-'));
  const dataDir = path.join(work, 'data');
  const counts = generateData(dataDir);
  console.log(`data: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')} rows in ${dataDir}`);

  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  for (const statement of duckSetup(dataDir)) await duck.run(statement);

  const schedule = pool(options.jobs);
  const results = [];  // { label, promise of { ok, detail, more } }, printed in this order
  let duckSeconds = 0;
  for (const entry of cases) {
    let want, twinError;
    try {
      entry.columns = parseColumns(entry.sink);
      const twinStarted = Date.now();
      want = await materializeDuck(duck, entry.duck, entry.columns, entry.digits);
      duckSeconds += (Date.now() - twinStarted) / 1000;
      if (want.size === 0) twinError = 'the DuckDB twin returns no rows: the case checks nothing';
    } catch (error) {
      twinError = `DuckDB twin: ${error.message.split('\n')[0]}`;
    }
    const file = path.join(work, entry.group, `${path.basename(entry.name)}.sql`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, jobText(dataDir, entry).text);
    const parallelisms = entry.parallel ? [1, 4] : [1];
    for (const parallelism of parallelisms) {
      for (const mode of MODES) {
        const label = `${entry.name} [${mode}, p${parallelism}]`;
        if (twinError) {
          results.push({ label, promise: Promise.resolve({ ok: false, detail: twinError }) });
          continue;
        }
        const args = ['run', '--set', `sqlc.jit.mode=${mode}`, '--set', `parallelism.default=${parallelism}`, file];
        const run = schedule(() => runProcess(options.sqlc, args));
        results.push({ label, promise: guarded(run.then(p => judgeRun(entry, want, p))) });
      }
    }
  }
  for (const entry of refusals) {
    // a neutral file name, so that the case's own name cannot satisfy the expected message
    const file = path.join(work, 'refusals', path.basename(entry.name), 'job.sql');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { text, bodyLine } = jobText(dataDir, entry);
    fs.writeFileSync(file, text);
    const check = schedule(() => runProcess(options.sqlc, ['check', file]));
    results.push({ label: `${entry.name} [check]`, promise: guarded(check.then(p => judgeRefusal(entry, file, bodyLine, p))) });
  }

  let passed = 0, failed = 0;
  for (const { label, promise } of results) {
    const { ok, detail, more } = await promise;
    if (ok) passed++; else failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${label}: ${detail}`);
    if (more) console.log(more);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failed || options.keep) {
    console.log(`job files kept in ${work} (sqlc run FILE.sql to reproduce)`);
  } else {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`differential: ${cases.length} cases, ${refusals.length} refusals, ${seconds} s ` +
    `(DuckDB ${duckSeconds.toFixed(1)} s, ${options.jobs} jobs at a time)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

await main();
