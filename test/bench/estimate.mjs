// Estimation figures for `npm run bench` (called by bench.mjs): capture histories of 10 million
// records, and estimate()'s default path on them (every log-linear model with profile intervals,
// heterogeneity, Chao, Bayesian model averaging), each in a fresh process, timed around the call
// only (the records are made first); the second also reports the process's peak memory.
import { spawnSync } from 'node:child_process';

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
