// Budgets (issue 26): every hostile input that crashed Node (out of memory), hung for minutes or
// overflowed the stack on the main branch now ends within its budget with the package's error,
// naming the budget. Each runs in its own Node limited to 512 MB of heap, as a user's might be,
// on the built package (dist/), with a timeout so that a regression cannot hang the suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareChart, spreadChart, totalsChart } from '../../src/charts/index.js';
import { InvalidTableError } from '../../src/index.js';
import { manyFigures } from './rows.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = (entry: string) => JSON.stringify(join(root, 'dist', `${entry}.js`));

/**
 * Runs `body` (an async function body that makes one call) in a child Node with a 512 MB heap;
 * what it threw: its class, whether it is the package's error, its message.
 */
function hostile(body: string): { name: string; ours: boolean; message: string } {
  const script = `
    const { CasualtiesError } = await import(${dist('index')});
    const aq = await import('arquero');
    try {
      await (async () => { ${body} })();
      console.log(JSON.stringify({ name: 'none', ours: false, message: 'nothing was thrown' }));
    } catch (e) {
      console.log(JSON.stringify({ name: e?.name, ours: e instanceof CasualtiesError, message: String(e?.message) }));
    }`;
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=512', '--input-type=module', '-e', script],
    { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 20 },
  );
  if (r.status !== 0 || !r.stdout)
    throw new Error(`the child ended with ${r.status ?? r.signal}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout) as { name: string; ours: boolean; message: string };
}

const refusedBy = (body: string, budget: RegExp) => {
  const r = hostile(body);
  expect(r.ours, r.message).toBe(true);
  expect(r.message).toMatch(budget);
  return r;
};

describe('input budgets', () => {
  test("fromCSV(','.repeat(1e8)): the header's width (it ran out of memory)", () => {
    const { message } = refusedBy(
      `const { fromCSV } = await import(${dist('index')}); fromCSV(','.repeat(1e8));`,
      /the budget maxColumns/,
    );
    expect(message).toMatch(/^fromCSV: the header of the text has more than 1000000 columns/);
  });
});

describe('chart budgets', () => {
  test('more than 20,000 rows are refused before a chart is built (300,000 took over 150 s; 10,000 take 0.6 s)', () => {
    const t = manyFigures(20_001);
    const message =
      'The table has 20001 rows; expected at most 20000 (the budget maxChartRows of a chart, ' +
      'checked before it is built): filter or roll the table up first.';
    expect(() => totalsChart(t)).toThrow(InvalidTableError);
    expect(() => totalsChart(t)).toThrow(message);
    expect(() => compareChart(t, { by: 'region' })).toThrow(message);
    expect(() => spreadChart(t, { by: 'region' })).toThrow(message);
  });
});

describe('render budgets', () => {
  const render = `const { toSVG, toPDF } = await import(${dist('render')});`;
  test('a 100-byte spec asking for a sequence of 1e8 rows (it ran out of memory)', () => {
    refusedBy(`${render} await toSVG({ data: { sequence: { start: 0, stop: 1e8 } } });`, /./);
    refusedBy(
      `${render} await toSVG({ data: { sequence: { start: 0, stop: 1e8 } }, mark: 'point' });`,
      /^toSVG: the spec asks a sequence of data for 100000000 rows; expected at most 100000 rows \(the budget maxSequenceRows\)/,
    );
    refusedBy(
      `${render} await toPDF({ data: { sequence: { start: 0, stop: 1e8 } }, mark: 'point' });`,
      /^toPDF: .*maxSequenceRows/,
    );
  });

  test("pad('x', 6e8) and sequence(0, 3e8) in expressions (they ran for minutes)", () => {
    const spec = (expr: string) =>
      JSON.stringify({
        data: { values: [{ a: 1 }] },
        transform: [{ calculate: expr, as: 's' }],
        mark: 'text',
        encoding: { text: { field: 's' } },
      });
    refusedBy(
      `${render} await toSVG(${spec("pad('x', 6e8)")});`,
      /^toSVG: the spec pads a string to 600000000 characters; expected a number of at most 10000 \(the budget maxPadLength\)/,
    );
    refusedBy(`${render} await toSVG(${spec('pad("x", datum.a)')});`, /maxPadLength/);
    refusedBy(
      `${render} await toPDF(${spec('length(sequence(0, 3e8))')});`,
      /^toPDF: the spec asks a sequence\(\) in an expression for 300000000 rows.*maxSequenceRows/,
    );
    refusedBy(
      `${render} await toSVG(${spec("length(utcSequence('millisecond', 0, 1e12))")});`,
      /maxSequenceRows/,
    );
  });
});

describe('estimation budgets', () => {
  const est = `const m = await import(${dist('estimate')});`;
  test('estimate on a 7-row count table summing to 20 million ends (BMA ran past a minute)', () => {
    // BMA's bounded grid (issue 28) makes this quick; here: it ends in the 512 MB child, throwing
    // nothing but the package's error
    const r = hostile(
      `${est} m.estimate(aq.table({ a: [1,1,1,1,0,0,0], b: [1,1,0,0,1,1,0], c: [1,0,1,0,1,0,1],
        count: [2e6, 3e6, 3e6, 3e6, 3e6, 3e6, 3e6] }), { lists: ['a', 'b', 'c'] });`,
    );
    expect(r.name === 'none' || r.ours, r.message).toBe(true);
  });

  test("selectModels({ search: 'exhaustive' }) on 6 lists: 7.8 million models (it hung)", () => {
    const lists = ['a', 'b', 'c', 'd', 'e', 'f'];
    refusedBy(
      `${est} const cols = {}; for (const [i, l] of ${JSON.stringify(lists)}.entries())
        cols[l] = Array.from({ length: 64 }, (_, p) => (p >> i) & 1);
        cols.count = Array.from({ length: 64 }, (_, p) => (p ? 5 : 0));
        m.selectModels(aq.table(cols), { lists: ${JSON.stringify(lists)}, search: 'exhaustive' });`,
      /^selectModels: the number of hierarchical models of 6 lists up to order 5 is 'more than 10000'; expected at most 10000 \(the budget estimateBudgets\.models/,
    );
  });

  test('loglinear on 24 lists and selectModels on 14 (one hung, one overflowed the stack)', () => {
    for (const [fn, n] of [
      ['loglinear', 24],
      ['selectModels', 14],
    ] as const) {
      const lists = Array.from({ length: n }, (_, i) => `l${i}`);
      refusedBy(
        `${est} const cols = {}; for (const l of ${JSON.stringify(lists)}) cols[l] = [1, 0];
          m.${fn}(aq.table(cols), { lists: ${JSON.stringify(lists)} });`,
        new RegExp(
          `^${fn}: the number of lists is ${n}; expected at most 10 \\(the budget estimateBudgets\\.lists`,
        ),
      );
    }
  });

  test('999,999,999 bootstrap replicates (it hung)', () => {
    const table = `aq.table({ a: [1,1,0], b: [1,0,1], c: [0,1,1], count: [50, 30, 20] })`;
    refusedBy(
      `${est} m.bootstrapSelection(${table}, { lists: ['a','b','c'], replicates: 999999999 });`,
      /^bootstrapSelection: option replicates is 999999999; expected at most 10000 \(the budget estimateBudgets\.replicates/,
    );
    refusedBy(
      `${est} m.estimate(${table}, { lists: ['a','b','c'], bootstrap: 999999999 });`,
      /^estimate: option bootstrap is 999999999; expected at most 10000/,
    );
  });
});

describe('the command line: one line and exit 1 for every bad input', () => {
  const bin = join(root, 'dist', 'cli.js');
  const cli = (args: string[], stdout: 'pipe' | number = 'pipe') =>
    spawnSync(process.execPath, ['--max-old-space-size=512', bin, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', stdout, 'pipe'],
    });
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-budget-'));

  test('estimate on /dev/zero: one line, exit 1 (it ran out of memory)', () => {
    const r = cli(['estimate', '/dev/zero', '--lists', 'a,b']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "ww2-yugoslavia-casualties estimate: cannot read '/dev/zero' (not a file)\n" +
        'give the path of a CSV file\n',
    );
  });

  test('estimate empty.csv, --bootstrap 999999999 (exit 2 "Cannot read properties", a hang)', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = cli(['estimate', empty, '--lists', 'a,b']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^ww2-yugoslavia-casualties estimate: streamHistories: the CSV is empty; expected a header row naming the list columns\.\n[^\n]+\n$/,
    );
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'a,b,c,count\n1,1,0,50\n1,0,1,30\n0,1,1,20\n');
    const boot = cli(['estimate', small, '--lists', 'a,b,c', '--bootstrap', '999999999']);
    expect(boot.status).toBe(1);
    expect(boot.stderr).toMatch(/option bootstrap is 999999999; expected at most 10000/);
    expect(boot.stderr.split('\n')).toHaveLength(3); // one line, a hint, the final newline
  });

  test('list > /dev/full: one line, exit 1 (it printed a stack trace)', async () => {
    const { openSync, closeSync } = await import('node:fs');
    const full = openSync('/dev/full', 'w');
    try {
      const r = cli(['list'], full);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        'ww2-yugoslavia-casualties list: cannot write the output (ENOSPC: no space left on ' +
          'device, write)\nwrite it to a file on a disk with room\n',
      );
    } finally {
      closeSync(full);
    }
  });
});
