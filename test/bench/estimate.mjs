// Estimation figures for `npm run bench` (called by bench.mjs): capture histories of 10 million
// records, in a fresh process, timed around the call only (the records are made first).
import { spawnSync } from 'node:child_process';

const script = `
import { table } from 'arquero';
import { captureHistories } from 'ww2-yugoslavia-casualties/estimate';
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
const times = [];
for (let r = 0; r < RUNS; r++) {
  const start = process.hrtime.bigint();
  captureHistories(records, { lists });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((x, y) => x - y);
console.log(times[Math.floor(times.length / 2)]);
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
}
