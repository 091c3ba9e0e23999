import { describe, expect, test } from 'vitest';
import { from } from 'arquero';
import { InvalidOptionError, InvalidTableError, load } from '../../src/index.js';
import { fromRows, rates } from '../../src/index.js';
import { atLeast, dash, exact, range, row, sources } from './fixtures.js';

// No population is bundled; these populations are made up for the arithmetic.
describe('rates', () => {
  test('rates(table, population, { by }) gives deaths per 1,000 by default', () => {
    const result = rates(
      load('by-republic-zerjavic'),
      [
        { region: 'slovenia', population: 1500000, year: 1941 },
        { region: 'montenegro', population: 400000, year: 1941 },
      ],
      { by: 'region' },
    );
    const slovenia = result.objects().find((r) => r.region === 'slovenia')!;
    // 33,000 / 1,500,000 × 1,000 = 22. Žerjavić's figures are in whole thousands (precision 1000):
    // 32,500 / 1,500,000 × 1,000 = 21.666… to 33,500 / 1,500,000 × 1,000 = 22.333….
    expect(slovenia.rate_low).toBeCloseTo(32500 / 1500, 12);
    expect(slovenia.rate_high).toBeCloseTo(33500 / 1500, 12);
    expect(slovenia).toMatchObject({
      source: 'zerjavic',
      count: 33000,
      population: 1500000,
      population_low: 1500000,
      population_high: 1500000,
      population_year: 1941,
      per: 1000,
      rate: 22,
      qualifier: 'derived',
    });
    expect(slovenia.note).toBe(
      "derived: 33000 / 1500000 × 1000 (the count 'Slovenia' of zerjavic, and the population of 1941 given for region 'slovenia'); the count is rounded to 1000, so the interval allows 500 either way",
    );
    // 27,000 / 400,000 × 1,000 = 67.5
    expect(result.objects().find((r) => r.region === 'montenegro')!.rate).toBe(67.5);
  });

  test('rates(table, population, { per: 100 }) carries the interval of a range and the open bound of an at-least', () => {
    const table = fromRows(
      [row('a', 'x', range(69000, 71000)), row('a', 'y', atLeast(18000)), row('a', 'z', dash)],
      { sources },
    );
    const population = from([
      { category: 'x', population: 1000000, year: 1941 },
      { category: 'y', population: 600000, year: 1941 },
      { category: 'z', population: 10, year: 1941 },
    ]);
    const [x, y, z] = rates(table, population, { by: 'category', per: 100 }).objects();
    // 70,000 / 1,000,000 × 100 = 7; 69,000 → 6.9; 71,000 → 7.1
    expect(x!.rate).toBeCloseTo(7, 12);
    expect(x!.rate_low).toBeCloseTo(6.9, 12);
    expect(x!.rate_high).toBeCloseTo(7.1, 12);
    expect(x!.qualifier).toBe('derived');
    // 18,000+ / 600,000 × 100 = 3 per cent or more
    expect(y).toMatchObject({ rate: 3, rate_low: 3, rate_high: null, qualifier: 'at-least' });
    expect(y!.note).toMatch(/the count is a lower bound, so the rate is one too/);
    // A dash has no rate, not 0.
    expect(z).toMatchObject({
      count: null,
      rate: null,
      rate_low: null,
      rate_high: null,
      qualifier: 'not-reported',
    });
  });

  test('rates(table, population, { by }) gives no rate, not 0, where no population is given', () => {
    const abroad = rates(
      load('by-republic-zerjavic'),
      [{ region: 'slovenia', population: 1500000, year: 1941 }],
      { by: 'region' },
    )
      .objects()
      .find((r) => r.region === 'abroad')!;
    expect(abroad).toMatchObject({
      count: 80000,
      population: null,
      rate: null,
      qualifier: null,
      note: "no population given for region 'abroad'; no rate",
    });
  });

  test('rates(table, population, options) rejects bad options, populations and tables', () => {
    const pop = [{ region: 'slovenia', population: 1500000, year: 1941 }];
    // @ts-expect-error per 10 is not offered
    expect(() => rates(load('by-republic-zerjavic'), pop, { by: 'region', per: 10 })).toThrow(
      InvalidOptionError,
    );
    // @ts-expect-error per 10 is not offered
    expect(() => rates(load('by-republic-zerjavic'), pop, { by: 'region', per: 10 })).toThrow(
      /rates: option per is 10; expected 1000 or 100\./,
    );
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ region: 'slovenia', population: 0, year: 1941 }], {
        by: 'region',
      }),
    ).toThrow(InvalidTableError);
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ region: 'slovenia', population: 0, year: 1941 }], {
        by: 'region',
      }),
    ).toThrow(/population row 1, column 'population': 0; expected a number > 0\./);
    expect(() =>
      rates(
        load('by-republic-zerjavic'),
        [{ region: 'slovenia', population: '1,500,000', year: 1941 }],
        {
          by: 'region',
        },
      ),
    ).toThrow(/column 'population': '1,500,000'; expected a number > 0/);
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ republic: 'slovenia', population: 5, year: 1941 }], {
        by: 'region',
      }),
    ).toThrow(/population row 1, column 'region': undefined; expected the category key/);
    expect(() => rates(load('by-republic-zerjavic'), [...pop, ...pop], { by: 'region' })).toThrow(
      /population row 2: region 'slovenia' appears twice/,
    );
    // Shares in per cent are not counts of people.
    expect(() =>
      rates(load('slovenia-2005'), [{ status: 'civilian', population: 1, year: 1941 }], {
        by: 'status',
        measure: 'share',
      }),
    ).toThrow(/rates: row 7, column 'unit': 'percent'; expected 'persons'/);
    expect(() => rates(load('by-republic-zerjavic'), pop, { by: 'republic' })).toThrow(
      /option by is 'republic'; expected a dimension column of the table, one of: region\./,
    );
  });

  // Why (issue 11): "rates take a population without year or interval and accept 10 deaths out
  // of 5 people (2,000 per 1,000); survivors get a 'rate'".
  test('rates(table, population, { by }) needs the year of a population and carries its interval', () => {
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ region: 'slovenia', population: 1500000 }], {
        by: 'region',
      }),
    ).toThrow(
      /population row 1, column 'year': undefined; expected the year the population refers to/,
    );
    const [x] = rates(
      fromRows([row('a', 'x', range(69000, 71000))], { sources }),
      [{ category: 'x', population: 1000000, low: 900000, high: 1200000, year: 1948 }],
      { by: 'category' },
    ).objects();
    // 70,000 / 1,000,000 × 1,000 = 70; low 69,000 / 1,200,000 × 1,000 = 57.5; high 71,000 / 900,000 × 1,000 = 78.88…
    expect(x).toMatchObject({
      population: 1000000,
      population_low: 900000,
      population_high: 1200000,
      population_year: 1948,
      rate: 70,
      rate_low: 57.5,
    });
    expect(x!.rate_high).toBeCloseTo(71000 / 900, 9);
    expect(() =>
      rates(
        load('by-republic-zerjavic'),
        [{ region: 'slovenia', population: 10, low: 20, year: 1941 }],
        {
          by: 'region',
        },
      ),
    ).toThrow(/column 'low': 20; expected a number > 0 and ≤ the population 10/);
  });

  test('rates(table, population, { by }) refuses a count above its population', () => {
    const ten = fromRows([row('a', 'x', exact(10))], { sources });
    expect(() =>
      rates(ten, [{ category: 'x', population: 5, year: 1941 }], { by: 'category' }),
    ).toThrow(InvalidTableError);
    expect(() =>
      rates(ten, [{ category: 'x', population: 5, year: 1941 }], { by: 'category' }),
    ).toThrow(
      /row 1: the count 10 \('x \(a\)', a\) is above its population 5 \(category 'x', 1941\)/,
    );
    // A count within its population, but whose high exceeds the population's low: the rate stays at most per.
    const [r] = rates(
      fromRows([row('a', 'x', range(80, 120))], { sources }),
      [{ category: 'x', population: 110, low: 100, high: 120, year: 1941 }],
      { by: 'category', per: 100 },
    ).objects();
    // 100 / 110 × 100 = 90.90…; low 80 / 120 × 100 = 66.66…; high 120 / 100 × 100 = 120, held at 100
    expect(r!.rate).toBeCloseTo(10000 / 110, 9);
    expect(r!.rate_low).toBeCloseTo(8000 / 120, 9);
    expect(r!.rate_high).toBe(100);
  });

  test('rates(table, population, { by }) gives rates for deaths only, unless another measure is asked for', () => {
    const population = [{ region: 'slovenia', population: 1500000, year: 1941 }];
    const deaths = rates(load('by-location-1964'), population, { by: 'region' });
    // The 1964 list by location has deaths and survivors, 9 rows each: only the deaths get rates.
    expect(new Set(deaths.array('measure'))).toEqual(new Set(['deaths']));
    expect(deaths.numRows()).toBe(9);
    // Slovenia: 40,791 deaths / 1,500,000 × 1,000 = 27.194
    expect(deaths.objects().find((r) => r.region === 'slovenia')!.rate).toBeCloseTo(27.194, 9);
    const survived = rates(load('by-location-1964'), population, {
      by: 'region',
      measure: 'survived',
    });
    // Slovenia: 101,929 survived / 1,500,000 × 1,000 = 67.952…
    expect(survived.objects().find((r) => r.region === 'slovenia')!.rate).toBeCloseTo(
      101929 / 1500,
      9,
    );
    expect(() =>
      rates(
        load('slovenia-2005').filter((d) => d.measure === 'share'),
        population,
        { by: 'status' },
      ),
    ).toThrow(
      /rates: the table holds no deaths \(it holds share\); rates are given for deaths unless you ask/,
    );
  });

  test('rates(table, population, { by }) gives a row with no key no rate: a missing key is not a category', () => {
    const table = fromRows([row('a', null, exact(5)), row('a', 'x', exact(5))], { sources });
    const [keyless, x] = rates(table, [{ category: 'x', population: 100, year: 1941 }], {
      by: 'category',
    }).objects();
    expect(keyless).toMatchObject({
      category: null,
      rate: null,
      qualifier: null,
      note: 'no category: a missing key is not a category; no rate',
    });
    expect(x!.rate).toBe(50); // 5 / 100 × 1,000
  });

  // Why (issue 11): "sums and rates drop the word approximate".
  test('rates(table, population, { by }) of an approximate count is approximate', () => {
    // Overmans: "some 11,000 who died as Yugoslav prisoners of war" (approximate, to the thousand).
    const pow = load('military-losses').filter((d) => d.status === 'prisoner-of-war');
    const [r] = rates(pow, [{ belligerent: 'germany', population: 100000, year: 1945 }], {
      by: 'belligerent',
    }).objects();
    // 11,000 / 100,000 × 1,000 = 110; 10,500 → 105; 11,500 → 115 (population made up).
    expect(r).toMatchObject({ count: 11000, rate: 110, rate_low: 105, rate_high: 115 });
    expect(r!.qualifier).toBe('approximate');
    expect(r!.note).toMatch(/the count is approximate \("about"\), so the rate is too/);
  });
});
