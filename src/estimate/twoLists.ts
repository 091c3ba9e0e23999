import type { ColumnTable } from 'arquero';
import { InvalidOptionError, InvalidTableError } from '../errors.js';
import { readHistories, type Histories, type ListsOptions } from './histories.js';
import { fitModel, normalQuantile } from './loglinear.js';

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
  /**
   * The interval: the profile likelihood for Lincoln–Petersen (the independence model's, Cormack
   * 1992), the log-normal one of Chao (1987) for Chapman: n + f₀/C to n + f₀·C with f₀ the
   * estimate minus the observed count and C = exp(z·√log(1 + var/f₀²)). It contains the estimate,
   * never goes below the observed count and has positive width; otherwise both ends are null and
   * `reason` says why (`high` alone is null when there is no upper bound).
   */
  low: number | null;
  high: number | null;
  /** Why there is no interval (or no upper bound); null otherwise. */
  reason: string | null;
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
    h,
    level,
    n1: h.counts[1]! + both,
    n2: h.counts[2]! + both,
    both,
    observed: h.observed,
  };
}

/**
 * The Lincoln–Petersen estimate from two lists: N = n₁n₂/m, where m people are on both, with the
 * variance n₁n₂(n₁ − m)(n₂ − m)/m³ (Seber, The Estimation of Animal Abundance, 2nd ed.,
 * 1982, §3.1.1), and the profile-likelihood interval of the independence model (Cormack, 1992),
 * which is not symmetric: it never goes below the observed count and stretches upwards.
 *
 * @param table Records or capture-history counts of two lists.
 * @param options `lists` (two), `count`, `level`.
 * @returns The estimate, its standard error and the profile-likelihood interval.
 * @throws {InvalidTableError} If no one is on both lists: the estimate is then unbounded.
 * @example
 * // Seber (1982, p. 107): n₁ = 948, n₂ = 421, m = 167
 * lincolnPetersen(aq.table({ a: [1, 1, 0], b: [1, 0, 1], count: [167, 781, 254] }), {
 *   lists: ['a', 'b'],
 * }).estimate;
 * // => 2389.868…
 */
export function lincolnPetersen(table: ColumnTable, options: TwoListOptions): TwoListEstimate {
  const { h, level, n1, n2, both: m, observed } = counts(table, options, 'lincolnPetersen');
  if (m === 0)
    throw new InvalidTableError(
      'No one is on both lists: the Lincoln–Petersen estimate is unbounded (use chapman, which ' +
        'stays finite, and read it as very uncertain).',
    );
  const estimate = (n1 * n2) / m;
  const se = Math.sqrt((n1 * n2 * (n1 - m) * (n2 - m)) / (m * m * m));
  const fit = fitModel(h, { terms: [] }, level);
  return {
    method: 'lincoln-petersen',
    n1,
    n2,
    both: m,
    observed,
    estimate,
    se,
    low: fit.low,
    high: fit.high,
    reason: fit.intervalReason,
  };
}

/**
 * Chapman's nearly unbiased two-list estimate: N = (n₁ + 1)(n₂ + 1)/(m + 1) − 1, with the variance
 * (n₁ + 1)(n₂ + 1)(n₁ − m)(n₂ − m)/((m + 1)²(m + 2)) (Chapman, 1951; Seber, 1982, §3.1.1).
 *
 * @param table Records or capture-history counts of two lists.
 * @param options `lists` (two), `count`, `level`.
 * @returns The estimate, its standard error and Chao's (1987) log-normal interval.
 * @example
 * chapman(aq.table({ a: [1, 1, 0], b: [1, 0, 1], count: [167, 781, 254] }), {
 *   lists: ['a', 'b'],
 * }).estimate;
 * // => 2382.8… (949 · 422 / 168 − 1)
 */
export function chapman(table: ColumnTable, options: TwoListOptions): TwoListEstimate {
  const { h, level } = counts(table, options, 'chapman');
  return chapmanOf(h, level);
}

/** Chapman's estimate of two-list histories with its log-normal interval. @internal */
export function chapmanOf(h: Histories, level: number): TwoListEstimate {
  const m = h.counts[3]!;
  const n1 = h.counts[1]! + m;
  const n2 = h.counts[2]! + m;
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const variance = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) * (m + 1) * (m + 2));
  return {
    method: 'chapman',
    n1,
    n2,
    both: m,
    observed: h.observed,
    estimate,
    se: Math.sqrt(variance),
    ...logNormalInterval(h.observed, estimate - h.observed, variance, level),
  };
}

/**
 * Chao's (1987) log-normal interval of N = n + f₀: n + f₀/C to n + f₀·C, C = exp(z·√log(1 +
 * var/f₀²)); none (with the reason) when f₀ or its variance is 0. @internal
 */
export function logNormalInterval(
  observed: number,
  f0: number,
  variance: number,
  level: number,
): { low: number | null; high: number | null; reason: string | null } {
  if (!(f0 > 0 && variance > 0))
    return {
      low: null,
      high: null,
      reason:
        'No interval: the estimate is the observed count itself with no variance ' +
        '(everyone on one list is on the other), so the log-normal interval has no width.',
    };
  const z = normalQuantile(0.5 + level / 2);
  const c = Math.exp(z * Math.sqrt(Math.log(1 + variance / (f0 * f0))));
  return { low: observed + f0 / c, high: observed + f0 * c, reason: null };
}
