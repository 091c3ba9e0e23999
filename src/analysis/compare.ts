import type { ColumnTable } from 'arquero';
import { sum } from 'simple-statistics';
import type { TypedTable } from '../data/load.js';
import { UnknownIdError } from '../errors.js';
import { readCategories } from './categories.js';
import { checkCells } from './problems.js';
import { columnsTable, type ColumnsOf } from './columns.js';
import { divide, widen } from './intervals.js';
import { type Qualifier } from '../data/contract.js';

/** The columns of compare's result after its `by` columns. */
const figureColumns = [
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
] as const;

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
  /**
   * The measure to compare. @default the only measure in the table (required if it holds several)
   */
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
  /**
   * The baseline's figure for the category,
   * with its interval and qualifier (`null` where it has none).
   */
  baseline_value: number | null;
  baseline_low: number | null;
  /** `null` where the baseline is unbounded (`at-least`) or has no figure. */
  baseline_high: number | null;
  baseline_qualifier: Qualifier | null;
  /** `value` minus the baseline's value; `null` if either is missing. */
  difference: number | null;
  /**
   * The smallest difference the two intervals allow, `low − baseline_high`;
   * `null` (unbounded below) for an at-least baseline.
   */
  difference_low: number | null;
  /**
   * The largest difference the two intervals allow, `high − baseline_low`;
   * `null` (unbounded above) for an at-least figure.
   */
  difference_high: number | null;
  /**
   * `value` divided by the baseline's value; `null` if either is missing (or the baseline is 0).
   */
  ratio: number | null;
  /** The smallest ratio the intervals allow, `low / baseline_high`; 0 for an at-least baseline. */
  ratio_low: number | null;
  /**
   * The largest ratio the intervals allow, `high / baseline_low`;
   * `null` (unbounded) for an at-least figure.
   */
  ratio_high: number | null;
  /** `value` as a share (0–1) of the sum of this source's values over the categories it reports. */
  share: number | null;
  /**
   * 1 for this source's largest figure; tied figures share the best rank; `null` if not reported.
   */
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
 * midpoint, 0.23–1.25 over the range). A rounded figure counts for its interval widened by half
 * its rounding unit (`precision`), never below 0 (`widen`): "300, rounded to the thousand" is
 * 0–800 in these bounds; the `low`/`high` columns stay as published. Where `difference` or
 * `ratio` is not `null`, a `null` bound is unbounded (an at-least figure or baseline);
 * `baseline_qualifier` says which kind of figure the baseline is. `share` divides by the sum of
 * the source's own reported figures over the compared categories, not by a stated total (see
 * `audit` for how the two differ).
 *
 * A row that restates another row of the table (`restates`) is the same figure mentioned again: it
 * is left out, so that no figure counts twice (its source then has no figure for that category).
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
 *   .filter((d) => d.nationality === 'jews')
 *   .select('source', 'value', 'difference', 'rank')
 *   .objects();
 * // => [{ source: 'yu-1964', value: 45000, difference: -12000, rank: 3 },
 * //     { source: 'kocovic', value: 60000, difference: 3000, rank: 4 },
 * //     { source: 'zerjavic', value: 57000, difference: 0, rank: 4 }]
 * const killed = load('military-losses').filter(
 *   (d) => d.belligerent === 'germany' && d.measure === 'killed',
 * );
 * compare(killed, { by: 'belligerent', pool: 'region', baseline: 'enc-ww2-yugoslavia-infobox' })
 *   .filter((d) => d.source === 'reinecke-times-1945')
 *   .select('ratio', 'ratio_low', 'ratio_high')
 *   .object();
 * // => { ratio: 0.39047…, ratio_low: 0.23145…, ratio_high: 1.24772… }
 */
export function compare<By extends string>(
  table: ColumnTable,
  options: CompareOptions<By>,
): TypedTable<CompareRow & Record<By, string>> {
  // a figure counts once: a row restating another row of the table is left out
  const { t, by, rows, categories, bySource } = readCategories(table, options, 'compare');

  const sources = bySource.first.map((i) => t.source[i]!);
  const baseline = options.baseline ?? sources[0]!;
  const b = sources.indexOf(baseline);
  if (b < 0) throw new UnknownIdError('baseline source', baseline, sources);
  const size = categories.size;
  const width = sources.length;
  const columnCount = by.length + figureColumns.length;
  checkCells(
    'compare',
    `the result would have ${size} categories × ${width} sources × ${columnCount} columns`,
    size * width * columnCount,
  );
  const cell = new Int32Array(size * width).fill(-1); // category × width + source → its row
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    cell[categories.of[i]! * width + bySource.of[i]!] = i;
  }

  // Per source: the sum of its reported figures (for shares), and the rank of each (1 + how many
  // of its figures are larger, by binary search in its figures sorted), source by source so that
  // one source's sorted figures stay in cache while its rows are ranked.
  const totals = new Float64Array(width);
  const ranks = new Int32Array(size * width);
  for (let s = 0; s < width; s++) {
    const own = bySource.rows(s);
    const values = new Float64Array(own.length);
    let count = 0;
    for (let k = 0; k < own.length; k++) {
      const v = t.value[own[k]!] ?? null;
      if (v !== null) values[count++] = v;
    }
    const sorted = values.subarray(0, count);
    totals[s] = count > 0 ? sum(sorted as unknown as number[]) : 0;
    sorted.sort();
    for (let k = 0; k < own.length; k++) {
      const v = t.value[own[k]!] ?? null;
      if (v !== null) ranks[categories.of[own[k]!]! * width + s] = rankOf(sorted, v);
    }
  }

  // Each column preallocated and filled in order (no holes left), one result row per category and
  // source: row r = c × width + s.
  const m = size * width;
  const column = (): unknown[] => new Array<unknown>(m);
  const keys = by.map((d) => t.get(d));
  const keyColumns = by.map(column);
  const columns = figureColumns.map(column) as unknown as ColumnsOf<typeof figureColumns>;
  // in the order of figureColumns
  const [source, label, value, low, high, qualifier, reported, baseValue, baseLow, baseHigh] =
    columns;
  const [, , , , , , , , , , baseQualifier, difference, differenceLow, differenceHigh] = columns;
  const [, , , , , , , , , , , , , , ratio, ratioLow, ratioHigh, share, rank] = columns;
  for (let c = 0; c < size; c++) {
    const first = categories.first[c]!;
    const j = cell[c * width + b]!;
    const base = j < 0 ? null : t.value[j]!;
    const bLow = j < 0 ? null : t.low[j]!;
    const bHigh = j < 0 ? null : t.high[j]!;
    // the bounds use each figure's interval widened by its rounding (± half `precision`, ≥ 0)
    const bWide = widen(bLow, bHigh, j < 0 ? null : t.precision[j]);
    const bQualifier = j < 0 ? null : t.qualifier[j]!;
    for (let s = 0; s < width; s++) {
      const r = c * width + s;
      for (let k = 0; k < keys.length; k++) keyColumns[k]![r] = keys[k]![first];
      const i = cell[r]!;
      const v = i < 0 ? null : t.value[i]!;
      const lo = i < 0 ? null : t.low[i]!;
      const hi = i < 0 ? null : t.high[i]!;
      const wide = widen(lo, hi, i < 0 ? null : t.precision[i]);
      const both = v !== null && base !== null;
      const q = divide(v, base);
      source[r] = sources[s];
      label[r] = i < 0 ? null : t.label[i];
      value[r] = v;
      low[r] = lo;
      high[r] = hi;
      qualifier[r] = i < 0 ? null : t.qualifier[i];
      reported[r] = v !== null;
      baseValue[r] = base;
      baseLow[r] = bLow;
      baseHigh[r] = bHigh;
      baseQualifier[r] = bQualifier;
      difference[r] = both ? v - base : null;
      // an at-most figure or baseline ("as many as") has no low: a count is never below 0
      differenceLow[r] = both && bWide.high !== null ? (wide.low ?? 0) - bWide.high : null;
      differenceHigh[r] = both && wide.high !== null ? wide.high - (bWide.low ?? 0) : null;
      ratio[r] = q;
      ratioLow[r] = q === null ? null : bWide.high === null ? 0 : divide(wide.low ?? 0, bWide.high);
      ratioHigh[r] = q === null ? null : divide(wide.high, bWide.low);
      share[r] = v === null ? null : divide(v, totals[s]!);
      rank[r] = v === null ? null : ranks[r];
    }
  }
  const out = new Map<string, unknown[]>([
    ...by.map((d, k) => [d, keyColumns[k]!] as const),
    ...figureColumns.map((name, k) => [name, columns[k]!] as const),
  ]);
  return columnsTable<CompareRow & Record<By, string>>(out);
}

/**
 * 1 + how many figures of `ascending` (sorted, holding `v`) are larger than `v`: tied figures share
 * a rank. The figures at most `v` are counted by a binary search without branches (each step
 * keeps the lower or the upper half), which mispredicts nothing on a million rows.
 */
function rankOf(ascending: Float64Array, v: number): number {
  let base = 0;
  let n = ascending.length;
  while (n > 1) {
    const half = n >>> 1;
    base = ascending[base + half]! <= v ? base + half : base;
    n -= half;
  }
  return ascending.length - base - (ascending[base]! <= v ? 1 : 0) + 1;
}
