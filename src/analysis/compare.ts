import type { ColumnTable } from 'arquero';
import { sum } from 'simple-statistics';
import type { TypedTable } from '../data/load.js';
import { UnknownIdError } from '../errors.js';
import {
  checkDimension,
  checkOnePerCategory,
  divide,
  readTable,
  selectMeasure,
  toTable,
  unique,
  type CasualtyRow,
  type Qualifier,
} from './shared.js';

/** Options of {@link compare}. */
export interface CompareOptions<By extends string = string> {
  /** The dimension column to compare over, e.g. `'nationality'`. */
  by: By;
  /** The source every other is measured against. @default the first source in the table */
  baseline?: string;
  /** The measure to compare. @default the only measure in the table (required if it holds several) */
  measure?: string;
}

/** A row of the result of {@link compare}: one category as one source gives it. */
export interface CompareRow {
  source: string;
  /** The category in the words of the source; `null` if the source has no row for it. */
  label: string | null;
  /** The figure; `null` where the source does not report the category (never 0). */
  value: number | null;
  low: number | null;
  /** `null` where unbounded (`at-least`) or not reported. */
  high: number | null;
  /** The row's qualifier; `null` if the source has no row for the category at all. */
  qualifier: Qualifier | null;
  /** Whether the source gives a figure for the category. */
  reported: boolean;
  /** `value` minus the baseline's value; `null` if either is missing. */
  difference: number | null;
  /** `value` divided by the baseline's value; `null` if either is missing (or the baseline is 0). */
  ratio: number | null;
  /** `value` as a share (0–1) of the sum of this source's values over the categories it reports. */
  share: number | null;
  /** 1 for this source's largest figure; tied figures share the best rank; `null` if not reported. */
  rank: number | null;
}

/**
 * Sets sources side by side over one dimension. For each category (in order of first
 * appearance) and each source (likewise) there is one row, whether or not the source reports
 * the category: a category a source does not report, or does not have, keeps `value` `null` and
 * `reported: false`, and gets no difference, ratio, share or rank; it never becomes 0.
 *
 * `share` divides by the sum of the source's own reported figures over the compared categories,
 * not by a stated total (see `audit` for how the two differ). `difference` and `ratio` use the best
 * single figure (`value`); a `range` enters as its midpoint and an `at-least` as its floor, which
 * `qualifier`, `low` and `high` keep visible.
 *
 * @param table A table in the shape of the data contract, one row per source and category.
 * @param options See {@link CompareOptions}.
 * @returns A new table with columns: the `by` column, `source`, `label`, `value`, `low`, `high`,
 *   `qualifier`, `reported`, `difference`, `ratio`, `share`, `rank`.
 * @throws {InvalidOptionError} If `by` is not a dimension column, or `measure` is missing or unknown.
 * @throws {UnknownIdError} If `baseline` is not a source of the table.
 * @throws {InvalidTableError} If a source has two rows for one category, or the table breaks the contract.
 * @example
 * compare(load('by-nationality'), { by: 'nationality', baseline: 'zerjavic' })
 *   .filter((d) => d.nationality === 'jews').select('source', 'value', 'difference', 'rank').objects();
 * // => [{ source: 'yu-1964', value: 45000, difference: -12000, rank: 3 },
 * //     { source: 'kocovic', value: 60000, difference: 3000, rank: 4 },
 * //     { source: 'zerjavic', value: 57000, difference: 0, rank: 4 }]
 * compare(load('by-nationality'), { by: 'nationality' })
 *   .filter((d) => d.nationality === 'roma' && d.source === 'yu-1964').select('value', 'reported', 'share').object();
 * // => { value: null, reported: false, share: null }
 */
export function compare<By extends string>(
  table: ColumnTable,
  options: CompareOptions<By>,
): TypedTable<CompareRow & Record<By, string | null>> {
  const { rows: all, dimensions } = readTable(table, 'compare');
  const by = checkDimension(options?.by, dimensions, 'compare');
  const rows = selectMeasure(all, options.measure, 'compare');
  checkOnePerCategory(rows, by, 'compare');

  const sources = unique(rows.map((r) => r.source));
  const baseline = options.baseline ?? sources[0]!;
  if (!sources.includes(baseline)) throw new UnknownIdError('baseline source', baseline, sources);
  const categories = unique(rows.map((r) => (r[by] ?? null) as string | null));
  const cell = new Map(rows.map((r) => [JSON.stringify([r.source, r[by] ?? null]), r]));
  const find = (source: string, category: string | null): CasualtyRow | undefined =>
    cell.get(JSON.stringify([source, category]));

  // Per source: the sum of its reported figures (for shares) and its figures sorted (for ranks).
  const totals = new Map<string, number>();
  const sorted = new Map<string, number[]>();
  for (const source of sources) {
    const values = rows.filter((r) => r.source === source && r.value !== null).map((r) => r.value!);
    totals.set(source, values.length > 0 ? sum(values) : 0);
    sorted.set(
      source,
      [...values].sort((a, b) => b - a),
    );
  }

  const result = categories.flatMap((category) => {
    const base = find(baseline, category)?.value ?? null;
    return sources.map((source) => {
      const r = find(source, category);
      const value = r?.value ?? null;
      return {
        [by]: category,
        source,
        label: r?.label ?? null,
        value,
        low: r?.low ?? null,
        high: r?.high ?? null,
        qualifier: r?.qualifier ?? null,
        reported: value !== null,
        difference: value === null || base === null ? null : value - base,
        ratio: divide(value, base),
        share: value === null ? null : divide(value, totals.get(source)!),
        rank: value === null ? null : sorted.get(source)!.indexOf(value) + 1,
      };
    });
  });
  return toTable(result, [
    by,
    'source',
    'label',
    'value',
    'low',
    'high',
    'qualifier',
    'reported',
    'difference',
    'ratio',
    'share',
    'rank',
  ]) as TypedTable<CompareRow & Record<By, string | null>>;
}
