// Summary statistics that stay inside what their inputs allow: a mean between the smallest and the
// largest figure, a standard deviation of 0 for figures that are all equal, correlations in
// [−1, 1] and none (null) where a vector does not vary. Internal: used by spread and agreement.
import { min, sampleCorrelation } from 'simple-statistics';

/**
 * The 97.5th percentile of the standard normal distribution, for 95% intervals:
 * `scipy.stats.norm.ppf(0.975)` = 1.959963984540054.
 */
export const z975 = 1.959963984540054;

/**
 * Figures: an array, or a typed array (a view of a buffer the caller fills again and again, so that
 * a function run many times allocates nothing per run). simple-statistics reads only `length` and
 * the elements of what it is given, so both give the same bits.
 */
export type Sample = readonly number[] | Float64Array;

/** A sample as simple-statistics' functions are typed to take it (they read it only). */
const asArray = (x: Sample) => x as number[];

/**
 * Whether every figure is the same (then nothing
 * varies: no correlation, a standard deviation of 0).
 */
export function constant(x: Sample): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

/**
 * The arithmetic mean, computed on the differences from the first figure (so that figures that are
 * all equal give exactly that figure) and kept within [min, max], which rounding could leave
 * (`(0.1 + 0.1 + 0.1) / 3` is 0.10000000000000002).
 */
export function boundedMean(x: Sample): number {
  if (x.length === 0) return min(asArray(x)); // throws, as the min of nothing does
  const first = x[0]!;
  let shift = 0;
  let lo = first;
  let hi = first;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    shift += v - first;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return clamp(first + shift / x.length, lo, hi);
}

/**
 * The median, as simple-statistics' `median` gives it (its quantile of type 7): the middle figure,
 * or, for an even count, `a + ½(b − a)` of the two middle ones a and b (on a sorted copy, not a
 * selection: the same for the few figures of one category).
 */
export function medianOf(x: Sample): number {
  if (x.length === 0) return min(asArray(x)); // throws, as the min of nothing does
  const sorted = Float64Array.from(x).sort();
  const middle = (sorted.length - 1) / 2;
  if (middle % 1 === 0) return sorted[middle]!;
  const a = sorted[middle - 0.5]!;
  return a + 0.5 * (sorted[middle + 0.5]! - a);
}

/**
 * The sample standard deviation (n − 1), 0 for figures that are all equal; null for fewer than 2.
 */
export function sampleSD(x: Sample): number | null {
  if (x.length < 2) return null;
  if (constant(x)) return 0;
  const m = boundedMean(x);
  let squares = 0;
  for (let i = 0; i < x.length; i++) squares += (x[i]! - m) ** 2;
  return Math.sqrt(squares / (x.length - 1));
}

/**
 * Pearson's correlation, clamped to [−1, 1];
 * null for fewer than 2 pairs or a vector that does not vary.
 */
export function pearson(x: Sample, y: Sample): number | null {
  if (x.length < 2 || constant(x) || constant(y)) return null;
  return finiteClamped(sampleCorrelation(asArray(x), asArray(y)));
}

/**
 * Spearman's rank correlation: {@link pearson} of the figures' ranks (0-based midranks, tied
 * figures sharing their mean rank, as {@link midranks} gives them and simple-statistics'
 * `sampleRankCorrelation` computes them: the answer is the same to the bit). The ranks vary
 * exactly where the figures do, so it is null where Pearson's r of the figures is.
 */
export function spearman(ranksX: Sample, ranksY: Sample): number | null {
  return pearson(ranksX, ranksY);
}

/**
 * The 0-based midranks (tied figures share the mean of their ranks) of the figures at some
 * places, written into `into` at those places: `order` lists places in ascending order of their
 * figure, `sorted` the figures in that order (read in order, not through the places), and only
 * the places marked in `chosen` are ranked. `places` and `figures` are working space (at least as
 * long as `order`).
 */
export function midranks(
  order: ArrayLike<number>,
  sorted: ArrayLike<number>,
  chosen: Uint8Array,
  into: Float64Array,
  places: Int32Array = new Int32Array(order.length),
  figures: Float64Array = new Float64Array(order.length),
): void {
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const p = order[k]!;
    if (chosen[p] === 1) {
      places[count] = p;
      figures[count++] = sorted[k]!;
    }
  }
  for (let i = 0; i < count; ) {
    let j = i;
    while (j + 1 < count && figures[j + 1] === figures[i]) j++;
    for (let k = i; k <= j; k++) into[places[k]!] = (i + j) / 2;
    i = j + 1;
  }
}

/**
 * The 95% confidence interval of a Pearson correlation by Fisher's z transformation:
 * tanh(atanh(r) ± 1.96 / √(n − 3)). Null for n < 4 (no standard error) or no correlation.
 */
export function fisherInterval(r: number | null, n: number): [number, number] | null {
  if (r === null || n < 4) return null;
  const z = Math.atanh(r); // ±Infinity for r = ±1: the interval is then [r, r]
  const se = 1 / Math.sqrt(n - 3);
  return [clamp(Math.tanh(z - z975 * se), -1, 1), clamp(Math.tanh(z + z975 * se), -1, 1)];
}

/**
 * Lin's concordance correlation coefficient (Lin 1989): 2·s_xy / (s_x² + s_y² + (x̄ − ȳ)²), with
 * moments divided by n. 1 only where every pair is equal; null for fewer than 2 pairs or where
 * both vectors are the same constant.
 */
export function concordance(x: Sample, y: Sample): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = boundedMean(x);
  const my = boundedMean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  const denominator = sxx / n + syy / n + (mx - my) ** 2;
  if (denominator === 0) return null;
  return finiteClamped((2 * sxy) / n / denominator);
}

/** Keeps `x` within [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** A correlation as a number in [−1, 1], or null where it is NaN. */
function finiteClamped(r: number): number | null {
  return Number.isFinite(r) ? clamp(r, -1, 1) : null;
}
