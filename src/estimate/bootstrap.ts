import type { ColumnTable } from 'arquero';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { checkEstimateBudgets } from './budgets.js';
import { readHistories, type Histories } from './histories.js';
import { fitModels, type SelectModelsOptions } from './models.js';
import { poisson, seeded } from './random.js';

/** Options of {@link bootstrapSelection}. */
export interface BootstrapOptions extends SelectModelsOptions {
  /** Number of bootstrap replicates. Default 200. */
  replicates?: number;
  /** The seed of the random numbers: the same seed gives the same interval. Default 1. */
  seed?: number;
}

/** The result of {@link bootstrapSelection}. */
export interface BootstrapResult {
  /** The model chosen on the data, and its estimate. */
  model: string;
  estimate: number;
  /**
   * Percentile interval of the replicates' estimates, each from the model chosen on that replicate.
   */
  low: number;
  high: number;
  level: number;
  /** Replicates drawn, and those that gave an estimate (a replicate can empty a list). */
  replicates: number;
  used: number;
  /** How often each model was chosen, most often first. */
  chosen: { model: string; share: number }[];
}

/**
 * A seeded bootstrap interval that redoes the model selection on every replicate, so that the
 * interval carries the uncertainty of the choice of model as well as of its fit (Buckland,
 * Burnham & Augustin, Biometrics 53, 1997). Each replicate redraws every history count from a
 * Poisson distribution with the observed count as its mean (the sampling model of the fit).
 *
 * @param table Records or capture-history counts.
 * @param options The options of selectModels, and `replicates`, `seed`.
 * @returns The chosen model's estimate, the percentile interval and how often each model
 *   was chosen.
 * @example
 * // histories: Cormack, Chang & Smith (2000), Table 3b, as a count table of lists a, b, c
 * bootstrapSelection(histories, { lists: ['a', 'b', 'c'], seed: 7 }).chosen[0];
 * // => { model: 'b:c', share: 0.86 }
 */
export function bootstrapSelection(table: ColumnTable, options: BootstrapOptions): BootstrapResult {
  checkEstimateBudgets('bootstrapSelection', options);
  const o = checkOptions(options, 'bootstrapSelection') as BootstrapOptions;
  return bootstrapOf(readHistories(table, o, 'bootstrapSelection'), o);
}

/** @internal */
export function bootstrapOf(h: Histories, o: BootstrapOptions): BootstrapResult {
  const replicates = o.replicates ?? 200;
  if (!Number.isInteger(replicates) || replicates < 10)
    throw new InvalidOptionError(
      `The option replicates is ${show(replicates)}; expected a whole number of 10 or more.`,
    );
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed))
    throw new InvalidOptionError(`The option seed is ${show(seed)}; expected a whole number.`);
  const level = o.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new InvalidOptionError(
      `The option level is ${show(level)}; expected a number between 0 and 1.`,
    );
  const first = fitModels(h, { ...o, level: 0 }).find((f) => f.exists);
  if (!first)
    throw new InvalidOptionError(
      'No model has an estimate on these data, so there is nothing to bootstrap.',
    );
  const random = seeded(seed);
  const values: number[] = [];
  const chosen = new Map<string, number>();
  const t = h.lists.length;
  for (let r = 0; r < replicates; r++) {
    const counts = new Float64Array(h.counts.length);
    let observed = 0;
    for (let w = 1; w < counts.length; w++) {
      counts[w] = poisson(h.counts[w]!, random);
      observed += counts[w]!;
    }
    let emptyList = false;
    for (let i = 0; i < t; i++) {
      let total = 0;
      for (let w = 1; w < counts.length; w++) if (w & (1 << i)) total += counts[w]!;
      if (total === 0) emptyList = true;
    }
    if (emptyList || observed === 0) continue;
    const best = fitModels({ lists: h.lists, counts, observed }, { ...o, level: 0 }).find(
      (f) => f.exists,
    );
    if (!best) continue;
    values.push(best.estimate!);
    chosen.set(best.model, (chosen.get(best.model) ?? 0) + 1);
  }
  if (values.length < 10)
    throw new InvalidOptionError(
      `Only ${values.length} of ${replicates} replicates gave an estimate: ` +
        'too few for an interval.',
    );
  values.sort((a, b) => a - b);
  const q = (p: number) =>
    values[Math.min(values.length - 1, Math.max(0, Math.floor(p * values.length)))]!;
  return {
    model: first.model,
    estimate: first.estimate!,
    low: Math.max(h.observed, q((1 - level) / 2)),
    high: q(1 - (1 - level) / 2),
    level,
    replicates,
    used: values.length,
    chosen: [...chosen]
      .map(([model, n]) => ({ model, share: n / values.length }))
      .sort((a, b) => b.share - a.share),
  };
}
