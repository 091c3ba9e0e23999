import { from } from 'arquero';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, UnknownIdError, load } from '../../src/index.js';
import { compare, fromRows } from '../../src/index.js';
import { atLeast, exact, range, row, sources } from './fixtures.js';

const byNationality = () =>
  compare(load('by-nationality'), { by: 'nationality', baseline: 'zerjavic' });
const cell = (source: string, nationality: string) =>
  byNationality()
    .objects()
    .find((r) => r.source === source && r.nationality === nationality)!;

describe('compare', () => {
  test('compare(byNationality, { by, baseline }) gives the difference and ratio against the baseline', () => {
    // Jews: 1964 list 45,000, Kočović 60,000, Žerjavić 57,000 (the baseline).
    expect(cell('yu-1964', 'jews')).toMatchObject({
      value: 45000,
      difference: 45000 - 57000,
      reported: true,
    }); // −12,000
    expect(cell('yu-1964', 'jews').ratio).toBeCloseTo(45000 / 57000, 12); // 0.789…
    expect(cell('kocovic', 'jews')).toMatchObject({ value: 60000, difference: 3000 });
    expect(cell('kocovic', 'jews').ratio).toBeCloseTo(60 / 57, 12);
    expect(cell('zerjavic', 'jews')).toMatchObject({ difference: 0, ratio: 1 });
    // Serbs: Kočović 487,000 − Žerjavić 530,000 = −43,000.
    expect(cell('kocovic', 'serbs').difference).toBe(-43000);
  });

  test('compare(table, { by }) has a row for every category and source, in table order', () => {
    const result = byNationality();
    expect(result.numRows()).toBe(16 * 3); // 16 nationalities × 3 sources
    expect(result.columnNames()).toEqual([
      'nationality',
      'source',
      'label',
      'value',
      'low',
      'high',
      'qualifier',
      'reported',
      'baseline_value',
      'baseline_low',
      'baseline_high',
      'baseline_qualifier',
      'difference',
      'difference_low',
      'difference_high',
      'ratio',
      'ratio_low',
      'ratio_high',
      'share',
      'rank',
    ]);
    expect(
      result
        .objects()
        .slice(0, 3)
        .map((r) => [r.nationality, r.source]),
    ).toEqual([
      ['serbs', 'yu-1964'],
      ['serbs', 'kocovic'],
      ['serbs', 'zerjavic'],
    ]);
  });

  test('compare(table, { by }) keeps a dash missing: no value, difference, ratio, share or rank, never 0', () => {
    // The 1964 list has a dash for 'Gypsies'.
    expect(cell('yu-1964', 'roma')).toEqual({
      nationality: 'roma',
      source: 'yu-1964',
      label: 'Gypsies',
      value: null,
      low: null,
      high: null,
      qualifier: 'not-reported',
      reported: false,
      baseline_value: 18000, // Žerjavić: 18,000 Gypsies
      baseline_low: 18000,
      baseline_high: 18000,
      baseline_qualifier: 'exact',
      difference: null,
      difference_low: null,
      difference_high: null,
      ratio: null,
      ratio_low: null,
      ratio_high: null,
      share: null,
      rank: null,
    });
    // The 1964 list gives Hungarians 2,680, the baseline Žerjavić a dash: no difference.
    expect(cell('yu-1964', 'hungarians')).toMatchObject({
      value: 2680,
      reported: true,
      difference: null,
      ratio: null,
    });
  });

  test("compare(table, { by }) gives each source's share of the sum of its own reported figures", () => {
    // 1964 list, the 12 figures it reports:
    // 346,740 + 83,257 + 42,027 + 16,276 + 6,724 + 32,300 + 3,241 + 45,000 + 2,680 + 1,160 + 686 + 16,202 = 596,293
    expect(cell('yu-1964', 'jews').share).toBeCloseTo(45000 / 596293, 12);
    // Žerjavić: 530 + 192 + 42 + 20 + 6 + 103 + 7 + 18 + 57 + 18 + 28 + 6 = 1,027 thousand
    expect(cell('zerjavic', 'serbs').share).toBeCloseTo(530000 / 1027000, 12);
  });

  test('compare(table, { by }) ranks within each source, largest first, ties sharing the best rank', () => {
    // Žerjavić sorted: 530 Serbs, 192 Croats, 103 Muslims, 57 Jews, 42 Slovenes, 28 Germans, 20 Montenegrins,
    // 18 Albanians = 18 Gypsies, 7 Other Slavs, 6 Macedonians = 6 Others.
    expect(cell('zerjavic', 'jews').rank).toBe(4);
    expect(cell('zerjavic', 'albanians').rank).toBe(8);
    expect(cell('zerjavic', 'roma').rank).toBe(8);
    expect(cell('zerjavic', 'other-slavs').rank).toBe(10);
    expect(cell('zerjavic', 'others').rank).toBe(11);
    // 1964 list: 346,740 Serbs, 83,257 Croats, 45,000 Jews.
    expect(cell('yu-1964', 'jews').rank).toBe(3);
  });

  test('compare(table, { by }) flags categories a source does not have at all, and defaults the baseline to the first source', () => {
    const table = fromRows(
      [
        row('a', 'x', exact(100)),
        row('a', 'y', exact(300)),
        row('b', 'y', exact(240)),
        row('b', 'z', exact(60)),
      ],
      { sources },
    );
    const result = compare(table, { by: 'category' }).objects();
    expect(result).toHaveLength(3 * 2); // categories x, y, z × sources a, b
    expect(result.find((r) => r.source === 'b' && r.category === 'x')).toMatchObject({
      label: null,
      value: null,
      qualifier: null,
      reported: false,
      rank: null,
    });
    expect(result.find((r) => r.source === 'a' && r.category === 'z')).toMatchObject({
      value: null,
      reported: false,
      share: null,
    });
    // Baseline a: y 240 − 300 = −60, 240 / 300 = 0.8; z has no baseline figure.
    expect(result.find((r) => r.source === 'b' && r.category === 'y')).toMatchObject({
      difference: -60,
      ratio: 0.8,
    });
    expect(result.find((r) => r.source === 'b' && r.category === 'z')).toMatchObject({
      difference: null,
      ratio: null,
    });
    // Shares: a 100 / (100 + 300) = 0.25; b 60 / (240 + 60) = 0.2.
    expect(result.find((r) => r.source === 'a' && r.category === 'x')!.share).toBe(0.25);
    expect(result.find((r) => r.source === 'b' && r.category === 'z')!.share).toBe(0.2);
  });

  test('compare(table, { by }) carries intervals: a range keeps its bounds, an at-least has no upper bound', () => {
    const table = fromRows([row('a', 'x', range(69000, 71000)), row('b', 'x', atLeast(18000))], {
      sources,
    });
    const [a, b] = compare(table, { by: 'category' }).objects();
    expect(a).toMatchObject({ value: 70000, low: 69000, high: 71000, qualifier: 'range' });
    // 18,000 − 70,000 = −52,000, on the best figures; the at-least stays visible.
    expect(b).toMatchObject({
      value: 18000,
      low: 18000,
      high: null,
      qualifier: 'at-least',
      difference: -52000,
    });
  });

  test('compare(table, { by, measure }) picks one measure; several without the option is an error', () => {
    expect(() => compare(load('by-location-1964'), { by: 'region' })).toThrow(InvalidOptionError);
    expect(() => compare(load('by-location-1964'), { by: 'region' })).toThrow(
      /several measures \(deaths, survived\); choose one with the option measure/,
    );
    const survived = compare(load('by-location-1964'), { by: 'region', measure: 'survived' });
    expect(survived.objects().find((r) => r.region === 'slovenia')!.value).toBe(101929);
    expect(() => compare(load('by-location-1964'), { by: 'region', measure: 'death' })).toThrow(
      /option measure is 'death'.*Did you mean 'deaths'\?/,
    );
  });

  test('compare(table, { by }) rejects bad options and tables with what was given and expected', () => {
    expect(() => compare(load('by-nationality'), { by: 'nationalty' })).toThrow(InvalidOptionError);
    expect(() => compare(load('by-nationality'), { by: 'nationalty' })).toThrow(
      /option by is 'nationalty'; expected a dimension column of the table, one of: nationality\. Did you mean 'nationality'\?/,
    );
    expect(() => compare(load('by-nationality'), { by: 'value' })).toThrow(
      /option by is 'value'; expected a dimension column/,
    );
    expect(() =>
      compare(load('by-nationality'), { by: 'nationality', baseline: 'zerjavc' }),
    ).toThrow(UnknownIdError);
    expect(() =>
      compare(load('by-nationality'), { by: 'nationality', baseline: 'zerjavc' }),
    ).toThrow(/Unknown baseline source 'zerjavc'\. Did you mean 'zerjavic'\?/);
    // Two rows of one source for one category cannot be set side by side.
    const twice = from([row('a', 'x', exact(1)), row('a', 'x', exact(2))]); // fromRows would refuse it
    expect(() => compare(twice, { by: 'category' })).toThrow(InvalidTableError);
    expect(() => compare(twice, { by: 'category' })).toThrow(
      /source 'a' has more than one row of deaths for category 'x'/,
    );
    const rows = load('by-nationality').objects();
    // @ts-expect-error an array is not a table
    expect(() => compare(rows, { by: 'nationality' })).toThrow(
      /expected an Arquero table.*got an array of 48 items \(pass it through fromRows\(\) first\)/,
    );
    expect(() =>
      compare(load('by-nationality').select('source', 'nationality', 'value'), {
        by: 'nationality',
      }),
    ).toThrow(
      /the table has no column 'measure', 'unit', 'low', 'high', 'qualifier', 'label', 'note'/,
    );
  });

  // Why (issue 11): "compare against a range baseline (Germany killed, 19,235–103,693) gives
  // Reinecke's 24,000 a ratio of 0.39, where the range allows 0.23–1.25".
  test('compare(table, { by, baseline }) gives the difference and ratio as intervals against a range', () => {
    const killed = load('military-losses').filter(
      (d) => d.belligerent === 'germany' && d.measure === 'killed',
    );
    // The infobox's figure is for Yugoslavia, Reinecke's for the Balkans: not pooled unless asked.
    expect(() =>
      compare(killed, { by: 'belligerent', baseline: 'enc-ww2-yugoslavia-infobox' }),
    ).toThrow(/compare: the rows also differ in region.*pool: \['region'\]/);
    const reinecke = compare(killed, {
      by: 'belligerent',
      pool: 'region',
      baseline: 'enc-ww2-yugoslavia-infobox',
    })
      .objects()
      .find((r) => r.source === 'reinecke-times-1945')!;
    expect(reinecke).toMatchObject({
      value: 24000,
      baseline_value: 61464, // the midpoint of 19,235–103,693
      baseline_low: 19235,
      baseline_high: 103693,
      baseline_qualifier: 'range',
      difference: 24000 - 61464, // −37,464
      difference_low: 24000 - 103693, // −79,693
      difference_high: 24000 - 19235, // 4,765
    });
    expect(reinecke.ratio).toBeCloseTo(24000 / 61464, 12); // 0.39
    // 24,000 / 103,693 = 0.2314…; 24,000 / 19,235 = 1.2477…: 0.23–1.25
    expect(reinecke.ratio_low).toBeCloseTo(0.23145, 5);
    expect(reinecke.ratio_high).toBeCloseTo(1.24773, 5);
    expect(reinecke.ratio_low).toBeCloseTo(24000 / 103693, 12);
    expect(reinecke.ratio_high).toBeCloseTo(24000 / 19235, 12);
  });

  // Why (issue 11): "an at-least baseline is not flagged".
  test('compare(table, { by, baseline }) flags an at-least baseline: the ratio has no floor above 0, the difference none below', () => {
    const table = fromRows([row('a', 'x', atLeast(18000)), row('b', 'x', range(20000, 30000))], {
      sources,
    });
    const b = compare(table, { by: 'category', baseline: 'a' })
      .objects()
      .find((r) => r.source === 'b')!;
    expect(b).toMatchObject({
      baseline_qualifier: 'at-least',
      baseline_high: null,
      difference: 25000 - 18000, // 7,000 on the best figures
      difference_low: null, // unbounded below: the baseline may be any figure from 18,000 up
      difference_high: 30000 - 18000, // 12,000
      ratio_low: 0,
    });
    expect(b.ratio).toBeCloseTo(25000 / 18000, 12);
    expect(b.ratio_high).toBeCloseTo(30000 / 18000, 12);
    // Against an exact baseline, an at-least figure has no upper bound.
    const a = compare(table, { by: 'category', baseline: 'b' })
      .objects()
      .find((r) => r.source === 'a')!;
    expect(a).toMatchObject({
      difference_low: 18000 - 30000,
      difference_high: null,
      ratio_high: null,
    });
    expect(a.ratio_low).toBeCloseTo(18000 / 30000, 12);
  });

  // Why (issue 11): "rows whose dimension is empty are paired with each other as if they were one category".
  test('compare(table, { by }) never makes a missing key a category', () => {
    const table = fromRows([row('a', null, exact(10)), row('b', null, exact(30))], { sources });
    expect(() => compare(table, { by: 'category' })).toThrow(InvalidTableError);
    expect(() => compare(table, { by: 'category' })).toThrow(
      /compare: 2 rows have no category: 'null \(a\)' \(a\), 'null \(b\)' \(b\); a missing key is not a category/,
    );
  });

  test('compare refuses, before building it, a grid larger than it can hold', () => {
    // 4,000 rows, each its own source and category: the grid has a row for every category and
    // source, 4,000 × 4,000 = 16,000,000 rows of 20 columns (category and 19 more) = 320,000,000
    // cells, beyond the 50,000,000 the package builds.
    const diagonal = from(Array.from({ length: 4000 }, (_, i) => row(`s${i}`, `c${i}`, exact(i))));
    expect(() => compare(diagonal, { by: 'category' })).toThrow(InvalidTableError);
    expect(() => compare(diagonal, { by: 'category' })).toThrow(
      'compare: the result would have 4000 categories × 4000 sources × 20 columns = 320000000 ' +
        'cells; expected at most 50000000',
    );
  });
});
