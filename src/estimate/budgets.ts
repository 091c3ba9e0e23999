// The budgets of the estimation functions: limits on the work a call may ask for, checked from its
// options (and, for Bayesian model averaging, the number of people observed) before any model is
// fitted, so that no input makes a call run for hours or take the process down. Each over-budget
// call is refused with an InvalidOptionError naming the budget and the option that brings the
// work within it. README, "Security", lists them.
import type { ColumnTable } from 'arquero';
import { InvalidOptionError, show } from '../errors.js';
import { hierarchicalModels } from './models.js';

/**
 * The budgets of the estimation functions.
 *
 * - `lists`: the most lists (2^lists capture histories; 24 lists were 16 million cells, and
 *   14 overflowed the stack of the model search).
 * - `models`: the most models an exhaustive search fits, and the most `limit` may ask for
 *   (6 lists have 7.8 million hierarchical models).
 * - `replicates`: the most bootstrap replicates, each of which redoes the model selection.
 * - `bmaGrid`: the most values of the number missing that Bayesian model averaging sums over
 *   (by default 0 to 3 × observed: a count table summing to 20 million asked for 60 million).
 *
 * @example
 * estimateBudgets.replicates; // => 10000
 */
export const estimateBudgets = Object.freeze({
  lists: 10,
  models: 10_000,
  replicates: 10_000,
  bmaGrid: 1_000_000,
});

/** The options the budgets read; every one may be absent or of any type (checked elsewhere). */
interface BudgetedOptions {
  lists?: unknown;
  count?: unknown;
  maxOrder?: unknown;
  search?: unknown;
  limit?: unknown;
  bootstrap?: unknown;
  replicates?: unknown;
  bma?: unknown;
  minMissing?: unknown;
  maxMissing?: unknown;
}

/**
 * Refuses an estimation call whose options ask for more work than {@link estimateBudgets} allow,
 * before the work starts. Options of the wrong type are left to the function's own checks.
 *
 * @param fn The function called, for the message: `'estimate'`, `'selectModels'`…
 * @param table The table given (read only for the number observed, when `bma` is to run).
 * @param options The options given.
 * @throws {InvalidOptionError} Naming the budget, what was asked and how to stay within it.
 * @example
 * checkEstimateBudgets('bootstrapSelection', t, { lists: ['a', 'b', 'c'], replicates: 1e9 });
 * // throws InvalidOptionError: bootstrapSelection: option replicates is 1000000000; expected at
 * // most 10000 (the budget estimateBudgets.replicates) …
 */
export function checkEstimateBudgets(fn: string, table: unknown, options: unknown): void {
  if (options === null || typeof options !== 'object') return;
  const o = options as BudgetedOptions;
  const over = (what: string, given: unknown, budget: keyof typeof estimateBudgets, how: string) =>
    new InvalidOptionError(
      `${fn}: ${what} is ${show(given)}; expected at most ${estimateBudgets[budget]} ` +
        `(the budget estimateBudgets.${budget}, checked before any work): ${how}.`,
    );
  const t = Array.isArray(o.lists) ? o.lists.length : 0;
  if (t > estimateBudgets.lists)
    throw over('the number of lists', t, 'lists', 'merge lists, or estimate from subsets of them');
  const replicates = fn === 'estimate' ? o.bootstrap : o.replicates;
  if (typeof replicates === 'number' && replicates > estimateBudgets.replicates)
    throw over(
      `option ${fn === 'estimate' ? 'bootstrap' : 'replicates'}`,
      replicates,
      'replicates',
      'ask for fewer replicates (1,000 give a percentile interval to about a percent)',
    );
  if (typeof o.limit === 'number' && o.limit > estimateBudgets.models)
    throw over('option limit', o.limit, 'models', "ask for fewer, or use search: 'stepwise'");
  if (o.search === 'exhaustive' && t >= 2) {
    const maxOrder = typeof o.maxOrder === 'number' ? o.maxOrder : t - 1;
    if (
      Number.isInteger(maxOrder) &&
      maxOrder >= 1 &&
      maxOrder < t &&
      hierarchicalModels(t, maxOrder, estimateBudgets.models) === null
    )
      throw over(
        `the number of hierarchical models of ${t} lists up to order ${maxOrder}`,
        `more than ${estimateBudgets.models}`,
        'models',
        "use search: 'stepwise' or 'auto', or a lower maxOrder",
      );
  }
  const bma = fn === 'bayesianModelAveraging' || (fn === 'estimate' && o.bma !== false);
  if (bma && t >= 3 && t <= 5) {
    const min = typeof o.minMissing === 'number' ? o.minMissing : 0;
    const max =
      typeof o.maxMissing === 'number' ? o.maxMissing : Math.max(100, 3 * observed(table, o));
    const grid = max - min + 1;
    if (grid > estimateBudgets.bmaGrid)
      throw over(
        `the grid of Bayesian model averaging (${min} to ${max} missing)`,
        grid,
        'bmaGrid',
        'give maxMissing and minMissing closer together' +
          (fn === 'estimate' ? ', or bma: false' : ''),
      );
  }
}

/**
 * The people observed, as the functions count them: the sum of the count column (`count`, or a
 * column named 'count'), else the rows. 0 if the table cannot tell (its own checks then fail).
 */
function observed(table: unknown, o: BudgetedOptions): number {
  const t = table as Partial<ColumnTable> | null;
  if (!t || typeof t.columnNames !== 'function' || typeof t.numRows !== 'function') return 0;
  const names = t.columnNames();
  const column =
    typeof o.count === 'string'
      ? o.count
      : names.includes('count') && !(Array.isArray(o.lists) && o.lists.includes('count'))
        ? 'count'
        : undefined;
  if (column === undefined || !names.includes(column)) return t.numRows();
  let sum = 0;
  const values = t.array!(column) as ArrayLike<unknown>;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (v > 0) sum += v;
  }
  return sum;
}
