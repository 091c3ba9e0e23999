import { table as columnTable, type ColumnTable } from 'arquero';
import { InvalidOptionError, UnknownIdError, checkOptions, show } from '../errors.js';
import { checkEstimateBudgets } from './budgets.js';
import { readHistories, type Histories, type ListsOptions } from './histories.js';
import { popcount } from './linalg.js';
import {
  checkModelOptions,
  fitModel,
  type Heterogeneity,
  type LoglinearFit,
  type LoglinearModel,
} from './loglinear.js';

/** Options of {@link selectModels}. */
export interface SelectModelsOptions extends ListsOptions {
  /** The highest order of interaction considered (2 = pairs). Default: lists − 1. */
  maxOrder?: number;
  /** The criterion models are ranked by. Default `'bic'`. */
  criterion?: 'bic' | 'aic';
  /** `'exhaustive'` fits every hierarchical model; `'stepwise'` adds and drops one term at a time
   * from independence; `'auto'` is exhaustive up to `limit` models. Default `'auto'`. */
  search?: 'auto' | 'exhaustive' | 'stepwise';
  /** The most models an exhaustive search fits. Default 2048. */
  limit?: number;
  /** A heterogeneity term added to every model. Default `'none'`. */
  heterogeneity?: Heterogeneity;
  theta?: number;
  /** Level of the profile-likelihood intervals; `0` skips them. Default 0.95. */
  level?: number;
}

/** A row of {@link selectModels}. */
export interface ModelRow {
  rank: number | null;
  model: string;
  terms: string;
  heterogeneity: Heterogeneity;
  value: number | null;
  low: number | null;
  high: number | null;
  se: number | null;
  observed: number;
  deviance: number | null;
  df: number;
  parameters: number;
  aic: number | null;
  bic: number | null;
  /**
   * exp(−Δ/2) normalized over the models fitted that have an estimate (Akaike or Schwarz
   * weights): over every hierarchical model in an exhaustive search, over the models the search
   * visited in a stepwise one (`weightOver` says which).
   */
  weight: number | null;
  /** What the weights are relative to, e.g. `'all 113 models'` or `'the 37 models visited'`. */
  weightOver: string;
  /** Whether the model gives a finite estimate (see `note` if not). */
  exists: boolean;
  /** Whether the ordinary maximum-likelihood estimate exists (if not, the extended MLE is used). */
  mleExists: boolean;
  /** Zero cells fitted as 0 when the ordinary MLE does not exist, e.g. `'{a,b}, {a,b,c}'`. */
  zeroCells: string;
  /** Why there is no estimate, or what to know about it and its interval. */
  note: string | null;
}

/**
 * Every hierarchical log-linear model for `t` lists with interactions up to `maxOrder`, as lists
 * of term masks, or null if there are more than `limit`.
 *
 * @example
 * hierarchicalModels(4, 3)!.length; // => 113 (as Rcapture's getAllModels(4) counts them)
 */
export function hierarchicalModels(
  t: number,
  maxOrder: number,
  limit = Infinity,
): number[][] | null {
  const candidates: number[] = [];
  for (let m = 1; m < 1 << t; m++) {
    const k = popcount(m);
    if (k >= 2 && k <= maxOrder) candidates.push(m);
  }
  candidates.sort((a, b) => popcount(a) - popcount(b) || a - b);
  const out: number[][] = [];
  const chosen = new Set<number>();
  let tooMany = false;
  const walk = (i: number) => {
    if (tooMany) return;
    if (i === candidates.length) {
      out.push([...chosen]);
      if (out.length > limit) tooMany = true;
      return;
    }
    walk(i + 1);
    const m = candidates[i]!;
    let allowed = true;
    if (popcount(m) > 2)
      for (let b = 0; b < t; b++)
        if (m & (1 << b) && !chosen.has(m & ~(1 << b))) {
          allowed = false;
          break;
        }
    if (allowed) {
      chosen.add(m);
      walk(i + 1);
      chosen.delete(m);
    }
  };
  walk(0);
  return tooMany ? null : out;
}

/**
 * Fits hierarchical log-linear models and ranks them by BIC (or AIC): every model when they are
 * few enough, else a stepwise search from independence. The whole table is returned, so that the
 * spread of defensible estimates is in plain view, not only the chosen one.
 *
 * @param table Records or capture-history counts of three to six lists (two work too).
 * @param options `lists`, `maxOrder`, `criterion`, `search`, `heterogeneity`, `level`, `count`.
 * @returns An Arquero table, one row per model, best first: value, low, high (profile likelihood),
 *   se, deviance, df, AIC, BIC, weight; models with no estimate last, with the reason in `note`.
 * @throws {InvalidOptionError} If an option is invalid.
 * @example
 * // histories: Cormack, Chang & Smith (2000), Table 3b, as a count table of lists a, b, c
 * selectModels(histories, { lists: ['a', 'b', 'c'] }).select('model', 'value', 'bic').objects();
 * // => [{ model: 'b:c', value: 221.886…, bic: 60.863… }, …]
 */
export function selectModels(table: ColumnTable, options: SelectModelsOptions): ColumnTable {
  checkEstimateBudgets('selectModels', options);
  const o = checkOptions(options, 'selectModels') as SelectModelsOptions;
  const h = readHistories(table, o, 'selectModels');
  const fits = fitModels(h, o);
  return modelTable(fits, o.criterion ?? 'bic', fits.search);
}

/** The models a selection fitted, best first, and how they were found. @internal */
export type Selection = LoglinearFit[] & { search: 'exhaustive' | 'stepwise' };

/** Fits the models of a selection. @internal */
export function fitModels(h: Histories, o: SelectModelsOptions): Selection {
  const t = h.lists.length;
  const maxOrder = o.maxOrder ?? t - 1;
  if (!Number.isInteger(maxOrder) || maxOrder < 1 || maxOrder > t - 1)
    throw new InvalidOptionError(
      `The option maxOrder is ${show(maxOrder)}; ` +
        `expected a whole number from 1 to ${t - 1} for ${t} lists.`,
    );
  const criterion = o.criterion ?? 'bic';
  if (criterion !== 'bic' && criterion !== 'aic')
    throw new UnknownIdError('criterion', criterion, ['bic', 'aic']);
  const search = o.search ?? 'auto';
  if (!['auto', 'exhaustive', 'stepwise'].includes(search))
    throw new UnknownIdError('search', search, ['auto', 'exhaustive', 'stepwise']);
  const limit = o.limit ?? 2048;
  const base: Omit<LoglinearModel, 'terms'> = {
    heterogeneity: o.heterogeneity ?? 'none',
    ...(o.theta !== undefined ? { theta: o.theta } : {}),
  };
  checkModelOptions({ terms: [], ...base }, o.level);
  const level = o.level ?? 0.95;
  let all: number[][] | null = null;
  if (search !== 'stepwise') {
    all = hierarchicalModels(t, maxOrder, search === 'exhaustive' ? Infinity : limit);
  }
  let fits: LoglinearFit[];
  if (all) fits = all.map((terms) => fitModel(h, { terms, ...base }, 0));
  else fits = stepwise(h, base, maxOrder, criterion);
  // Intervals for the models that have an estimate.
  if (level > 0)
    fits = fits.map((f) =>
      f.exists ? fitModel(h, { terms: masks(f.terms, h.lists), ...base }, level) : f,
    );
  const score = (f: LoglinearFit) => (criterion === 'bic' ? f.bic : f.aic) ?? Infinity;
  fits.sort((a, b) => score(a) - score(b) || a.parameters - b.parameters);
  return Object.assign(fits, { search: all ? ('exhaustive' as const) : ('stepwise' as const) });
}

function masks(terms: string[], lists: string[]): number[] {
  return terms.map((term) =>
    term.split(':').reduce((m, name) => m | (1 << lists.indexOf(name)), 0),
  );
}

/** Forward–backward stepwise search from independence, one hierarchical term at a time. */
function stepwise(
  h: Histories,
  base: Omit<LoglinearModel, 'terms'>,
  maxOrder: number,
  criterion: 'bic' | 'aic',
): LoglinearFit[] {
  const t = h.lists.length;
  const seen = new Map<string, LoglinearFit>();
  const fit = (terms: number[]) => {
    const key = [...terms].sort((a, b) => a - b).join(',');
    let f = seen.get(key);
    if (!f) {
      f = fitModel(
        h,
        { terms: [...terms].sort((a, b) => popcount(a) - popcount(b) || a - b), ...base },
        0,
      );
      seen.set(key, f);
    }
    return f;
  };
  const score = (f: LoglinearFit) => (criterion === 'bic' ? f.bic : f.aic) ?? Infinity;
  let current: number[] = [];
  let best = fit(current);
  for (let step = 0; step < 200; step++) {
    const moves: number[][] = [];
    for (let m = 1; m < 1 << t; m++) {
      const k = popcount(m);
      if (k < 2 || k > maxOrder) continue;
      if (current.includes(m)) {
        if (!current.some((u) => u !== m && (u & m) === m))
          moves.push(current.filter((u) => u !== m));
      } else {
        let allowed = true;
        if (k > 2)
          for (let b = 0; b < t; b++)
            if (m & (1 << b) && !current.includes(m & ~(1 << b))) allowed = false;
        if (allowed) moves.push([...current, m]);
      }
    }
    let next: number[] | null = null;
    let nextFit = best;
    for (const move of moves) {
      const f = fit(move);
      if (score(f) < score(nextFit)) {
        next = move;
        nextFit = f;
      }
    }
    if (!next) break;
    current = next;
    best = nextFit;
  }
  return [...seen.values()];
}

/** The rows of a model table, with ranks and weights. @internal */
export function modelRows(
  fits: LoglinearFit[],
  criterion: 'bic' | 'aic' = 'bic',
  search: 'exhaustive' | 'stepwise' = 'exhaustive',
): ModelRow[] {
  const score = (f: LoglinearFit) => (criterion === 'bic' ? f.bic : f.aic);
  const existing = fits.filter((f) => f.exists && score(f) !== null);
  const min = Math.min(...existing.map((f) => score(f)!));
  const total = existing.reduce((s, f) => s + Math.exp(-(score(f)! - min) / 2), 0);
  let rank = 0;
  const weightOver =
    search === 'stepwise'
      ? `the ${fits.length} models the stepwise search visited (not all models)`
      : `all ${fits.length} models`;
  return fits.map((f) => {
    const s = score(f);
    const tooLarge = f.exists && f.estimate !== null && f.estimate > 100 * f.observed;
    return {
      rank: f.exists ? ++rank : null,
      model: f.model,
      terms: f.terms.join(' + '),
      heterogeneity: f.heterogeneity,
      value: f.estimate,
      low: f.low,
      high: f.high,
      se: f.se,
      observed: f.observed,
      deviance: f.deviance,
      df: f.df,
      parameters: f.parameters,
      aic: f.aic,
      bic: f.bic,
      weight: f.exists && s !== null ? Math.exp(-(s - min) / 2) / total : null,
      weightOver,
      exists: f.exists,
      mleExists: f.mleExists,
      zeroCells: f.zeroCells.join(', '),
      note: fitNote(f, tooLarge),
    };
  });
}

/** What to know about a fit: why it has no estimate, or its extended MLE and its interval. */
export function fitNote(f: LoglinearFit, tooLarge = false): string | null {
  if (f.reason) return f.reason;
  const notes = [
    f.mleExists
      ? ''
      : `The maximum-likelihood estimate does not exist (the cells ${f.zeroCells.join(', ')} ` +
        'are zero); this is the extended MLE, fitted with those cells at 0.',
    f.intervalReason ?? '',
    tooLarge
      ? 'More than 100 times the observed count: the data barely identify this estimate.'
      : '',
  ].filter(Boolean);
  return notes.length ? notes.join(' ') : null;
}

function modelTable(
  fits: LoglinearFit[],
  criterion: 'bic' | 'aic',
  search: 'exhaustive' | 'stepwise',
): ColumnTable {
  const rows = modelRows(fits, criterion, search);
  const columns: Record<string, unknown[]> = {};
  for (const key of Object.keys(rows[0] ?? {}))
    columns[key] = rows.map((r) => r[key as keyof ModelRow]);
  return columnTable(columns);
}
