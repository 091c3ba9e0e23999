// Reference for the columnar `compare` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
import type { CompareOptions, CompareRow } from '../../src/analysis/compare.js';
import type { ColumnTable } from 'arquero';
import { sum } from 'simple-statistics';
import type { TypedTable } from '../../src/data/load.js';
import { UnknownIdError } from '../../src/errors.js';
import {
  categoryKey,
  checkBy,
  checkCategories,
  checkOnePerSource,
  checkPool,
  withoutRestatements,
} from './categories.js';
import { divide, readTable, selectMeasure, toTable, unique, type CasualtyRow } from './shared.js';

export function compare<By extends string>(
  table: ColumnTable,
  options: CompareOptions<By>,
): TypedTable<CompareRow & Record<By, string>> {
  const { rows: all, dimensions } = readTable(table, 'compare');
  const by = checkBy(options?.by, dimensions, 'compare');
  const pool = checkPool(options.pool, dimensions, by, 'compare');
  const rows = withoutRestatements(selectMeasure(all, options.measure, 'compare'));
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
        // at-most (low null): a count is never below 0
        difference_low: both && b!.high !== null ? (r!.low ?? 0) - b!.high : null,
        difference_high: both && r!.high !== null ? r!.high - (b!.low ?? 0) : null,
        ratio,
        ratio_low: ratio === null ? null : b!.high === null ? 0 : divide(r!.low ?? 0, b!.high),
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
