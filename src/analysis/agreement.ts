import type { ColumnTable } from 'arquero';
import { mean, sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import type { TypedTable } from '../data/load.js';
import {
  checkDimension,
  checkOnePerCategory,
  readTable,
  selectMeasure,
  toTable,
  unique,
} from './shared.js';

/** Options of {@link agreement}. */
export interface AgreementOptions {
  /** The dimension column whose categories are paired, e.g. `'nationality'`. */
  by: string;
  /** The measure. @default the only measure in the table (required if it holds several) */
  measure?: string;
}

/** A row of the result of {@link agreement}: how well two sources agree. */
export interface AgreementRow {
  /** The source that comes first in the table. */
  source_a: string;
  source_b: string;
  /** How many categories both sources report (the pairs the statistics use). */
  n: number;
  /** How many categories only one of the two reports (left out). */
  excluded: number;
  /** Pearson's correlation of the paired figures; `null` for n < 2 or where a source's figures are all equal. */
  pearson: number | null;
  /** Spearman's rank correlation (ties share their mean rank); `null` as for `pearson`. */
  spearman: number | null;
  /** The mean of |a − b| over the paired figures; `null` for n = 0. */
  mean_abs_difference: number | null;
}

/**
 * Pairwise agreement between the sources of a table, over the categories both report: Pearson
 * correlation (simple-statistics `sampleCorrelation`), Spearman rank correlation
 * (`sampleRankCorrelation`) and the mean absolute difference, with the number of categories
 * used. A category that either source does not report is left out of that pair, never paired
 * with 0. With two categories a correlation is always ±1: read it with `n`.
 *
 * @param table A table in the shape of the data contract, one row per source and category.
 * @param options See {@link AgreementOptions}.
 * @returns A new table with columns `source_a`, `source_b`, `n`, `excluded`, `pearson`,
 *   `spearman`, `mean_abs_difference`; one row per pair of sources, in table order.
 * @throws {InvalidOptionError} If `by` is not a dimension column, or `measure` is missing or unknown.
 * @throws {InvalidTableError} If a source has two rows for one category, or the table breaks the contract.
 * @example
 * agreement(load('by-nationality'), { by: 'nationality' }).objects()[2];
 * // => { source_a: 'kocovic', source_b: 'zerjavic', n: 12, excluded: 0, pearson: 0.99518…,
 * //      spearman: 0.89474…, mean_abs_difference: 12916.66… }
 */
export function agreement(table: ColumnTable, options: AgreementOptions): TypedTable<AgreementRow> {
  const { rows: all, dimensions } = readTable(table, 'agreement');
  const by = checkDimension(options?.by, dimensions, 'agreement');
  const rows = selectMeasure(all, options.measure, 'agreement');
  checkOnePerCategory(rows, by, 'agreement');
  const sources = unique(rows.map((r) => r.source));
  const figures = new Map(sources.map((s) => [s, new Map<unknown, number>()]));
  for (const r of rows) if (r.value !== null) figures.get(r.source)!.set(r[by] ?? null, r.value);

  const result: AgreementRow[] = [];
  sources.forEach((a, i) => {
    for (const b of sources.slice(i + 1)) {
      const fa = figures.get(a)!;
      const fb = figures.get(b)!;
      const shared = [...fa.keys()].filter((k) => fb.has(k));
      const x = shared.map((k) => fa.get(k)!);
      const y = shared.map((k) => fb.get(k)!);
      const n = shared.length;
      result.push({
        source_a: a,
        source_b: b,
        n,
        excluded: unique([...fa.keys(), ...fb.keys()]).length - n,
        pearson: n > 1 ? finite(sampleCorrelation(x, y)) : null,
        spearman: n > 1 ? finite(sampleRankCorrelation(x, y)) : null,
        mean_abs_difference: n > 0 ? mean(x.map((v, j) => Math.abs(v - y[j]!))) : null,
      });
    }
  });
  return toTable(result, [
    'source_a',
    'source_b',
    'n',
    'excluded',
    'pearson',
    'spearman',
    'mean_abs_difference',
  ]);
}

/** NaN (a correlation with no variance) as null. */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
