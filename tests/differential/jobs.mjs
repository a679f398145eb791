// Running `sqlc` jobs for the differential suites and judging their printed changelogs against a
// DuckDB twin's rows (run.mjs, nexmark.mjs).
import { spawn } from 'node:child_process';
import { materializePrinted, multisetDifference, rowCount } from './changelog.mjs';

export const JOB_TIMEOUT_MS = 120_000;
const STDERR_TAIL_LINES = 8;
const SHOWN_ROWS = 3;

export function runProcess(command, args, timeoutMs = JOB_TIMEOUT_MS) {
  return new Promise(resolve => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [], err = [];
    child.stdout.on('data', chunk => out.push(chunk));
    child.stderr.on('data', chunk => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      resolve({
        code, signal, spawnError,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        seconds: Number(process.hrtime.bigint() - started) / 1e9, timeoutMs,
      });
    };
    child.on('error', error => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal, null));
  });
}

// Runs the thunks at most `limit` at a time; the promises resolve in any order.
export function pool(limit) {
  let running = 0;
  const waiting = [];
  const next = () => {
    if (running >= limit || waiting.length === 0) return;
    running++;
    const { thunk, resolve } = waiting.shift();
    thunk().then(resolve).finally(() => { running--; next(); });
  };
  return thunk => new Promise(resolve => { waiting.push({ thunk, resolve }); next(); });
}

// The end of a failed job's stderr, without the per-operator statistics table.
const STATISTICS_LINE = /^(\S.* — (finished|failed) in [\d.]+ s|  node operator .*|  \d+ .*)$/;
export const stderrTail = text => text.trim().split('\n').filter(l => !STATISTICS_LINE.test(l))
  .slice(-STDERR_TAIL_LINES).map(l => `    | ${l}`).join('\n');
export function exitText(p) {
  if (p.spawnError) return `cannot start: ${p.spawnError.message}`;
  if (p.signal) return `killed by ${p.signal}${p.seconds * 1000 >= p.timeoutMs ? ' (timeout)' : ''}`;
  return `exit ${p.code}`;
}
// A judgement that throws is a failure of its own case, not of the run.
export const guarded = judgement =>
  judgement.catch(error => ({ ok: false, detail: `runner error: ${error.stack ?? error}` }));
const sample = list => list.slice(0, SHOWN_ROWS).join(' ; ') + (list.length > SHOWN_ROWS ? ' ; ...' : '');

export function judgeRun(entry, want, p) {
  const secs = `${p.seconds.toFixed(2)} s`;
  if (p.code !== 0) {
    return { ok: false, detail: `${exitText(p)} after ${secs}`, more: stderrTail(p.stderr) };
  }
  const got = materializePrinted(p.stdout, entry.columns, entry.digits);
  const { missing, extra } = multisetDifference(want, got.rows);
  if (missing.length === 0 && extra.length === 0 && got.problems.length === 0) {
    return { ok: true, detail: `${rowCount(want)} rows, ${got.changes} changes, ${secs}` };
  }
  const lines = [`want ${rowCount(want)} rows, got ${rowCount(got.rows)} (${got.changes} changes), ${secs}`];
  if (missing.length) lines.push(`    missing ${missing.length}: ${sample(missing)}`);
  if (extra.length) lines.push(`    extra ${extra.length}: ${sample(extra)}`);
  if (got.problems.length) lines.push(`    ${sample(got.problems)}`);
  return { ok: false, detail: lines[0], more: lines.slice(1).join('\n') };
}

