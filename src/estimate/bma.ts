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
   *  Default: 3 × the observed count, at least 100. */
  maxMissing?: number;
  /** The smallest number on no list considered. Default 0. */
  minMissing?: number;
  /** The prior on the population N: `'1/N'` (Madigan & York, 1997), `'1/missing'` (∝ 1/(N − n), as
   *  the R package dga does by default; needs minMissing ≥ 1), `'uniform'`, or a function of N and
   *  the number missing returning a log prior weight. Default `'1/N'`. */
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
  /** Posterior mass at maxMissing: if not small, raise maxMissing. */
  tail: number;
  /** One row per decomposable model, most probable first. */
  models: BMAModel[];
}

/**
 * Bayesian model averaging over the decomposable graphical models of 3 to 5 lists (Madigan & York,
 * "Bayesian methods for estimation of the size of a closed population", Biometrika 84(1), 1997):
 * a hyper-Dirichlet prior on the cell probabilities of each model, a prior on N, and exact
 * enumeration of every model and every N in range (no sampling: the same data give the
 * same answer).
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
  checkEstimateBudgets('bayesianModelAveraging', table, options);
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
  const maxMissing = o.maxMissing ?? Math.max(100, 3 * n);
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
  const K = maxMissing - minMissing + 1;
  const alpha = delta * (1 << t);
  // log D(A) for every margin A (a set of lists, as a mask) and every number missing.
  const logD: Float64Array[] = [];
  for (let a = 0; a < 1 << t; a++) {
    const size = popcount(a);
    const cellAlpha = delta * (1 << (t - size));
    const margin = new Float64Array(1 << t);
    for (let w = 1; w < 1 << t; w++) margin[w & a] = margin[w & a]! + h.counts[w]!;
    let fixed = 0;
    for (let c = 1; c < 1 << t; c++) {
      if ((c & a) !== c) continue;
      fixed += logGamma(cellAlpha + margin[c]!) - logGamma(cellAlpha);
    }
    const values = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const m = minMissing + k;
      const N = n + m;
      values[k] =
        a === 0
          ? 0
          : fixed +
            logGamma(cellAlpha + margin[0]! + m) -
            logGamma(cellAlpha) +
            logGamma(alpha) -
            logGamma(alpha + N);
    }
    logD.push(values);
  }
  // log N!/(N − n)! and the prior, for each number missing.
  const common = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const m = minMissing + k;
    common[k] = logGamma(n + m + 1) - logGamma(m + 1) + prior(n + m, m);
  }
  const graphs = decomposableGraphs(t);
  const logPost = graphs.map((g) => {
    const values = Float64Array.from(common);
    for (const [family, parents] of g.factors) {
      const f = logD[family]!;
      const s = logD[parents]!;
      for (let k = 0; k < K; k++) values[k] = values[k]! + f[k]! - s[k]!;
    }
    return values;
  });
  let max = -Infinity;
  for (const v of logPost) for (let k = 0; k < K; k++) max = Math.max(max, v[k]!);
  let total = 0;
  const weights = logPost.map((v) => {
    const w = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      w[k] = Math.exp(v[k]! - max);
      total += w[k]!;
    }
    return w;
  });
  const averaged = new Float64Array(K);
  for (const w of weights) for (let k = 0; k < K; k++) averaged[k] = averaged[k]! + w[k]! / total;
  const summary = (p: Float64Array) => summarize(p, n + minMissing, level);
  const models: BMAModel[] = graphs
    .map((g, i) => {
      const w = weights[i]!;
      let mass = 0;
      for (let k = 0; k < K; k++) mass += w[k]!;
      return {
        model: g.edges(h.lists),
        cliques: g.cliques(h.lists),
        weight: mass / total,
        ...summary(w),
      };
    })
    .sort((a, b) => b.weight - a.weight);
  const s = summary(averaged);
  return {
    observed: n,
    posterior: Array.from(averaged, (probability, k) => ({ N: n + minMissing + k, probability })),
    ...s,
    tail: averaged[K - 1]!,
    models,
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
 * Mean, mode, median, Bayes estimate and equal-tailed interval
 * of unnormalized weights over N = first, first + 1, …
 */
function summarize(w: Float64Array, first: number, level: number) {
  let total = 0;
  let mean = 0;
  let inv = 0;
  let inv2 = 0;
  let mode = first;
  let top = -1;
  for (let k = 0; k < w.length; k++) {
    const N = first + k;
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
      if (c >= q - 1e-12) return first + k;
    }
    return first + w.length - 1;
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
