import type { ColumnTable } from 'arquero';
import { InvalidOptionError, InvalidTableError } from '../errors.js';
import { readHistories, type ListsOptions } from './histories.js';
import { normalQuantile } from './loglinear.js';

/** A two-list (dual-system) estimate. */
export interface TwoListEstimate {
  method: 'lincoln-petersen' | 'chapman';
  /** On the first list, on the second, on both. */
  n1: number;
  n2: number;
  both: number;
  /** Distinct people on either list: the floor of any estimate. */
  observed: number;
  estimate: number;
  se: number;
  /** estimate ± z·se, the low end never below the observed count. */
  low: number;
  high: number;
}

/** Options of {@link lincolnPetersen} and {@link chapman}. */
export interface TwoListOptions extends ListsOptions {
  /** Level of the interval. Default 0.95. */
  level?: number;
}

function counts(table: ColumnTable, options: TwoListOptions, fn: string) {
  const h = readHistories(table, options, fn);
  if (h.lists.length !== 2)
    throw new InvalidOptionError(
      `${fn} takes exactly two lists; ${h.lists.length} were given ` +
        '(use loglinear or selectModels for three or more).',
    );
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new InvalidOptionError(
      `The option level is ${level}; expected a number between 0 and 1, e.g. 0.95.`,
    );
  const both = h.counts[3]!;
  return {
    n1: h.counts[1]! + both,
    n2: h.counts[2]! + both,
    both,
    observed: h.observed,
    z: normalQuantile(0.5 + level / 2),
  };
}

/**
 * The Lincoln–Petersen estimate from two lists: N = n₁n₂/m, where m people are on both, with the
 * variance n₁n₂(n₁ − m)(n₂ − m)/m³ (Seber, The Estimation of Animal Abundance, 2nd ed.,
 * 1982, §3.1.1).
 *
 * @param table Records or capture-history counts of two lists.
 * @param options `lists` (two), `count`, `level`.
 * @returns The estimate, its standard error and a Wald interval.
 * @throws {InvalidTableError} If no one is on both lists: the estimate is then unbounded.
 * @example
 * // Seber (1982, p. 107): n₁ = 948, n₂ = 421, m = 167
 * lincolnPetersen(aq.table({ a: [1, 1, 0], b: [1, 0, 1], count: [167, 781, 254] }), {
 *   lists: ['a', 'b'],
 * }).estimate;
 * // => 2389.868…
 */
export function lincolnPetersen(table: ColumnTable, options: TwoListOptions): TwoListEstimate {
  const { n1, n2, both: m, observed, z } = counts(table, options, 'lincolnPetersen');
  if (m === 0)
    throw new InvalidTableError(
      'No one is on both lists: the Lincoln–Petersen estimate is unbounded (use chapman, which ' +
        'stays finite, and read it as very uncertain).',
    );
  const estimate = (n1 * n2) / m;
  const se = Math.sqrt((n1 * n2 * (n1 - m) * (n2 - m)) / (m * m * m));
  return {
    method: 'lincoln-petersen',
    n1,
    n2,
    both: m,
    observed,
    estimate,
    se,
    low: Math.max(observed, estimate - z * se),
    high: estimate + z * se,
  };
}

/**
 * Chapman's nearly unbiased two-list estimate: N = (n₁ + 1)(n₂ + 1)/(m + 1) − 1, with the variance
 * (n₁ + 1)(n₂ + 1)(n₁ − m)(n₂ − m)/((m + 1)²(m + 2)) (Chapman, 1951; Seber, 1982, §3.1.1).
 *
 * @param table Records or capture-history counts of two lists.
 * @param options `lists` (two), `count`, `level`.
 * @returns The estimate, its standard error and a Wald interval.
 * @example
 * chapman(aq.table({ a: [1, 1, 0], b: [1, 0, 1], count: [167, 781, 254] }), {
 *   lists: ['a', 'b'],
 * }).estimate;
 * // => 2382.8… (949 · 422 / 168 − 1)
 */
export function chapman(table: ColumnTable, options: TwoListOptions): TwoListEstimate {
  const { n1, n2, both: m, observed, z } = counts(table, options, 'chapman');
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const se = Math.sqrt(((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) * (m + 1) * (m + 2)));
  return {
    method: 'chapman',
    n1,
    n2,
    both: m,
    observed,
    estimate,
    se,
    low: Math.max(observed, estimate - z * se),
    high: estimate + z * se,
  };
}
