// Reference for the columnar `agreement` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
import type { AgreementOptions, AgreementRow } from '../../src/analysis/agreement.js';
import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../../src/data/load.js';
import {
  categoryKey,
  checkBy,
  checkCategories,
  checkOnePerSource,
  checkPool,
  withoutRestatements,
} from './categories.js';
import {
  boundedMean,
  concordance,
  fisherInterval,
  pearson,
  clamp,
  constant,
  sampleSD,
  z975,
} from '../../src/analysis/numbers.js';
import { sampleRankCorrelation } from 'simple-statistics';
import { readTable, selectMeasure, toTable, unique } from './shared.js';

export function agreement(table: ColumnTable, options: AgreementOptions): TypedTable<AgreementRow> {
  const { rows: all, dimensions } = readTable(table, 'agreement');
  const by = checkBy(options?.by, dimensions, 'agreement');
  const pool = checkPool(options.pool, dimensions, by, 'agreement');
  const rows = withoutRestatements(selectMeasure(all, options.measure, 'agreement'));
  checkCategories(rows, by, dimensions, pool, 'agreement');
  checkOnePerSource(rows, by, 'agreement');
  const sources = unique(rows.map((r) => r.source));
  const figures = new Map(sources.map((s) => [s, new Map<string, number>()]));
  for (const r of rows)
    if (r.value !== null) figures.get(r.source)!.set(categoryKey(r, by), r.value);

  const result: AgreementRow[] = [];
  sources.forEach((a, i) => {
    for (const b of sources.slice(i + 1)) {
      const fa = figures.get(a)!;
      const fb = figures.get(b)!;
      const shared = [...fa.keys()].filter((k) => fb.has(k));
      const x = shared.map((k) => fa.get(k)!);
      const y = shared.map((k) => fb.get(k)!);
      const n = shared.length;
      const r = pearson(x, y);
      const interval = fisherInterval(r, n);
      const logs = x.every((v, j) => v > 0 && y[j]! > 0)
        ? x.map((v, j) => Math.log(v / y[j]!))
        : [];
      const logMean = logs.length > 0 ? boundedMean(logs) : null;
      const logSD = logs.length > 0 ? sampleSD(logs) : null;
      result.push({
        source_a: a,
        source_b: b,
        n,
        excluded: unique([...fa.keys(), ...fb.keys()]).length - n,
        pearson: r,
        pearson_low: interval?.[0] ?? null,
        pearson_high: interval?.[1] ?? null,
        spearman:
          n < 2 || constant(x) || constant(y)
            ? null
            : finiteClamped(sampleRankCorrelation([...x], [...y])),
        concordance: concordance(x, y),
        mean_abs_difference: n > 0 ? boundedMean(x.map((v, j) => Math.abs(v - y[j]!))) : null,
        log_ratio_mean: logMean,
        log_ratio_sd: logSD,
        ratio_lower: logSD === null ? null : Math.exp(logMean! - z975 * logSD),
        ratio_upper: logSD === null ? null : Math.exp(logMean! + z975 * logSD),
      });
    }
  });
  return toTable(result, [
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
  ]);
}

/** A correlation clamped to [−1, 1]; none (null) where it is not finite. */
function finiteClamped(r: number): number | null {
  return Number.isFinite(r) ? clamp(r, -1, 1) : null;
}
