import { table as columnTable, type ColumnTable } from 'arquero';
import { contractColumns } from '../data/contract.js';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { checkEstimateBudgets } from './budgets.js';
import { bmaOf } from './bma.js';
import { bootstrapOf } from './bootstrap.js';
import { chaoOf } from './chao.js';
import { readHistories, type ListsOptions } from './histories.js';
import { fitModel, parseTerms, type Heterogeneity } from './loglinear.js';
import { fitModels, fitNote, modelRows } from './models.js';
import { chapmanOf } from './twoLists.js';

/** Options of {@link estimate}. */
export interface EstimateOptions extends ListsOptions {
  /** Highest order of interaction in the log-linear models. Default: lists − 1. */
  maxOrder?: number;
  /** Criterion of the model selection. Default `'bic'`. */
  criterion?: 'bic' | 'aic';
  /**
   * Bootstrap replicates redoing the selection (0: none). Default 0 when Bayesian model averaging
   * gives the summary (3 to 5 lists), else 200 for 3 lists or more (the bootstrap then gives it).
   */
  bootstrap?: number;
  /** Seed of the bootstrap. Default 1. */
  seed?: number;
  /** Bayesian model averaging for 3 to 5 lists (then the summary). Default true. */
  bma?: boolean;
  /** Level of every interval. Default 0.95. */
  level?: number;
  /** The `source` of the rows (the data contract). Default `'estimate'`. */
  source?: string;
  /** The `measure` of the rows. Default `'victims'`. */
  measure?: string;
}

/** A row of {@link estimate}: the data contract's columns, then the method and its fit. */
export interface EstimateRow {
  source: string;
  measure: string;
  unit: 'persons';
  value: number | null;
  /** The interval: it contains `value` and has positive width, or both ends are null and
   *  `note` says why (`high` alone is null when there is no upper bound). */
  low: number | null;
  high: number | null;
  qualifier: 'derived';
  label: string;
  note: string;
  method: string;
  model: string;
  terms: string;
  interval: string;
  observed: number;
  se: number | null;
  deviance: number | null;
  df: number | null;
  aic: number | null;
  bic: number | null;
  weight: number | null;
  /** For log-linear rows, whether the ordinary maximum-likelihood estimate exists (if not, the
   *  row gives the extended MLE and `note` names the zero cells); null for other methods. */
  mleExists: boolean | null;
  selected: boolean;
}

const caution =
  'Assumes the lists were matched correctly and the population was closed; other defensible ' +
  'models can give very different numbers.';

/**
 * Multiple systems estimation in one call: every estimator that applies to the lists, one row per
 * model, in the data contract's shape (qualifier `derived`, the method in `note`), so that the
 * spread between models is in plain view. Two lists: Lincoln–Petersen (profile-likelihood
 * interval) and Chapman (log-normal interval). Three or more: every hierarchical log-linear model
 * ranked by BIC (stepwise beyond 2048 models) with profile intervals and weights, each saying
 * whether its maximum-likelihood estimate exists; the chosen model with Chao, Darroch and Poisson
 * heterogeneity terms; Chao's lower bound; Bayesian model averaging (3 to 5 lists); a bootstrap
 * that redoes the selection (asked for, or when there is no averaging). The row with
 * `selected: true` is the summary, and it carries the uncertainty of the choice of model:
 * Bayesian model averaging for 3 to 5 lists, else the bootstrap with selection (with two lists
 * there is one model: Chapman's estimate). {@link estimateSummary} returns it alone.
 *
 * @param table Records (one row per matched person, a true/false column per list) or
 *   capture-history counts.
 * @param options `lists`, `maxOrder`, `criterion`, `bootstrap`, `seed`, `bma`, `level`, `source`,
 *   `measure`, `count`.
 * @returns An Arquero table, one row per model.
 * @example
 * estimate(records, { lists: ['a', 'b', 'c'] })
 *   .select('method', 'model', 'value', 'low', 'high', 'weight')
 *   .objects();
 * // records: Cormack, Chang & Smith (2000), Table 3b
 * // => [{ method: 'log-linear', model: 'b:c', value: 221.88…, low: 210.25…, high: 236.20…,
 * //       weight: 0.839… }, …]
 */
export function estimate(table: ColumnTable, options: EstimateOptions): ColumnTable {
  checkEstimateBudgets('estimate', options);
  return rowsTable(estimateRows(table, options));
}

/**
 * The summary of {@link estimate}: the selected row alone, in the data contract's shape. For 3 to
 * 5 lists it is Bayesian model averaging, for 6 lists (or `bma: false`) the bootstrap that redoes
 * the selection: an interval that carries the uncertainty of the choice of model, its method
 * named in `label` and `note`.
 *
 * @param result The table `estimate()` returned.
 * @returns A one-row Arquero table: source, measure, unit, value, low, high, qualifier (`derived`),
 *   label, note.
 * @example
 * estimateSummary(estimate(records, { lists })).objects()[0].label;
 * // => 'Bayesian model averaging: 8 decomposable models'
 */
export function estimateSummary(result: ColumnTable): ColumnTable {
  const selected = (result.objects() as EstimateRow[]).filter((r) => r.selected);
  return rowsTable(selected).select(...contractColumns);
}

/** @internal */
export function estimateRows(table: ColumnTable, options: EstimateOptions): EstimateRow[] {
  const o = checkOptions(options, 'estimate') as EstimateOptions;
  const h = readHistories(table, o, 'estimate');
  const t = h.lists.length;
  if (t > 6)
    throw new InvalidOptionError(
      `estimate takes 2 to 6 lists; ${t} were given ` +
        '(fit chosen models of more lists with loglinear).',
    );
  const level = o.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new InvalidOptionError(
      `The option level is ${show(level)}; expected a number between 0 and 1.`,
    );
  const pct = `${Math.round(level * 1000) / 10}%`;
  const source = o.source ?? 'estimate';
  const measure = o.measure ?? 'victims';
  const lists = h.lists.join(', ');
  const base = (method: string, model: string, note: string) => ({
    source,
    measure,
    unit: 'persons' as const,
    qualifier: 'derived' as const,
    label: `${method}: ${model}`,
    note: `${note} Lists: ${lists}; ${h.observed} people on at least one. ${caution}`,
    method,
    model,
    observed: h.observed,
    mleExists: null,
    selected: false,
  });
  const none = { deviance: null, df: null, aic: null, bic: null, weight: null };
  const rows: EstimateRow[] = [];
  if (t === 2) {
    const lp = fitModel(h, { terms: [] }, level);
    rows.push({
      ...base(
        'Lincoln–Petersen',
        'independence of the two lists',
        `Lincoln–Petersen two-list estimate (the maximum-likelihood estimate of the independence ` +
          `model), profile-likelihood ${pct} interval.` +
          (fitNote(lp) ? ` ${fitNote(lp)}` : ''),
      ),
      value: lp.estimate,
      low: lp.low,
      high: lp.high,
      terms: '',
      interval: `profile likelihood ${pct}`,
      se: lp.se,
      ...none,
      mleExists: lp.mleExists,
    });
    const ch = chapmanOf(h, level);
    rows.push({
      ...base(
        'Chapman',
        'independence of the two lists',
        `Chapman two-list estimate, log-normal ${pct} interval (Chao, 1987). Two lists give one ` +
          'model, so there is no choice of model to carry.' +
          (ch.reason ? ` ${ch.reason}` : ''),
      ),
      value: ch.estimate,
      low: ch.low,
      high: ch.high,
      terms: '',
      interval: `log-normal ${pct}`,
      se: ch.se,
      ...none,
      selected: true,
    });
    return rows.map(checkInterval);
  }
  const criterion = o.criterion ?? 'bic';
  const fits = fitModels(h, {
    lists: h.lists,
    criterion,
    level,
    ...(o.maxOrder !== undefined ? { maxOrder: o.maxOrder } : {}),
  });
  const models = modelRows(fits, criterion, fits.search);
  const missingCount = models.filter((m) => !m.exists).length;
  const over =
    fits.search === 'stepwise'
      ? `weight relative to the ${models.length} models a stepwise search visited, not to all ` +
        'hierarchical models'
      : `weight over all ${models.length} hierarchical models` +
        (missingCount ? ` (${missingCount} without a finite estimate, listed unranked)` : '');
  models.forEach((m) => {
    rows.push({
      ...base(
        'log-linear',
        m.model,
        `Poisson log-linear model ${m.model}, ranked ${m.rank ?? '–'} of ${models.length} ` +
          `by ${criterion.toUpperCase()} (${over}); profile-likelihood ${pct} interval.` +
          (m.note ? ` ${m.note}` : ''),
      ),
      value: m.value,
      low: m.low,
      high: m.high,
      terms: m.terms,
      interval: `profile likelihood ${pct}`,
      se: m.se,
      deviance: m.deviance,
      df: m.df,
      aic: m.aic,
      bic: m.bic,
      weight: m.weight,
      mleExists: m.mleExists,
    });
  });
  // Heterogeneity: the chosen interactions with each heterogeneity term.
  const chosen = fits.find((f) => f.exists);
  const terms = chosen ? parseTerms(chosen.terms, h.lists) : [];
  for (const heterogeneity of ['chao', 'darroch', 'poisson'] as Heterogeneity[]) {
    const f = fitModel(h, { terms, heterogeneity }, level);
    const note = fitNote(f);
    rows.push({
      ...base(
        'heterogeneity',
        f.model,
        `Log-linear model ${f.model} (Rivest & Baillargeon's Rcapture parametrization); ` +
          `profile-likelihood ${pct} interval.` +
          (note ? ` ${note}` : ''),
      ),
      value: f.estimate,
      low: f.low,
      high: f.high,
      terms: f.terms.join(' + '),
      interval: `profile likelihood ${pct}`,
      se: f.se,
      deviance: f.deviance,
      df: f.df,
      aic: f.aic,
      bic: f.bic,
      weight: null,
      mleExists: f.mleExists,
    });
  }
  try {
    const c = chaoOf(h, level);
    rows.push({
      ...base(
        "Chao's lower bound",
        'Mh (closed form)',
        `Chao (1987) lower bound n + ((t−1)/t)·f₁²/(2f₂) with f₁ = ${c.f1}, f₂ = ${c.f2}; ` +
          `log-normal ${pct} interval.`,
      ),
      value: c.estimate,
      low: c.low,
      high: c.high,
      terms: '',
      interval: `log-normal ${pct}`,
      se: c.se,
      ...none,
    });
  } catch {
    // f₂ = 0: no bound; the heterogeneity rows already say what the data allow.
  }
  const averaging = (o.bma ?? true) && t <= 5;
  if (averaging) {
    const b = bmaOf(h, { lists: h.lists, level });
    rows.push({
      ...base(
        'Bayesian model averaging',
        `${b.models.length} decomposable models`,
        `Madigan & York (1997): posterior median; mean ${b.mean.toFixed(1)}, mode ${b.mode}, ` +
          `Bayes estimate ${b.bayes.toFixed(1)}; prior 1/N, δ = 2^−${t}; ` +
          `equal-tailed ${pct} credible interval` +
          (b.step > 1 ? ` on a grid of N in steps of ${b.step}` : '') +
          `; most probable model ${b.models[0]!.cliques} ` +
          `(${(b.models[0]!.weight * 100).toFixed(1)}%). The summary: averaged over the models, ` +
          'it carries the uncertainty of the choice of model.',
      ),
      value: b.median,
      low: b.low,
      high: b.high,
      terms: b.models[0]!.cliques,
      interval: `credible ${pct}`,
      se: null,
      ...none,
      selected: true,
    });
  }
  const replicates = o.bootstrap ?? (averaging ? 0 : 200);
  if (replicates) {
    const seed = o.seed ?? 1;
    const b = bootstrapOf(h, {
      lists: h.lists,
      criterion,
      level,
      replicates,
      seed,
      ...(o.maxOrder !== undefined ? { maxOrder: o.maxOrder } : {}),
    });
    rows.push({
      ...base(
        'bootstrap',
        b.model,
        `The selected model's estimate with a percentile ${pct} interval from ${b.used} ` +
          `bootstrap replicates (seed ${seed}), each redoing the selection; ` +
          `${b.model} chosen in ` +
          `${Math.round((b.chosen.find((c) => c.model === b.model)?.share ?? 0) * 100)}% of them.` +
          (averaging ? '' : ' The summary: it carries the uncertainty of the choice of model.'),
      ),
      value: b.estimate,
      low: b.low,
      high: b.high,
      terms: chosen?.terms.join(' + ') ?? '',
      interval: `bootstrap percentile ${pct}`,
      se: null,
      ...none,
      selected: !averaging,
    });
  }
  if (!rows.some((r) => r.selected)) {
    // No averaging and no bootstrap asked for: the top model, said to be only that.
    const top = rows.find((r) => r.method === 'log-linear' && r.value !== null);
    if (top) {
      top.selected = true;
      top.note +=
        ' The summary is this one model: it does not carry the uncertainty of the choice of ' +
        'model ' +
        '(bma: false, bootstrap: 0).';
    }
  }
  return rows.map(checkInterval);
}

/**
 * The interval invariant, checked on every row: an interval contains its estimate and has
 * positive width, or the row has none and its note says why.
 */
function checkInterval(r: EstimateRow): EstimateRow {
  if (r.value === null || r.low === null) return r;
  const ok = r.low <= r.value && (r.high === null || (r.value <= r.high && r.high > r.low));
  if (ok) return r;
  return {
    ...r,
    low: null,
    high: null,
    note:
      `${r.note} No interval: the one computed (${r.low}–${r.high ?? '∞'}) does not contain ` +
      `the estimate ${r.value} with positive width.`,
  };
}

function rowsTable(rows: EstimateRow[]): ColumnTable {
  const keys: (keyof EstimateRow)[] = [
    ...contractColumns,
    'method',
    'model',
    'terms',
    'interval',
    'observed',
    'se',
    'deviance',
    'df',
    'aic',
    'bic',
    'weight',
    'mleExists',
    'selected',
  ];
  return columnTable(Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])])));
}
