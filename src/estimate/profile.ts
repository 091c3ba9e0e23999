// The profile-likelihood interval of the population size N of a log-linear model (Cormack, 1992):
// the Ns whose profile log-likelihood is within χ²₁(level)/2 of its maximum, each end found by a
// root search that brackets it, and checked before it is returned.
import { fitPoisson, type PoissonFit } from './glm.js';
import { logGamma } from './linalg.js';

/** An interval, or none and the reason why. */
export interface ProfileInterval {
  low: number | null;
  /** null when the interval has no upper bound (then `reason` says so) or no interval at all. */
  high: number | null;
  /** Why there is no interval or no upper bound; null for a closed interval. */
  reason: string | null;
}

/** The most an upper end is searched for, in multiples of the profile's maximum. */
const upperLimit = 1e4;

/**
 * The profile-likelihood interval of N at `level`. `x` is the design (row-major, `p` columns) over
 * the cells of the table, row 0 the cell of people on no list; `y` the counts of rows 1…, `y[0]`
 * unused. For each N the missing cell is filled with N − n and the model refitted to the complete
 * table; the multinomial log-likelihood of the filled table is log N!/(N − n)! − Σ log yᵢ! +
 * Σ yᵢ log(μᵢ/N). Each end is where 2(max − profile) crosses the χ²₁ quantile: bracketed, then
 * narrowed by bisection. The result always contains `estimate` and has positive width, or has no
 * interval and a reason.
 *
 * @internal
 */
export function profileInterval(
  x: Float64Array,
  p: number,
  y: Float64Array,
  estimate: number,
  cut: number,
): ProfileInterval {
  let n = 0;
  let constant = 0;
  for (let w = 1; w < y.length; w++) {
    n += y[w]!;
    constant += logGamma(y[w]! + 1);
  }
  const filled = Float64Array.from(y);
  let start: Float64Array | undefined;
  let failedAt: number | null = null;
  const profile = (N: number): number => {
    filled[0] = N - n;
    let fit: PoissonFit | null = fitPoisson(x, filled, p, start);
    if (!fit?.converged) fit = fitPoisson(x, filled, p);
    if (!fit?.converged) {
      failedAt ??= N;
      return NaN;
    }
    start = fit.beta;
    let l = logGamma(N + 1) - logGamma(N - n + 1) - constant;
    for (let w = 0; w < filled.length; w++)
      if (filled[w]! > 0) l += filled[w]! * Math.log(fit.mu[w]! / N);
    return l;
  };
  const none = (reason: string): ProfileInterval => ({ low: null, high: null, reason });
  const failed = () =>
    none(
      `The profile likelihood could not be computed at N = ${round(failedAt ?? NaN)} ` +
        '(the refit did not converge): no interval.',
    );

  // 1. The maximum of the profile: bracket it around the estimate, then golden-section search.
  const scale = Math.max(1, Math.sqrt(estimate - n + 1), 0.01 * (estimate - n));
  let b = Math.max(n, estimate);
  let fb = profile(b);
  if (Number.isNaN(fb)) return failed();
  let c = b + scale;
  let fc = profile(c);
  for (let step = scale; fc >= fb; ) {
    if (c > upperLimit * Math.max(estimate, 1))
      return none(
        'The profile likelihood keeps rising as N grows: no finite maximum, so no interval.',
      );
    [b, fb] = [c, fc];
    step *= 2;
    c = b + step;
    fc = profile(c);
  }
  if (Number.isNaN(fc)) return failed();
  let a = Math.max(n, b - scale);
  let fa = a === b ? fb : profile(a);
  for (let step = scale; a > n && fa >= fb; ) {
    [b, fb] = [a, fa];
    step *= 2;
    a = Math.max(n, b - step);
    fa = profile(a);
  }
  if (Number.isNaN(fa)) return failed();
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = a;
  let hi = c;
  let u = hi - g * (hi - lo);
  let v = lo + g * (hi - lo);
  let fu = profile(u);
  let fv = profile(v);
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    if (fu >= fv) {
      [hi, v, fv] = [v, u, fu];
      u = hi - g * (hi - lo);
      fu = profile(u);
    } else {
      [lo, u, fu] = [u, v, fv];
      v = lo + g * (hi - lo);
      fv = profile(v);
    }
  }
  let top = (lo + hi) / 2;
  let max = profile(top);
  for (const [N, l] of [
    [a, fa],
    [b, fb],
  ] as const)
    if (l > max) [top, max] = [N, l];
  if (Number.isNaN(max)) return failed();
  const excess = (N: number) => 2 * (max - profile(N)) - cut;

  // 2. The lower end, between n and the maximum (n itself when the profile stays above the cut).
  let low: number;
  const atFloor = excess(n);
  if (Number.isNaN(atFloor)) return failed();
  if (atFloor <= 0) low = n;
  else {
    const r = crossing(excess, n, top);
    if (r === null) return failed();
    low = r;
  }

  // 3. The upper end: step up until the profile falls below the cut, then narrow.
  let step = Math.max(scale, top - low, 1);
  let outer = top + step;
  let e = excess(outer);
  while (e <= 0) {
    if (outer > upperLimit * Math.max(top, 1))
      return {
        low,
        high: null,
        reason:
          `The profile likelihood stays within the cut up to N = ${round(outer)} ` +
          `(${upperLimit} times the estimate): the interval has no upper bound.`,
      };
    step *= 2;
    outer = top + step;
    e = excess(outer);
  }
  if (Number.isNaN(e)) return failed();
  const high = crossing(excess, top, outer);
  if (high === null) return failed();

  // 4. The invariant: the interval contains the estimate and has positive width.
  if (!(low <= estimate && estimate <= high && high > low))
    return none(
      `The profile interval found (${round(low)}–${round(high)}) does not contain the ` +
        `estimate ${round(estimate)}: no interval is given.`,
    );
  return { low, high, reason: null };
}

/**
 * The root of f between a and b, where f changes sign, by bisection to 1e-10 relative;
 * null if f is not a number somewhere on the way.
 */
function crossing(f: (N: number) => number, a: number, b: number): number | null {
  let fa = f(a);
  for (let i = 0; i < 200 && b - a > 1e-10 * Math.max(1, b); i++) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (Number.isNaN(fm)) return null;
    if (Math.sign(fm) === Math.sign(fa)) [a, fa] = [m, fm];
    else b = m;
  }
  return (a + b) / 2;
}

function round(N: number): string {
  return Number.isFinite(N) ? String(Math.round(N)) : String(N);
}
