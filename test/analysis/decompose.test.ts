import { describe, expect, test } from 'vitest';
import { decomposeProduct } from '../../src/analysis/decompose.js';
import { InvalidOptionError } from '../../src/errors.js';

// Das Gupta, P. (1993). Standardization and Decomposition of Rates: A User's Manual. U.S. Bureau
// of the Census, Current Population Reports P23-186, chapter 2 (rates as products of factors).
// The inputs below are the ones printed there, as transcribed by two independent third parties:
// the R package DasGuptR (J. King, README "K factors", examples "eg2.1"–"eg2.4") and an analysis
// script citing census.gov's p23-186.pdf, which also gives the printed crude rates of the first
// example ("total earnings/total population", 7846.56 and 13703.73). The search tool did not find
// the printed standardized rates and effects themselves; the expected effects are those DasGuptR
// prints for the same inputs (its README, `dg_table()` output), and, for two factors, the
// arithmetic of Das Gupta's formula written out below.

describe('decomposeProduct', () => {
  test('decomposeProduct splits mean earnings into earnings-per-earner and proportion-of-earners effects (two factors)', () => {
    // Mean earnings of black and white males 18 years and over, US 1980: average earnings of
    // earners 10,930 and 16,591; proportion of earners .717892 and .825974.
    const result = decomposeProduct(
      { earnings: 10930, earners: 0.717892 },
      { earnings: 16591, earners: 0.825974 },
    );
    // The printed crude rates: 7,846.56 and 13,703.73 (10930 × .717892 = 7846.559…).
    expect(result.from).toBeCloseTo(7846.56, 2);
    expect(result.to).toBeCloseTo(13703.73, 2);
    // Das Gupta, two factors: α effect = (β + b)/2 × (a − A) = 0.771933 × 5661 = 4369.9127…;
    // β effect = (α + a)/2 × (b − B) = 13760.5 × 0.108082 = 1487.2624…
    // DasGuptR: avg_earnings 4369.913 (74.61 %), earner_prop 1487.262 (25.39 %), crude 5857.175.
    const [earnings, earners] = result.effects;
    expect(earnings!.effect).toBeCloseTo(4369.913, 3);
    expect(earners!.effect).toBeCloseTo(1487.262, 3);
    expect(earnings!.percent).toBeCloseTo(74.61, 2);
    expect(earners!.percent).toBeCloseTo(25.39, 2);
    expect(result.difference).toBeCloseTo(5857.175, 3);
  });

  test('decomposeProduct reproduces the three-factor birth-rate example (Austria and Chile, 1981)', () => {
    // births × 1000 / women 15–49; women 15–49 / all women; women / population.
    const result = decomposeProduct(
      { births: 51.78746, share1549: 0.45919, women: 0.52638 },
      { births: 84.90502, share1549: 0.75756, women: 0.51065 },
    );
    // DasGuptR: crude 12.51747 → 32.84534; effects 10.4340333 (51.33 %), 10.5608476 (51.95 %),
    // −0.6670084 (−3.28 %).
    expect(result.from).toBeCloseTo(12.51747, 5);
    expect(result.to).toBeCloseTo(32.84534, 5);
    expect(result.effects.map((e) => e.effect)).toEqual([
      expect.closeTo(10.4340333, 6),
      expect.closeTo(10.5608476, 6),
      expect.closeTo(-0.6670084, 6),
    ]);
    expect(result.effects.map((e) => Math.round(e.percent! * 100) / 100)).toEqual([
      51.33, 51.95, -3.28,
    ]);
  });

  test('decomposeProduct reproduces the five-factor total fertility example (South Korea)', () => {
    // proportion married, non-contraception, induced abortion, lactational infecundability,
    // total fecundity rate.
    const result = decomposeProduct(
      { married: 0.58, noncontraception: 0.76, abortion: 0.84, lactation: 0.66, fecundity: 16.573 },
      { married: 0.72, noncontraception: 0.97, abortion: 0.97, lactation: 0.56, fecundity: 16.158 },
    );
    // DasGuptR: crude 4.050102 → 6.129875; effects 1.0909785, 1.2298438, 0.7278399, −0.8398707,
    // −0.1290187 (52.46, 59.13, 35.00, −40.38, −6.20 %).
    expect(result.from).toBeCloseTo(4.050102, 6);
    expect(result.to).toBeCloseTo(6.129875, 6);
    expect(result.effects.map((e) => e.effect)).toEqual([
      expect.closeTo(1.0909785, 6),
      expect.closeTo(1.2298438, 6),
      expect.closeTo(0.7278399, 6),
      expect.closeTo(-0.8398707, 6),
      expect.closeTo(-0.1290187, 6),
    ]);
    // the effects add up to the difference, with nothing left over (no interaction term)
    const sum = result.effects.reduce((s, e) => s + e.effect, 0);
    expect(sum).toBeCloseTo(result.difference, 12);
  });

  test('decomposeProduct gives the same effects whatever the order of the factors', () => {
    const a = decomposeProduct({ x: 2, y: 3, z: 5 }, { x: 7, y: 11, z: 13 });
    const b = decomposeProduct({ z: 5, x: 2, y: 3 }, { z: 13, x: 7, y: 11 });
    const of = (r: typeof a, f: string) => r.effects.find((e) => e.factor === f)!.effect;
    for (const f of ['x', 'y', 'z']) expect(of(a, f)).toBeCloseTo(of(b, f), 12);
  });

  test('decomposeProduct refuses factors given for one population only', () => {
    expect(() => decomposeProduct({ a: 1, b: 2 }, { a: 1 })).toThrow(InvalidOptionError);
    expect(() => decomposeProduct({ a: 1, b: 2 }, { a: 1 })).toThrow(
      /decomposeProduct: factor 'b' is given for one population only/,
    );
    expect(() => decomposeProduct({ a: Number.NaN }, { a: 1 })).toThrow(/from.a is NaN/);
  });
});
