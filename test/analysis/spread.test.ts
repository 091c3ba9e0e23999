import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, load } from '../../src/index.js';
import { fromRows, spread } from '../../src/index.js';
import { atLeast, dash, exact, range, row, sources } from './fixtures.js';
import fc from 'fast-check';
import { median } from 'simple-statistics';
import { medianOf } from '../../src/analysis/numbers.js';

const of = (nationality: string) =>
  spread(load('by-nationality'), { by: 'nationality' })
    .objects()
    .find((r) => r.nationality === nationality)!;

describe('spread', () => {
  test('spread(byNationality, { by }) for Serbs: three sources, hand-computed statistics', () => {
    // 346,740 (1964 list), 487,000 (Kočović), 530,000 (Žerjavić)
    const serbs = of('serbs');
    expect(serbs).toMatchObject({
      count: 3,
      not_reported: 0,
      sources: 'yu-1964, kocovic, zerjavic',
      min: 346740,
      max: 530000,
      min_source: 'yu-1964',
      max_source: 'zerjavic',
      range: 183260, // 530,000 − 346,740
      median: 487000,
      mean: 454580, // (346,740 + 487,000 + 530,000) / 3 = 1,363,740 / 3
    });
    expect(serbs.ratio).toBeCloseTo(530000 / 346740, 12); // 1.5285…
    // Deviations from the mean: −107,840, 32,420, 75,420; squares 11,629,465,600 + 1,051,056,400 + 5,688,176,400
    // = 18,368,698,400; the sample variance divides by n − 1 = 2.
    expect(serbs.sd).toBeCloseTo(Math.sqrt(18368698400 / 2), 6); // 95,835.01…
    expect(serbs.cv).toBeCloseTo(Math.sqrt(18368698400 / 2) / 454580, 12); // 0.2108…
  });

  test('spread(table, { by }) leaves a dash out and counts it, never as 0', () => {
    // Other Slavs: 1964 list –, Kočović 12,000, Žerjavić 7,000.
    const otherSlavs = of('other-slavs');
    expect(otherSlavs).toMatchObject({
      count: 2,
      not_reported: 1,
      sources: 'kocovic, zerjavic',
      min: 7000,
      max: 12000,
      range: 5000,
      median: 9500,
      mean: 9500,
    });
    // Two figures: sd = |12,000 − 7,000| / √2.
    expect(otherSlavs.sd).toBeCloseTo(5000 / Math.SQRT2, 9);
    expect(otherSlavs.cv).toBeCloseTo(5000 / Math.SQRT2 / 9500, 12);
    expect(otherSlavs.ratio).toBeCloseTo(12 / 7, 12);
  });

  test('spread(table, { by }) with a single figure has no standard deviation', () => {
    // Hungarians: only the 1964 list, 2,680.
    expect(of('hungarians')).toMatchObject({
      count: 1,
      not_reported: 2,
      min: 2680,
      max: 2680,
      range: 0,
      ratio: 1,
      median: 2680,
      mean: 2680,
      sd: null,
      cv: null,
    });
  });

  test('spread(table, { by }) gives a category no source reports a count of 0 and no statistics', () => {
    const table = fromRows(
      [
        row('a', 'x', exact(10)),
        row('b', 'x', exact(30)),
        row('a', 'y', dash),
        row('b', 'y', dash),
        row('c', 'x', exact(20)),
      ],
      { sources },
    );
    const [x, y] = spread(table, { by: 'category' }).objects();
    // x: 10, 30, 20 → mean 20, median 20, sd √(((−10)² + 10² + 0²) / 2) = 10, cv 10 / 20
    expect(x).toMatchObject({
      category: 'x',
      count: 3,
      not_reported: 0,
      min: 10,
      max: 30,
      ratio: 3,
      median: 20,
      mean: 20,
      sd: 10,
      cv: 0.5,
      min_source: 'a',
      max_source: 'b',
    });
    // y: a and b give dashes, c has no row: 3 sources without a figure.
    expect(y).toEqual({
      category: 'y',
      count: 0,
      not_reported: 3,
      sources: '',
      min: null,
      max: null,
      low: null,
      high: null,
      min_source: null,
      max_source: null,
      range: null,
      ratio: null,
      median: null,
      mean: null,
      sd: null,
      cv: null,
    });
  });

  test('spread(table, { by }) rejects a by that is not a dimension column', () => {
    expect(() => spread(load('by-nationality'), { by: 'source' })).toThrow(InvalidOptionError);
    expect(() => spread(load('by-nationality'), { by: 'source' })).toThrow(
      /spread: option by is 'source'; expected a dimension column of the table, one of: nationality\./,
    );
  });

  // Why (issue 11): "spread(military-losses deaths, { by: 'period' }) averages '436 dead'
  // (belligerent not named) with 11,000 German prisoners of war".
  test('spread(table, { by }) refuses to pool rows that differ in another dimension, naming it', () => {
    const deaths = load('military-losses').filter((d) => d.measure === 'deaths');
    expect(() => spread(deaths, { by: 'period' })).toThrow(InvalidOptionError);
    expect(() => spread(deaths, { by: 'period' })).toThrow(
      /spread: the rows also differ in belligerent, region, status, which by \(period\) leaves out/,
    );
    expect(() => spread(deaths, { by: 'period' })).toThrow(
      /'436 dead' \(enc-ww2-yugoslavia-infobox\) has belligerent 'not-named' and 'some 11,000 who died as Yugoslav prisoners of war' \(overmans\) has 'germany'/,
    );
    expect(() => spread(deaths, { by: 'period' })).toThrow(
      /add them to by \(by: \['period', 'belligerent', 'region', 'status'\]\)/,
    );
  });

  test('spread(table, { by }) never makes a missing key a category', () => {
    const deaths = load('military-losses').filter((d) => d.measure === 'deaths');
    // By period and belligerent nothing is pooled, but two rows give no period.
    expect(() => spread(deaths, { by: ['period', 'belligerent'] })).toThrow(InvalidTableError);
    expect(() => spread(deaths, { by: ['period', 'belligerent'] })).toThrow(
      /spread: 2 rows have no period: '436 dead' \(enc-ww2-yugoslavia-infobox\), 'some 11,000 who died as Yugoslav prisoners of war' \(overmans\); a missing key is not a category/,
    );
    // Two sources whose rows have no category are not one category.
    const table = fromRows([row('a', null, exact(10)), row('b', null, exact(30))], { sources });
    expect(() => spread(table, { by: 'category' })).toThrow(/a missing key is not a category/);
  });

  test('spread(table, { by: [..] }) groups by several dimensions', () => {
    const table = fromRows(
      [
        row('a', 'x', exact(10), { status: 'civilian' }),
        row('b', 'x', exact(30), { status: 'civilian' }),
        row('a', 'x', exact(7), { status: 'military' }),
      ],
      { sources },
    );
    expect(() => spread(table, { by: 'category' })).toThrow(/the rows also differ in status/);
    const result = spread(table, { by: ['category', 'status'] }).objects();
    expect(result.map((r) => [r.category, r.status, r.count, r.mean])).toEqual([
      ['x', 'civilian', 2, 20], // (10 + 30) / 2
      ['x', 'military', 1, 7],
    ]);
  });

  // Why (issue 11): "spread's min and max ignore the bounds".
  test('spread(table, { by }) gives the lowest and highest figure the sources allow', () => {
    // German killed: the infobox's range 19,235–103,693 (midpoint 61,464) and Reinecke's 24,000
    // (for the Balkans: pooled on purpose with pool: 'region').
    const killed = load('military-losses').filter(
      (d) => d.belligerent === 'germany' && d.measure === 'killed',
    );
    expect(() => spread(killed, { by: 'belligerent' })).toThrow(/differ in region/);
    const [germany] = spread(killed, { by: 'belligerent', pool: 'region' }).objects();
    expect(germany).toMatchObject({ min: 24000, max: 61464, low: 19235, high: 103693 });
    // An at-least figure leaves the high open.
    const table = fromRows([row('a', 'x', range(69000, 71000)), row('b', 'x', atLeast(18000))], {
      sources,
    });
    expect(spread(table, { by: 'category' }).object()).toMatchObject({
      min: 18000,
      max: 70000,
      low: 18000,
      high: null,
    });
  });

  // Why (issue 11): "the mean of three 0.1 figures exceeds their max" and "a non-zero sd".
  test('spread(table, { by }) keeps the mean within [min, max] and gives equal figures an sd of 0', () => {
    const share = (source: string, value: number) => ({
      ...row(source, 'x', { value, low: value, high: value, qualifier: 'exact' }),
      measure: 'share',
      unit: 'percent',
    });
    // In floating point, (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002, above 0.1.
    const [x] = spread(fromRows([share('a', 0.1), share('b', 0.1), share('c', 0.1)], { sources }), {
      by: 'category',
    }).objects();
    expect(x).toMatchObject({ min: 0.1, max: 0.1, mean: 0.1, median: 0.1, sd: 0, cv: 0 });
  });

  test('spread(table, { by }) counts a figure that restates another once', () => {
    // b mentions a's figure again (restates): one figure, 100, beside c's 400; mean 250, not 200.
    const table = fromRows(
      [
        { ...row('a', 'x', exact(100)), id: 'a-x' },
        { ...row('b', 'x', exact(100)), id: 'b-x', restates: 'a-x' },
        { ...row('c', 'x', exact(400)), id: 'c-x' },
      ],
      { sources },
    );
    expect(spread(table, { by: 'category' }).object()).toMatchObject({
      count: 2,
      sources: 'a, c',
      mean: 250, // (100 + 400) / 2
    });
  });

  test("its median is simple-statistics' median to the bit, for odd and even counts", () => {
    // hand-computed: the middle figure, or a + ½(b − a) of the two middle ones
    expect(medianOf([30, 10, 20])).toBe(20);
    expect(medianOf([40, 10, 30, 20])).toBe(25);
    expect(medianOf(Float64Array.of(0.1, 0.2))).toBe(0.1 + 0.5 * (0.2 - 0.1));
    expect(() => medianOf([])).toThrow();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e15, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (x) => Object.is(medianOf(x) + 0, median(x) + 0),
      ),
    );
  });
});
