import type { ColumnTable } from 'arquero';
import { sum } from 'simple-statistics';
import type { TypedTable } from '../data/load.js';
import { UnknownIdError } from '../errors.js';
import {
  categoryKey,
  checkBy,
  checkCategories,
  checkOnePerSource,
  checkPool,
} from './categories.js';
import {
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
  /**
   * The dimension column to compare over, e.g. `'nationality'`, or several. Rows of one category
   * must not differ in another dimension (see `pool`); every row needs a key.
   */
  by: By | readonly By[];
  /**
   * Dimensions whose differences you accept: rows that differ only in these count as one category
   * (e.g. `pool: ['region']` to set Reinecke's figure for the Balkans beside one for Yugoslavia).
   * @default none: a difference in any other dimension is an error naming it
   */
  pool?: string | readonly string[];
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
  /** The baseline's figure for the category, with its interval and qualifier (`null` where it has none). */
  baseline_value: number | null;
  baseline_low: number | null;
  /** `null` where the baseline is unbounded (`at-least`) or has no figure. */
  baseline_high: number | null;
  baseline_qualifier: Qualifier | null;
  /** `value` minus the baseline's value; `null` if either is missing. */
  difference: number | null;
  /** The smallest difference the two intervals allow, `low − baseline_high`; `null` (unbounded below) for an at-least baseline. */
  difference_low: number | null;
  /** The largest difference the two intervals allow, `high − baseline_low`; `null` (unbounded above) for an at-least figure. */
  difference_high: number | null;
  /** `value` divided by the baseline's value; `null` if either is missing (or the baseline is 0). */
  ratio: number | null;
  /** The smallest ratio the intervals allow, `low / baseline_high`; 0 for an at-least baseline. */
  ratio_low: number | null;
  /** The largest ratio the intervals allow, `high / baseline_low`; `null` (unbounded) for an at-least figure. */
  ratio_high: number | null;
  /** `value` as a share (0–1) of the sum of this source's values over the categories it reports. */
  share: number | null;
  /** 1 for this source's largest figure; tied figures share the best rank; `null` if not reported. */
  rank: number | null;
}

/**
 * Sets sources side by side over one dimension (or several). For each category (in order of
 * first appearance) and each source (likewise) there is one row, whether or not the source
 * reports the category: a category a source does not report, or does not have, keeps `value`
 * `null` and `reported: false`, and gets no difference, ratio, share or rank; it never becomes 0.
 *
 * `difference` and `ratio` use the best single figures (`value`: a range's midpoint, an
 * at-least's floor); `difference_low`/`difference_high` and `ratio_low`/`ratio_high` are what the
 * published intervals allow, so that a figure set against a range is read against the whole range
 * (Reinecke's 24,000 German dead against the infobox's 19,235–103,693: ratio 0.39 at the
 * midpoint, 0.23–1.25 over the range). Where `difference` or `ratio` is not `null`, a `null` bound
 * is unbounded (an at-least figure or baseline); `baseline_qualifier` says which kind of figure the
 * baseline is. `share` divides by the sum of the source's own reported figures over the compared
 * categories, not by a stated total (see `audit` for how the two differ).
 *
 * No silent pooling: the rows of one category must not differ in another dimension (unless you
 * `pool` it), and a row with no key for `by` is an error, never a category of its own.
 *
 * @param table A table in the shape of the data contract, one row per source and category.
 * @param options See {@link CompareOptions}.
 * @returns A new table with columns: the `by` column(s), `source`, `label`, `value`, `low`, `high`,
 *   `qualifier`, `reported`, `baseline_value`, `baseline_low`, `baseline_high`,
 *   `baseline_qualifier`, `difference`, `difference_low`, `difference_high`, `ratio`, `ratio_low`,
 *   `ratio_high`, `share`, `rank`.
 * @throws {InvalidOptionError} If `by` is not a dimension column, `measure` is missing or unknown,
 *   or the rows of a category differ in a dimension outside `by` and `pool` (the message names it).
 * @throws {UnknownIdError} If `baseline` is not a source of the table.
 * @throws {InvalidTableError} If a row has no key for `by`, a source has two rows for one
 *   category, or the table breaks the contract.
 * @example
 * compare(load('by-nationality'), { by: 'nationality', baseline: 'zerjavic' })
 *   .filter((d) => d.nationality === 'jews').select('source', 'value', 'difference', 'rank').objects();
 * // => [{ source: 'yu-1964', value: 45000, difference: -12000, rank: 3 },
 * //     { source: 'kocovic', value: 60000, difference: 3000, rank: 4 },
 * //     { source: 'zerjavic', value: 57000, difference: 0, rank: 4 }]
 * const killed = load('military-losses').filter((d) => d.belligerent === 'germany' && d.measure === 'killed');
 * compare(killed, { by: 'belligerent', pool: 'region', baseline: 'enc-ww2-yugoslavia-infobox' })
 *   .filter((d) => d.source === 'reinecke-times-1945').select('ratio', 'ratio_low', 'ratio_high').object();
 * // => { ratio: 0.39047…, ratio_low: 0.23145…, ratio_high: 1.24772… }
 */
export function compare<By extends string>(
  table: ColumnTable,
  options: CompareOptions<By>,
): TypedTable<CompareRow & Record<By, string>> {
  const { rows: all, dimensions } = readTable(table, 'compare');
  const by = checkBy(options?.by, dimensions, 'compare');
  const pool = checkPool(options.pool, dimensions, by, 'compare');
  const rows = selectMeasure(all, options.measure, 'compare');
  checkCategories(rows, by, dimensions, pool, 'compare');
  checkOnePerSource(rows, by, 'compare');

  const sources = unique(rows.map((r) => r.source));
  const baseline = options.baseline ?? sources[0]!;
  if (!sources.includes(baseline)) throw new UnknownIdError('baseline source', baseline, sources);
  const categories = new Map<string, CasualtyRow>(); // key → first row (for the key's values)
  for (const r of rows)
    if (!categories.has(categoryKey(r, by))) categories.set(categoryKey(r, by), r);
  const cell = new Map(rows.map((r) => [JSON.stringify([r.source, categoryKey(r, by)]), r]));
  const find = (source: string, key: string): CasualtyRow | undefined =>
    cell.get(JSON.stringify([source, key]));

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

  const result = [...categories].flatMap(([key, first]) => {
    const b = find(baseline, key);
    const base = b?.value ?? null;
    return sources.map((source) => {
      const r = find(source, key);
      const value = r?.value ?? null;
      const both = value !== null && base !== null;
      const ratio = divide(value, base);
      return {
        ...Object.fromEntries(by.map((d) => [d, first[d]])),
        source,
        label: r?.label ?? null,
        value,
        low: r?.low ?? null,
        high: r?.high ?? null,
        qualifier: r?.qualifier ?? null,
        reported: value !== null,
        baseline_value: base,
        baseline_low: b?.low ?? null,
        baseline_high: b?.high ?? null,
        baseline_qualifier: b?.qualifier ?? null,
        difference: both ? value - base : null,
        difference_low: both && b!.high !== null ? r!.low! - b!.high : null,
        difference_high: both && r!.high !== null ? r!.high - b!.low! : null,
        ratio,
        ratio_low: ratio === null ? null : b!.high === null ? 0 : divide(r!.low, b!.high),
        ratio_high: ratio === null ? null : divide(r!.high, b!.low),
        share: value === null ? null : divide(value, totals.get(source)!),
        rank: value === null ? null : sorted.get(source)!.indexOf(value) + 1,
      };
    });
  });
  return toTable(result, [
    ...by,
    'source',
    'label',
    'value',
    'low',
    'high',
    'qualifier',
    'reported',
    'baseline_value',
    'baseline_low',
    'baseline_high',
    'baseline_qualifier',
    'difference',
    'difference_low',
    'difference_high',
    'ratio',
    'ratio_low',
    'ratio_high',
    'share',
    'rank',
  ]) as TypedTable<CompareRow & Record<By, string>>;
}
