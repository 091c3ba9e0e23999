import { table as columnTable, type ColumnTable } from 'arquero';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { checkEstimateBudgets } from './budgets.js';
import { readHistories, type Histories, type ListsOptions } from './histories.js';
import { logGamma, popcount } from './linalg.js';

/** Options of {@link bayesianModelAveraging}. */
export interface BMAOptions extends ListsOptions {
  /** The hyper-Dirichlet prior: δ prior records per cell of the full 2^t table. Default 2^−t. */
  delta?: number;
  /** The largest number on no list considered (the posterior beyond it is taken as 0).
   *  Default: 3 × the observed count (at least 100), doubled until the top tenth of the range
   *  holds less than 10⁻⁶ of the posterior (at most 1000 × the observed count). */
  maxMissing?: number;
  /** The smallest number on no list considered. Default 0. */
  minMissing?: number;
  /** The prior on the population N: `'1/N'` (Madigan & York, 1997; also what the R package dga
   *  2.0.2 uses when given no prior: its bma.cr sets `logprior <- -log(sum(Y) + Nmissing)`, though
   *  its help page says −log(Nmissing)), `'1/missing'` (∝ 1/(N − n); not dga's default; needs
   *  minMissing ≥ 1), `'uniform'`, or a function of N and the number missing returning a log prior
   *  weight. Default `'1/N'`. */
  prior?: '1/N' | '1/missing' | 'uniform' | ((N: number, missing: number) => number);
  /** Level of the credible interval (equal tails). Default 0.95. */
  level?: number;
}

/** A decomposable graphical model's part of the average. */
export interface BMAModel {
  /** The edges, e.g. `'a-b, b-c'` (`'independence'` if none). */
  model: string;
  /** The cliques, e.g. `'[a,b][b,c]'`. */
  cliques: string;
  /** Posterior probability of the model. */
  weight: number;
  /** The model's own posterior: mean, mode, median, Bayes estimate, interval. */
  mean: number;
  mode: number;
  median: number;
  bayes: number;
  low: number;
  high: number;
}

/** The result of {@link bayesianModelAveraging}. */
export interface BMAResult {
  observed: number;
  /** The averaged posterior over N. */
  posterior: { N: number; probability: number }[];
  mean: number;
  mode: number;
  median: number;
  /**
   * The Bayes estimate under relative squared error loss
   * ((N̂ − N)/N)², E[1/N]/E[1/N²] (Madigan & York, 1997).
   */
  bayes: number;
  /** Equal-tailed credible interval at `level`. */
  low: number;
  high: number;
  /** Posterior mass at the top of the grid: if not small, raise maxMissing. */
  tail: number;
  /**
   * The spacing of the grid of N: 1 (every whole number) when maxMissing − minMissing is at most
   * 20,000; beyond that the posterior is held at 20,000 equally spaced values over the range where
   * it has mass (found by a coarser pass), so memory grows with the number of models, not with n.
   * Each `posterior` row then stands for `step` values of N.
   */
  step: number;
  /** One row per decomposable model, most probable first. */
  models: BMAModel[];
}

/**
 * Bayesian model averaging over the decomposable graphical models of 3 to 5 lists (Madigan & York,
 * "Bayesian methods for estimation of the size of a closed population", Biometrika 84(1), 1997):
 * a hyper-Dirichlet prior on the cell probabilities of each model, a prior on N, and exact
 * enumeration of every model and every N in range (no sampling: the same data give the
 * same answer). Beyond 20,000 values of N, the posterior is held on a grid of 20,000 equal steps
 * over the range where it has mass (`step` in the result); a range of the number missing wider than
 * 10¹² is refused.
 *
 * @param table Records or capture-history counts of three to five lists.
 * @param options `lists`, `delta`, `prior`, `minMissing`, `maxMissing`, `level`, `count`.
 * @returns The posterior over N, its mean, mode, median and Bayes estimate, an interval, and the
 *   models' weights.
 * @throws {InvalidOptionError} If fewer than 3 or more than 5 lists are given, or an option
 *   is invalid.
 * @example
 * // histories: Cormack, Chang & Smith (2000), Table 3b, as a count table of lists a, b, c
 * const r = bayesianModelAveraging(histories, { lists: ['a', 'b', 'c'] });
 * r.median; // => 222
 * r.models[0];
 * // => { model: 'b-c', cliques: '[a][b,c]', weight: 0.825…, mode: 220, median: 222, low: 211,
 * //      high: 237, … }
 */
export function bayesianModelAveraging(table: ColumnTable, options: BMAOptions): BMAResult {
  checkEstimateBudgets('bayesianModelAveraging', options);
  const o = checkOptions(options, 'bayesianModelAveraging') as BMAOptions;
  return bmaOf(readHistories(table, o, 'bayesianModelAveraging'), o);
}

/** @internal */
export function bmaOf(h: Histories, o: BMAOptions): BMAResult {
  const t = h.lists.length;
  if (t < 3 || t > 5)
    throw new InvalidOptionError(`bayesianModelAveraging takes 3 to 5 lists; ${t} were given.`);
  const n = h.observed;
  const delta = o.delta ?? Math.pow(2, -t);
  if (!(delta > 0 && Number.isFinite(delta)))
    throw new InvalidOptionError(`The option delta is ${show(delta)}; expected a number above 0.`);
  const minMissing = o.minMissing ?? 0;
  let maxMissing = o.maxMissing ?? Math.max(100, 3 * n);
  if (
    !Number.isInteger(minMissing) ||
    !Number.isInteger(maxMissing) ||
    minMissing < 0 ||
    maxMissing < minMissing
  )
    throw new InvalidOptionError(
      `minMissing ${show(minMissing)} and maxMissing ${show(maxMissing)}: ` +
        'expected whole numbers, 0 ≤ minMissing ≤ maxMissing.',
    );
  const level = o.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new InvalidOptionError(
      `The option level is ${show(level)}; expected a number between 0 and 1.`,
    );
  const prior = priorOf(o.prior ?? '1/N');
  if (o.prior === '1/missing' && minMissing < 1)
    throw new InvalidOptionError(
      "The prior '1/missing' needs minMissing of 1 or more (it is infinite at 0).",
    );
  if (maxMissing - minMissing > maxRange)
    throw new InvalidOptionError(
      `bayesianModelAveraging: minMissing ${minMissing} to maxMissing ${maxMissing} spans more ` +
        `than ${maxRange} values of the number missing; expected a narrower range.`,
    );
  const graphs = decomposableGraphs(t);
  const posteriorOn = makePosterior(h, graphs, delta, prior);
  // The default range grows (doubling) until its top tenth holds less than 10⁻⁶ of the
  // posterior, up to 1000 times the observed count: a range cut short biases the upper end.
  if (o.maxMissing === undefined) {
    const limit = Math.min(maxRange, 1000 * Math.max(100, n));
    for (;;) {
      const coarse = spaced(
        minMissing,
        maxMissing,
        Math.ceil((maxMissing - minMissing + 1) / 5000),
      );
      const mass = normalized(posteriorOn(coarse, null, false).averaged);
      const tenth = minMissing + 0.9 * (maxMissing - minMissing);
      const top = coarse.reduce((s, m, k) => (m > tenth ? s + mass[k]! : s), 0);
      if (top <= 1e-6 || maxMissing >= limit) break;
      maxMissing = Math.min(limit, 2 * maxMissing);
    }
  }
  // The grid of the number missing: every whole number when there are at most `gridSize` of them.
  // Otherwise a coarse pass finds where the posterior has its mass (between its 10⁻⁹ and 1 − 10⁻⁹
  // quantiles, one coarse step either side); that core gets half the grid in equal steps, the
  // tails keep the coarse steps, and each point stands for the width of its step. Memory grows
  // with the number of models, not with n.
  let grid: number[];
  let widths: Float64Array | null = null;
  let step = 1;
  if (maxMissing - minMissing + 1 <= gridSize) grid = spaced(minMissing, maxMissing, 1);
  else {
    const wide = Math.ceil((maxMissing - minMissing + 1) / (gridSize / 4));
    const coarse = spaced(minMissing, maxMissing, wide);
    const mass = normalized(posteriorOn(coarse, null, false).averaged);
    let first = 0;
    let last = mass.length - 1;
    for (let k = 0, c = 0; k < mass.length; k++) {
      c += mass[k]!;
      if (c < 1e-9) first = k + 1;
      if (c < 1 - 1e-9) last = k + 1;
    }
    const from = coarse[Math.max(0, first - 1)]!;
    const to = coarse[Math.min(coarse.length - 1, last + 1)]!;
    step = Math.max(1, Math.ceil((to - from + 1) / (gridSize / 2)));
    const core = spaced(from, to, step);
    grid = [...coarse.filter((m) => m < from), ...core, ...coarse.filter((m) => m > to)];
    // Each point's width: half the gaps to its neighbours.
    widths = Float64Array.from(grid, (m, k) => {
      const before = k > 0 ? m - grid[k - 1]! : 0;
      const after = k < grid.length - 1 ? grid[k + 1]! - m : 0;
      return Math.max(1, (before + after) / 2);
    });
  }
  const { averaged, models: perModel } = posteriorOn(grid, widths, true);
  const probability = normalized(averaged);
  const logTotal = logSum(perModel.map((x) => x.logMass));
  const models: BMAModel[] = perModel
    .map((m, i) => ({
      model: graphs[i]!.edges(h.lists),
      cliques: graphs[i]!.cliques(h.lists),
      weight: Math.exp(m.logMass - logTotal),
      ...summarize(m.weights, grid, n, level),
    }))
    .sort((a, b) => b.weight - a.weight);
  return {
    observed: n,
    posterior: Array.from(probability, (p, k) => ({ N: n + grid[k]!, probability: p })),
    ...summarize(probability, grid, n, level),
    tail: probability[probability.length - 1]!,
    step,
    models,
  };
}

/** Probabilities from log weights. */
function normalized(logWeights: Float64Array): Float64Array {
  let top = -Infinity;
  for (const v of logWeights) top = Math.max(top, v);
  const p = Float64Array.from(logWeights, (v) => Math.exp(v - top));
  let total = 0;
  for (const v of p) total += v;
  for (let k = 0; k < p.length; k++) p[k] = p[k]! / total;
  return p;
}

/** The most values of N the posterior is held at: beyond this, N is taken in steps. */
const gridSize = 20_000;
/** The widest range of the number missing accepted. */
const maxRange = 1e12;

/** Whole numbers from a to b in steps (b included as the last point). */
function spaced(a: number, b: number, step: number): number[] {
  const out: number[] = [];
  for (let m = a; m < b; m += step) out.push(m);
  out.push(b);
  return out;
}

function logSum(values: number[]): number {
  const max = Math.max(...values);
  return max + Math.log(values.reduce((s, v) => s + Math.exp(v - max), 0));
}

/**
 * The log posterior over a grid of numbers missing, averaged over the models (log scale), and,
 * when asked, each model's log mass and weights (relative to the largest value of all models).
 * Each model's values are computed into one buffer in turn: memory is (2^t + models) × grid.
 */
function makePosterior(
  h: Histories,
  graphs: Decomposable[],
  delta: number,
  prior: (N: number, missing: number) => number,
) {
  const t = h.lists.length;
  const n = h.observed;
  const alpha = delta * (1 << t);
  return (grid: number[], widths: Float64Array | null, perModel: boolean) => {
    const K = grid.length;
    // log D(A) for every margin A (a set of lists, as a mask) at every number missing.
    const logD: Float64Array[] = [];
    for (let a = 0; a < 1 << t; a++) {
      const cellAlpha = delta * (1 << (t - popcount(a)));
      const margin = new Float64Array(1 << t);
      for (let w = 1; w < 1 << t; w++) margin[w & a] = margin[w & a]! + h.counts[w]!;
      let fixed = 0;
      for (let c = 1; c < 1 << t; c++)
        if ((c & a) === c) fixed += logGamma(cellAlpha + margin[c]!) - logGamma(cellAlpha);
      logD.push(
        Float64Array.from(grid, (m) =>
          a === 0
            ? 0
            : fixed +
              logGamma(cellAlpha + margin[0]! + m) -
              logGamma(cellAlpha) +
              logGamma(alpha) -
              logGamma(alpha + n + m),
        ),
      );
    }
    // log N!/(N − n)! and the prior.
    const common = Float64Array.from(
      grid,
      (m) => logGamma(n + m + 1) - logGamma(m + 1) + prior(n + m, m),
    );
    const values = new Float64Array(K);
    const fill = (g: Decomposable) => {
      values.set(common);
      for (const [family, parents] of g.factors) {
        const f = logD[family]!;
        const s = logD[parents]!;
        for (let k = 0; k < K; k++) values[k] = values[k]! + f[k]! - s[k]!;
      }
    };
    // First the largest value over all models, then the sums relative to it.
    let max = -Infinity;
    for (const g of graphs) {
      fill(g);
      for (let k = 0; k < K; k++) max = Math.max(max, values[k]!);
    }
    const sum = new Float64Array(K);
    const models: { logMass: number; weights: Float64Array }[] = [];
    for (const g of graphs) {
      fill(g);
      const w = new Float64Array(perModel ? K : 0);
      let mass = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp(values[k]! - max) * (widths ? widths[k]! : 1);
        sum[k] = sum[k]! + e;
        mass += e;
        if (perModel) w[k] = e;
      }
      if (perModel) models.push({ logMass: Math.log(mass) + max, weights: w });
    }
    return { averaged: Float64Array.from(sum, (v) => Math.log(v) + max), models };
  };
}

function priorOf(prior: BMAOptions['prior']): (N: number, missing: number) => number {
  if (typeof prior === 'function') return prior;
  if (prior === '1/N') return (N) => -Math.log(N);
  if (prior === '1/missing') return (_, m) => -Math.log(m);
  if (prior === 'uniform') return () => 0;
  throw new InvalidOptionError(
    `The option prior is ${show(prior)}; expected '1/N', '1/missing', 'uniform' or a function.`,
  );
}

/**
 * Mean, mode, median, Bayes estimate and equal-tailed interval of unnormalized weights over the
 * numbers missing in `grid` (N = n + grid[k]).
 */
function summarize(w: Float64Array, grid: number[], n: number, level: number) {
  let total = 0;
  let mean = 0;
  let inv = 0;
  let inv2 = 0;
  let mode = n + grid[0]!;
  let top = -1;
  for (let k = 0; k < w.length; k++) {
    const N = n + grid[k]!;
    const p = w[k]!;
    total += p;
    mean += p * N;
    inv += p / N;
    inv2 += p / (N * N);
    if (p > top) [top, mode] = [p, N];
  }
  const quantile = (q: number) => {
    let c = 0;
    for (let k = 0; k < w.length; k++) {
      c += w[k]! / total;
      if (c >= q - 1e-12) return n + grid[k]!;
    }
    return n + grid[w.length - 1]!;
  };
  return {
    mean: mean / total,
    mode,
    median: quantile(0.5),
    bayes: inv / inv2,
    low: quantile((1 - level) / 2),
    high: quantile(1 - (1 - level) / 2),
  };
}

/** A decomposable graph: its factorization along a perfect ordering, and names. */
interface Decomposable {
  /** [family mask, parents mask] pairs: p(x) = ∏ D(family)/D(parents). */
  factors: [number, number][];
  edges(lists: string[]): string;
  cliques(lists: string[]): string;
}

/**
 * Every decomposable (chordal) graph on t vertices, each with the factors of its hyper-Dirichlet
 * marginal likelihood along a perfect ordering found by maximum cardinality search (Tarjan &
 * Yannakakis, 1984). t = 3, 4, 5 give 8, 61 and 822 graphs.
 * @internal
 */
export function decomposableGraphs(t: number): Decomposable[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) pairs.push([i, j]);
  const out: Decomposable[] = [];
  for (let e = 0; e < 1 << pairs.length; e++) {
    const adj = new Array<number>(t).fill(0);
    pairs.forEach(([i, j], k) => {
      if (e & (1 << k)) {
        adj[i] = adj[i]! | (1 << j);
        adj[j] = adj[j]! | (1 << i);
      }
    });
    // Maximum cardinality search.
    const order: number[] = [];
    let numbered = 0;
    for (let step = 0; step < t; step++) {
      let best = -1;
      let bestCount = -1;
      for (let v = 0; v < t; v++) {
        if (numbered & (1 << v)) continue;
        const c = popcount(adj[v]! & numbered);
        if (c > bestCount) [best, bestCount] = [v, c];
      }
      order.push(best);
      numbered |= 1 << best;
    }
    let chordal = true;
    const factors: [number, number][] = [];
    let before = 0;
    for (const v of order) {
      const parents = adj[v]! & before;
      // The earlier neighbours must be pairwise adjacent.
      for (let u = 0; u < t && chordal; u++)
        if (parents & (1 << u) && (adj[u]! & parents) !== (parents & ~(1 << u))) chordal = false;
      factors.push([parents | (1 << v), parents]);
      before |= 1 << v;
    }
    if (!chordal) continue;
    const families = factors.map(([f]) => f);
    const maximal = families.filter(
      (f, i) => !families.some((g, j) => j !== i && (g & f) === f && (g !== f || j < i)),
    );
    out.push({
      factors,
      edges: (lists) =>
        pairs
          .filter((_, k) => e & (1 << k))
          .map(([i, j]) => `${lists[i]}-${lists[j]}`)
          .join(', ') || 'independence',
      cliques: (lists) =>
        maximal
          .sort((a, b) => a - b)
          .map((c) => `[${lists.filter((_, i) => c & (1 << i)).join(',')}]`)
          .join(''),
    });
  }
  return out;
}

/**
 * The posterior over N of a BMA result as an Arquero table (`N`, `probability`).
 *
 * @example
 * posteriorTable(bayesianModelAveraging(histories, { lists })).objects()[0];
 * // => { N: 201, probability: 0.00097… }
 */
export function posteriorTable(result: BMAResult): ColumnTable {
  return columnTable({
    N: Float64Array.from(result.posterior, (d) => d.N),
    probability: Float64Array.from(result.posterior, (d) => d.probability),
  });
}
