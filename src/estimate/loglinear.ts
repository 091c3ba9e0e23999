import type { ColumnTable } from 'arquero';
import { InvalidOptionError, UnknownIdError, checkOptions, show } from '../errors.js';
import { checkEstimateBudgets } from './budgets.js';
import { independentColumns, zeroFace } from './existence.js';
import { fitPoisson } from './glm.js';
import { profileInterval } from './profile.js';
import { readHistories, type Histories, type ListsOptions } from './histories.js';
import { popcount } from './linalg.js';

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
  /**
   * Whether the model gives a finite estimate of N (from its maximum-likelihood estimate, or from
   * the extended MLE when that one does not exist); if not, `reason` says why and the numbers
   * are null.
   */
  exists: boolean;
  reason: string | null;
  /**
   * Whether the ordinary maximum-likelihood estimate exists, decided before fitting by a linear
   * program on the zero cells (Fienberg & Rinaldo, Annals of Statistics 40(2), 2012). When it does
   * not, `zeroCells` lists the cells whose fitted count is 0 in the extended MLE.
   */
  mleExists: boolean;
  /** Zero cells fitted as 0 (the histories, as sets of lists, e.g. `'{a,b}'`); empty if none. */
  zeroCells: string[];
  /** The records observed (on at least one list): a floor for any estimate. */
  observed: number;
  /** The estimated population (observed + missing), the Poisson maximum-likelihood estimate. */
  estimate: number | null;
  /** The estimated number on no list. */
  missing: number | null;
  /** Standard error of the estimate: √(f₀² var(β₀) + f₀) (Rivest & Baillargeon, 2007). */
  se: number | null;
  /**
   * The profile-likelihood interval (multinomial likelihood, Cormack 1992). It always contains the
   * estimate and has positive width; otherwise both are null and `intervalReason` says why.
   * `high` alone is null when the interval has no upper bound (`intervalReason` says so too).
   */
  low: number | null;
  high: number | null;
  intervalReason: string | null;
  deviance: number | null;
  df: number;
  /** Number of parameters estimated (intercept included): the rank of the design on the cells
   * fitted. */
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
 * least squares. Whether the maximum-likelihood estimate exists is decided first, by a linear
 * program on the zero cells (Fienberg & Rinaldo, 2012): if it does not (say, two lists that share
 * no record and their interaction), `mleExists` is false, `zeroCells` names the cells fitted as 0
 * and the extended MLE is fitted to the others; the model has no estimate only when the cells left
 * do not determine the number on no list (N unbounded), and `reason` says which cells are zero.
 * The profile-likelihood interval brackets each end where the likelihood ratio crosses the χ²₁
 * quantile; it contains the estimate with positive width, or is null and `intervalReason` says
 * why.
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
  checkEstimateBudgets('loglinear', options);
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
    mleExists: false,
    zeroCells: [],
    observed: h.observed,
    estimate: null,
    missing: null,
    se: null,
    low: null,
    high: null,
    intervalReason: null,
    deviance: null,
    df: 0,
    parameters: 0,
    aic: null,
    bic: null,
  };
  // Chao's hinges: one for each j from 3 to t at which someone is on j lists or more; a hinge no
  // one reaches would have its coefficient run to −∞, and a negative coefficient is set to 0.
  let most = 0;
  for (let w = 1; w < cells; w++) if (h.counts[w]! > 0) most = Math.max(most, popcount(w));
  let chaoKs = model.heterogeneity === 'chao' ? range(3, most) : [];
  for (;;) {
    const { x, p } = design(model, t, chaoKs, 0);
    // 1. Existence, before fitting: the zero cells the likelihood drives to 0 (none when the MLE
    //    exists); the extended MLE is fitted to the other cells.
    const face = new Set(zeroFace(x.subarray(p), p, h.counts.subarray(1)).map((i) => i + 1));
    const kept: number[] = [];
    for (let w = 1; w < cells; w++) if (!face.has(w)) kept.push(w);
    const zeroCells = [...face].map((w) => cellName(w, h.lists));
    const mleExists = face.size === 0;
    // 2. Identification of the missing cell: the cells fitted must fix its linear predictor.
    const { columns, determined } = independentColumns(x, p, kept, x.subarray(0, p));
    const q = columns.length;
    const facts = { mleExists, zeroCells, parameters: q, df: kept.length - q };
    if (!determined)
      return {
        ...base,
        ...facts,
        reason: mleExists
          ? `No finite estimate: the model has ${p} parameters and the ${kept.length} observed ` +
            'cells do not determine the number on no list; N is unbounded. Use a model with ' +
            'fewer terms.'
          : `No finite estimate: the cells ${zeroCells.join(', ')} are zero, and with them at 0 ` +
            'this model does not determine the number on no list; N is unbounded. Use a model ' +
            'without the terms those cells would need, or lists that overlap.',
      };
    // 3. The fit, on the kept cells and independent columns; the missing cell is row 0.
    const rows = [0, ...kept];
    const xr = new Float64Array(rows.length * q);
    rows.forEach((w, i) => {
      columns.forEach((j, k) => {
        xr[i * q + k] = x[w * p + j]!;
      });
    });
    const y = Float64Array.from(rows, (w) => h.counts[w]!);
    const fit = fitPoisson(xr.subarray(q), y.subarray(1), q);
    if (!fit || !fit.converged)
      return {
        ...base,
        ...facts,
        reason:
          'The fit did not converge (iteratively reweighted least squares, 200 iterations): a ' +
          'numerical failure of this program, not a property of the data.',
      };
    if (model.heterogeneity === 'chao') {
      const first = p - chaoKs.length;
      const negative = chaoKs.filter((_, j) => {
        const k = columns.indexOf(first + j);
        return k >= 0 && fit.beta[k]! < 0;
      });
      if (negative.length) {
        chaoKs = chaoKs.filter((k) => !negative.includes(k));
        continue;
      }
    }
    const f0 = Math.exp(fit.beta[0]!);
    const estimate = h.observed + f0;
    const out: LoglinearFit = {
      ...base,
      ...facts,
      exists: true,
      estimate,
      missing: f0,
      se: Math.sqrt(f0 * f0 * fit.covariance[0]! + f0),
      deviance: fit.deviance,
      aic: -2 * fit.logLik + 2 * q,
      bic: -2 * fit.logLik + Math.log(h.observed) * q,
    };
    if (level > 0) {
      const r = profileInterval(xr, q, y, estimate, chiSquare1(level));
      out.low = r.low;
      out.high = r.high;
      out.intervalReason = r.reason;
    }
    return out;
  }
}

/** A history as the set of lists it is on, e.g. `'{a,c}'`. @internal */
export function cellName(w: number, lists: string[]): string {
  return `{${lists.filter((_, i) => w & (1 << i)).join(',')}}`;
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

/** The standard normal quantile (Acklam's rational approximation, refined by two Halley steps). */
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
  // Two Halley steps on Φ(x) = p, with Φ from an erfc good to about 1e-15.
  for (let step = 0; step < 2; step++) {
    const e = 0.5 * erfc(-x / Math.SQRT2) - p;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}

/**
 * The complementary error function to about 1e-15: below 3, 1 − erf(x) from the series
 * erf(x) = (2/√π) e^(−x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6, all terms
 * positive); from 3 up, the continued fraction e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …))))
 * (A&S 7.1.14), evaluated from its 80th term back.
 */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  let f = x;
  for (let k = 80; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
