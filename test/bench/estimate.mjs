// Estimation figures for `npm run bench` (called by bench.mjs): capture histories of 10 million
// records, and estimate()'s default path on them (every log-linear model with profile intervals,
// heterogeneity, Chao, Bayesian model averaging), each in a fresh process, timed around the call
// only (the records are made first); the second also reports the process's peak memory.
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const records = `
import { table } from 'arquero';
import { captureHistories, estimate } from 'ww2-yugoslavia-casualties/estimate';
const rows = 10_000_000;
let seed = 15;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const lists = ['a', 'b', 'c', 'd'];
const columns = Object.fromEntries(lists.map((l) => [l, new Uint8Array(rows)]));
for (let i = 0; i < rows; i++) {
  let any = 0;
  for (const l of lists) any |= columns[l][i] = random() < 0.3 ? 1 : 0;
  if (!any) columns.a[i] = 1;
}
const records = table(columns);
`;

const script = `${records}
const times = [];
for (let r = 0; r < RUNS; r++) {
  const start = process.hrtime.bigint();
  captureHistories(records, { lists });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((x, y) => x - y);
console.log(times[Math.floor(times.length / 2)]);
`;

const estimateScript = `${records}
const rss = process.memoryUsage().rss;
const start = process.hrtime.bigint();
estimate(records, { lists });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// Peak resident memory of the whole process (KB → MB), and what the records alone took.
console.log(JSON.stringify({ ms, peak: process.resourceUsage().maxRSS / 1024, before: rss / 2 ** 20 }));
`;

/** Adds the estimation figures to the benchmark rows. */
export function benchEstimate(report, { root, runs }) {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script.replace('RUNS', String(Math.min(runs, 5)))],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`estimation benchmark failed:\n${r.stderr}`);
  const ms = Number(r.stdout.trim());
  report(
    'captureHistories: 10 million records, 4 lists',
    `${ms.toFixed(0)} ms`,
    '< 2000 ms',
    ms < 2000,
  );
  const e = spawnSync(process.execPath, ['--input-type=module', '-e', estimateScript], {
    cwd: root,
    encoding: 'utf8',
  });
  if (e.status !== 0) throw new Error(`estimate() benchmark failed:\n${e.stderr}`);
  const { ms: estimateMs, peak, before } = JSON.parse(e.stdout.trim());
  report(
    'estimate(): 10 million records, 4 lists, default path',
    `${(estimateMs / 1000).toFixed(1)} s`,
    '< 10 s',
    estimateMs < 10_000,
    'one run',
  );
  report(
    '  the same, peak memory of the process',
    `${peak.toFixed(0)} MB`,
    '< 500 MB',
    peak < 500,
    `records made first: ${before.toFixed(0)} MB`,
  );
}

// Record files counted as streams: `streamHistories` on a CSV of 1e7 and 1e8 records (about 0.16
// and 1.7 GB, written once by a generator) in a fresh process with its peak memory (maxRSS),
// beside DuckDB's query (`captureHistoriesSQL`) on the same file, once on one thread and once on
// every core. BENCH_RECORDS=1e7 leaves out the 1e8 file (its writing takes a minute or more).
const generator = `
import { createWriteStream } from 'node:fs';
const out = createWriteStream(process.argv[1]);
const n = Number(process.argv[2]);
let seed = 33;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
out.write('id,a,b,c,d\\n');
let lines = [];
for (let i = 0; i < n; i++) {
  let p = 0;
  while (p === 0)
    p = (random() < 0.3 ? 1 : 0) | (random() < 0.5 ? 2 : 0) | (random() < 0.2 ? 4 : 0) | (random() < 0.4 ? 8 : 0);
  lines.push(i + ',' + (p & 1) + ',' + ((p >> 1) & 1) + ',' + ((p >> 2) & 1) + ',' + ((p >> 3) & 1));
  if (lines.length === 100000 || i === n - 1) {
    if (!out.write(lines.join('\\n') + '\\n')) await new Promise((r) => out.once('drain', r));
    lines = [];
  }
}
out.end();
`;

const streamer = `
import { createReadStream } from 'node:fs';
import { streamHistories } from 'ww2-yugoslavia-casualties/estimate';
const start = process.hrtime.bigint();
const h = await streamHistories(createReadStream(process.argv[1], { highWaterMark: 1 << 20 }), {
  lists: ['a', 'b', 'c', 'd'],
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, counts: Array.from(h.array('count')) }));
`;

const duckdb = `
import { DuckDBInstance } from '@duckdb/node-api';
import { captureHistoriesSQL } from 'ww2-yugoslavia-casualties/estimate';
const start = process.hrtime.bigint();
const instance = await DuckDBInstance.create(':memory:', THREADS);
const connection = await instance.connect();
const sql = captureHistoriesSQL(['a', 'b', 'c', 'd'], { from: "read_csv('" + process.argv[1] + "')" });
const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const counts = new Array(16).fill(0);
for (const r of rows) counts[Number(r.a) + 2 * Number(r.b) + 4 * Number(r.c) + 8 * Number(r.d)] = Number(r.count);
console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024, counts: counts.slice(1) }));
`;

/** Runs a module script with `arg` in a fresh process; its JSON line. */
function node(code, arg, root) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, arg], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`benchmark script failed:\n${r.stderr}`);
  return r.stdout.trim() ? JSON.parse(r.stdout.trim()) : null;
}

/** Adds the record-file counting figures to the benchmark rows. */
export function benchRecordFiles(report, { root, dir }) {
  const sizes = process.env.BENCH_RECORDS === '1e7' ? [1e7] : [1e7, 1e8];
  const GB = (x) => `${(x / 1e9).toFixed(2)} GB`;
  const s = (x) => `${(x / 1000).toFixed(1)} s`;
  for (const n of sizes) {
    const file = join(dir, `records-${n}.csv`);
    const made = spawnSync(process.execPath, [
      '--input-type=module',
      '-e',
      generator,
      file,
      String(n),
    ]);
    if (made.status !== 0) throw new Error(`writing ${file} failed:\n${made.stderr}`);
    const bytes = statSync(file).size;
    const ours = node(streamer, file, root);
    const one = node(duckdb.replace('THREADS', "{ threads: '1' }"), file, root);
    const all = node(duckdb.replace('THREADS', '{}'), file, root);
    rmSync(file);
    const same =
      JSON.stringify(ours.counts) === JSON.stringify(one.counts) &&
      JSON.stringify(one.counts) === JSON.stringify(all.counts);
    if (!same) throw new Error(`streamHistories and DuckDB counted ${file} differently`);
    const label = `${n === 1e7 ? '10' : '100'} million records (${GB(bytes)} CSV)`;
    if (n === 1e8) report(`streamHistories: ${label}`, s(ours.ms), '< 60 s', ours.ms < 60_000);
    else report(`streamHistories: ${label}`, s(ours.ms), '–', true, 'no target');
    report('  its peak memory (maxRSS)', GB(ours.rss), '< 1 GB', ours.rss < 1e9);
    report(
      '  DuckDB, the same query: one thread / every core',
      `${s(one.ms)} / ${s(all.ms)}`,
      '–',
      true,
      `no target; ${(ours.ms / one.ms).toFixed(2)}× one thread, peak ${GB(one.rss)} / ${GB(all.rss)}`,
    );
  }
}
