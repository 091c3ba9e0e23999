// Reference for the columnar `audit` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
import {
  judge,
  readTotals,
  type AuditOptions,
  type AuditRow,
  type StatedTotal,
} from '../../src/analysis/audit.js';
import type { ColumnTable } from 'arquero';
import { load, statedTotals } from '../../src/data/load.js';
import type { TypedTable } from '../../src/data/load.js';
import { datasetIds, type DatasetId } from '../../src/data/generated/types.js';
import {
  InvalidOptionError,
  InvalidTableError,
  checkOptions,
  listNames,
  show,
} from '../../src/errors.js';
import { readTable, suggest, sumParts, toTable, unique, type CasualtyRow } from './shared.js';
import type {} from './shared.js';
import {} from '../../src/analysis/structure.js';

export function audit(table?: ColumnTable, options?: AuditOptions): TypedTable<AuditRow> {
  const { dataset, totals } = checkOptions(options, 'audit');
  if (dataset !== undefined && !datasetIds.includes(dataset)) {
    throw new InvalidOptionError(
      `audit: option dataset is ${show(dataset)}; expected a bundled dataset, one of: ${datasetIds.join(', ')}.${suggest(dataset, datasetIds)}`,
    );
  }
  if (dataset !== undefined && totals !== undefined) {
    throw new InvalidOptionError(
      `audit: both options dataset and totals were given; expected one: dataset for its bundled stated totals, or totals of your own.`,
    );
  }
  let stated: StatedTotal[];
  if (totals !== undefined) stated = readTotals(totals);
  else {
    stated = statedTotals().objects();
    const audited = unique(stated.map((s) => s.dataset as string));
    if (dataset !== undefined) {
      stated = stated.filter((s) => s.dataset === dataset);
      if (stated.length === 0) {
        throw new InvalidOptionError(
          `audit: the dataset '${dataset}' has no stated total; datasets with one: ${audited.join(', ')}.`,
        );
      }
    } else if (table !== undefined) {
      throw new InvalidOptionError(
        `audit: a table was given without the option dataset or totals; expected { dataset } (one of: ${audited.join(', ')}) to check it against that dataset's stated totals, or { totals } of your own.`,
      );
    }
  }
  const given = table === undefined ? undefined : readTable(table, 'audit');
  const loaded = new Map<string, ReturnType<typeof readTable>>();
  const rowsOf = (id: string) => {
    if (given) return given;
    if (!loaded.has(id)) loaded.set(id, readTable(load(id as DatasetId), 'audit'));
    return loaded.get(id)!;
  };
  return toTable(
    stated.map((total) =>
      check(total, rowsOf(total.dataset ?? '').rows, rowsOf(total.dataset ?? '').columns, stated),
    ),
    [
      'id',
      'dataset',
      'source',
      'scope',
      'measure',
      'part_measures',
      'unit',
      'label',
      'rows',
      'not_reported',
      'parts',
      'parts_low',
      'parts_high',
      'stated',
      'stated_low',
      'stated_high',
      'difference',
      'rounding',
      'check',
      'consistent',
      'reason',
    ],
  );
}

function check(
  total: StatedTotal,
  rows: readonly CasualtyRow[],
  columns: readonly string[],
  all: readonly StatedTotal[],
): AuditRow {
  const unit = total.unit ?? 'persons';
  const measures = total.parts ? total.parts.split('|') : [total.measure];
  const parts = partsOf(total, rows, columns, all, new Set());
  const where = `source '${total.source}', measure ${measures.join('|')}${total.scope ? `, scope ${total.scope}` : ''}`;
  if (parts.length === 0)
    throw new InvalidTableError(
      `audit: no row of the table matches the stated total ${total.value ?? `'${total.label}'`} (${where}${total.dataset ? ` of ${total.dataset}` : ''}); expected the rows that add up to it.`,
    );
  const sum = sumParts(parts);
  const statedLow = total.value === null ? null : (total.low ?? total.value);
  const statedHigh =
    total.value === null ? null : total.high === undefined ? total.value : total.high;
  const rounding = sum.rounding + (total.precision ?? 0) / 2;
  const { check, reason } = judge(total, statedLow, statedHigh, sum, rounding);
  return {
    id: total.id ?? null,
    dataset: total.dataset ?? null,
    source: total.source,
    scope: total.scope ?? null,
    measure: total.measure,
    part_measures: measures.join('|'),
    unit,
    label: total.label ?? null,
    rows: parts.length,
    not_reported: sum.notReported,
    parts: sum.value,
    parts_low: sum.low,
    parts_high: sum.high,
    stated: total.value,
    stated_low: statedLow,
    stated_high: statedHigh,
    difference: sum.value === null || total.value === null ? null : sum.value - total.value,
    rounding,
    check,
    consistent: check === 'undetermined' ? null : check === 'consistent',
    reason,
  };
}

function partsOf(
  total: StatedTotal,
  rows: readonly CasualtyRow[],
  columns: readonly string[],
  all: readonly StatedTotal[],
  seen: Set<string>,
): CasualtyRow[] {
  const unit = total.unit ?? 'persons';
  const id = total.id ?? null;
  const children = id === null ? [] : all.filter((t) => t.part_of === id && t.id !== id);
  const direct = id === null ? [] : rows.filter((r) => r.part_of === id);
  if (id !== null && columns.includes('part_of') && direct.length + children.length > 0) {
    seen.add(id);
    const sub = children
      .filter((c) => !seen.has(c.id!))
      .map((c): CasualtyRow => {
        if (c.value !== null)
          return {
            source: c.source,
            measure: c.measure,
            unit: c.unit ?? unit,
            value: c.value,
            low: c.low ?? c.value,
            high: c.high === undefined ? c.value : c.high,
            qualifier: 'exact',
            label: c.label ?? c.id!,
            note: null,
            precision: c.precision ?? null,
          };
        const inner = sumParts(partsOf(c, rows, columns, all, seen));
        return {
          source: c.source,
          measure: c.measure,
          unit: c.unit ?? unit,
          value: inner.value,
          low: inner.low,
          high: inner.high,
          qualifier: inner.qualifier,
          label: c.label ?? c.id!,
          note: null,
          precision: inner.rounding * 2,
        };
      });
    return [...direct, ...sub];
  }
  const measures = total.parts ? total.parts.split('|') : [total.measure];
  const scope = (total.scope ? total.scope.split(';') : []).map((pair) => {
    const [column, value] = pair.split('=');
    if (!column || value === undefined || !columns.includes(column)) {
      throw new InvalidTableError(
        `audit: the stated total '${total.label ?? total.value}' has scope ${show(total.scope)}, but ${show(pair)} names no column of the table (it has ${listNames(columns)}); expected key=value pairs joined by ';'.`,
      );
    }
    return [column, value] as const;
  });
  return rows.filter(
    (r) =>
      r.source === total.source &&
      measures.includes(r.measure) &&
      r.unit === unit &&
      scope.every(([column, value]) => r[column] === value),
  );
}
