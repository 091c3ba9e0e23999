import { describe, expect, test } from 'vitest';
import { InvalidOptionError, load } from '../../src/index.js';
import { fromRows, spread } from '../../src/index.js';
import { dash, exact, row, sources } from './fixtures.js';

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
      /spread: option by is 'source', which is not a dimension column of the table\. Expected one of: nationality\./,
    );
  });
});
