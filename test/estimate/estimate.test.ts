import { from, table } from 'arquero';
import fc from 'fast-check';
import { compile } from 'vega-lite';
import { describe, expect, test } from 'vitest';
import {
  bayesianModelAveraging,
  bootstrapSelection,
  chaoLowerBound,
  estimate,
  estimateChart,
  estimateSummary,
  hierarchicalModels,
  loglinear,
  selectModels,
} from '../../src/estimate/index.js';
import { InvalidTableError } from '../../src/index.js';
import { cormack3b, madiganYork5 } from './published.js';
import { seeded as mulberry32 } from '../../src/estimate/random.js';

/** A count table of three lists a, b, c from counts by pattern 1…7 (bit 0 = a). */
function counts3(c: number[]) {
  return table({
    a: [1, 0, 1, 0, 1, 0, 1],
    b: [0, 1, 1, 0, 0, 1, 1],
    c: [0, 0, 0, 1, 1, 1, 1],
    count: c,
  });
}

describe('hierarchicalModels', () => {
  test('hierarchicalModels(4, 3) counts the 113 models Rcapture documents for 4 lists', () => {
    // Rcapture's closedpMS help: "By default, closedpMS.t fits the 113 following models".
    expect(hierarchicalModels(4, 3)!.length).toBe(113);
    // Three lists, pairs only: 2³ subsets of the three pairs.
    expect(hierarchicalModels(3, 2)!.length).toBe(8);
    // Four lists, pairs only: 2⁶.
    expect(hierarchicalModels(4, 2)!.length).toBe(64);
    expect(hierarchicalModels(5, 4, 1000)).toBeNull();
  });
});

describe('loglinear and selectModels', () => {
  test('two lists with no one in common: their interaction has no MLE, the extended MLE is finite, and the rows say so', () => {
    // a and b share no record (patterns 3 and 7 are 0).
    const t = counts3([30, 20, 0, 25, 5, 6, 0]);
    const f = loglinear(t, { lists: ['a', 'b', 'c'], terms: ['a:b'] });
    // The a:b coefficient runs to −∞ (no MLE); the fitted counts of {a,b} and {a,b,c} go to 0 and
    // the rest of the table fixes N: 199.6364 in R (glm, see profile.test.ts).
    expect(f.mleExists).toBe(false);
    expect(f.zeroCells).toEqual(['{a,b}', '{a,b,c}']);
    expect(f.exists).toBe(true);
    expect(f.estimate!).toBeCloseTo(199.6364, 3);
    const models = selectModels(t, { lists: ['a', 'b', 'c'], level: 0 }).objects() as {
      model: string;
      exists: boolean;
      mleExists: boolean;
      zeroCells: string;
      note: string | null;
      rank: number | null;
    }[];
    const row = (model: string) => models.find((m) => m.model === model)!;
    // a:b alone, with a:c, with b:c: ranked, each saying that its MLE does not exist and which
    // cells are zero.
    for (const model of ['a:b', 'a:b + a:c', 'a:b + b:c']) {
      expect(row(model)).toMatchObject({ exists: true, mleExists: false });
      expect(row(model).rank).not.toBeNull();
      expect(row(model).note).toMatch(/does not exist \(the cells \{a,b\}, \{a,b,c\} are zero\)/);
    }
    // a:c + b:c: a and b independent given c, so at c = 0 the cell on no list is
    // y{a}·y{b}/y{a,b} = 30 · 20 / 0: unbounded. All pairs: 6 parameters for the 5 cells left
    // once {a,b} and {a,b,c} are 0. Neither is ranked; each says why, naming the zero cells.
    expect(row('a:c + b:c')).toMatchObject({ exists: false, rank: null, zeroCells: '{a,b}' });
    expect(row('a:c + b:c').note).toMatch(
      /^No finite estimate: the cells \{a,b\} are zero.*N is unbounded/,
    );
    expect(row('a:b + a:c + b:c')).toMatchObject({ exists: false, rank: null });
    expect(row('a:b + a:c + b:c').note).toMatch(
      /^No finite estimate: the cells \{a,b\}, \{a,b,c\} are zero.*N is unbounded/,
    );
    // Models without a:b: no zero cell is fitted as 0, so their MLE exists.
    for (const model of ['independence', 'a:c', 'b:c']) expect(row(model).mleExists).toBe(true);
  });

  test('the stepwise search moves from independence to a better model by BIC', () => {
    const lists = ['a', 'b', 'c', 'd', 'e'];
    const cols: Record<string, number[]> = Object.fromEntries(lists.map((l) => [l, []]));
    cols.count = [];
    for (let p = 1; p < 32; p++) {
      lists.forEach((l, i) => cols[l]!.push((p >> i) & 1));
      cols.count.push(madiganYork5[p]!);
    }
    const rows = selectModels(table(cols), { lists, search: 'stepwise', level: 0 }).objects() as {
      model: string;
      bic: number;
      weightOver: string;
    }[];
    // The weights are relative to the models the search visited, and say so.
    expect(rows[0]!.weightOver).toBe(
      `the ${rows.length} models the stepwise search visited (not all models)`,
    );
    const independence = rows.find((r) => r.model === 'independence')!;
    expect(rows[0]!.bic).toBeLessThan(independence.bic);
    expect(rows.length).toBeGreaterThan(10); // every model visited is in the table
  });
});

describe('bootstrapSelection', () => {
  test('the same seed gives the same interval; another seed another', () => {
    const o = { lists: cormack3b.lists, replicates: 50, seed: 7 };
    const a = bootstrapSelection(cormack3b.table, o);
    const b = bootstrapSelection(cormack3b.table, o);
    const c = bootstrapSelection(cormack3b.table, { ...o, seed: 8 });
    expect(b).toEqual(a);
    expect([c.low, c.high]).not.toEqual([a.low, a.high]);
    expect(a.low).toBeLessThanOrEqual(a.estimate);
    expect(a.high).toBeGreaterThanOrEqual(a.estimate);
    expect(a.chosen.reduce((s, m) => s + m.share, 0)).toBeCloseTo(1, 12);
  }, 60_000);
});

describe('chaoLowerBound', () => {
  test('chaoLowerBound: n + ((t − 1)/t) f₁²/(2f₂), by hand', () => {
    // f₁ = 30 + 20 + 25 = 75, f₂ = 10 + 5 + 6 = 21, n = 75 + 21 + 4 = 100, t = 3:
    // 100 + (2/3) · 75² / 42 = 100 + 89.2857… = 189.2857…
    const r = chaoLowerBound(counts3([30, 20, 10, 25, 5, 6, 4]), { lists: ['a', 'b', 'c'] });
    expect(r.estimate).toBeCloseTo(100 + ((2 / 3) * 75 * 75) / 42, 9);
    expect(r.low).toBeGreaterThanOrEqual(100);
    expect(() =>
      chaoLowerBound(counts3([30, 20, 0, 25, 0, 0, 4]), { lists: ['a', 'b', 'c'] }),
    ).toThrow(InvalidTableError);
  });
});

describe('estimate', () => {
  test('estimate() gives every model a contract row and one selected summary, derived', () => {
    const result = estimate(cormack3b.table, { lists: cormack3b.lists });
    const rows = result.objects() as Record<string, unknown>[];
    for (const c of [
      'source',
      'measure',
      'unit',
      'value',
      'low',
      'high',
      'qualifier',
      'label',
      'note',
    ])
      expect(result.columnNames()).toContain(c);
    expect(rows.every((r) => r.qualifier === 'derived')).toBe(true);
    expect(rows.filter((r) => r.method === 'log-linear').length).toBe(8);
    expect(rows.map((r) => r.method)).toContain('Bayesian model averaging');
    const summary = estimateSummary(result).objects() as Record<string, unknown>[];
    expect(summary.length).toBe(1);
    // BIC prefers b:c (deviance 1.2 on 2 df against 75.1 on 3 for independence)...
    expect(rows[0]).toMatchObject({ method: 'log-linear', model: 'c2:c3' });
    // ... but the summary carries the uncertainty of that choice: the average over the models.
    expect(summary[0]).toMatchObject({
      qualifier: 'derived',
      label: 'Bayesian model averaging: 8 decomposable models',
    });
    expect(summary[0]!.note).toMatch(/carries the uncertainty of the choice of model/);
    expect(summary[0]!.note).toMatch(/matched correctly/);
  });

  test('estimateChart draws each model, its interval, its weight and the observed floor', () => {
    const spec = estimateChart(estimate(cormack3b.table, { lists: cormack3b.lists })) as {
      layer: { mark?: { type: string }; layer?: unknown[] }[];
      data: { values: { row: string }[] };
    };
    expect(spec.layer.map((l) => l.mark?.type ?? 'layer')).toEqual([
      'rule',
      'point',
      'text',
      'layer',
    ]);
    expect(spec.data.values.length).toBe(8 + 3 + 1 + 1); // models, heterogeneity, Chao, BMA
    expect(() => compile(spec as never)).not.toThrow();
    expect(JSON.stringify(spec)).toContain('observed: 201 (a floor)');
  });

  test('estimateChart says what its intervals are and whose data these are', () => {
    const spec = estimateChart(
      estimate(cormack3b.table, { lists: cormack3b.lists, level: 0.9, source: 'cormack-2000' }),
    ) as unknown as { title: { subtitle: string[] } };
    const lines = spec.title.subtitle.join(' ');
    // level 0.9: every interval at 90% (profile likelihood for the models, log-normal for Chao)
    expect(lines).toMatch(/Intervals: .*profile likelihood 90%/);
    expect(lines).not.toMatch(/95%/);
    expect(lines).toMatch(/Data: cormack-2000\./); // an id the source registry does not know
  });

  test('estimateChart: a row without an interval draws no line and a hollow point', () => {
    const rows = estimate(cormack3b.table, { lists: cormack3b.lists }).objects() as {
      low: number | null;
      high: number | null;
      value: number;
    }[];
    rows[1]!.low = null;
    rows[1]!.high = null;
    const spec = estimateChart(from(rows)) as unknown as {
      layer: { transform?: unknown; encoding?: { fillOpacity?: unknown } }[];
      data: { values: { hasInterval: boolean; low: number; high: number; figure: string }[] };
    };
    const d = spec.data.values[1]!;
    // Its line would run from value to value: nothing drawn, and the rule layer filters it out.
    expect(d).toMatchObject({ hasInterval: false, low: rows[1]!.value, high: rows[1]!.value });
    expect(d.figure).toMatch(/no interval/);
    expect(spec.layer[0]!.transform).toEqual([{ filter: 'datum.hasInterval' }]);
    expect(spec.layer[1]!.encoding!.fillOpacity).toEqual({
      condition: { test: 'datum.hasInterval', value: 1 },
      value: 0,
    });
    expect(spec.data.values.filter((v) => v.hasInterval).length).toBe(rows.length - 1);
  });
});

describe('properties', () => {
  test('a simulated closed population with independent lists is covered at about the nominal rate', () => {
    const random = mulberry32(1945);
    const N = 1500;
    const p = [0.3, 0.4, 0.25];
    const simulations = 200;
    let covered = 0;
    for (let s = 0; s < simulations; s++) {
      const c = new Array<number>(8).fill(0);
      for (let i = 0; i < N; i++) {
        let w = 0;
        p.forEach((q, j) => {
          if (random() < q) w |= 1 << j;
        });
        c[w]!++;
      }
      const f = loglinear(counts3(c.slice(1)), { lists: ['a', 'b', 'c'] });
      if (f.low! <= N && N <= f.high!) covered++;
    }
    // Nominal 95%: with 200 simulations, 95% ± 3.1 points (two binomial standard errors).
    expect(covered / simulations).toBeGreaterThan(0.9);
    expect(covered / simulations).toBeLessThan(0.99);
  }, 60_000);

  const histories = fc
    .array(fc.integer({ min: 0, max: 60 }), { minLength: 7, maxLength: 7 })
    .filter((c) => [1, 2, 4].every((bit) => c.some((n, i) => ((i + 1) & bit) !== 0 && n > 0)))
    .filter((c) => c[2]! + c[4]! + c[5]! + c[6]! > 0); // someone on two lists or more

  test('no estimate falls below the observed count; every interval contains its estimate', () => {
    fc.assert(
      fc.property(histories, (c) => {
        const rows = estimate(counts3(c), { lists: ['a', 'b', 'c'] }).objects() as {
          value: number | null;
          low: number | null;
          high: number | null;
          observed: number;
          note: string;
        }[];
        for (const r of rows) {
          if (r.value !== null) expect(r.value).toBeGreaterThanOrEqual(r.observed - 1e-9);
          if (r.low !== null) expect(r.low).toBeGreaterThanOrEqual(r.observed - 1e-9);
          if (r.value === null || r.low === null) continue;
          expect(r.low).toBeLessThanOrEqual(r.value);
          if (r.high !== null) {
            expect(r.high).toBeGreaterThanOrEqual(r.value);
            expect(r.high).toBeGreaterThan(r.low);
          }
        }
        // Exactly one summary row, and it is the averaged one.
        const selected = estimate(counts3(c), { lists: ['a', 'b', 'c'] })
          .objects()
          .filter((r) => (r as { selected: boolean }).selected) as { method: string }[];
        expect(selected.map((r) => r.method)).toEqual(['Bayesian model averaging']);
      }),
      { numRuns: 25, seed: 15 },
    );
  }, 60_000);

  test('relabelling the lists changes nothing', () => {
    fc.assert(
      fc.property(
        histories,
        fc.constantFrom([0, 1, 2], [1, 2, 0], [2, 0, 1], [1, 0, 2], [0, 2, 1], [2, 1, 0]),
        (c, perm) => {
          const names = ['a', 'b', 'c'];
          const original = counts3(c);
          // The same people, with the list columns renamed: a → names[perm[0]], …
          const renamed = original.rename(
            Object.fromEntries(names.map((n, i) => [n, `x${perm[i]}`])),
          );
          const lists = ['x0', 'x1', 'x2'];
          const values = (t: typeof original, l: string[]) =>
            (selectModels(t, { lists: l, level: 0 }).objects() as { value: number | null }[])
              .map((r) => r.value ?? -1)
              .sort((x, y) => x - y);
          const before = values(original, names);
          const after = values(renamed, lists);
          after.forEach((v, i) => {
            expect(Math.abs(v - before[i]!)).toBeLessThanOrEqual(1e-6 * Math.abs(before[i]!));
          });
          const b1 = bayesianModelAveraging(original, { lists: names, maxMissing: 500 });
          const b2 = bayesianModelAveraging(renamed, { lists, maxMissing: 500 });
          expect(b2.median).toBe(b1.median);
          expect(b2.mean).toBeCloseTo(b1.mean, 6);
        },
      ),
      { numRuns: 20, seed: 15 },
    );
  }, 60_000);
});
