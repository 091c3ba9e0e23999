import { describe, expect, test } from 'vitest';
import { reconcile } from '../../src/analysis/reconcile.js';
import { balance } from '../../src/index.js';
import { InvalidOptionError } from '../../src/errors.js';

// The document (the encyclopedia article "World War II in Yugoslavia", section Casualties ›
// Yugoslav casualties), in its own words:
// - "A study by Vladimir Žerjavić estimates total war related deaths at 1,027,000."
// - "He came up with an estimated demographic (not real) population loss of 1.7 million." and
//   "An estimate of 1.7 million war related deaths was later submitted ... despite it being an
//   estimate of total demographic loss that covered the expected population if war did not break
//   out, the number of unborn children, and losses from emigration and disease."
// - "The demographic losses due to a 335,000 reduction in the number of births and emigration of
//   about 660,000 are not included with war casualties."
// - "After Germany requested verifiable data the Yugoslav Federal Bureau of Statistics created a
//   nationwide survey in 1964. The total number of those killed was found to be 597,323."
// - "Statistician Bogoljub Kočović calculated that the actual war losses were 1,014,000."

describe('reconcile', () => {
  test("reconcile: Žerjavić's 1,027,000 against the 1.7 million is his deaths + the births deficit + emigration, with the residual shown", () => {
    const r = reconcile('zerjavic-deaths', 'yu-official-1945-05-demographic-loss');
    // 1,700,000 − 1,027,000 = 673,000. With rounding ("1.7 million" to the 100,000: ±50,000;
    // 1,027,000 to the 1,000: ±500): 1,650,000 − 1,027,500 = 622,500 to 1,750,000 − 1,026,500 = 723,500.
    expect(r.difference).toEqual({ value: 673_000, low: 622_500, high: 723_500 });
    expect(r.components.map((c) => [c.kind, c.label, c.value])).toEqual([
      ['measure', 'births deficit', 335_000],
      ['measure', 'emigration', 660_000],
      ['rounding', 'rounding', 0],
      // 673,000 − 335,000 − 660,000 = −322,000: the parts the document gives exceed the loss
      ['residual', 'unexplained residual', -322_000],
    ]);
    const [births, emigration, rounding, residual] = r.components;
    expect(births!.rows).toEqual(['text-births-deficit']);
    expect(emigration!.rows).toEqual(['text-emigration']);
    // rounding: 50,000 + 500 + 5,000 ("about 660,000", to the 10,000) = ±55,500
    expect([rounding!.low, rounding!.high]).toEqual([-55_500, 55_500]);
    expect(rounding!.rows).toEqual([
      'zerjavic-deaths',
      'yu-official-1945-05-demographic-loss',
      'text-emigration',
    ]);
    // the residual's interval: −322,000 ± 55,500
    expect([residual!.low, residual!.high]).toEqual([-377_500, -266_500]);
    // the components add up to the difference
    expect(r.components.reduce((s, c) => s + c.value, 0)).toBe(r.difference.value);
    // the same numbers as balance(), whose gap is parts − loss: the residual is its negative
    const gap = balance()
      .objects()
      .find((g) => g.deaths_source === 'zerjavic')!;
    expect([residual!.value, residual!.low, residual!.high]).toEqual([
      -gap.gap,
      -gap.gap_high!,
      -gap.gap_low!,
    ]);
    expect(r.explanation).toMatch(/Unexplained residual: −322,000 \(−377,500 to −266,500\)/);
    expect(r.explanation).not.toMatch(/\b(wrong|false|correct|overstated)\b/i);
  });

  test('reconcile: a restatement of the 1.7 million reconciles as the figure it restates', () => {
    // "An estimate of 1.7 million war related deaths was later submitted to the Allied
    // Reparations Committee in 1948": the 1948 row restates Tito's of May 1945.
    const r = reconcile('zerjavic-deaths', 'yu-official-1948-demographic-loss');
    expect(r.components.map((c) => c.value)).toEqual([335_000, 660_000, 0, -322_000]);
  });

  test('reconcile: the other way round, the measure components are subtracted', () => {
    const r = reconcile('yu-official-1945-05-demographic-loss', 'zerjavic-deaths');
    expect(r.components.map((c) => c.value)).toEqual([-335_000, -660_000, 0, 322_000]);
  });

  test('reconcile: the 1964 list against Kočović is a coverage difference, not an error', () => {
    const r = reconcile('yu-1964-1964-deaths', 'kocovic-deaths');
    // 1,014,000 − 597,323 = 416,677; Kočović's figure is rounded to the 1,000 (±500).
    expect(r.difference).toEqual({ value: 416_677, low: 416_177, high: 417_177 });
    expect(r.components.map((c) => [c.kind, c.value])).toEqual([
      ['coverage', 416_677],
      ['rounding', 0],
      ['residual', 0],
    ]);
    expect(r.components[0]!.note).toMatch(/named list: it counts only those registered/);
    expect(r.from.kind).toBe('named-list');
    expect(r.to.kind).toBe('demographic-estimate');
  });

  test('reconcile: a named list above an estimate is not a coverage difference; the residual holds it', () => {
    // Victims by nationality, "Slovenes | 42,027 | 32,000 | 42,000": the 1964 list is the higher.
    const r = reconcile('yu-1964-slovenes-deaths', 'kocovic-slovenes-deaths');
    expect(r.components.map((c) => c.kind)).toEqual(['rounding', 'residual']);
    // 32,000 − 42,027 = −10,027, ± 500 (Kočović's rounding)
    expect(r.components[1]).toMatchObject({ value: -10_027, low: -10_527, high: -9_527 });
    expect(r.components[1]!.note).toMatch(/coverage cannot explain this difference/);
  });

  test('reconcile: two demographic estimates differ by a residual, with their rounding', () => {
    // 1,027,000 − 1,014,000 = 13,000; each rounded to the 1,000: ±1,000 in all.
    const r = reconcile('kocovic-deaths', 'zerjavic-deaths');
    expect(r.components.at(-1)).toMatchObject({ value: 13_000, low: 12_000, high: 14_000 });
  });

  test('reconcile: a subset against its whole is a scope difference', () => {
    // Slovenia: "around 75,000 deaths" up to May 1945, within the 89,404 (subset_of).
    const r = reconcile(
      'slovenia-2005-1941-to-may-1945-deaths',
      'slovenia-2005-1941-1945-and-post-war-deaths',
    );
    expect(r.components.map((c) => [c.kind, c.value])).toEqual([
      ['scope', 89_404 - 75_000],
      ['rounding', 0],
      ['residual', 0],
    ]);
  });

  test('reconcile: measures no document relates leave the whole difference to the residual, unbounded', () => {
    const r = reconcile('yu-official-1946-casualties', 'zerjavic-deaths');
    expect(r.components[0]).toMatchObject({ kind: 'measure', low: null, high: null });
    expect(r.components.at(-1)).toMatchObject({
      kind: 'residual',
      value: 1_027_000 - 1_704_000,
      low: null,
      high: null,
    });
  });

  test("reconcile of two products reproduces Das Gupta's two-factor decomposition", () => {
    // Das Gupta (1993), chapter 2, first example (see decompose.test.ts for the sources):
    // α effect 4369.913 (74.61 %), β effect 1487.262 (25.39 %); nothing left over.
    const r = reconcile(
      { factors: { earnings: 10930, earners: 0.717892 } },
      { factors: { earnings: 16591, earners: 0.825974 } },
    );
    expect(r.components.map((c) => c.kind)).toEqual(['factor', 'factor', 'rounding', 'residual']);
    expect(r.components[0]!.value).toBeCloseTo(4369.913, 3);
    expect(r.components[1]!.value).toBeCloseTo(1487.262, 3);
    expect(r.components[3]!.value).toBeCloseTo(0, 9);
    expect(r.difference.value).toBeCloseTo(13703.73 - 7846.56, 1);
  });

  test('reconcile refuses an unknown id, an id in several datasets, and mixed inputs', () => {
    expect(() => reconcile('zerjavic-deth', 'kocovic-deaths')).toThrow(
      /reconcile: a is 'zerjavic-deth', which is the id of no row. Did you mean 'zerjavic-deaths'\?/,
    );
    // 'zerjavic-partisan-deaths' is in by-status and in ndh-serbs
    expect(() => reconcile('zerjavic-partisan-deaths', 'kocovic-deaths')).toThrow(
      /several datasets \(by-status, ndh-serbs\); expected dataset\/id/,
    );
    expect(reconcile('by-status/zerjavic-partisan-deaths', 'zerjavic-deaths').from.value).toBe(
      237_000,
    );
    expect(() => reconcile({ factors: { a: 1 } }, 'kocovic-deaths')).toThrow(InvalidOptionError);
  });
});
