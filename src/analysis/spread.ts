import type { ColumnTable } from 'arquero';
import {
  coefficientOfVariation,
  max,
  mean,
  median,
  min,
  sampleStandardDeviation,
} from 'simple-statistics';
import type { TypedTable } from '../data/load.js';
import {
  checkDimension,
  checkOnePerCategory,
  divide,
  readTable,
  selectMeasure,
  toTable,
  unique,
} from './shared.js';

/** Options of {@link spread}. */
export interface SpreadOptions<By extends string = string> {
  /** The dimension column whose categories are summarized across sources, e.g. `'nationality'`. */
  by: By;
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
  min: number | null;
  max: number | null;
  /** The source(s) of the smallest figure, joined by ', '. */
  min_source: string | null;
  /** The source(s) of the largest figure, joined by ', '. */
  max_source: string | null;
  /** `max - min`. */
  range: number | null;
  /** `max / min`; `null` if `min` is 0. */
  ratio: number | null;
  median: number | null;
  mean: number | null;
  /** The sample standard deviation (divides by n − 1); `null` for fewer than 2 figures. */
  sd: number | null;
  /** The coefficient of variation, `sd / mean`; `null` for fewer than 2 figures or a mean of 0. */
  cv: number | null;
}

/**
 * The consensus and spread of the sources on each category: count, min, max, range, max/min
 * ratio, median, mean, standard deviation and coefficient of variation of the figures the
 * sources give (simple-statistics). The standard deviation is the **sample** one (n − 1), the
 * sources being a few of the estimates one could make; with a single figure it is `null`.
 * Figures that are not reported are left out and counted in `not_reported`, never taken as 0;
 * a category no source reports has `count` 0 and every statistic `null`.
 *
 * The statistics use the best single figure (`value`): a `range` enters as its midpoint and an
 * `at-least` as its floor.
 *
 * @param table A table in the shape of the data contract, one row per source and category.
 * @param options See {@link SpreadOptions}.
 * @returns A new table with columns: the `by` column, `count`, `not_reported`, `sources`, `min`,
 *   `max`, `min_source`, `max_source`, `range`, `ratio`, `median`, `mean`, `sd`, `cv`; one row
 *   per category in order of first appearance.
 * @throws {InvalidOptionError} If `by` is not a dimension column, or `measure` is missing or unknown.
 * @throws {InvalidTableError} If a source has two rows for one category, or the table breaks the contract.
 * @example
 * spread(load('by-nationality'), { by: 'nationality' }).filter((d) => d.nationality === 'serbs').object();
 * // => { nationality: 'serbs', count: 3, not_reported: 0, sources: 'yu-1964, kocovic, zerjavic',
 * //      min: 346740, max: 530000, min_source: 'yu-1964', max_source: 'zerjavic', range: 183260,
 * //      ratio: 1.52852…, median: 487000, mean: 454580, sd: 95835.01…, cv: 0.21082… }
 */
export function spread<By extends string>(
  table: ColumnTable,
  options: SpreadOptions<By>,
): TypedTable<SpreadRow & Record<By, string | null>> {
  const { rows: all, dimensions } = readTable(table, 'spread');
  const by = checkDimension(options?.by, dimensions, 'spread');
  const rows = selectMeasure(all, options.measure, 'spread');
  checkOnePerCategory(rows, by, 'spread');
  const allSources = unique(rows.map((r) => r.source));

  const result = unique(rows.map((r) => (r[by] ?? null) as string | null)).map((category) => {
    const reported = rows.filter((r) => (r[by] ?? null) === category && r.value !== null);
    const values = reported.map((r) => r.value!);
    const n = values.length;
    const lo = n > 0 ? min(values) : null;
    const hi = n > 0 ? max(values) : null;
    const m = n > 0 ? mean(values) : null;
    const whose = (v: number | null) =>
      v === null
        ? null
        : reported
            .filter((r) => r.value === v)
            .map((r) => r.source)
            .join(', ');
    return {
      [by]: category,
      count: n,
      not_reported: allSources.length - n,
      sources: reported.map((r) => r.source).join(', '),
      min: lo,
      max: hi,
      min_source: whose(lo),
      max_source: whose(hi),
      range: lo === null || hi === null ? null : hi - lo,
      ratio: divide(hi, lo),
      median: n > 0 ? median(values) : null,
      mean: m,
      sd: n > 1 ? sampleStandardDeviation(values) : null,
      cv: n > 1 && m !== 0 ? coefficientOfVariation(values) : null,
    };
  });
  return toTable(result, [
    by,
    'count',
    'not_reported',
    'sources',
    'min',
    'max',
    'min_source',
    'max_source',
    'range',
    'ratio',
    'median',
    'mean',
    'sd',
    'cv',
  ]) as TypedTable<SpreadRow & Record<By, string | null>>;
}
