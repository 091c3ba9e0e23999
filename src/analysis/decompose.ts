// A difference between two products of factors, as additive effects of each factor: Das Gupta's
// symmetric decomposition (P. Das Gupta, 1993, "Standardization and Decomposition of Rates: A
// User's Manual", U.S. Bureau of the Census, Current Population Reports P23-186, chapter 2).
import { InvalidOptionError, show } from '../errors.js';

/** One factor's share of the difference between two products (see {@link decomposeProduct}). */
export interface FactorEffect {
  /** The factor's name, as given. */
  factor: string;
  /** Its value in the first and in the second population. */
  from: number;
  to: number;
  /** The part of `to − from` (of the products) that the change in this factor accounts for. */
  effect: number;
  /** The effect as a percentage of the difference between the products (`null` if it is 0). */
  percent: number | null;
}

/** The result of {@link decomposeProduct}. */
export interface ProductDecomposition {
  /** The product of the factors in the first and in the second population. */
  from: number;
  to: number;
  /** `to − from`: the sum of the effects (exactly, but for floating point). */
  difference: number;
  /** One effect per factor, in the order given. */
  effects: FactorEffect[];
}

/** The most factors {@link decomposeProduct} takes (its work doubles with each). */
export const maxFactors = 16;

/**
 * Splits the difference between two products of factors (a rate R = α·β·γ… in two populations)
 * into one additive effect per factor, by Das Gupta's symmetric formula: the effect of α is
 * (a − A) times the average of the products of the other factors taken from either population,
 * each mixture weighted 1 / (K · C(K−1, j)) where j of the K−1 others come from the second
 * population. The effects add up to the difference, with no interaction term, whatever the order of
 * the factors (Das Gupta 1993, chapter 2).
 *
 * @param from The factors in the first population, by name.
 * @param to The same factors in the second population.
 * @returns The two products, their difference and the effect of each factor.
 * @throws {InvalidOptionError} If the factors differ between the two, are not finite numbers, or
 *   number more than {@link maxFactors}.
 * @example
 * // Das Gupta (1993), table 2.1: mean earnings of black and white males, 18 and over, US 1980
 * decomposeProduct(
 *   { earnings: 10930, earners: 0.717892 },
 *   { earnings: 16591, earners: 0.825974 },
 * ).effects.map((e) => Math.round(e.effect)); // => [4370, 1487]
 */
export function decomposeProduct(
  from: Readonly<Record<string, number>>,
  to: Readonly<Record<string, number>>,
): ProductDecomposition {
  const names = checkFactors(from, to);
  const K = names.length;
  const a = names.map((n) => from[n]!);
  const b = names.map((n) => to[n]!);
  const product = (xs: number[]) => xs.reduce((p, x) => p * x, 1);
  const binomial = (n: number, k: number): number => {
    let c = 1;
    for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
    return c;
  };
  const effects = names.map((factor, i) => {
    const others = names.map((_, j) => j).filter((j) => j !== i);
    let average = 0;
    // every way of taking each other factor from the first (bit 0) or second (bit 1) population
    for (let mask = 0; mask < 1 << others.length; mask++) {
      let term = 1;
      let fromSecond = 0;
      others.forEach((j, bit) => {
        const second = (mask >> bit) & 1;
        fromSecond += second;
        term *= second ? b[j]! : a[j]!;
      });
      average += term / (K * binomial(K - 1, fromSecond));
    }
    return { factor, from: a[i]!, to: b[i]!, effect: average * (b[i]! - a[i]!) };
  });
  const difference = product(b) - product(a);
  return {
    from: product(a),
    to: product(b),
    difference,
    effects: effects.map((e) => ({
      ...e,
      percent: difference === 0 ? null : (100 * e.effect) / difference,
    })),
  };
}

function checkFactors(
  from: Readonly<Record<string, number>>,
  to: Readonly<Record<string, number>>,
): string[] {
  for (const [name, factors] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (typeof factors !== 'object' || factors === null || Array.isArray(factors))
      throw new InvalidOptionError(
        `decomposeProduct: ${name} is ${show(factors)}; expected an object of factors by name ` +
          '({ α: 0.6, β: 0.5 }).',
      );
  const names = Object.keys(from);
  const other = Object.keys(to);
  const missing = [
    ...names.filter((n) => !other.includes(n)),
    ...other.filter((n) => !names.includes(n)),
  ];
  if (missing.length > 0)
    throw new InvalidOptionError(
      `decomposeProduct: factor ${missing.map((m) => `'${m}'`).join(', ')} is given for one ` +
        'population only; expected the same factors in from and to.',
    );
  if (names.length < 1 || names.length > maxFactors)
    throw new InvalidOptionError(
      `decomposeProduct: ${names.length} factors; expected 1 to ${maxFactors}.`,
    );
  for (const n of names)
    for (const [name, factors] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (typeof factors[n] !== 'number' || !Number.isFinite(factors[n]))
        throw new InvalidOptionError(
          `decomposeProduct: ${name}.${n} is ${show(factors[n])}; expected a finite number.`,
        );
  return names;
}
