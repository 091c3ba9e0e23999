import type { ColumnTable } from 'arquero';
import { InvalidOptionError, UnknownIdError, checkOptions, show } from '../errors.js';
import { checkEstimateBudgets } from './budgets.js';
import { fitPoisson, type PoissonFit } from './glm.js';
import { readHistories, type Histories, type ListsOptions } from './histories.js';
import { logGamma, popcount } from './linalg.js';

/**
 * A heterogeneity term: a column f(k) of the number k of lists a history is on (Rivest &
 * Baillargeon's notation in Rcapture, J. Stat. Software 19(5), 2007; Rivest, 2011):
 * `darroch` f(k) = k²/2 (Darroch et al., 1993), `poisson` f(k) = θᵏ − 1 (θ = 2 by default),
 * `gamma` f(k) = −log(θ + k) + log θ (θ = 3.5 by default), `chao` the hinges max(0, k − j + 1)
 * for j = 3…t (Chao's lower bound as a log-linear model, Rivest 2011: log μ convex in k; a hinge
 * whose coefficient comes out negative is set to 0 and the model refitted).
 */
export type Heterogeneity = 'none' | 'darroch' | 'poisson' | 'gamma' | 'chao';

/** A log-linear model for the capture-history counts. */
export interface LoglinearModel {
  /** Interactions as bit masks of lists (bit i = list i), each of two lists or more. */
  terms: number[];
  /** `'separate'` (one effect per list, "Mt") or `'equal'` (one capture probability, "M0"). */
  listEffects?: 'separate' | 'equal';
  heterogeneity?: Heterogeneity;
  /** θ of the Poisson or gamma heterogeneity term. */
  theta?: number;
}

/** The fit of one log-linear model, with its estimate of the population. */
export interface LoglinearFit {
  /** The model in words, e.g. `'a:b + b:c'` ("independence" when there is no interaction). */
  model: string;
  /** The interactions, e.g. `['a:b', 'b:c']`. */
  terms: string[];
  heterogeneity: Heterogeneity;
  /** Whether the estimate exists; if not, `reason` says why and the numbers are null. */
  exists: boolean;
  reason: string | null;
  /** The records observed (on at least one list): a floor for any estimate. */
  observed: number;
  /** The estimated population (observed + missing), the Poisson maximum-likelihood estimate. */
  estimate: number | null;
  /** The estimated number on no list. */
  missing: number | null;
  /** Standard error of the estimate: √(f₀² var(β₀) + f₀) (Rivest & Baillargeon, 2007). */
  se: number | null;
  /**
   * The profile-likelihood interval (multinomial likelihood, Cormack 1992); high null if unbounded.
   */
  low: number | null;
  high: number | null;
  deviance: number | null;
  df: number;
  /** Number of parameters (intercept included). */
  parameters: number;
  /** −2 log L + 2 · parameters, with the Poisson likelihood of the observed cells. */
  aic: number | null;
  /** −2 log L + log(observed) · parameters. */
  bic: number | null;
}

/** Options of {@link loglinear}. */
export interface LoglinearOptions extends ListsOptions {
  /** Interactions such as `'a:b'` or `'a:b:c'` (its lower-order terms are added). Default none. */
  terms?: readonly string[];
  /**
   * One capture probability for all lists (`'equal'`, model M0) or one per list.
   * Default `'separate'`.
   */
  listEffects?: 'separate' | 'equal';
  /** A heterogeneity term (see {@link Heterogeneity}). Default `'none'`. */
  heterogeneity?: Heterogeneity;
  /** θ of the Poisson (default 2) or gamma (default 3.5) heterogeneity term. */
  theta?: number;
  /** Level of the profile-likelihood interval. Default 0.95; `0` skips the interval. */
  level?: number;
}

const heterogeneities: readonly Heterogeneity[] = ['none', 'darroch', 'poisson', 'gamma', 'chao'];

/**
 * Fits a Poisson log-linear model to the capture histories (Fienberg, 1972; Cormack, 1989) and
 * estimates the number of people on no list: main effects for each list, the interactions asked
 * for (made hierarchical), and optionally a heterogeneity term. Fitted by iteratively reweighted
 * least squares. An interaction between lists that share no record is unbounded: the model then
 * has no estimate, and `reason` says so.
 *
 * @param table Records (one row per person, one true/false column per list) or
 *   capture-history counts.
 * @param options `lists`, `terms`, `heterogeneity`, `theta`, `listEffects`, `level`, `count`.
 * @returns The fit: estimate, standard error, profile interval, deviance, df, AIC, BIC.
 * @throws {InvalidOptionError} If a term names something that is not a list, or an option
 *   is invalid.
 * @example
 * // Seber (1982, p. 107): 167 on both lists, 781 on the first only, 254 on the second only.
 * loglinear(aq.table({ a: [1, 1, 0], b: [1, 0, 1], count: [167, 781, 254] }), {
 *   lists: ['a', 'b'],
 * }).estimate;
 * // => 2389.87… (Lincoln–Petersen)
 */
export function loglinear(table: ColumnTable, options: LoglinearOptions): LoglinearFit {
  checkEstimateBudgets('loglinear', table, options);
  const o = checkOptions(options, 'loglinear') as LoglinearOptions;
  const h = readHistories(table, o, 'loglinear');
  const model: LoglinearModel = {
    terms: parseTerms(o.terms ?? [], h.lists),
    listEffects: o.listEffects ?? 'separate',
    heterogeneity: o.heterogeneity ?? 'none',
    ...(o.theta !== undefined ? { theta: o.theta } : {}),
  };
  checkModelOptions(model, o.level);
  return fitModel(h, model, o.level ?? 0.95);
}

/** Checks listEffects, heterogeneity, theta and level. @internal */
export function checkModelOptions(model: LoglinearModel, level: number | undefined): void {
  if (!heterogeneities.includes(model.heterogeneity ?? 'none'))
    throw new UnknownIdError('heterogeneity', model.heterogeneity, heterogeneities);
  if (model.listEffects && !['separate', 'equal'].includes(model.listEffects))
    throw new UnknownIdError('listEffects', model.listEffects, ['separate', 'equal']);
  if (model.theta !== undefined && !(Number.isFinite(model.theta) && model.theta > 0))
    throw new InvalidOptionError(
      `The option theta is ${show(model.theta)}; expected a number above 0.`,
    );
  if (level !== undefined && !(Number.isFinite(level) && level >= 0 && level < 1))
    throw new InvalidOptionError(
      `The option level is ${show(level)}; expected a number from 0 to below 1, e.g. 0.95.`,
    );
}

/** Parses `'a:b'`-style terms into hierarchical bit masks. @internal */
export function parseTerms(
  terms: readonly (string | readonly string[])[],
  lists: string[],
): number[] {
  if (!Array.isArray(terms))
    throw new InvalidOptionError(
      `The option terms is ${show(terms)}; expected interactions such as ['a:b', 'b:c'].`,
    );
  const masks = new Set<number>();
  for (const term of terms as readonly (string | readonly string[])[]) {
    const names: string[] =
      typeof term === 'string' ? term.split(/[:*×]/).map((s) => s.trim()) : [...term];
    let mask = 0;
    for (const name of names) {
      const i = lists.indexOf(name);
      if (i < 0) throw new UnknownIdError(`list in the term ${show(term)}`, name, lists);
      mask |= 1 << i;
    }
    if (popcount(mask) < 2)
      throw new InvalidOptionError(
        `The term ${show(term)} names fewer than two lists; an interaction needs two or more.`,
      );
    if (popcount(mask) === lists.length)
      throw new InvalidOptionError(
        `The term ${show(term)} joins all ${lists.length} lists: ` +
          'that interaction cannot be estimated (it is the one the missing cell would need).',
      );
    for (const sub of subsets(mask)) masks.add(sub);
  }
  return [...masks].sort((a, b) => popcount(a) - popcount(b) || a - b);
}

/** Every subset of a mask with two or more bits, the mask included. */
function subsets(mask: number): number[] {
  const out: number[] = [];
  for (let s = mask; s > 0; s = (s - 1) & mask) if (popcount(s) >= 2) out.push(s);
  return out;
}

/** A term's name: its lists joined by ':'. @internal */
export function termName(mask: number, lists: string[]): string {
  return lists.filter((_, i) => mask & (1 << i)).join(':');
}

/** The model's name. @internal */
export function modelName(model: LoglinearModel, lists: string[]): string {
  const top = model.terms.filter((t) => !model.terms.some((u) => u !== t && (u & t) === t));
  const base = top.length ? top.map((t) => termName(t, lists)).join(' + ') : 'independence';
  const equal = model.listEffects === 'equal' ? 'equal lists' : '';
  const het = model.heterogeneity && model.heterogeneity !== 'none' ? heterogeneityName(model) : '';
  return [model.listEffects === 'equal' && !model.terms.length ? '' : base, equal, het]
    .filter(Boolean)
    .join(', ');
}

function heterogeneityName(model: LoglinearModel): string {
  switch (model.heterogeneity) {
    case 'darroch':
      return 'Darroch heterogeneity';
    case 'poisson':
      return `Poisson heterogeneity (θ = ${model.theta ?? 2})`;
    case 'gamma':
      return `gamma heterogeneity (θ = ${model.theta ?? 3.5})`;
    case 'chao':
      return "Chao's lower bound";
    default:
      return '';
  }
}

/** Design columns of a history with k captures for the heterogeneity term. */
function heterogeneityColumns(
  model: LoglinearModel,
  t: number,
  chaoKs: number[],
): ((k: number) => number)[] {
  const theta = model.theta;
  switch (model.heterogeneity) {
    case 'darroch':
      return [(k) => (k * k) / 2];
    case 'poisson':
      return [(k) => Math.pow(theta ?? 2, k) - 1];
    case 'gamma':
      return [(k) => -Math.log((theta ?? 3.5) + k) + Math.log(theta ?? 3.5)];
    case 'chao':
      return chaoKs.filter((j) => j <= t).map((j) => (k: number) => Math.max(0, k - j + 1));
    default:
      return [];
  }
}

/** The design matrix over patterns `from … 2^t − 1`, row-major, and its width. */
function design(
  model: LoglinearModel,
  t: number,
  chaoKs: number[],
  from: number,
): { x: Float64Array; p: number } {
  const het = heterogeneityColumns(model, t, chaoKs);
  const mains = model.listEffects === 'equal' ? 1 : t;
  const p = 1 + mains + model.terms.length + het.length;
  const cells = 1 << t;
  const x = new Float64Array((cells - from) * p);
  for (let w = from; w < cells; w++) {
    const row = (w - from) * p;
    const k = popcount(w);
    x[row] = 1;
    if (model.listEffects === 'equal') x[row + 1] = k;
    else for (let i = 0; i < t; i++) x[row + 1 + i] = w & (1 << i) ? 1 : 0;
    model.terms.forEach((m, j) => {
      x[row + 1 + mains + j] = (w & m) === m ? 1 : 0;
    });
    het.forEach((f, j) => {
      x[row + 1 + mains + model.terms.length + j] = f(k);
    });
  }
  return { x, p };
}

/** Fits one model to histories. @internal */
export function fitModel(h: Histories, model: LoglinearModel, level = 0.95): LoglinearFit {
  const t = h.lists.length;
  const cells = 1 << t;
  const terms = model.terms.map((m) => termName(m, h.lists));
  const base: LoglinearFit = {
    model: modelName(model, h.lists),
    terms,
    heterogeneity: model.heterogeneity ?? 'none',
    exists: false,
    reason: null,
    observed: h.observed,
    estimate: null,
    missing: null,
    se: null,
    low: null,
    high: null,
    deviance: null,
    df: 0,
    parameters: 0,
    aic: null,
    bic: null,
  };
  // An interaction between lists with no record in common is unbounded (its estimate is −∞).
  for (const m of model.terms) {
    let margin = 0;
    for (let w = 1; w < cells; w++) if ((w & m) === m) margin += h.counts[w]!;
    if (margin === 0) {
      const names = h.lists.filter((_, i) => m & (1 << i));
      return {
        ...base,
        reason:
          `No record is on all of ${names.join(', ')}: the ${names.join(':')} interaction ` +
          'is unbounded, so this model has no estimate.',
      };
    }
  }
  const y = h.counts.subarray(1);
  let chaoKs = model.heterogeneity === 'chao' ? range(3, t) : [];
  let fit: PoissonFit | null = null;
  let p = 0;
  for (;;) {
    const d = design(model, t, chaoKs, 1);
    p = d.p;
    if (p > cells - 1)
      return {
        ...base,
        parameters: p,
        reason:
          `The model has ${p} parameters for ${cells - 1} observed cells: ` +
          'it is not identifiable.',
      };
    fit = fitPoisson(d.x, y, p);
    if (!fit)
      return {
        ...base,
        parameters: p,
        reason: 'The design does not identify the model (its columns are not independent).',
      };
    if (model.heterogeneity !== 'chao') break;
    const first = p - chaoKs.length;
    const negative = chaoKs.filter((_, j) => fit!.beta[first + j]! < 0);
    if (!negative.length) break;
    chaoKs = chaoKs.filter((k) => !negative.includes(k));
  }
  const f0 = Math.exp(fit.beta[0]!);
  const v0 = fit.covariance[0]!;
  const df = cells - 1 - p;
  if (!fit.converged || !Number.isFinite(f0) || f0 > 1e6 * Math.max(1, h.observed))
    return {
      ...base,
      parameters: p,
      df,
      reason:
        'The fit does not settle on a finite estimate (it runs past a million times the ' +
        'observed count): the estimate is unbounded for this model.',
    };
  const estimate = h.observed + f0;
  const out: LoglinearFit = {
    ...base,
    exists: true,
    estimate,
    missing: f0,
    se: Math.sqrt(f0 * f0 * v0 + f0),
    deviance: fit.deviance,
    df,
    parameters: p,
    aic: -2 * fit.logLik + 2 * p,
    bic: -2 * fit.logLik + Math.log(h.observed) * p,
  };
  if (level > 0) {
    const { low, high } = profileInterval(h, { ...model }, chaoKs, level, estimate);
    out.low = low;
    out.high = high;
  }
  return out;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** The χ²₁ quantile at `level`. */
export function chiSquare1(level: number): number {
  const z = normalQuantile(0.5 + level / 2);
  return z * z;
}

/** The standard normal quantile (Acklam's rational approximation, refined by one Newton step). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(p, 1 - p);
  let x: number;
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    x =
      (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) /
      ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
    if (p > 0.5) x = -x;
  } else {
    const r = (p - 0.5) * (p - 0.5);
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * (p - 0.5)) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  // One Newton step on Φ(x) = p.
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The complementary error function (W. J. Cody's
 * rational approximations via Numerical Recipes erfcc).
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * The profile-likelihood interval of N under the multinomial likelihood (Cormack, 1992): the Ns
 * whose profile log-likelihood is within χ²₁(level)/2 of its maximum. The missing cell is filled
 * with N − n and the model refitted to the complete table for each N.
 */
function profileInterval(
  h: Histories,
  model: LoglinearModel,
  chaoKs: number[],
  level: number,
  estimate: number,
): { low: number | null; high: number | null } {
  const t = h.lists.length;
  const { x, p } = design(model, t, chaoKs, 0);
  const n = h.observed;
  const y = Float64Array.from(h.counts);
  let constant = 0;
  for (let w = 1; w < y.length; w++) constant += logGamma(y[w]! + 1);
  let start: Float64Array | undefined;
  const profile = (N: number): number => {
    y[0] = N - n;
    const fit = fitPoisson(x, y, p, start);
    if (!fit) return -Infinity;
    start = fit.beta;
    let l = logGamma(N + 1) - logGamma(N - n + 1) - constant;
    for (let w = 0; w < y.length; w++) if (y[w]! > 0) l += y[w]! * Math.log(fit.mu[w]! / N);
    return l;
  };
  // The maximum of the profile (near the Poisson estimate), by golden-section search.
  let lo = n;
  let hi = Math.max(estimate * 2, n + 10);
  while (profile(hi) > profile(hi / 1.5) && hi < 1e12) hi *= 2;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = profile(c);
  let fd = profile(d);
  for (let i = 0; i < 200 && hi - lo > 1e-6 * (1 + lo); i++) {
    if (fc > fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = profile(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = profile(d);
    }
  }
  const top = (lo + hi) / 2;
  const max = profile(top);
  const cut = max - chiSquare1(level) / 2;
  const below = (N: number) => profile(N) < cut;
  // Lower end: between n and the maximum.
  let low: number;
  if (!below(n)) low = n;
  else {
    let a = n;
    let b = top;
    for (let i = 0; i < 100 && b - a > 1e-7 * b; i++) {
      const m = (a + b) / 2;
      if (below(m)) a = m;
      else b = m;
    }
    low = (a + b) / 2;
  }
  // Upper end: expand until the profile falls below the cut.
  let b = top * 1.5 + 10;
  while (!below(b)) {
    b *= 2;
    if (b > 1e4 * Math.max(top, n)) return { low, high: null };
  }
  let a = top;
  for (let i = 0; i < 100 && b - a > 1e-7 * b; i++) {
    const m = (a + b) / 2;
    if (below(m)) b = m;
    else a = m;
  }
  return { low, high: (a + b) / 2 };
}
