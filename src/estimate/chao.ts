import type { ColumnTable } from 'arquero';
import { InvalidTableError, checkOptions } from '../errors.js';
import { readHistories, type Histories, type ListsOptions } from './histories.js';
import { popcount } from './linalg.js';
import { logNormalInterval } from './twoLists.js';

/** Chao's lower bound. */
export interface ChaoEstimate {
  observed: number;
  /** People on exactly one list, and on exactly two. */
  f1: number;
  f2: number;
  estimate: number;
  se: number;
  /** Chao's (1987) log-normal interval: n + f₀/C to n + f₀·C. */
  low: number;
  high: number;
}

/**
 * Chao's lower bound for a population whose members differ in how likely lists are to record
 * them (model Mh): N = n + ((t − 1)/t) · f₁²/(2f₂), where f₁ people are on exactly one of the t
 * lists and f₂ on exactly two (Chao, Biometrics 43, 1987, with the (t − 1)/t factor of Chao 1989
 * and Rivest & Baillargeon 2007). The standard error is approximate: Chao's (1987) variance of
 * n + f₁²/(2f₂), f₂[r⁴/4 + r³ + r²/2] with r = f₁/f₂, times ((t − 1)/t)²; the interval is Chao's
 * log-normal one, which never goes below the observed count.
 *
 * @param table Records or capture-history counts of two lists or more.
 * @param options `lists`, `count`, `level` (default 0.95).
 * @returns The lower bound, its standard error and interval.
 * @throws {InvalidTableError} If no one is on exactly two lists (f₂ = 0): the bound is
 *   then unbounded.
 * @example
 * // histories: Cormack, Chang & Smith (2000), Table 3b: n = 201, f₁ = 71, f₂ = 58
 * chaoLowerBound(histories, { lists: ['a', 'b', 'c'] }).estimate;
 * // => 229.97… (201 + (2/3) · 71²/116)
 */
export function chaoLowerBound(
  table: ColumnTable,
  options: ListsOptions & { level?: number },
): ChaoEstimate {
  const o = checkOptions(options, 'chaoLowerBound');
  return chaoOf(readHistories(table, o as ListsOptions, 'chaoLowerBound'), o.level ?? 0.95);
}

/** @internal */
export function chaoOf(h: Histories, level = 0.95): ChaoEstimate {
  const t = h.lists.length;
  let f1 = 0;
  let f2 = 0;
  for (let w = 1; w < h.counts.length; w++) {
    const k = popcount(w);
    if (k === 1) f1 += h.counts[w]!;
    else if (k === 2) f2 += h.counts[w]!;
  }
  if (f2 === 0)
    throw new InvalidTableError(
      "No one is on exactly two lists (f₂ = 0): Chao's lower bound is unbounded.",
    );
  const c = (t - 1) / t;
  const r = f1 / f2;
  const f0 = (c * f1 * f1) / (2 * f2);
  const variance = c * c * f2 * (r ** 4 / 4 + r ** 3 + r ** 2 / 2);
  const interval = logNormalInterval(h.observed, f0, variance, level);
  return {
    observed: h.observed,
    f1,
    f2,
    estimate: h.observed + f0,
    se: Math.sqrt(variance),
    // f₁ = 0: the bound is the observed count, with no interval (no width).
    low: interval.low ?? h.observed,
    high: interval.high ?? h.observed,
  };
}
