import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, load } from '../../src/index.js';
import { compare, fromRows, harmonize } from '../../src/index.js';
import { atLeast, dash, exact, row, sources } from './fixtures.js';

describe('harmonize', () => {
  test("harmonize(byLocation1964, { dimension: 'region' }) adds Serbia (proper), Kosovo and Vojvodina into Serbia", () => {
    const result = harmonize(load('by-location-1964'), { dimension: 'region' });
    expect(result.numRows()).toBe(14); // 9 locations → 7 (three become one), for deaths and survived
    const serbia = result.objects().find((r) => r.region === 'serbia' && r.measure === 'deaths')!;
    expect(serbia).toMatchObject({
      source: 'yu-1964',
      value: 147025, // 97,728 + 7,927 + 41,370
      low: 147025,
      high: 147025,
      qualifier: 'derived',
      label: 'Serbia (proper) + AP Kosovo (Serbia) + AP Vojvodina (Serbia)',
      parts: 3,
      comparability: 'partial',
    });
    expect(serbia.note).toMatch(
      /^derived: the sum of 'Serbia \(proper\)' \+ 'AP Kosovo \(Serbia\)' \+ 'AP Vojvodina \(Serbia\)'/,
    );
    expect(serbia.warning).toMatch(/together make Serbia/);
    // 123,818 + 13,960 + 65,957 = 203,735
    expect(
      result.objects().find((r) => r.region === 'serbia' && r.measure === 'survived')!.value,
    ).toBe(203735);
    // Croatia is one row: kept as published.
    expect(
      result.objects().find((r) => r.region === 'croatia' && r.measure === 'deaths'),
    ).toMatchObject({
      value: 194749,
      qualifier: 'exact',
      label: 'Croatia',
      parts: 1,
      comparability: 'same',
      warning: null,
    });
  });

  test("harmonize(byRepublicZerjavic, { dimension: 'region' }) warns that Žerjavić's Serbia may not include the provinces", () => {
    const serbia = harmonize(load('by-republic-zerjavic'), { dimension: 'region' })
      .objects()
      .find((r) => r.region === 'serbia')!;
    expect(serbia).toMatchObject({ value: 273000, qualifier: 'exact', comparability: 'partial' });
    expect(serbia.warning).toBe(
      "Serbia: the document does not say whether Žerjavić's Serbia includes the provinces of Kosovo and Vojvodina",
    );
  });

  test('harmonize then compare sets the 1964 list beside Žerjavić by republic', () => {
    const deaths = load('by-location-1964').filter(
      (d: { measure: string }) => d.measure === 'deaths',
    );
    const both = harmonize(deaths, { dimension: 'region' }).concat(
      harmonize(load('by-republic-zerjavic'), { dimension: 'region' }),
    );
    const result = compare(both, { by: 'region', baseline: 'zerjavic' }).objects();
    // Serbia: 147,025 − 273,000 = −125,975
    expect(result.find((r) => r.region === 'serbia' && r.source === 'yu-1964')).toMatchObject({
      value: 147025,
      difference: -125975,
    });
    // 'unknown' (1964 list) and 'abroad' (Žerjavić) have no counterpart: flagged, not 0.
    expect(result.find((r) => r.region === 'abroad' && r.source === 'yu-1964')).toMatchObject({
      value: null,
      reported: false,
    });
    expect(result.find((r) => r.region === 'unknown' && r.source === 'zerjavic')).toMatchObject({
      value: null,
      reported: false,
    });
  });

  test('harmonize(table, { dimension, crosswalk }) uses a user crosswalk, for every source when source is left out', () => {
    const table = load('ndh-civilians-by-perpetrator');
    const crosswalk = [
      { key: 'croats', group: 'croats-and-bosniaks' },
      {
        key: 'muslims',
        group: 'croats-and-bosniaks',
        comparability: 'partial' as const,
        note: 'Bosniaks, including Muslims of Croatia',
      },
    ];
    const result = harmonize(table, { dimension: 'nationality', crosswalk }).objects();
    expect(result).toHaveLength(6); // 5 perpetrators in the NDH + abroad
    // Chetniks: 18,000+ + 20,000+ = 38,000 or more; each rounded to the thousand, so the
    // bound is 17,500 + 19,500 = 37,000.
    expect(result[0]).toMatchObject({
      nationality: 'croats-and-bosniaks',
      perpetrator: 'chetniks',
      value: 38000,
      low: 37000,
      high: null,
      qualifier: 'at-least',
      comparability: 'partial',
      warning: '20,000+ Bosniaks: Bosniaks, including Muslims of Croatia',
    });
    // Ustaše: 17,000 + 7,000 = 24,000
    expect(result[1]).toMatchObject({ perpetrator: 'ustase', value: 24000, qualifier: 'derived' });
  });

  test('harmonize(table, { dimension, crosswalk }) keeps a key the crosswalk lacks, with a warning', () => {
    const table = fromRows(
      [row('a', 'x', exact(10)), row('a', 'y', exact(5)), row('a', 'z', atLeast(1))],
      { sources },
    );
    const result = harmonize(table, {
      dimension: 'category',
      crosswalk: [
        { source: 'a', key: 'x', group: 'xy' },
        { source: 'a', key: 'y', group: 'xy' },
      ],
    }).objects();
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({
      category: 'xy',
      value: 15,
      qualifier: 'derived',
      comparability: 'same',
      warning: null,
    }); // 10 + 5
    expect(result[1]).toMatchObject({
      category: 'z',
      value: 1,
      high: null,
      qualifier: 'at-least',
      comparability: null,
      warning: "no crosswalk entry for source 'a', category 'z'; kept as it is",
    });
  });

  test('harmonize(table, options) rejects what it cannot use', () => {
    expect(() => harmonize(load('ndh-serbs'), { dimension: 'perpetrator' })).toThrow(
      InvalidOptionError,
    );
    expect(() => harmonize(load('ndh-serbs'), { dimension: 'perpetrator' })).toThrow(
      /no bundled crosswalk for dimension 'perpetrator'; bundled: nationality, region, status/,
    );
    expect(() => harmonize(load('by-location-1964'), { dimension: 'regions' })).toThrow(
      /option dimension is 'regions'.*Did you mean 'region'\?/,
    );
    expect(() =>
      harmonize(load('by-location-1964'), { dimension: 'region', dataset: 'by-location' }),
    ).toThrow(/option dataset is 'by-location'.*Did you mean 'by-location-1964'\?/);
    const conflict = [
      { key: 'x', group: 'one' },
      { key: 'x', group: 'two' },
    ];
    const table = fromRows([row('a', 'x', exact(1))], { sources });
    expect(() => harmonize(table, { dimension: 'category', crosswalk: conflict })).toThrow(
      /maps category 'x' of every source to both 'one' and 'two'/,
    );
    // @ts-expect-error an entry without a group
    expect(() => harmonize(table, { dimension: 'category', crosswalk: [{ key: 'x' }] })).toThrow(
      /crosswalk entry 1, field 'group': undefined; expected the group to map the key to/,
    );
    // missing: 'fail', as in rollup: a dash in a group throws.
    const withDash = fromRows([row('a', 'x', exact(1)), row('a', 'y', dash)], { sources });
    const xy = [
      { key: 'x', group: 'g' },
      { key: 'y', group: 'g' },
    ];
    expect(() =>
      harmonize(withDash, { dimension: 'category', crosswalk: xy, missing: 'fail' }),
    ).toThrow(InvalidTableError);
    expect(() =>
      harmonize(withDash, { dimension: 'category', crosswalk: xy, missing: 'fail' }),
    ).toThrow(
      /harmonize: the row 'y \(a\)' \(source 'a', category 'g', measure 'deaths'\) is not reported/,
    );
    // The dash is unknown, never 0: the sum is a lower bound with no upper bound.
    expect(harmonize(withDash, { dimension: 'category', crosswalk: xy }).object()).toMatchObject({
      value: 1,
      high: null,
      not_reported: 1,
      qualifier: 'at-least',
    });
  });
});
