// The estimate command, run as a user runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'ww2yc-estimate-'));

/** Seber (1982, p. 107) as records: 167 people on both lists, 781 on the first only, 254 on the second only. */
const seber = join(dir, 'seber.csv');
writeFileSync(
  seber,
  [
    'first,second',
    ...Array(167).fill('1,1'),
    ...Array(781).fill('1,0'),
    ...Array(254).fill('0,1'),
  ].join('\n'),
);
/** Cormack, Chang & Smith (2000), Table 3b, as a count table (n = count). */
const cormack = join(dir, 'cormack.csv');
writeFileSync(
  cormack,
  'a,b,c,n\n1,1,1,72\n1,1,0,5\n1,0,1,29\n1,0,0,54\n0,1,1,24\n0,1,0,3\n0,0,1,14\n',
);

describe('ww2-yugoslavia-casualties estimate', () => {
  test('estimate <records.csv> --lists a,b prints Lincoln–Petersen and Chapman', () => {
    const r = run('estimate', seber, '--lists', 'first,second');
    expect(r.code).toBe(0);
    // 948 · 421 / 167 = 2389.87 → 2,390; 949 · 422 / 168 − 1 = 2382.85 → 2,383
    expect(r.out).toMatch(/Lincoln–Petersen\s+independence of the two lists\s+2,390/);
    expect(r.out).toMatch(/Chapman\s+independence of the two lists\s+2,383/);
  }, 60_000);

  test('--count reads a count table; --summary --format csv gives the one derived row', () => {
    const r = run(
      'estimate',
      cormack,
      '--lists',
      'a,b,c',
      '--count',
      'n',
      '--summary',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    const [header, row] = r.out.trim().split('\n');
    expect(header).toBe('source,measure,unit,value,low,high,qualifier,label,note');
    // The summary carries the choice of model: Bayesian model averaging over the 8 decomposable
    // models (posterior median 222, 210–256; issue 28), not the top model b:c alone.
    expect(row).toMatch(
      /^estimate,victims,persons,222,210,256,derived,Bayesian model averaging: 8 decomposable models,/,
    );
  }, 60_000);

  test('--chart writes a PNG', () => {
    const png = join(dir, 'estimates.png');
    const r = run('estimate', cormack, '--lists', 'a,b,c', '--count', 'n', '--chart', png);
    expect(r.code).toBe(0);
    expect(existsSync(png)).toBe(true);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  test('bad input gets one line and exit code 1', () => {
    expect(run('estimate', cormack, '--lists', 'a,b,x', '--count', 'n')).toMatchObject({ code: 1 });
    expect(run('estimate', cormack, '--lists', 'a,b,x', '--count', 'n').err).toMatch(
      /Unknown list column 'x'/,
    );
    expect(run('estimate', cormack).err).toMatch(/no lists given/);
    expect(run('estimate', join(dir, 'missing.csv'), '--lists', 'a,b').err).toMatch(/cannot read/);
    expect(
      run('estimate', cormack, '--lists', 'a,b,c', '--count', 'n', '--bootstrap', 'many').err,
    ).toMatch(/--bootstrap is 'many'/);
  }, 60_000);

  test('--help has examples', () => {
    const r = run('estimate', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: ww2-yugoslavia-casualties estimate/);
    expect(r.out).toMatch(/Examples:\n {2}ww2-yugoslavia-casualties estimate/);
  }, 60_000);
});
