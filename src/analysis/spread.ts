import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { readCategories } from './categories.js';
import { boundedMean, medianOf, sampleSD } from './numbers.js';
import { columnsTable, type ColumnsOf } from './columns.js';
import { divide, widen } from './intervals.js';

/** Options of {@link spread}. */
export interface SpreadOptions<By extends string = string> {
  /**
   * The dimension column whose categories are summarized across sources, e.g. `'nationality'`,
   * or several (`['belligerent', 'status']`). Rows of one category must not differ in another
   * dimension (see `pool`), and every row needs a key: a missing key is not a category.
   */
  by: By | readonly By[];
  /**
   * Dimensions whose differences you accept: rows that differ only in these count as one category
   * (e.g. `pool: ['region']` to set a figure for the Balkans beside one for Yugoslavia).
   * @default none: a difference in any other dimension is an error naming it
   */
  pool?: string | readonly string[];
  /** The measure. @default the only measure in the table (required if it holds several) */
  measure?: string;
}

/** A row of the result of {@link spread}: how far the sources are apart on one category. */
export interface SpreadRow {
  /** How many sources give a figure for the category. */
  count: number;
  /** How many sources of the table give none (a dash, or no such category). */
  not_reported: number;
  /** The sources that give a figure, joined by ', '. */
  sources: string;
  /** The smallest best single figure (`value`). */
  min: number | null;
  /** The largest best single figure (`value`). */
  max: number | null;
  /**
   * The lowest figure any source allows: the smallest `low` (a range's lower bound, not its
   * midpoint), less half the rounding unit of a rounded figure (`precision`), never below 0;
   * `null` if a source gives only an upper figure (at-most).
   */
  low: number | null;
  /**
   * The highest figure any source allows: the largest `high`, plus half the rounding unit of a
   * rounded figure (`precision`); `null` (unbounded) if a source gives only a lower bound.
   */
  high: number | null;
  /** The source(s) of the smallest figure, joined by ', '. */
  min_source: string | null;
  /** The source(s) of the largest figure, joined by ', '. */
  max_source: string | null;
  /** `max - min`. */
  range: number | null;
  /** `max / min`; `null` if `min` is 0. */
  ratio: number | null;
  median: number | null;
  /** The mean of the figures, never outside [`min`, `max`]. */
  mean: number | null;
  /**
   * The sample standard deviation (divides by n − 1),
   * 0 where the figures are equal; `null` for fewer than 2 figures.
   */
  sd: number | null;
  /** The coefficient of variation, `sd / mean`; `null` for fewer than 2 figures or a mean of 0. */
  cv: number | null;
}

/**
 * The consensus and spread of the sources on each category: count, min, max, the lowest and highest
 * figure any source allows (`low`, `high`), range, max/min ratio, median, mean, standard deviation
 * and coefficient of variation of the figures the sources give. The standard deviation is the
 * **sample** one (n − 1), the sources being a few of the estimates one could make; with a single
 * figure it is `null`. Figures that are not reported are left out and counted in `not_reported`,
 * never taken as 0; a category no source reports has `count` 0 and every statistic `null`.
 *
 * The statistics of the figures use the best single figure (`value`): a `range` enters as its
 * midpoint and an `at-least` as its floor; `low` and `high` keep the bounds (`high` is `null`,
 * unbounded, where a source gives only a lower bound), each widened by half the rounding unit of a
 * rounded figure, never below 0 (`widen`: "300, rounded to the thousand" allows 0–800). The mean
 * never leaves [min, max] and figures that are all equal have a standard deviation of exactly 0,
 * whatever the rounding.
 *
 * A row that restates another row of the table (`restates`) is the same figure mentioned again: it
 * is left out, so that no figure counts twice.
 *
 * No silent pooling: the rows of one category must not differ in another dimension (unless you
 * `pool` it), and a row with no key for `by` is an error, never a category of its own.
 *
 * @param table A table in the shape of the data contract, one row per source and category.
 * @param options See {@link SpreadOptions}.
 * @returns A new table with columns: the `by` column(s), `count`, `not_reported`, `sources`, `min`,
 *   `max`, `low`, `high`, `min_source`, `max_source`, `range`, `ratio`, `median`, `mean`, `sd`,
 *   `cv`; one row per category in order of first appearance.
 * @throws {InvalidOptionError} If `by` is not a dimension column, `measure` is missing or unknown,
 *   or the rows of a category differ in a dimension outside `by` and `pool` (the message names it).
 * @throws {InvalidTableError} If a row has no key for `by`, a source has two rows for one
 *   category, or the table breaks the contract.
 * @example
 * spread(load('by-nationality'), { by: 'nationality' })
 *   .filter((d) => d.nationality === 'serbs')
 *   .object();
 * // => { nationality: 'serbs', count: 3, not_reported: 0, sources: 'yu-1964, kocovic, zerjavic',
 * //      min: 346740, max: 530000, low: 346740, high: 530000, min_source: 'yu-1964',
 * //      max_source: 'zerjavic', range: 183260, ratio: 1.52852…, median: 487000, mean: 454580,
 * //      sd: 95835.01…, cv: 0.21082… }
 * spread(load('military-losses').filter((d) => d.measure === 'deaths'), { by: 'period' });
 * // throws InvalidOptionError: spread: the rows also differ in belligerent, region, status,
 * // which by (period) leaves out, …
 */
export function spread<By extends string>(
  table: ColumnTable,
  options: SpreadOptions<By>,
): TypedTable<SpreadRow & Record<By, string>> {
  // a figure counts once: a row restating another row of the table is left out
  const { t, by, categories, bySource } = readCategories(table, options, 'spread');

  const statistics = [
    'count',
    'not_reported',
    'sources',
    'min',
    'max',
    'low',
    'high',
    'min_source',
    'max_source',
    'range',
    'ratio',
    'median',
    'mean',
    'sd',
    'cv',
  ] as const;
  const out = new Map<string, unknown[]>(by.map((d) => [d, []]));
  const columns = statistics.map((name) => out.set(name, []).get(name)!) as unknown as ColumnsOf<
    typeof statistics
  >;
  const keys = by.map((d) => [out.get(d)!, t.get(d)] as const);
  // in the order of statistics
  const [count, notReported, sources, minimum, maximum, low, high, minSource, maxSource] = columns;
  const [, , , , , , , , , range, ratio, middle, mean, deviation, cv] = columns;
  /** The sources of the reported rows whose figure is `v`, joined by ', '. */
  const whose = (reported: Int32Array, v: number | null): string | null => {
    if (v === null) return null;
    let text: string | null = null;
    for (let k = 0; k < reported.length; k++) {
      const i = reported[k]!;
      if (t.value[i] === v) text = text === null ? t.source[i]! : `${text}, ${t.source[i]!}`;
    }
    return text ?? '';
  };
  // One buffer each for a category's reported rows and their figures, filled again for every
  // category: a category holds one row per source at most (checkOnePerSource).
  const reportedRows = new Int32Array(bySource.size);
  const figures = new Float64Array(bySource.size);
  for (let g = 0; g < categories.size; g++) {
    const members = categories.rows(g);
    let n = 0;
    // the lowest and highest figure any source allows (null: an at-most figure has no lower
    // figure; an at-least one, no upper)
    let lowest: number | null = Infinity;
    let highest: number | null = -Infinity;
    let smallest = Infinity;
    let largest = -Infinity;
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      const v = t.value[i]!;
      if (v === null) continue;
      reportedRows[n] = i;
      figures[n++] = v;
      if (v < smallest) smallest = v;
      if (v > largest) largest = v;
      // the bounds a figure allows, widened by its rounding (± half `precision`, never below 0)
      const wide = widen(t.low[i]!, t.high[i]!, t.precision[i]);
      if (wide.low === null) lowest = null;
      else if (lowest !== null && wide.low < lowest) lowest = wide.low;
      if (wide.high === null) highest = null;
      else if (highest !== null && wide.high > highest) highest = wide.high;
    }
    const reported = reportedRows.subarray(0, n);
    const values = figures.subarray(0, n);
    const lo = n > 0 ? smallest : null;
    const hi = n > 0 ? largest : null;
    const m = n > 0 ? boundedMean(values) : null;
    const sd = sampleSD(values);
    const first = categories.first[g]!;
    for (let k = 0; k < keys.length; k++) keys[k]![0].push(keys[k]![1][first]);
    count.push(n);
    notReported.push(bySource.size - n);
    const names = new Array<string>(n);
    for (let k = 0; k < n; k++) names[k] = t.source[reported[k]!]!;
    sources.push(names.join(', '));
    minimum.push(lo);
    maximum.push(hi);
    low.push(n > 0 ? lowest : null);
    high.push(n > 0 ? highest : null);
    minSource.push(whose(reported, lo));
    maxSource.push(whose(reported, hi));
    range.push(lo === null || hi === null ? null : hi - lo);
    ratio.push(divide(hi, lo));
    middle.push(n > 0 ? medianOf(values) : null);
    mean.push(m);
    deviation.push(sd);
    cv.push(sd === null || m === 0 ? null : divide(sd, m));
  }
  return columnsTable<SpreadRow & Record<By, string>>(out);
}
