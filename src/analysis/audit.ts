import type { ColumnTable } from 'arquero';
import { load, statedTotals } from '../data/load.js';
import type { TypedTable } from '../data/load.js';
import { datasetIds, type DatasetId } from '../data/generated/types.js';
import { InvalidOptionError, InvalidTableError, checkOptions, listNames, show } from '../errors.js';
import { readTable, suggest, sumParts, toTable, unique, type CasualtyRow } from './shared.js';

/** A stated total: what a source says one of its tables adds up to (a row of `statedTotals()`). */
export interface StatedTotal {
  /** The dataset the total belongs to; `null` for a user's own table. */
  dataset?: string | null;
  source: string;
  /** Which rows the total covers: `key=value` pairs joined by ';'; empty for all rows of the source. */
  scope: string | null;
  measure: string;
  /** The measures of the rows that add up to it, joined by '|'; empty for `measure` itself. */
  parts: string | null;
  /** @default 'persons' */
  unit?: string | null;
  value: number;
  /** @default value */
  low?: number | null;
  /** `null` for a total that is a lower bound. @default value */
  high?: number | null;
  label?: string | null;
}

/** Options of {@link audit}. */
export interface AuditOptions {
  /** The bundled dataset whose stated totals to check the table against. */
  dataset?: DatasetId;
  /** Stated totals of your own, to check the table against (instead of the bundled ones). */
  totals?: ColumnTable | readonly StatedTotal[];
}

/** A row of the result of {@link audit}: one stated total against the sum of its parts. */
export interface AuditRow {
  dataset: string | null;
  source: string;
  /** Which rows the total covers (as in stated-totals.csv); `null` for every row of the source. */
  scope: string | null;
  measure: string;
  /** The measures added up, joined by '|'. */
  part_measures: string;
  unit: string;
  /** The total in the words of the source. */
  label: string | null;
  /** How many rows the total covers, reported or not. */
  rows: number;
  /** How many of them are not reported (a dash): left out of the sum, not taken as 0. */
  not_reported: number;
  /** The sum of the reported parts' values; `null` if none is reported. */
  parts: number | null;
  parts_low: number | null;
  /** `null` where a part is `at-least` (the sum is unbounded above). */
  parts_high: number | null;
  /** The stated total. */
  stated: number;
  stated_low: number;
  /** `null` where the stated total is itself a lower bound. */
  stated_high: number | null;
  /** `parts − stated`; negative where the parts fall short of the total. */
  difference: number | null;
  /** Whether the interval of the parts meets the interval of the stated total. */
  consistent: boolean;
}

/**
 * Checks published tables against the totals their sources state (`stated-totals.csv`): for each
 * stated total, the sum of the rows it covers (same source, the rows of `scope`, the measures of
 * `parts`, same unit) against the total. The check is interval-aware: the parts add up to
 * [`parts_low`, `parts_high`] (high unbounded if a part is `at-least`), the total allows
 * [`stated_low`, `stated_high`], and the two are `consistent` if these intervals meet. So parts
 * that are lower bounds are consistent with any total at or above their sum, and exact parts only
 * with their exact sum. A part that is not reported (a dash) is left out of the sum, as the
 * source's own total leaves it out, and is counted in `not_reported`. A table that does not add up
 * is a finding, with both numbers: the published figures are never changed.
 *
 * On the bundled data three tables do not add up: the 1964 list by nationality (596,293 against
 * 597,323), the 1964 list by location (597,333 against 597,323) and Žerjavić by republic (1,017,000
 * against 1,027,000).
 *
 * @param table The table to audit; leave it out to audit every bundled dataset that has a stated total.
 * @param options See {@link AuditOptions}; with a table, give `dataset` (its bundled totals) or `totals`.
 * @returns A new table with columns `dataset`, `source`, `scope`, `measure`, `part_measures`,
 *   `unit`, `label`, `rows`, `not_reported`, `parts`, `parts_low`, `parts_high`, `stated`,
 *   `stated_low`, `stated_high`, `difference`, `consistent`; one row per stated total, in order.
 * @throws {InvalidOptionError} If a table is given without `dataset` or `totals`, or `dataset`
 *   has no stated total, or a stated total is malformed.
 * @throws {InvalidTableError} If no row of the table matches a stated total, or its scope names a
 *   column the table lacks.
 * @example
 * audit().filter((d) => !d.consistent).select('dataset', 'source', 'parts', 'stated', 'difference').objects();
 * // => [{ dataset: 'by-nationality', source: 'yu-1964', parts: 596293, stated: 597323, difference: -1030 },
 * //     { dataset: 'by-location-1964', source: 'yu-1964', parts: 597333, stated: 597323, difference: 10 },
 * //     { dataset: 'by-republic-zerjavic', source: 'zerjavic', parts: 1017000, stated: 1027000, difference: -10000 }]
 */
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
      check(total, rowsOf(total.dataset ?? '').rows, rowsOf(total.dataset ?? '').columns),
    ),
    [
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
      'consistent',
    ],
  );
}

/** One stated total against the rows it covers. */
function check(
  total: StatedTotal,
  rows: readonly CasualtyRow[],
  columns: readonly string[],
): AuditRow {
  const unit = total.unit ?? 'persons';
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
  const covered = rows.filter(
    (r) =>
      r.source === total.source &&
      measures.includes(r.measure) &&
      r.unit === unit &&
      scope.every(([column, value]) => r[column] === value),
  );
  const where = `source '${total.source}', measure ${measures.join('|')}${total.scope ? `, scope ${total.scope}` : ''}`;
  if (covered.length === 0)
    throw new InvalidTableError(
      `audit: no row of the table matches the stated total ${total.value} (${where}${total.dataset ? ` of ${total.dataset}` : ''}); expected the rows that add up to it.`,
    );

  const sum = sumParts(covered);
  const statedLow = total.low ?? total.value;
  const statedHigh = total.high === undefined ? total.value : total.high;
  const consistent =
    sum.low !== null && sum.low <= (statedHigh ?? Infinity) && (sum.high ?? Infinity) >= statedLow;
  return {
    dataset: total.dataset ?? null,
    source: total.source,
    scope: total.scope ?? null,
    measure: total.measure,
    part_measures: measures.join('|'),
    unit,
    label: total.label ?? null,
    rows: covered.length,
    not_reported: sum.notReported,
    parts: sum.value,
    parts_low: sum.low,
    parts_high: sum.high,
    stated: total.value,
    stated_low: statedLow,
    stated_high: statedHigh,
    difference: sum.value === null ? null : sum.value - total.value,
    consistent,
  };
}

/** Checks a user's stated totals. */
function readTotals(totals: unknown): StatedTotal[] {
  const list: unknown = Array.isArray(totals)
    ? totals
    : typeof totals === 'object' &&
        totals !== null &&
        typeof (totals as ColumnTable).objects === 'function'
      ? (totals as ColumnTable).objects()
      : undefined;
  if (!Array.isArray(list))
    throw new InvalidOptionError(
      `audit: option totals is ${show(totals)}; expected a table or an array of stated totals ({ source, scope, measure, parts, value, … }).`,
    );
  // Array.from: a hole in a sparse array is an entry (undefined, so an error), not skipped by map and left a hole.
  return Array.from(list).map((entry: unknown, i) => {
    const t = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const bad = (field: string, expected: string) =>
      new InvalidOptionError(
        `audit: stated total ${i + 1}, field '${field}': ${show(t[field])}; expected ${expected}.`,
      );
    if (typeof t.source !== 'string') throw bad('source', 'a source id');
    if (typeof t.measure !== 'string') throw bad('measure', "a measure such as 'deaths'");
    if (typeof t.value !== 'number' || !Number.isFinite(t.value))
      throw bad('value', 'the stated total, a number');
    for (const f of ['scope', 'parts', 'unit', 'label', 'dataset'])
      if (t[f] != null && typeof t[f] !== 'string') throw bad(f, 'a string, or nothing');
    for (const f of ['low', 'high'])
      if (t[f] != null && (typeof t[f] !== 'number' || !Number.isFinite(t[f])))
        throw bad(f, 'a number, or nothing');
    if (typeof t.low === 'number' && t.low > t.value)
      throw bad('low', `a number ≤ the value ${t.value}`);
    if (typeof t.high === 'number' && t.high < t.value)
      throw bad('high', `a number ≥ the value ${t.value}, or null for a lower bound`);
    return {
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
