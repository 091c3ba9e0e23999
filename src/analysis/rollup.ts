import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { InvalidOptionError, InvalidTableError, checkOptions, show } from '../errors.js';
import {
  checkDimension,
  groupRows,
  readTable,
  sumNote,
  sumParts,
  toTable,
  unique,
  type CasualtyRow,
  type Qualifier,
} from './shared.js';

/** What to do with a part that is not reported (a dash in the source). */
export type MissingPolicy = 'skip' | 'fail';

/** Options of {@link rollup}. */
export interface RollupOptions<By extends string = string> {
  /**
   * The dimension column(s) to group by; rows are always grouped by `source`, `measure` and
   * `unit` as well, so figures of different sources or measures are never added.
   * @default [] (one sum per source, measure and unit)
   */
  by?: By | readonly By[];
  /**
   * A part that is not reported: `'skip'` leaves it out of the sum and counts it in
   * `not_reported`; `'fail'` throws.
   * @default 'skip'
   */
  missing?: MissingPolicy;
}

/** A row of the result of {@link rollup}: a contract row, plus how many parts it adds. */
export interface RollupRow {
  source: string;
  measure: string;
  unit: string;
  /** The sum of the reported values; `null` if no part is reported (never 0). */
  value: number | null;
  /** The sum of the lows. */
  low: number | null;
  /** The sum of the highs; `null` (unbounded) if any part is `at-least`. */
  high: number | null;
  qualifier: Qualifier;
  /** The labels of the parts added, joined by ' + ' (a single row keeps its own). */
  label: string;
  /** For a sum: `derived: the sum of …`, naming its parts, the parts left out and the lower bounds. */
  note: string | null;
  /** How many reported rows were added. */
  parts: number;
  /** How many rows were not reported and left out. */
  not_reported: number;
}

/**
 * Groups a table and adds up each group with interval arithmetic.
 *
 * - `value` adds the values, `low` the lows, `high` the highs.
 * - Qualifiers: a group of one row is that row, unchanged (a published figure stays published).
 *   A sum of several rows is `derived` (its note names its parts), or `at-least` if any part is
 *   `at-least`: then `high` is `null` (unbounded). A group with no reported part is
 *   `not-reported`, with `value`, `low` and `high` null.
 * - A part that is not reported (value `null`) is never taken as 0: with `missing: 'skip'` the sum
 *   covers the reported parts only, says so in `note` and counts the rest in `not_reported`;
 *   with `missing: 'fail'` it throws.
 *
 * @param table A table in the shape of the data contract (from `load`, `fromRows`, `fromCSV`).
 * @param options See {@link RollupOptions}.
 * @returns A new table with columns `source`, the `by` columns, `measure`, `unit`, `value`, `low`,
 *   `high`, `qualifier`, `label`, `note`, `parts`, `not_reported`; one row per group, in the order
 *   the groups first appear.
 * @throws {InvalidOptionError} If `by` names no dimension column, or `missing` is not 'skip' or 'fail'.
 * @throws {InvalidTableError} If the table lacks a contract column, or, with `missing: 'fail'`, a part is not reported.
 * @example
 * rollup(load('by-nationality'), { by: [] }).select('source', 'value', 'not_reported').objects();
 * // => [{ source: 'yu-1964', value: 596293, not_reported: 4 },
 * //     { source: 'kocovic', value: 1014000, not_reported: 4 },
 * //     { source: 'zerjavic', value: 1027000, not_reported: 4 }]
 * rollup(load('ndh-civilians-by-perpetrator'), { by: 'perpetrator' }).objects()[0];
 * // => { source: 'zerjavic', perpetrator: 'chetniks', measure: 'deaths', unit: 'persons',
 * //      value: 38000, low: 38000, high: null, qualifier: 'at-least', label: '18,000+ Croats + 20,000+ Bosniaks',
 * //      note: "derived: the sum of '18,000+ Croats' + '20,000+ Bosniaks'; lower bounds, so the sum is one too: '18,000+ Croats', '20,000+ Bosniaks'",
 * //      parts: 2, not_reported: 0 }
 */
export function rollup<By extends string = string>(
  table: ColumnTable,
  options?: RollupOptions<By>,
): TypedTable<RollupRow & Record<By, string | null>> {
  const { rows, dimensions } = readTable(table, 'rollup');
  const { by: byOption, missing: missingOption } = checkOptions(options, 'rollup');
  const given = byOption === undefined ? [] : typeof byOption === 'string' ? [byOption] : byOption;
  if (!Array.isArray(given))
    throw new InvalidOptionError(
      `rollup: option by is ${show(given)}; expected a column name or an array of them.`,
    );
  const by = unique(given.map((b: unknown) => checkDimension(b, dimensions, 'rollup')));
  const missing = checkMissing(missingOption, 'rollup');
  const keys = ['source', ...by, 'measure', 'unit'];
  const result = groupRows(rows, keys).map((group) => sumGroup(group, keys, missing, 'rollup'));
  return toTable(result, [
    ...keys,
    'value',
    'low',
    'high',
    'qualifier',
    'label',
    'note',
    'parts',
    'not_reported',
  ]) as TypedTable<RollupRow & Record<By, string | null>>;
}

/** Checks the option `missing`. */
export function checkMissing(missing: unknown, fn: string): MissingPolicy {
  if (missing === undefined) return 'skip';
  if (missing === 'skip' || missing === 'fail') return missing;
  throw new InvalidOptionError(
    `${fn}: option missing is ${show(missing)}; expected 'skip' or 'fail'.`,
  );
}

/** Adds up one group of rows that share the values of `keys` (see {@link rollup} for the rules). */
export function sumGroup(
  group: readonly CasualtyRow[],
  keys: readonly string[],
  missing: MissingPolicy,
  fn: string,
): RollupRow & Record<string, unknown> {
  const first = group[0]!;
  const head: Record<string, unknown> = {};
  for (const key of keys) head[key] = first[key] ?? null;
  if (missing === 'fail') {
    const absent = group.find((r) => r.value === null);
    if (absent) {
      const where = keys
        .filter((k) => k !== 'unit')
        .map((k) => `${k} ${show(absent[k] ?? null)}`)
        .join(', ');
      throw new InvalidTableError(
        `${fn}: the row '${absent.label}' (${where}) is not reported; with missing: 'fail' every part must have a value. Use missing: 'skip' to leave it out and count it.`,
      );
    }
  }
  const total = sumParts(group);
  if (group.length === 1) {
    const { value, low, high, qualifier, label, note } = first;
    return {
      ...head,
      value,
      low,
      high,
      qualifier,
      label,
      note,
      parts: total.reported,
      not_reported: total.notReported,
    } as RollupRow & Record<string, unknown>;
  }
  return {
    ...head,
    value: total.value,
    low: total.low,
    high: total.high,
    qualifier: total.qualifier,
    label: (total.reported > 0 ? group.filter((r) => r.value !== null) : group)
      .map((r) => r.label)
      .join(' + '),
    note: sumNote(group),
    parts: total.reported,
    not_reported: total.notReported,
  } as RollupRow & Record<string, unknown>;
}
