// Reference for the columnar `spread` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
import type { SpreadOptions, SpreadRow } from '../../src/analysis/spread.js';
import type { ColumnTable } from 'arquero';
import { max, median, min } from 'simple-statistics';
import type { TypedTable } from '../../src/data/load.js';
import {
  categoryKey,
  checkBy,
  checkCategories,
  checkOnePerSource,
  checkPool,
  withoutRestatements,
} from './categories.js';
import { boundedMean, sampleSD } from '../../src/analysis/numbers.js';
import { divide, readTable, selectMeasure, toTable, unique } from './shared.js';

export function spread<By extends string>(
  table: ColumnTable,
  options: SpreadOptions<By>,
): TypedTable<SpreadRow & Record<By, string>> {
  const { rows: all, dimensions } = readTable(table, 'spread');
  const by = checkBy(options?.by, dimensions, 'spread');
  const pool = checkPool(options.pool, dimensions, by, 'spread');
  const rows = withoutRestatements(selectMeasure(all, options.measure, 'spread'));
  checkCategories(rows, by, dimensions, pool, 'spread');
  checkOnePerSource(rows, by, 'spread');
  const allSources = unique(rows.map((r) => r.source));
  const categories = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = categoryKey(r, by);
    const group = categories.get(key);
    if (group) group.push(r);
    else categories.set(key, [r]);
  }

  const result = [...categories.values()].map((group) => {
    const reported = group.filter((r) => r.value !== null);
    const values = reported.map((r) => r.value!);
    const n = values.length;
    const lo = n > 0 ? min(values) : null;
    const hi = n > 0 ? max(values) : null;
    const m = n > 0 ? boundedMean(values) : null;
    const sd = sampleSD(values);
    const whose = (v: number | null) =>
      v === null
        ? null
        : reported
            .filter((r) => r.value === v)
            .map((r) => r.source)
            .join(', ');
    return {
      ...Object.fromEntries(by.map((d) => [d, group[0]![d]])),
      count: n,
      not_reported: allSources.length - n,
      sources: reported.map((r) => r.source).join(', '),
      min: lo,
      max: hi,
      // an at-most figure gives no lower one: the lowest any source allows is then unknown
      low: n > 0 && reported.every((r) => r.low !== null) ? min(reported.map((r) => r.low!)) : null,
      high:
        n > 0 && reported.every((r) => r.high !== null) ? max(reported.map((r) => r.high!)) : null,
      min_source: whose(lo),
      max_source: whose(hi),
      range: lo === null || hi === null ? null : hi - lo,
      ratio: divide(hi, lo),
      median: n > 0 ? median(values) : null,
      mean: m,
      sd,
      cv: sd === null || m === 0 ? null : divide(sd, m),
    };
  });
  return toTable(result, [
    ...by,
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
  ]) as TypedTable<SpreadRow & Record<By, string>>;
}
