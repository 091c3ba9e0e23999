// Shares (unit 'percent') are never added, by any function that adds: one rule (sumParts in
// src/analysis/intervals.ts), one answer. The table is small and made up: a source 'a' gives
// 47 % and 82 %, shares of different wholes (as Slovenia 2005 does: 47 % of the casualties were
// Partisans, 82 % of the civilians were killed by one side), and two counts, 30 and 50.
import { describe, expect, test } from 'vitest';
import {
  InvalidTableError,
  SharesNotAddedError,
  audit,
  balance,
  fromRows,
  harmonize,
  rollup,
} from '../../src/index.js';
import { exact, row } from './fixtures.js';

const share = (category: string, value: number) => ({
  ...row('a', category, exact(value)),
  measure: 'share',
  unit: 'percent',
  label: `${value} %`,
});
const table = fromRows(
  [share('x', 47), share('y', 82), row('a', 'x', exact(30)), row('a', 'y', exact(50))],
  { sources: ['a'] },
);
const refusal =
  /would add the shares '47 %' \+ '82 %' \(unit 'percent'\) to each other; expected counts: a share is not a count: each percentage is of its own base/;

describe('percent rows are never added (47 % + 82 % is not 129 %)', () => {
  test('rollup refuses the sum of the shares and still adds the counts (30 + 50 = 80)', () => {
    expect(() => rollup(table)).toThrow(SharesNotAddedError);
    expect(() => rollup(table)).toThrow(InvalidTableError); // one of the family
    expect(() => rollup(table)).toThrow(new RegExp(`^rollup: ${refusal.source}`));
    const counts = rollup(table.filter((d) => d.unit === 'persons')).object();
    expect([counts.value, counts.qualifier]).toEqual([80, 'derived']);
    // a share alone is no sum: by category, each group holds one share and one count, apart
    const byCategory = rollup(table, { by: 'category' }).objects();
    expect(byCategory.map((r) => [r.category, r.measure, r.value])).toEqual([
      ['x', 'share', 47],
      ['y', 'share', 82],
      ['x', 'deaths', 30],
      ['y', 'deaths', 50],
    ]);
  });

  test('shares declared parts of one whole have one base: rollup adds them (47 + 33 + 20 = 100)', () => {
    const whole = fromRows(
      [
        { ...share('x', 47), id: 'p1', part_of: 'w' },
        { ...share('y', 33), id: 'p2', part_of: 'w' },
        { ...share('z', 20), id: 'p3', part_of: 'w' },
        { ...share('v', 82), id: 'p4', part_of: null },
      ],
      { sources: ['a'], totals: [{ id: 'w', source: 'a', measure: 'share', unit: 'percent' }] },
    );
    const parts = whole.filter((d) => d.part_of !== null);
    expect(rollup(parts).get('value', 0)).toBe(100);
    // the 82 %, of no declared whole, is another base: with it the sum is refused again
    expect(() => rollup(whole, { overlap: 'allow' })).toThrow(SharesNotAddedError);
  });

  test('harmonize refuses it the same way, and adds the counts', () => {
    const crosswalk = [
      { key: 'x', group: 'xy' },
      { key: 'y', group: 'xy' },
    ];
    expect(() => harmonize(table, { dimension: 'category', crosswalk })).toThrow(
      new RegExp(`^harmonize: ${refusal.source}`),
    );
    const counts = table.filter((d) => d.unit === 'persons');
    expect(harmonize(counts, { dimension: 'category', crosswalk }).get('value', 0)).toBe(80);
  });

  test('audit leaves the shares unadded and says why; the counts it checks (80 = 80)', () => {
    const result = audit(table, {
      totals: [
        { source: 'a', scope: null, measure: 'share', parts: null, unit: 'percent', value: 129 },
        { source: 'a', scope: null, measure: 'deaths', parts: null, value: 80 },
      ],
    }).objects();
    expect(result[0]).toMatchObject({
      unit: 'percent',
      rows: 2,
      parts: null,
      check: 'undetermined',
      consistent: null,
    });
    expect(result[0]!.reason).toMatch(
      /^not added: the parts '47 %', '82 %' are shares; a share is not a count/,
    );
    expect(result[1]).toMatchObject({ unit: 'persons', parts: 80, check: 'consistent' });
  });

  test('balance leaves shares out: a percent row of a measure changes nothing', () => {
    const figure = (source: string, measure: string, value: number, unit = 'persons') => ({
      source,
      measure,
      unit,
      value,
      low: value,
      high: value,
      qualifier: 'exact' as const,
      label: `${measure} ${unit}`,
      note: null,
    });
    const counts = [
      figure('a', 'demographic-loss', 1700000),
      figure('b', 'deaths', 900000),
      figure('b', 'births-deficit', 300000),
      figure('c', 'emigration', 600000),
    ];
    // were d's 35 % an emigration figure, the table would give two, neither b's, and balance
    // would refuse to choose; left out, c's is the one in all:
    // 900,000 + 300,000 + 600,000 = 1,800,000, gap 1,800,000 − 1,700,000 = 100,000
    const withShares = [...counts, figure('d', 'emigration', 35, 'percent')];
    for (const rows of [counts, withShares]) {
      const result = balance({ table: fromRows(rows, { sources: ['a', 'b', 'c', 'd'] }) }).object();
      expect(result).toMatchObject({ parts: 1800000, gap: 100000 });
    }
  });
});
