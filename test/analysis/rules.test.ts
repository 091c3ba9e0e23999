// One test per rule of the arithmetic: every public function that applies the rule, run on the
// same small table, gives one answer. The expected figures are worked out by hand in each test.
import { describe, expect, test } from 'vitest';
import { audit, balance, fromRows, rates } from '../../src/index.js';
import { widen } from '../../src/analysis/intervals.js';

const base = { unit: 'persons', note: null, restates: null };
const fig = (v: number) => ({ value: v, low: v, high: v });

describe('a rounded figure stands for ± half its precision, never below 0 (widen)', () => {
  // "about 300" deaths, rounded to the thousand: 300 − 500 = −200, but a count cannot be
  // negative, so 0; 300 + 500 = 800. Every function below reads the same 0–800.
  const rows = [
    { ...base, id: 'd', source: 'kocovic', region: 'x', measure: 'deaths', ...fig(300) },
    { ...base, id: 'b', source: 'kocovic', region: 'x', measure: 'births-deficit', ...fig(5000) },
    { ...base, id: 'e', source: 'kocovic', region: 'x', measure: 'emigration', ...fig(4000) },
    {
      ...base,
      id: 'l',
      source: 'kocovic',
      region: 'x',
      measure: 'demographic-loss',
      ...fig(10000),
    },
  ].map((r) => ({
    ...r,
    qualifier: r.id === 'd' ? 'approximate' : 'exact',
    label: r.measure,
    precision: r.id === 'd' ? 1000 : null,
  }));
  const table = () => fromRows(rows);

  test('widen itself', () => {
    expect(widen(300, 300, 1000)).toEqual({ low: 0, high: 800 });
    expect(widen(1700000, 1700000, 100000)).toEqual({ low: 1650000, high: 1750000 });
    expect(widen(300, null, 1000)).toEqual({ low: 0, high: null });
    expect(widen(null, null, 1000)).toEqual({ low: null, high: null });
    expect(widen(300, 300, null)).toEqual({ low: 300, high: 300 });
  });

  test('balance: the deaths interval is 0–800', () => {
    const row = balance({ table: table() }).object();
    expect([row.deaths_low, row.deaths_high]).toEqual([0, 800]);
    // the parts 0–800 + 5,000 + 4,000: 9,000–9,800
    expect([row.parts_low, row.parts_high]).toEqual([9000, 9800]);
  });

  test('rates: the rate interval is 0–800 per 10,000 people, per 1000: 0–80', () => {
    const population = [{ region: 'x', population: 10000, year: 1941 }];
    const row = rates(table(), population, { by: 'region', measure: 'deaths' }).object();
    expect([row.rate_low, row.rate, row.rate_high]).toEqual([0, 30, 80]);
  });

  test('audit: a stated 800 is consistent with the ~300 (its top), 801 is not', () => {
    const total = (value: number) => [
      { source: 'kocovic', measure: 'deaths', value, low: value, high: value },
    ];
    const check = (value: number) => audit(table(), { totals: total(value) }).get('check', 0);
    expect(check(800)).toBe('consistent');
    expect(check(801)).toBe('inconsistent');
    expect(check(0)).toBe('consistent');
  });

  test('fromRows: a restatement of the ~300 may be anything in 0–800', () => {
    const restated = (v: number) => [
      ...rows,
      { ...rows[0]!, id: 'd2', source: 'zerjavic', ...fig(v), precision: null, restates: 'd' },
    ];
    expect(() => fromRows(restated(800))).not.toThrow();
    expect(() => fromRows(restated(0))).not.toThrow();
    expect(() => fromRows(restated(801))).toThrow(/restates/);
  });
});
