import type { TypedTable } from '../data/load.js';
import { InvalidTableError, show } from '../errors.js';
import { Problems, checkSize, failWith } from './problems.js';
import type { CasualtyRow } from '../data/contract.js';
import { validate, type Cells, type FromRowsOptions } from './validate.js';

/**
 * Checks a user's own rows against the data contract and returns a table that every function of
 * this package accepts. Nothing is inferred: `value`, `low` and `high` must be numbers from 0 to
 * `Number.MAX_SAFE_INTEGER`, or `null` (not reported, never 0); every other column is a string or
 * `null` (`undefined` counts as `null`). Checked: the nine contract columns exist; `source` is a
 * known id; `measure` and the dimension columns are kebab-case keys; `unit` is `persons` or
 * `percent`; `qualifier` is one of the contract's; `label` is not empty; low ≤ value ≤ high; and
 * the qualifier agrees with the figures (`exact` and `approximate`: low = value = high; `at-least`:
 * low = value, high empty; `range`: value is the midpoint of low and high; `not-reported`: all
 * three empty; `derived`: a note naming its inputs); a count of persons is a whole number (a
 * range's midpoint may not be); and no two rows share source, dimensions and measure.
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
 * // throws InvalidTableError: fromRows: the table does not follow the data contract (1 problem);
 * // nothing was loaded:
 * // - row 1, column 'value': '12,000'; expected a finite number ≥ 0, or null where not reported.
 */
export function fromRows(
  rows: readonly object[],
  options?: FromRowsOptions,
): TypedTable<CasualtyRow> {
  if (!Array.isArray(rows))
    throw new InvalidTableError(`fromRows: expected an array of row objects; got ${show(rows)}.`);
  return validate('fromRows', 'js', rows.length, 1, options, () => readRows(rows));
}

const where = (i: number) => `row ${i + 1}`;

/** The rows' cells, column by column (each row an object, else nothing is read). */
function readRows(rows: readonly unknown[]): Cells {
  const problems = new Problems();
  for (let i = 0; i < rows.length; i++) {
    // a hole in a sparse array is a bad row, not skipped
    const row = rows[i];
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      problems.push(
        () => `${where(i)}: ${show(row)}; expected an object with a property per column.`,
      );
  }
  if (problems.length > 0)
    failWith('fromRows', problems, 'the table does not follow the data contract');
  const objects = rows as readonly Record<string, unknown>[];
  const { names, columns } = objectColumns(objects);
  const index = new Map(names.map((name, j) => [name, j]));
  return { names, where, column: (name) => columns[index.get(name)!]! };
}

/**
 * The rows' columns in one pass over the rows: the column names in order of first appearance
 * (any number of them), and each row's own property of each name, `null` where it has none. A
 * plain row (its prototype Object.prototype or null) with the same keys as the columns so far, in
 * the same order, is read by its keys alone; any other row name by name.
 */
function objectColumns(objects: readonly Record<string, unknown>[]): {
  names: string[];
  columns: unknown[][];
} {
  const n = objects.length;
  const names: string[] = [];
  const seen = new Set<string>();
  const columns: unknown[][] = [];
  // Object.prototype has no enumerable property, so for…in lists a plain row's own keys
  let clean = true;
  for (const key in Object.prototype) clean = key === undefined;
  for (let i = 0; i < n; i++) {
    const o = objects[i]!;
    const prototype: unknown = Object.getPrototypeOf(o);
    const plain = prototype === Object.prototype || prototype === null;
    if (plain && clean) {
      let k = 0;
      let same = true;
      for (const key in o) {
        if (key !== names[k]) {
          same = false;
          break;
        }
        columns[k]![i] = o[key] ?? null;
        k++;
      }
      if (same && k === names.length) continue;
    }
    const before = names.length;
    for (const key of Object.keys(o)) {
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(key);
    }
    if (names.length > before) {
      // as soon as the table is too large, not after reading all of it
      checkSize('fromRows', n, names.length);
      for (let j = before; j < names.length; j++) {
        const column: unknown[] = new Array(n);
        for (let r = 0; r < i; r++) column[r] = cell(objects[r]!, names[j]!);
        columns.push(column);
      }
    }
    for (let j = 0; j < names.length; j++) columns[j]![i] = cell(o, names[j]!);
  }
  return { names, columns };
}

/**
 * A row's own property `name`, or null (a row without a column 'constructor' has no value there).
 */
function cell(o: Record<string, unknown>, name: string): unknown {
  return (Object.hasOwn(o, name) ? o[name] : null) ?? null;
}
