// The check and reconcile commands, run as a user runs them: the built binary in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('ww2-yugoslavia-casualties check and reconcile: --help', () => {
  test('both are listed, and each has --help with examples', () => {
    const overview = run('--help').out;
    for (const c of ['check', 'reconcile']) {
      expect(overview).toMatch(new RegExp(`^  ${c} `, 'm'));
      const r = run(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.out, c).toMatch(new RegExp(`^Usage: ww2-yugoslavia-casualties ${c}`));
      expect(r.out, c).toMatch(/Examples:\n {2}ww2-yugoslavia-casualties /);
    }
  });
});

describe('ww2-yugoslavia-casualties check', () => {
  // "An estimate of 1.7 million war related deaths was later submitted to the Allied Reparations
  // Committee in 1948, despite it being an estimate of total demographic loss …"
  test('check --value "1.7 million" --measure deaths --format json: the demographic loss, not comparable', () => {
    const r = run('check', '--value', '1.7 million', '--measure', 'deaths', '--format', 'json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as {
      claim: { low: number; high: number };
      matches: string[];
      rows: { id: string; verdict: string; measure_relation: string }[];
    };
    expect(result.claim).toMatchObject({ low: 1_650_000, high: 1_750_000 });
    expect(result.matches[0]).toBe('yu-official-1945-05-demographic-loss');
    expect(result.rows.find((x) => x.id === result.matches[0])).toMatchObject({
      verdict: 'not-comparable',
      measure_relation: 'different',
    });
  });

  test('check prints the explanation, then the figures', () => {
    const r = run(
      'check',
      '--value',
      '530000',
      '--measure',
      'deaths',
      '--scope',
      'nationality=serbs',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^The claim: 530,000 deaths/);
    expect(r.out).toMatch(/zerjavic-serbs-deaths .* consistent/);
  });

  test('check without --measure is bad usage; a bad qualifier names what was expected', () => {
    expect(run('check', '--value', '1')).toMatchObject({ code: 1 });
    expect(run('check', '--value', '1')).toMatchObject({
      err: expect.stringMatching(/no measure given/),
    });
    const r = run('check', '--value', '1', '--measure', 'deaths', '--qualifier', 'roughly');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/option qualifier is 'roughly'; expected one of exact, approximate/);
    expect(run('check', '--value', '1', '--measure', 'deaths', '--scope', 'serbs').err).toMatch(
      /--scope 'serbs' is not dimension=key/,
    );
  });
});

describe('ww2-yugoslavia-casualties reconcile', () => {
  test('reconcile zerjavic-deaths yu-official-1945-05-demographic-loss --format json', () => {
    const r = run(
      'reconcile',
      'zerjavic-deaths',
      'yu-official-1945-05-demographic-loss',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { components: { label: string; value: number }[] };
    // 1,700,000 − 1,027,000 − 335,000 − 660,000 = −322,000
    expect(result.components.map((c) => [c.label, c.value])).toEqual([
      ['births deficit', 335_000],
      ['emigration', 660_000],
      ['rounding', 0],
      ['unexplained residual', -322_000],
    ]);
  });

  test('reconcile --chart writes the waterfall', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reconcile-'));
    try {
      const file = join(dir, 'gap.svg');
      const r = run('reconcile', 'yu-1964-1964-deaths', 'kocovic-deaths', '--chart', file);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/coverage +not on the named list +416,677/);
      expect(readFileSync(file, 'utf8')).toMatch(/^<svg/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reconcile with one id, or an unknown id, fails with a clear message', () => {
    expect(run('reconcile', 'zerjavic-deaths')).toMatchObject({ code: 1 });
    const r = run('reconcile', 'zerjavic-deth', 'kocovic-deaths');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Did you mean 'zerjavic-deaths'\?/);
  });
});
