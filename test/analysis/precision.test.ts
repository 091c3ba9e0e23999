// A rounded figure carries its precision in every function that compares or bounds figures:
// rollup, compare and spread use a row's low–high widened by half its rounding unit, never below
// 0, as audit, rates and balance do. The table is small and made up: 'about 300, rounded to the
// thousand' (precision 1000) stands for 0–800 (300 − 500 is below 0, so 0; 300 + 500 = 800).
import { describe, expect, test } from 'vitest';
import { compare, fromRows, rollup, spread } from '../../src/index.js';
import { exact, row } from './fixtures.js';

const table = fromRows(
  [
    { ...row('a', 'x', exact(300)), precision: 1000 }, // 0–800
    row('a', 'y', exact(500)), // exact: 500–500
    row('b', 'x', exact(500)),
    { ...row('b', 'y', exact(2000)), precision: 1000 }, // 1,500–2,500
  ],
  { sources: ['a', 'b'] },
);

describe('precision in the functions that compare or bound figures', () => {
  test('rollup widens each part by its rounding before it adds', () => {
    const sums = rollup(table).objects();
    // a: 300 + 500 = 800; low 0 + 500 = 500; high 800 + 500 = 1,300
    expect(sums[0]).toMatchObject({ source: 'a', value: 800, low: 500, high: 1300 });
    // b: 500 + 2,000 = 2,500; low 500 + 1,500 = 2,000; high 500 + 2,500 = 3,000
    expect(sums[1]).toMatchObject({ source: 'b', value: 2500, low: 2000, high: 3000 });
    // a group of one is the published figure, as published
    const one = rollup(table, { by: 'category' }).objects()[0]!;
    expect(one).toMatchObject({ source: 'a', category: 'x', value: 300, low: 300, high: 300 });
  });

  test('compare bounds the difference and the ratio with the widened intervals', () => {
    const rows = compare(table, { by: 'category', baseline: 'b' }).objects();
    const x = rows.find((r) => r.category === 'x' && r.source === 'a')!;
    // a's 0–800 against b's exact 500: difference −200, from 0 − 500 = −500 to 800 − 500 = 300;
    // ratio 300 / 500 = 0.6, from 0 / 500 = 0 to 800 / 500 = 1.6; low/high stay as published
    expect(x).toMatchObject({ low: 300, high: 300, difference: -200, ratio: 0.6 });
    expect([x.difference_low, x.difference_high, x.ratio_low, x.ratio_high]).toEqual([
      -500, 300, 0, 1.6,
    ]);
    const y = rows.find((r) => r.category === 'y' && r.source === 'a')!;
    // a's exact 500 against b's 1,500–2,500: difference −1,500, from 500 − 2,500 = −2,000 to
    // 500 − 1,500 = −1,000; ratio 0.25, from 500 / 2,500 = 0.2 to 500 / 1,500 = 1/3
    expect([y.difference, y.difference_low, y.difference_high]).toEqual([-1500, -2000, -1000]);
    expect([y.ratio, y.ratio_low]).toEqual([0.25, 0.2]);
    expect(y.ratio_high).toBeCloseTo(1 / 3, 15);
    // with a as the baseline, b's 500 against a's 0–800: the ratio has no upper bound (÷ 0)
    const back = compare(table, { by: 'category', baseline: 'a' })
      .objects()
      .find((r) => r.category === 'x' && r.source === 'b')!;
    expect([back.difference_low, back.difference_high]).toEqual([500 - 800, 500 - 0]);
    expect([back.ratio_low, back.ratio_high]).toEqual([500 / 800, null]);
  });

  test('spread gives the lowest and highest figure the widened intervals allow', () => {
    const rows = spread(table, { by: 'category' }).objects();
    // x: 0–800 and 500: low min(0, 500) = 0, high max(800, 500) = 800; min/max stay 300/500
    expect(rows[0]).toMatchObject({ category: 'x', min: 300, max: 500, low: 0, high: 800 });
    // y: 500 and 1,500–2,500: low 500, high 2,500
    expect(rows[1]).toMatchObject({ category: 'y', min: 500, max: 2000, low: 500, high: 2500 });
  });
});
