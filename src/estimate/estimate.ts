import { table as columnTable, type ColumnTable } from 'arquero';
import { contractColumns } from '../data/contract.js';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { bmaOf } from './bma.js';
import { bootstrapOf } from './bootstrap.js';
import { chaoOf } from './chao.js';
import { readHistories, type ListsOptions } from './histories.js';
import { fitModel, parseTerms, type Heterogeneity } from './loglinear.js';
import { fitModels, modelRows } from './models.js';
import { chapman, lincolnPetersen } from './twoLists.js';

/** Options of {@link estimate}. */
export interface EstimateOptions extends ListsOptions {
  /** Highest order of interaction in the log-linear models. Default: lists − 1. */
  maxOrder?: number;
  /** Criterion of the model selection. Default `'bic'`. */
  criterion?: 'bic' | 'aic';
  /** Bootstrap replicates redoing the selection (0: none). Default 0. */
  bootstrap?: number;
  /** Seed of the bootstrap. Default 1. */
  seed?: number;
  /** Bayesian model averaging for 3 to 5 lists. Default true. */
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
  selected: boolean;
}

const caution =
  'Assumes the lists were matched correctly and the population was closed; other defensible ' +
  'models can give very different numbers.';

/**
 * Multiple systems estimation in one call: every estimator that applies to the lists, one row per
 * model, in the data contract's shape (qualifier `derived`, the method in `note`), so that the
 * spread between models is in plain view. Two lists: Lincoln–Petersen and Chapman. Three or more:
 * every hierarchical log-linear model ranked by BIC (stepwise beyond 2048 models) with profile
 * intervals and weights; the chosen model with Chao, Darroch and Poisson heterogeneity terms;
 * Chao's lower bound; Bayesian model averaging (3 to 5 lists); optionally a bootstrap that redoes
 * the selection. The row with `selected: true` is the summary: {@link estimateSummary} returns
 * it alone.
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
  return rowsTable(estimateRows(table, options));
}

/**
 * The summary of {@link estimate}: the selected row alone, in the data contract's shape.
 *
 * @param result The table `estimate()` returned.
 * @returns A one-row Arquero table: source, measure, unit, value, low, high, qualifier (`derived`),
 *   label, note.
 * @example
 * estimateSummary(estimate(records, { lists })).objects()[0].qualifier; // => 'derived'
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
    selected: false,
  });
  const rows: EstimateRow[] = [];
  if (t === 2) {
    for (const r of [lincolnPetersen(table, { ...o, level }), chapman(table, { ...o, level })]) {
      const name = r.method === 'chapman' ? 'Chapman' : 'Lincoln–Petersen';
      rows.push({
        ...base(
          name,
          'independence of the two lists',
          `${name} two-list estimate, Wald ${pct} interval.`,
        ),
        value: r.estimate,
        low: r.low,
        high: r.high,
        terms: '',
        interval: `Wald ${pct}`,
        se: r.se,
        deviance: null,
        df: null,
        aic: null,
        bic: null,
        weight: null,
        selected: r.method === 'chapman',
      });
    }
    return rows;
  }
  const criterion = o.criterion ?? 'bic';
  const fits = fitModels(h, {
    lists: h.lists,
    criterion,
    level,
    ...(o.maxOrder !== undefined ? { maxOrder: o.maxOrder } : {}),
  });
  const models = modelRows(fits, criterion);
  models.forEach((m, i) => {
    rows.push({
      ...base(
        'log-linear',
        m.model,
        `Poisson log-linear model ${m.model}, ranked ${m.rank ?? '–'} of ${models.length} ` +
          `by ${criterion.toUpperCase()}; profile-likelihood ${pct} interval.` +
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
      selected: i === 0 && m.exists,
    });
  });
  // Heterogeneity: the chosen interactions with each heterogeneity term.
  const chosen = fits.find((f) => f.exists);
  const terms = chosen ? parseTerms(chosen.terms, h.lists) : [];
  for (const heterogeneity of ['chao', 'darroch', 'poisson'] as Heterogeneity[]) {
    const f = fitModel(h, { terms, heterogeneity }, level);
    rows.push({
      ...base(
        'heterogeneity',
        f.model,
        `Log-linear model ${f.model} (Rivest & Baillargeon's Rcapture parametrization); ` +
          `profile-likelihood ${pct} interval.` +
          (f.reason ? ` ${f.reason}` : ''),
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
      deviance: null,
      df: null,
      aic: null,
      bic: null,
      weight: null,
    });
  } catch {
    // f₂ = 0: no bound; the heterogeneity rows already say what the data allow.
  }
  if ((o.bma ?? true) && t <= 5) {
    const b = bmaOf(h, { lists: h.lists, level });
    rows.push({
      ...base(
        'Bayesian model averaging',
        `${b.models.length} decomposable models`,
        `Madigan & York (1997): posterior median; mean ${b.mean.toFixed(1)}, mode ${b.mode}, ` +
          `Bayes estimate ${b.bayes.toFixed(1)}; prior 1/N, δ = 2^−${t}; ` +
          `equal-tailed ${pct} credible interval; most probable model ${b.models[0]!.cliques} ` +
          `(${(b.models[0]!.weight * 100).toFixed(1)}%).`,
      ),
      value: b.median,
      low: b.low,
      high: b.high,
      terms: b.models[0]!.cliques,
      interval: `credible ${pct}`,
      se: null,
      deviance: null,
      df: null,
      aic: null,
      bic: null,
      weight: null,
    });
  }
  if (o.bootstrap) {
    const b = bootstrapOf(h, {
      lists: h.lists,
      criterion,
      level,
      replicates: o.bootstrap,
      seed: o.seed ?? 1,
      ...(o.maxOrder !== undefined ? { maxOrder: o.maxOrder } : {}),
    });
    rows.push({
      ...base(
        'bootstrap',
        b.model,
        `The selected model's estimate with a percentile ${pct} interval from ${b.used} ` +
          `bootstrap replicates (seed ${o.seed ?? 1}), each redoing the selection; ` +
          `${b.model} chosen in ` +
          `${Math.round((b.chosen.find((c) => c.model === b.model)?.share ?? 0) * 100)}% of them.`,
      ),
      value: b.estimate,
      low: b.low,
      high: b.high,
      terms: chosen?.terms.join(' + ') ?? '',
      interval: `bootstrap percentile ${pct}`,
      se: null,
      deviance: null,
      df: null,
      aic: null,
      bic: null,
      weight: null,
    });
  }
  return rows;
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
    'selected',
  ];
  return columnTable(Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])])));
}
