import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { InvalidTableError, checkOptions, showNamed } from '../errors.js';
import {
  commonWhole,
  checkOverlap,
  countOnceAt,
  named,
  sumProblem,
  sumProblemError,
  sumProblemText,
  wholes,
  type OverlapPolicy,
  type Whole,
} from './structure.js';
import { groupBy, readColumns, type Cell, type Columns, type Groups } from './columns.js';
import { checkChoice, checkDimension, optionError } from './options.js';
import { columnsTable, unique } from './columns.js';
import { sumParts, sumText } from './intervals.js';
import { type Qualifier } from '../data/contract.js';
import { relationColumns } from '../data/contract.js';

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
  /**
   * Rows that overlap or are not parts of one whole (see the README, "How figures relate"):
   * `'refuse'` throws an error naming them when a group would add a row to the row it is a
   * subset of or restates, or rows that are parts of different wholes (or of none) — so only
   * parts of one whole are ever added; `'allow'` adds them anyway, and the note says so.
   * A table without the structure columns is added as given.
   * @default 'refuse'
   */
  overlap?: OverlapPolicy;
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
  /** The sum of the highs; `null` (unbounded) if any part is `at-least` or not reported. */
  high: number | null;
  qualifier: Qualifier;
  /** The labels of the parts added, joined by ' + ' (a single row keeps its own). */
  label: string;
  /**
   * For a sum: `derived: the sum of …`, naming its parts, the parts left out and the lower bounds.
   */
  note: string | null;
  /** How many reported rows were added. */
  parts: number;
  /** How many rows were not reported and left out. */
  not_reported: number;
  /**
   * The stated total (`stated-totals.csv`) that every added row is a part of, directly or through
   * smaller wholes; `null` where the table has no `part_of` column or the rows have none.
   * Present only where the table has a `part_of` column.
   */
  whole?: string | null;
}

/**
 * Groups a table and adds up each group with interval arithmetic.
 *
 * - `value` adds the values, `low` the lows, `high` the highs, each part's `low`–`high` first
 *   widened by its rounding, ± half its `precision`, never below 0 (`widen`, as `audit`, `rates`
 *   and `balance` do): "300, rounded to the thousand" adds 0–800.
 * - Shares (unit `percent`) are never added: a share is not a count (see `SHARES_NOT_ADDED`).
 * - Qualifiers: a group of one row is that row, unchanged (a published figure stays published).
 *   A sum of several rows is `derived` (its note names its parts), or `at-least` if any part is
 *   `at-least`: then `high` is `null` (unbounded). A group with no reported part is
 *   `not-reported`, with `value`, `low` and `high` null.
 * - A part that is not reported (value `null`) is never taken as 0: with `missing: 'skip'` the sum
 *   covers the reported parts only, is a lower bound (`at-least`, `high` null: the dash could hold
 *   any number), says so in `note` and counts the rest in `not_reported`; with `missing: 'fail'`
 *   it throws.
 * - Only parts of one whole are added: a row is never added to a row it is a subset of, nor to a
 *   part of another whole (`part_of`), unless `overlap: 'allow'`.
 * - A figure counts once: a row that restates another row of its group (`restates`) is left out
 *   of the sum, and the note says where the figure was given again (`countOnce`).
 *
 * @param table A table in the shape of the data contract (from `load`, `fromRows`, `fromCSV`).
 * @param options See {@link RollupOptions}.
 * @returns A new table with columns `source`, the `by` columns, `measure`, `unit`, `value`, `low`,
 *   `high`, `qualifier`, `label`, `note`, `parts`, `not_reported`; one row per group, in the order
 *   the groups first appear.
 * @throws {SharesNotAddedError} If a group would add several rows, one in unit `percent`: a
 *   share is not a count, so shares are never added (filter the table to `persons`).
 * @throws {InvalidOptionError} If `by` names no dimension column, or `missing` is not 'skip'
 *   or 'fail'.
 * @throws {InvalidTableError} If the table lacks a contract column; with `missing: 'fail'`, if a
 *   part is not reported; with `overlap: 'refuse'`, if a group would add rows that overlap or are
 *   not parts of one whole (the message names them).
 * @example
 * rollup(load('by-nationality'), { by: [] }).select('source', 'value', 'not_reported').objects();
 * // => [{ source: 'yu-1964', value: 596293, not_reported: 4 },
 * //     { source: 'kocovic', value: 1014000, not_reported: 4 },
 * //     { source: 'zerjavic', value: 1027000, not_reported: 4 }]
 * rollup(load('slovenia-2005'));
 * // throws InvalidTableError: rollup: the group source 'slovenia-2005', measure 'deaths',
 * // unit 'persons' would add 'slovenia-2005-1941-to-may-1945-deaths' to
 * // 'slovenia-2005-1941-1945-and-post-war-deaths', but … is a subset of …
 * rollup(load('ndh-civilians-by-perpetrator'), { by: 'perpetrator' }).objects()[0];
 * // => { source: 'zerjavic', perpetrator: 'chetniks', measure: 'deaths', unit: 'persons',
 * //      value: 38000, low: 38000, high: null, qualifier: 'at-least',
 * //      label: '18,000+ Croats + 20,000+ Bosniaks',
 * //      note: "derived: the sum of '18,000+ Croats' + '20,000+ Bosniaks'; lower bounds, " +
 * //        "so the sum is one too: '18,000+ Croats', '20,000+ Bosniaks'",
 * //      parts: 2, not_reported: 0 }
 */
export function rollup<By extends string = string>(
  table: ColumnTable,
  options?: RollupOptions<By>,
): TypedTable<RollupRow & Record<By, string | null>> {
  const t = readColumns(table, 'rollup');
  const {
    by: byOption,
    missing: missingOption,
    overlap: overlapOption,
  } = checkOptions(options, 'rollup');
  const given = byOption === undefined ? [] : typeof byOption === 'string' ? [byOption] : byOption;
  if (!Array.isArray(given))
    throw optionError('rollup', 'by', given, 'a column name or an array of them');
  const by = unique(given.map((b: unknown) => checkDimension(b, t.dimensions, 'rollup')));
  const missing = checkMissing(missingOption, 'rollup');
  const overlap = checkOverlap(overlapOption, 'rollup');
  const structured = t.has('part_of');
  const known = overlap === 'refuse' || structured ? wholes() : null;
  const keys = ['source', ...by, 'measure', 'unit'];
  const keyColumns = keys.map((k) => t.get(k));
  const result = sumGroups(t, groupBy(t.n, keyColumns), keyColumns, {
    keys,
    missing,
    fn: 'rollup',
    refuse: overlap === 'refuse' ? known : null,
    known,
  });
  return columnsTable<RollupRow & Record<By, string | null>>(result);
}

/** Checks the option `missing`. */
export function checkMissing(missing: unknown, fn: string): MissingPolicy {
  return checkChoice(fn, 'missing', missing, ['skip', 'fail']);
}

/** How {@link sumGroups} adds up groups. */
export interface SumOptions {
  /** The names of the key columns, for the result and for messages. */
  keys: readonly string[];
  missing: MissingPolicy;
  fn: string;
  /**
   * The known wholes, to refuse rows that are not parts of one whole; `null` to add them anyway.
   */
  refuse: ReadonlyMap<string, Whole> | null;
  /** The known wholes, to name the whole of each sum (where the table has a column part_of). */
  known: ReadonlyMap<string, Whole> | null;
}

/**
 * Adds up each group of rows (see {@link rollup} for the rules): one result row per group, in the
 * order of the groups, holding the values of the key columns the rows were grouped by.
 *
 * @returns The result's columns: the keys, `value`, `low`, `high`, `qualifier`, `label`, `note`,
 *   `parts`, `not_reported`, and `whole` where the table has a column `part_of`.
 */
export function sumGroups(
  t: Columns,
  groups: Groups,
  keyColumns: readonly (readonly Cell[])[],
  options: SumOptions,
): Map<string, unknown[]> {
  const { keys, missing, fn, refuse, known } = options;
  // Only a table with structure columns can hold rows that are not parts of one whole
  // (restatements are counted once before, by countOnce).
  const structure = relationColumns.some((c) => c !== 'restates' && t.has(c));
  const partOf = t.has('part_of') ? t.get('part_of') : null;
  const column = () => new Array<unknown>(groups.size);
  const head = keys.map(column);
  const [value, low, high, qualifier, label, note] = [
    column(),
    column(),
    column(),
    column(),
    column(),
    column(),
  ];
  const [parts, notReported, whole] = [column(), column(), column()];

  const id = t.has('id') ? t.get('id') : null;
  const restates = t.has('restates') ? t.get('restates') : null;

  for (let g = 0; g < groups.size; g++) {
    const rows = groups.rows(g);
    const first = rows[0]!;
    for (let k = 0; k < keyColumns.length; k++) head[k]![g] = keyColumns[k]![first] ?? null;
    // a figure counts once: a row restating another row of the group is not added again
    const once =
      restates && id && rows.length > 1
        ? countOnceAt(
            (i) => id[i],
            (i) => restates[i],
            rows,
          )
        : null;
    const group: ArrayLike<number> = once ? once.counted : rows;
    const again = once ? restated(t, once.alsoGiven) : '';
    let allowed: string | null = null; // why the sum would have been refused, with overlap: 'allow'
    if (structure && group.length > 1 && (refuse ?? known)) {
      const problem = sumProblem(
        Array.from(group, (i) => t.row(i)),
        (refuse ?? known)!,
      );
      if (problem && refuse) {
        const groupName = `the group ${showNamed(keys, (_, j) => head[j]![g])}`;
        throw sumProblemError(problem, fn, groupName);
      }
      if (problem) allowed = `adds ${sumProblemText(problem)}`;
    }
    if (known && partOf)
      whole[g] = commonWhole(
        Array.from(group, (i) => partOf[i]!),
        known,
      );
    if (missing === 'fail') {
      const absent = Array.from(group).find((i) => t.value[i] === null);
      if (absent !== undefined) {
        // every key but the unit (the last)
        const where = showNamed(keys.slice(0, -1), (_, j) => keyColumns[j]![absent]);
        throw new InvalidTableError(
          `${fn}: the row '${t.label[absent]}' (${where}) is not reported; with missing: 'fail' ` +
            `every part must have a value. Use missing: 'skip' to leave it out and count it.`,
        );
      }
    }
    const total = sumParts(t, group, fn); // refuses shares (see SHARES_NOT_ADDED)
    parts[g] = total.reported;
    notReported[g] = total.notReported;
    if (group.length === 1) {
      // a published figure stays as published
      const only = group[0]!;
      value[g] = t.value[only];
      low[g] = t.low[only];
      high[g] = t.high[only];
      qualifier[g] = t.qualifier[only];
      label[g] = t.label[only];
      note[g] = again ? [t.note[only], again].filter(Boolean).join('; ') : t.note[only];
      continue;
    }
    const text = sumText(t, group);
    value[g] = total.value;
    // each part widened by its rounding (± half `precision`, never below 0) before it is added
    low[g] = total.widened.low;
    high[g] = total.widened.high;
    qualifier[g] = total.qualifier;
    label[g] = text.label;
    note[g] =
      (allowed ? `${text.note}; with overlap: 'allow', it ${allowed}` : text.note) +
      (again ? `; ${again}` : '');
  }
  const result = new Map<string, unknown[]>(keys.map((k, j) => [k, head[j]!]));
  const figures = { value, low, high, qualifier, label, note, parts, not_reported: notReported };
  for (const [name, cells] of Object.entries(figures)) result.set(name, cells);
  if (partOf) result.set('whole', whole);
  return result;
}

/**
 * The restatements left out of a sum, in words: "'a' given again as 'b', 'c' (restates it, counted
 * once)"; '' where there are none.
 */
function restated(t: Columns, alsoGiven: ReadonlyMap<number, readonly number[]>): string {
  const said: string[] = [];
  for (const [kept, others] of alsoGiven)
    said.push(
      `${named(t.row(kept))} given again as ${others.map((i) => named(t.row(i))).join(', ')}`,
    );
  return said.length > 0 ? `counted once: ${said.join('; ')} (the same figure)` : '';
}
