import type { TypedTable } from '../data/load.js';
import { InvalidTableError, show } from '../errors.js';
import type { CasualtyRow } from './shared.js';
import { validate, type FromRowsOptions } from './validate.js';

/**
 * Checks a user's own rows against the data contract and returns a table that every function of
 * this package accepts. Nothing is inferred: `value`, `low` and `high` must be numbers from 0 to
 * `Number.MAX_SAFE_INTEGER`, or `null` (not reported, never 0); every other column is a string or `null` (`undefined` counts as
 * `null`). Checked: the nine contract columns exist; `source` is a known id; `measure` and the
 * dimension columns are kebab-case keys; `unit` is `persons` or `percent`; `qualifier` is one of
 * the contract's; `label` is not empty; low ≤ value ≤ high; and the qualifier agrees with the
 * figures (`exact` and `approximate`: low = value = high; `at-least`: low = value, high empty;
 * `range`: value is the midpoint of low and high; `not-reported`: all three empty; `derived`: a
 * note naming its inputs); a count of persons is a whole number (a range's midpoint may not be);
 * and no two rows share source, dimensions and measure.
 *
 * The optional structure columns (see the README, "How figures relate") are checked too: `id`
 * unique; `part_of` the id of a stated total (bundled, or of your own with the option `totals`);
 * `subset_of` and `restates` the id of another row, never in a circle; a subset no larger than its
 * whole, a restatement the same figure (within its `precision`); `precision` a number above 0.
 *
 * Every problem is reported at once, each naming the row (1 = the first), the column, the value
 * and what was expected; on any problem nothing is returned.
 *
 * @param rows One object per row.
 * @param options See {@link FromRowsOptions}.
 * @returns A new table: `source`, the dimension columns (in order of first appearance), `measure`,
 *   `unit`, `value`, `low`, `high`, `qualifier`, `label`, `note`.
 * @throws {InvalidTableError} If a row breaks the contract.
 * @throws {InvalidOptionError} If `sources` is not an array of ids, or `totals` not stated totals.
 * @example
 * fromRows([{ source: 'kocovic', region: 'serbia', measure: 'deaths', unit: 'persons', value: 1200,
 *   low: 1000, high: 1500, qualifier: 'range', label: 'Serbia', note: null }]).numRows(); // => 1
 * fromRows([{ source: 'kocovic', measure: 'deaths', unit: 'persons', value: '12,000', low: 12000,
 *   high: 12000, qualifier: 'exact', label: 'Serbs', note: null }]);
 * // throws InvalidTableError: fromRows: the table does not follow the data contract (1 problem); nothing was loaded:
 * // - row 1, column 'value': '12,000'; expected a finite number ≥ 0, or null where not reported.
 */
export function fromRows(
  rows: readonly object[],
  options?: FromRowsOptions,
): TypedTable<CasualtyRow> {
  if (!Array.isArray(rows))
    throw new InvalidTableError(`fromRows: expected an array of row objects; got ${show(rows)}.`);
  return validate(rows, options, 'fromRows', 'js', (i) => `row ${i + 1}`);
}
