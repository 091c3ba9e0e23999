import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, load } from '../../src/index.js';
import { fromRows, rollup } from '../../src/index.js';
import { atLeast, dash, exact, range, row, sources } from './fixtures.js';

describe('rollup', () => {
  test('rollup(byNationality) sums each source, leaving dashes out and counting them', () => {
    const totals = rollup(load('by-nationality')).objects();
    expect(totals.map((r) => r.source)).toEqual(['yu-1964', 'kocovic', 'zerjavic']);
    // 346,740 + 83,257 + 42,027 + 16,276 + 6,724 + 32,300 + 3,241 + 45,000 + 2,680 + 1,160 + 686 + 16,202 = 596,293;
    // dashes: Other Slavs, Gypsies, Germans, Others.
    expect(totals[0]).toMatchObject({
      value: 596293,
      low: 596293,
      high: 596293,
      qualifier: 'derived',
      parts: 12,
      not_reported: 4,
    });
    expect(totals[0]!.note).toMatch(
      /not reported, left out \(not taken as 0\): 'Other Slavs', 'Gypsies', 'Germans', 'Others'/,
    );
    // 487 + 207 + 32 + 50 + 7 + 86 + 12 + 6 + 60 + 27 + 26 + 14 = 1,014 thousand
    expect(totals[1]).toMatchObject({ value: 1014000, parts: 12, not_reported: 4 });
  });

  test('rollup(table, { by }) adds lows to the low and highs to the high', () => {
    // Žerjavić, Croats in the NDH: 69–71,000 (NDH armed forces) + 43–46,000 (Partisans) + 60–64,000 (civilians)
    const croats = rollup(load('ndh-croats-bosniaks'), { by: ['nationality', 'region'] })
      .objects()
      .find((r) => r.nationality === 'croats' && r.region === 'ndh')!;
    expect(croats).toMatchObject({
      value: 176500, // 70,000 + 44,500 + 62,000 (the midpoints)
      low: 172000, // 69,000 + 43,000 + 60,000
      high: 181000, // 71,000 + 46,000 + 64,000
      qualifier: 'derived',
      parts: 3,
    });
    expect(croats.note).toBe(
      "derived: the sum of '69–71,000 Croats died as members of the NDH armed forces' + '43–46,000 as members of the Yugoslav Partisans' + '60–64,000 as civilians, in direct terror and in camps'",
    );
  });

  test('rollup(table, { by }) makes a sum with an at-least part at-least, unbounded above', () => {
    // Chetniks: 18,000+ Croats and 20,000+ Bosniaks → 38,000 or more.
    const chetniks = rollup(load('ndh-civilians-by-perpetrator'), {
      by: 'perpetrator',
    }).objects()[0]!;
    expect(chetniks).toMatchObject({
      perpetrator: 'chetniks',
      value: 38000,
      low: 38000,
      high: null,
      qualifier: 'at-least',
      label: '18,000+ Croats + 20,000+ Bosniaks',
    });
    const mixed = fromRows(
      [
        row('a', 'x', exact(100)),
        row('a', 'x', range(10, 20), { extra: 'two' }),
        row('a', 'x', atLeast(5), { extra: 'three' }),
      ],
      { sources },
    );
    // 100 + 15 + 5 = 120; low 100 + 10 + 5 = 115; high unbounded.
    expect(rollup(mixed, { by: 'category' }).object()).toMatchObject({
      value: 120,
      low: 115,
      high: null,
      qualifier: 'at-least',
      parts: 3,
    });
  });

  test('rollup(table, { by }) keeps a group of one row as published', () => {
    const republics = rollup(load('by-republic-zerjavic'), { by: 'region' }).objects();
    const published = load('by-republic-zerjavic').objects();
    expect(republics).toHaveLength(7);
    republics.forEach((r, i) => {
      const { value, low, high, qualifier, label, note } = published[i]!;
      expect(r).toMatchObject({
        value,
        low,
        high,
        qualifier,
        label,
        note,
        parts: 1,
        not_reported: 0,
      });
    });
  });

  test('rollup(table, { by }) never adds different sources or measures', () => {
    expect(rollup(load('by-nationality'), { by: 'nationality' }).numRows()).toBe(48); // 16 × 3, unchanged
    expect(
      rollup(load('by-location-1964'))
        .objects()
        .map((r) => [r.measure, r.value]),
    ).toEqual([
      ['deaths', 597333], // 177,045 + 194,749 + 19,076 + 16,903 + 40,791 + 97,728 + 7,927 + 41,370 + 1,744
      ['survived', 509849], // 49,242 + 106,220 + 32,374 + 14,136 + 101,929 + 123,818 + 13,960 + 65,957 + 2,213
    ]);
  });

  test('rollup(table, { by }) gives a group with no reported part null, not 0', () => {
    const table = fromRows(
      [row('a', 'x', dash), row('a', 'x', dash, { extra: 'two' }), row('a', 'y', exact(7))],
      { sources },
    );
    const [x, y] = rollup(table, { by: 'category' }).objects();
    expect(x).toMatchObject({
      value: null,
      low: null,
      high: null,
      qualifier: 'not-reported',
      parts: 0,
      not_reported: 2,
    });
    expect(y).toMatchObject({ value: 7, qualifier: 'exact', parts: 1, not_reported: 0 });
  });

  test("rollup(table, { missing: 'fail' }) throws on a part that is not reported", () => {
    expect(() => rollup(load('by-nationality'), { missing: 'fail' })).toThrow(InvalidTableError);
    expect(() => rollup(load('by-nationality'), { missing: 'fail' })).toThrow(
      /the row 'Other Slavs' \(source 'yu-1964', measure 'deaths'\) is not reported; with missing: 'fail'/,
    );
    expect(rollup(load('by-republic-zerjavic'), { missing: 'fail' }).object()).toMatchObject({
      value: 1017000,
    }); // nothing missing: 316 + 273 + 271 + 33 + 27 + 17 + 80
  });

  test('rollup(table, options) rejects bad options', () => {
    expect(() => rollup(load('by-nationality'), { by: 'nation' })).toThrow(InvalidOptionError);
    expect(() => rollup(load('by-nationality'), { by: 'nation' })).toThrow(
      /rollup: option by is 'nation'.*Did you mean 'nationality'\?/,
    );
    // @ts-expect-error not a policy
    expect(() => rollup(load('by-nationality'), { missing: 'zero' })).toThrow(
      /rollup: option missing is 'zero'; expected 'skip' or 'fail'\./,
    );
  });
});
