// The budgets of the estimation functions: limits on the work a call may ask for, checked from its
// options before any model is fitted, so that no input makes a call run for hours or take the
// process down. Each over-budget call is refused with an InvalidOptionError naming the budget and
// the option that brings the work within it. README, "Security", lists them.
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
 *
 * @example
 * estimateBudgets.replicates; // => 10000
 */
export const estimateBudgets = Object.freeze({
  lists: 10,
  models: 10_000,
  replicates: 10_000,
});

/** The options the budgets read; every one may be absent or of any type (checked elsewhere). */
interface BudgetedOptions {
  lists?: unknown;
  maxOrder?: unknown;
  search?: unknown;
  limit?: unknown;
  bootstrap?: unknown;
  replicates?: unknown;
}

/**
 * Refuses an estimation call whose options ask for more work than {@link estimateBudgets} allow,
 * before the work starts. Options of the wrong type are left to the function's own checks.
 *
 * @param fn The function called, for the message: `'estimate'`, `'selectModels'`…
 * @param options The options given.
 * @throws {InvalidOptionError} Naming the budget, what was asked and how to stay within it.
 * @example
 * checkEstimateBudgets('bootstrapSelection', { lists: ['a', 'b', 'c'], replicates: 1e9 });
 * // throws InvalidOptionError: bootstrapSelection: option replicates is 1000000000; expected at
 * // most 10000 (the budget estimateBudgets.replicates) …
 */
export function checkEstimateBudgets(fn: string, options: unknown): void {
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
}
