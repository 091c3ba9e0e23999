// Reference for the columnar audit: the package's row-by-row code as it was before the columnar
// rewrite (issue 17), JSDoc removed. Row objects, one pass per question: slow, plainly right.
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
import type { IntervalSum } from './shared.js';
import { totalsList } from '../../src/analysis/structure.js';

export interface StatedTotal {
  id?: string | null;
  part_of?: string | null;
  precision?: number | null;
  dataset?: string | null;
  source: string;
  scope: string | null;
  measure: string;
  parts: string | null;
  unit?: string | null;
  value: number | null;
  low?: number | null;
  high?: number | null;
  label?: string | null;
}

export interface AuditOptions {
  dataset?: DatasetId;
  totals?: ColumnTable | readonly StatedTotal[];
}

export type AuditCheck = 'consistent' | 'inconsistent' | 'undetermined';

export interface AuditRow {
  id: string | null;
  dataset: string | null;
  source: string;
  scope: string | null;
  measure: string;
  part_measures: string;
  unit: string;
  label: string | null;
  rows: number;
  not_reported: number;
  parts: number | null;
  parts_low: number | null;
  parts_high: number | null;
  stated: number | null;
  stated_low: number | null;
  stated_high: number | null;
  difference: number | null;
  rounding: number;
  check: AuditCheck;
  consistent: boolean | null;
  reason: string;
}

export function audit(table?: ColumnTable, options?: AuditOptions): TypedTable<AuditRow> {
  const { dataset, totals } = checkOptions(options, 'audit');
  if (dataset !== undefined && !datasetIds.includes(dataset)) {
    throw new InvalidOptionError(
      `audit: option dataset is ${show(dataset)}, which is not a bundled dataset.${suggest(dataset, datasetIds)} Expected one of: ${datasetIds.join(', ')}.`,
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

const figure = (n: number) => n.toLocaleString('en-US');

function span(sum: IntervalSum): string {
  if (sum.high === null) return `at least ${figure(sum.low!)}`;
  return sum.low === sum.high ? figure(sum.low) : `${figure(sum.low!)}–${figure(sum.high)}`;
}

function judge(
  total: StatedTotal,
  statedLow: number | null,
  statedHigh: number | null,
  sum: IntervalSum,
  rounding: number,
): { check: AuditCheck; reason: string } {
  const dashes =
    sum.notReported === 1
      ? 'the part not reported (a dash)'
      : `the ${sum.notReported} parts not reported (a dash)`;
  const allowing = rounding > 0 ? `, even allowing ±${figure(rounding)} for rounding` : '';
  if (total.value === null || statedLow === null)
    return {
      check: 'undetermined',
      reason:
        sum.value === null
          ? 'the source states no total, and no part is reported'
          : `the source states no total; its parts come to ${span(sum)}`,
    };
  if (sum.low === null)
    return { check: 'undetermined', reason: 'no part is reported, so there is nothing to add' };
  const low = sum.low - rounding;
  const high = sum.reportedHigh === null ? Infinity : sum.reportedHigh + rounding;
  if (statedHigh !== null && low > statedHigh)
    return {
      check: 'inconsistent',
      reason: `the parts come to ${span(sum)}, more than the stated ${figure(statedHigh)}${allowing}`,
    };
  if (high < statedLow) {
    if (sum.notReported > 0)
      return {
        check: 'undetermined',
        reason: `the parts reported come to ${figure(sum.reportedHigh!)}, ${figure(statedLow - sum.reportedHigh!)} short of the stated ${figure(statedLow)}; ${dashes} could hold the difference`,
      };
    return {
      check: 'inconsistent',
      reason: `the parts come to ${span(sum)}, less than the stated ${figure(statedLow)}${allowing}`,
    };
  }
  const exactly =
    sum.value === total.value && sum.reportedHigh === sum.low && statedLow === statedHigh;
  let reason = exactly
    ? 'the parts add up to the stated total'
    : sum.reportedHigh === null
      ? 'the parts are lower bounds, and the stated total is not below their sum'
      : sum.low <= statedHigh! && sum.reportedHigh >= statedLow
        ? "the stated total lies within the parts' interval"
        : `the difference is within rounding (±${figure(rounding)})`;
  if (sum.notReported > 0) reason += `; ${dashes} must then hold little or nothing`;
  return { check: 'consistent', reason };
}

function readTotals(totals: unknown): StatedTotal[] {
  const list = totalsList(totals, 'audit', '{ source, scope, measure, parts, value, … }');
  return list.map((entry: unknown, i) => {
    const t = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const bad = (field: string, expected: string) =>
      new InvalidOptionError(
        `audit: stated total ${i + 1}, field '${field}': ${show(t[field])}; expected ${expected}.`,
      );
    if (typeof t.source !== 'string') throw bad('source', 'a source id');
    if (typeof t.measure !== 'string') throw bad('measure', "a measure such as 'deaths'");
    if (t.value !== null && (typeof t.value !== 'number' || !Number.isFinite(t.value)))
      throw bad('value', 'the stated total, a number (or null for a whole stated only in parts)');
    for (const f of ['scope', 'parts', 'unit', 'label', 'dataset', 'id', 'part_of'])
      if (t[f] != null && typeof t[f] !== 'string') throw bad(f, 'a string, or nothing');
    if (t.precision != null && (typeof t.precision !== 'number' || !(t.precision > 0)))
      throw bad('precision', 'a rounding unit above 0, or nothing');
    for (const f of ['low', 'high'])
      if (t[f] != null && (typeof t[f] !== 'number' || !Number.isFinite(t[f])))
        throw bad(f, 'a number, or nothing');
    if (typeof t.low === 'number' && typeof t.value === 'number' && t.low > t.value)
      throw bad('low', `a number ≤ the value ${t.value}`);
    if (typeof t.high === 'number' && typeof t.value === 'number' && t.high < t.value)
      throw bad('high', `a number ≥ the value ${t.value}, or null for a lower bound`);
    return {
      id: (t.id as string | null | undefined) ?? null,
      part_of: (t.part_of as string | null | undefined) ?? null,
      precision: t.precision ?? null,
      dataset: (t.dataset as string | null | undefined) ?? null,
      source: t.source,
      scope: (t.scope as string | null | undefined) ?? null,
      measure: t.measure,
      parts: (t.parts as string | null | undefined) ?? null,
      unit: (t.unit as string | null | undefined) ?? null,
      value: t.value,
      low: (t.low as number | null | undefined) ?? t.value,
      high: t.high === undefined ? t.value : (t.high as number | null),
      label: (t.label as string | null | undefined) ?? null,
    };
  });
}
