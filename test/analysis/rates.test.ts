import { describe, expect, test } from 'vitest';
import { from } from 'arquero';
import { InvalidOptionError, InvalidTableError, load } from '../../src/index.js';
import { fromRows, rates } from '../../src/index.js';
import { atLeast, dash, range, row, sources } from './fixtures.js';

// No population is bundled; these populations are made up for the arithmetic.
describe('rates', () => {
  test('rates(table, population, { by }) gives deaths per 1,000 by default', () => {
    const result = rates(
      load('by-republic-zerjavic'),
      [
        { region: 'slovenia', population: 1500000 },
        { region: 'montenegro', population: 400000 },
      ],
      { by: 'region' },
    );
    const slovenia = result.objects().find((r) => r.region === 'slovenia')!;
    // 33,000 / 1,500,000 × 1,000 = 22
    expect(slovenia).toMatchObject({
      source: 'zerjavic',
      count: 33000,
      population: 1500000,
      per: 1000,
      rate: 22,
      rate_low: 22,
      rate_high: 22,
      qualifier: 'derived',
    });
    expect(slovenia.note).toBe(
      "derived: 33000 / 1500000 × 1000 (the count 'Slovenia' of zerjavic, and the population given for region 'slovenia')",
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
      { category: 'x', population: 1000000 },
      { category: 'y', population: 600000 },
      { category: 'z', population: 10 },
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
      [{ region: 'slovenia', population: 1500000 }],
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
    const pop = [{ region: 'slovenia', population: 1500000 }];
    // @ts-expect-error per 10 is not offered
    expect(() => rates(load('by-republic-zerjavic'), pop, { by: 'region', per: 10 })).toThrow(
      InvalidOptionError,
    );
    // @ts-expect-error per 10 is not offered
    expect(() => rates(load('by-republic-zerjavic'), pop, { by: 'region', per: 10 })).toThrow(
      /rates: option per is 10; expected 1000 or 100\./,
    );
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ region: 'slovenia', population: 0 }], {
        by: 'region',
      }),
    ).toThrow(InvalidTableError);
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ region: 'slovenia', population: 0 }], {
        by: 'region',
      }),
    ).toThrow(/population row 1, column 'population': 0; expected a number > 0\./);
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ region: 'slovenia', population: '1,500,000' }], {
        by: 'region',
      }),
    ).toThrow(/column 'population': '1,500,000'; expected a number > 0/);
    expect(() =>
      rates(load('by-republic-zerjavic'), [{ republic: 'slovenia', population: 5 }], {
        by: 'region',
      }),
    ).toThrow(/population row 1, column 'region': undefined; expected the category key/);
    expect(() => rates(load('by-republic-zerjavic'), [...pop, ...pop], { by: 'region' })).toThrow(
      /population row 2: region 'slovenia' appears twice/,
    );
    // Shares in per cent are not counts of people.
    expect(() =>
      rates(load('slovenia-2005'), [{ status: 'civilian', population: 1 }], { by: 'status' }),
    ).toThrow(/rates: row 5, column 'unit': 'percent'; expected 'persons'/);
    expect(() => rates(load('by-republic-zerjavic'), pop, { by: 'republic' })).toThrow(
      /option by is 'republic'.*Expected one of: region\./,
    );
  });
});
