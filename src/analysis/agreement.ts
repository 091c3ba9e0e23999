import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { readCategories } from './categories.js';
import {
  boundedMean,
  concordance,
  fisherInterval,
  midranks,
  pearson,
  sampleSD,
  spearman,
  z975,
} from './numbers.js';
import { checkCells } from './problems.js';
import { toTable } from './columns.js';

/** The columns of agreement's result. */
const names = [
  'source_a',
  'source_b',
  'n',
  'excluded',
  'pearson',
  'pearson_low',
  'pearson_high',
  'spearman',
  'concordance',
  'mean_abs_difference',
  'log_ratio_mean',
  'log_ratio_sd',
  'ratio_lower',
  'ratio_upper',
] as const;

/** Options of {@link agreement}. */
export interface AgreementOptions {
  /**
   * The dimension column whose categories are paired, e.g. `'nationality'`, or several. Rows of
   * one category must not differ in another dimension (see `pool`); every row needs a key.
   */
  by: string | readonly string[];
  /**
   * Dimensions whose differences you accept: rows that differ only in these count as one category.
   * @default none: a difference in any other dimension is an error naming it
   */
  pool?: string | readonly string[];
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
  /**
   * Do the two rank and scale the categories alike? Pearson's correlation;
   * `null` for n < 2 or where a source's figures are all equal.
   */
  pearson: number | null;
  /**
   * Fisher's z interval of `pearson` at 95%, tanh(atanh r ∓ 1.96/√(n − 3)); `null` for n < 4.
   * It is a confidence interval only if the categories were a random sample from a population of
   * categories; two fixed sets of published figures have no sampling frame, so read it as a
   * measure of how few categories there are, not as the uncertainty of a published figure.
   */
  pearson_low: number | null;
  pearson_high: number | null;
  /**
   * Do the two order the categories alike? Spearman's rank correlation
   * (ties share their mean rank); `null` as for `pearson`.
   */
  spearman: number | null;
  /**
   * Do the two give the same figures? Lin's concordance correlation:
   * 1 only if every pair is equal; `null` for n < 2.
   */
  concordance: number | null;
  /** The mean of |a − b| over the paired figures; `null` for n = 0. */
  mean_abs_difference: number | null;
  /**
   * By what factor do they differ, typically? The mean of ln(a / b)
   * (Bland–Altman on log ratios); `null` for n = 0 or a figure of 0.
   */
  log_ratio_mean: number | null;
  /** The sample standard deviation of ln(a / b); `null` for n < 2. */
  log_ratio_sd: number | null;
  /** The 95% limits of agreement as factors a / b: exp(mean ∓ 1.96 sd); `null` for n < 2. */
  ratio_lower: number | null;
  ratio_upper: number | null;
}

/**
 * Pairwise agreement between the sources of a table, over the categories both report. Each
 * measure answers one question:
 *
 * - `pearson` (with Fisher's z interval, `pearson_low`–`pearson_high`: the interval the formula
 *   gives if the categories were a random sample, which published categories are not; it shrinks
 *   with the number of categories, nothing else): do the two scale the categories alike?
 * - `spearman`: do they put the categories in the same order?
 * - `concordance` (Lin's concordance correlation): do they give the same figures? It falls below
 *   the correlation as soon as one source is consistently higher, or the figures lie off the line
 *   a = b.
 * - `log_ratio_mean`, `log_ratio_sd`, `ratio_lower`–`ratio_upper` (Bland–Altman on log ratios): by
 *   what factor does a differ from b on a typical category, and between which factors do 95% of
 *   categories fall? (exp of mean ∓ 1.96 × sd of ln(a / b).)
 * - `mean_abs_difference`: by how many persons do they differ on average?
 *
 * A correlation is `null` where a source's figures do not vary, and always lies in [−1, 1]. A
 * category that either source does not report is left out of that pair, never paired with 0; a
 * category with no key is an error, never a category; a row that restates another row of the
 * table (`restates`) is left out, so that no figure counts twice. With two categories a correlation
 * is always ±1, and an interval needs four: read every measure with `n`.
 *
 * @param table A table in the shape of the data contract, one row per source and category.
 * @param options See {@link AgreementOptions}.
 * @returns A new table with columns `source_a`, `source_b`, `n`, `excluded`, `pearson`,
 *   `pearson_low`, `pearson_high`, `spearman`, `concordance`, `mean_abs_difference`,
 *   `log_ratio_mean`, `log_ratio_sd`, `ratio_lower`, `ratio_upper`; one row per pair of sources,
 *   in table order.
 * @throws {InvalidOptionError} If `by` is not a dimension column, `measure` is missing or unknown,
 *   or the rows of a category differ in a dimension outside `by` and `pool` (the message names it).
 * @throws {InvalidTableError} If a row has no key for `by`, a source has two rows for one
 *   category, or the table breaks the contract.
 * @example
 * agreement(load('by-nationality'), { by: 'nationality' }).objects()[2];
 * // => { source_a: 'kocovic', source_b: 'zerjavic', n: 12, excluded: 0, pearson: 0.99518…,
 * //      pearson_low: 0.98292…, pearson_high: 0.99865…, spearman: 0.89474…,
 * //      concordance: 0.98940…, mean_abs_difference: 12916.66…, log_ratio_mean: 0.04811…,
 * //      log_ratio_sd: 0.52986…, ratio_lower: 0.37…, ratio_upper: 2.96… }
 */
export function agreement(table: ColumnTable, options: AgreementOptions): TypedTable<AgreementRow> {
  // a figure counts once: a row restating another row of the table is left out
  const { t, categories, bySource } = readCategories(table, options, 'agreement');
  const sources = bySource.first.map((i) => t.source[i]!);
  const width = sources.length;
  checkCells(
    'agreement',
    `its working table would have ${width} sources × ${categories.size} categories`,
    width * categories.size,
  );
  checkCells(
    'agreement',
    `the result would have ${(width * (width - 1)) / 2} pairs of sources × ${names.length} columns`,
    ((width * (width - 1)) / 2) * names.length,
  );
  // Per source: the categories it reports, in table order, and its figure for each (NaN: none).
  const reports = sources.map((_, s) =>
    Int32Array.from(bySource.rows(s)).filter((i) => t.value[i] !== null),
  );
  // ... and the same as contiguous arrays (its categories and figures in table order), which each
  // of its pairs walks without reaching back into the table's columns
  const ownCategories = reports.map((own) => Int32Array.from(own, (i) => categories.of[i]!));
  const ownFigures = reports.map((own) => Float64Array.from(own, (i) => t.value[i]!));
  const figures = ownCategories.map((cs, s) => {
    const figure = new Float64Array(categories.size).fill(NaN);
    const vs = ownFigures[s]!;
    for (let k = 0; k < cs.length; k++) figure[cs[k]!] = vs[k]!;
    return figure;
  });

  // Per source: the categories it reports in ascending order of its figure (ranked once here,
  // then within each pair by walking this order over the categories both report).
  const ascending = figures.map((figure, s) =>
    ownCategories[s]!.slice().sort((p, q) => figure[p]! - figure[q]!),
  );
  // ... and its figures in that order, which the ranking reads in order
  const ascendingFigures = ascending.map((order, s) => {
    const sorted = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) sorted[k] = figures[s]![order[k]!]!;
    return sorted;
  });
  const shared = new Uint8Array(categories.size);
  const [rankA, rankB] = [new Float64Array(categories.size), new Float64Array(categories.size)];
  // One buffer for each vector of a pair, filled again for every pair (a pair has at most as many
  // categories as its first source reports): no pair allocates arrays as long as the categories.
  const most = reports.reduce((longest, own) => Math.max(longest, own.length), 0);
  const bufferX = new Float64Array(most);
  const bufferY = new Float64Array(most);
  const bufferRankX = new Float64Array(most);
  const bufferRankY = new Float64Array(most);
  const bufferLogs = new Float64Array(most); // ln(x / y)
  const bufferGaps = new Float64Array(most); // |x − y|
  const both = new Int32Array(most); // the categories of the pairs
  const places = new Int32Array(most); // midranks' working space
  const working = new Float64Array(most);

  const result: (string | number | null)[][] = [];
  sources.forEach((a, s) => {
    for (let u = s + 1; u < sources.length; u++) {
      const fb = figures[u]!;
      const cs = ownCategories[s]!;
      const vs = ownFigures[s]!;
      let n = 0;
      for (let k = 0; k < cs.length; k++) {
        const c = cs[k]!;
        const b = fb[c]!;
        if (b === b) {
          // b reported (not NaN)
          bufferX[n] = vs[k]!;
          bufferY[n] = b;
          both[n++] = c;
          shared[c] = 1;
        }
      }
      const x = bufferX.subarray(0, n);
      const y = bufferY.subarray(0, n);
      midranks(ascending[s]!, ascendingFigures[s]!, shared, rankA, places, working);
      midranks(ascending[u]!, ascendingFigures[u]!, shared, rankB, places, working);
      let positive = true;
      for (let j = 0; j < n; j++) {
        const c = both[j]!;
        bufferRankX[j] = rankA[c]!;
        bufferRankY[j] = rankB[c]!;
        shared[c] = 0;
        if (!(x[j]! > 0 && y[j]! > 0)) positive = false;
        bufferLogs[j] = Math.log(x[j]! / y[j]!);
        bufferGaps[j] = Math.abs(x[j]! - y[j]!);
      }
      const r = pearson(x, y);
      const interval = fisherInterval(r, n);
      // the log ratios, where every figure of the pair is above 0
      const logs = bufferLogs.subarray(0, positive ? n : 0);
      const logMean = logs.length > 0 ? boundedMean(logs) : null;
      const logSD = logs.length > 0 ? sampleSD(logs) : null;
      result.push([
        // in the order of names
        a,
        sources[u]!,
        n,
        reports[s]!.length + reports[u]!.length - 2 * n,
        r,
        interval?.[0] ?? null,
        interval?.[1] ?? null,
        spearman(bufferRankX.subarray(0, n), bufferRankY.subarray(0, n)),
        concordance(x, y),
        n > 0 ? boundedMean(bufferGaps.subarray(0, n)) : null,
        logMean,
        logSD,
        logSD === null ? null : Math.exp(logMean! - z975 * logSD),
        logSD === null ? null : Math.exp(logMean! + z975 * logSD),
      ]);
    }
  });
  return toTable(result, names);
}
