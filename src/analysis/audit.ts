import type { ColumnTable } from 'arquero';
import { load, statedTotals } from '../data/load.js';
import type { TypedTable } from '../data/load.js';
import { datasetIds, type DatasetId } from '../data/generated/types.js';
import { InvalidOptionError, InvalidTableError, checkOptions, listNames, show } from '../errors.js';
import { groupBy, readColumns, type Cell, type Columns } from './columns.js';
import { suggest, sumParts, toTable, unique, type Figures } from './shared.js';
import type { IntervalSum } from './shared.js';
import { totalsList } from './structure.js';

/** A stated total: what a source says one of its tables adds up to (a row of `statedTotals()`). */
export interface StatedTotal {
  /** The total's id: rows whose `part_of` names it are its parts. */
  id?: string | null;
  /** The id of a larger stated total this one is a part of. */
  part_of?: string | null;
  /** The unit the source rounded the total to (e.g. 1000). */
  precision?: number | null;
  /** The dataset the total belongs to; `null` for a user's own table. */
  dataset?: string | null;
  source: string;
  /**
   * Which rows the total covers: `key=value` pairs joined by ';'; empty for all rows of the source.
   */
  scope: string | null;
  measure: string;
  /** The measures of the rows that add up to it, joined by '|'; empty for `measure` itself. */
  parts: string | null;
  /** @default 'persons' */
  unit?: string | null;
  /** The stated figure; `null` for a whole the source gives in parts without stating its total. */
  value: number | null;
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

/** The answer of {@link audit} for one stated total. */
export type AuditCheck = 'consistent' | 'inconsistent' | 'undetermined';

/** A row of the result of {@link audit}: one stated total against the sum of its parts. */
export interface AuditRow {
  /** The stated total's id, where it has one. */
  id: string | null;
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
  /**
   * How many parts the total covers, reported or not:
   * rows, and smaller stated totals that are its parts.
   */
  rows: number;
  /** How many of them are not reported (a dash): left out of the sum, not taken as 0. */
  not_reported: number;
  /** The sum of the reported parts' values; `null` if none is reported. */
  parts: number | null;
  parts_low: number | null;
  /** `null` where a part is `at-least` (the sum is unbounded above). */
  parts_high: number | null;
  /** The stated total; `null` where the source states none (the parts are then all there is). */
  stated: number | null;
  stated_low: number | null;
  /** `null` where the stated total is itself a lower bound. */
  stated_high: number | null;
  /** `parts − stated`; negative where the parts fall short of the total. */
  difference: number | null;
  /**
   * How far rounding can move the difference:
   * half the rounding unit (`precision`) of every figure, added up.
   */
  rounding: number;
  /**
   * `consistent` where the parts' interval, widened by rounding, meets the stated total's;
   * `inconsistent` where it cannot, whatever the parts not reported hold; `undetermined` where the
   * parts not reported (a dash) could close the gap, or the source states no total.
   */
  check: AuditCheck;
  /** `check` as a boolean: `null` where undetermined. */
  consistent: boolean | null;
  /** Why, in one sentence. */
  reason: string;
}

/**
 * Checks published tables against the totals their sources state (`stated-totals.csv`): for each
 * stated total, the sum of its parts against the total. Its parts are the rows whose `part_of`
 * names it and the smaller stated totals that are its parts; for a total without structure (a
 * user's, with no `id`), the rows it covers by `source`, `scope`, `parts` and unit.
 *
 * The answer (`check`) is one of three, with a `reason`:
 * - `consistent`: the parts' interval [`parts_low`, `parts_high`] meets the total's, each
 *   widened by half the rounding unit (`precision`) of every figure (`rounding`), so a rounding
 *   residue is not an error; parts that are lower bounds are consistent with any total at or above
 *   their sum.
 * - `inconsistent`: they cannot meet, whatever the parts not reported hold.
 * - `undetermined`: the reported parts fall short, but a part is not reported (a dash: unknown,
 *   never 0) and could hold the difference; or the source states no total (a whole given only in
 *   parts, `stated` null), where the parts' sum is all there is.
 * A table that does not add up is a finding, with both numbers: published figures never change.
 *
 * On the bundled data two tables do not add up: the 1964 list by location (597,333 against
 * 597,323) and Žerjavić by republic (1,017,000 against 1,027,000, more than rounding to the
 * thousand explains); the 1964 list by nationality (596,293 against 597,323) is undetermined,
 * since its four dashes could hold the 1,030.
 *
 * @param table The table to audit; leave it out to audit every bundled dataset that has a
 *   stated total.
 * @param options See {@link AuditOptions}; with a table, give `dataset` (its bundled totals)
 *   or `totals`.
 * @returns A new table with columns `id`, `dataset`, `source`, `scope`, `measure`,
 *   `part_measures`, `unit`, `label`, `rows`, `not_reported`, `parts`, `parts_low`, `parts_high`,
 *   `stated`, `stated_low`, `stated_high`, `difference`, `rounding`, `check`, `consistent`
 *   (`null` where undetermined), `reason`; one row per stated total, in order.
 * @throws {InvalidOptionError} If a table is given without `dataset` or `totals`, or `dataset`
 *   has no stated total, or a stated total is malformed.
 * @throws {InvalidTableError} If no row of the table matches a stated total, or its scope names a
 *   column the table lacks.
 * @example
 * audit()
 *   .filter((d) => d.check === 'inconsistent')
 *   .select('id', 'parts', 'stated', 'difference')
 *   .objects();
 * // => [{ id: 'by-location-1964-deaths', parts: 597333, stated: 597323, difference: 10 },
 * //     { id: 'by-republic-zerjavic', parts: 1017000, stated: 1027000, difference: -10000 }]
 * audit().filter((d) => d.id === 'by-nationality-yu-1964').get('reason', 0);
 * // => 'the parts reported come to 596,293, 1,030 short of the stated 597,323; ' +
 * //    'the 4 parts not reported (a dash) could hold the difference'
 */
export function audit(table?: ColumnTable, options?: AuditOptions): TypedTable<AuditRow> {
  const { dataset, totals } = checkOptions(options, 'audit');
  if (dataset !== undefined && !datasetIds.includes(dataset)) {
    throw new InvalidOptionError(
      `audit: option dataset is ${show(dataset)}, which is not a bundled ` +
        `dataset.${suggest(dataset, datasetIds)} Expected one of: ${datasetIds.join(', ')}.`,
    );
  }
  if (dataset !== undefined && totals !== undefined) {
    throw new InvalidOptionError(
      'audit: both options dataset and totals were given; expected one: dataset for its bundled ' +
        'stated totals, or totals of your own.',
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
          `audit: the dataset '${dataset}' has no stated total; datasets with one: ` +
            `${audited.join(', ')}.`,
        );
      }
    } else if (table !== undefined) {
      throw new InvalidOptionError(
        'audit: a table was given without the option dataset or totals; expected { dataset } ' +
          `(one of: ${audited.join(', ')}) to check it against that dataset's stated totals, or ` +
          '{ totals } of your own.',
      );
    }
  }
  const given = table === undefined ? undefined : new Parts(readColumns(table, 'audit'), stated);
  const loaded = new Map<string, Parts>();
  const partsIn = (id: string) => {
    if (given) return given;
    let parts = loaded.get(id);
    if (!parts)
      loaded.set(id, (parts = new Parts(readColumns(load(id as DatasetId), 'audit'), stated)));
    return parts;
  };
  return toTable(
    stated.map((total) => check(total, partsIn(total.dataset ?? ''))),
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

/** One stated total against the rows it covers. */
function check(total: StatedTotal, index: Parts): AuditRow {
  const unit = total.unit ?? 'persons';
  const measures = total.parts ? total.parts.split('|') : [total.measure];
  const parts = index.of(total, new Set());
  const where =
    `source '${total.source}', measure ` +
    `${measures.join('|')}${total.scope ? `, scope ${total.scope}` : ''}`;
  if (parts.value.length === 0)
    throw new InvalidTableError(
      `audit: no row of the table matches the stated total ${total.value ?? `'${total.label}'`} ` +
        `(${where}${total.dataset ? ` of ${total.dataset}` : ''}); expected the rows that add up ` +
        'to it.',
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
    rows: parts.value.length,
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

/**
 * The parts of stated totals in one table, found through indexes built once (so that auditing
 * many totals stays linear in rows): rows by the whole they are a part of, stated totals by the
 * larger total they are a part of, and rows by source, measure, unit and the values of a scope.
 */
class Parts {
  private readonly byWhole = new Map<string, number[]>();
  private readonly children = new Map<string, StatedTotal[]>();
  private readonly byScope = new Map<string, Map<string, ArrayLike<number>>>();

  constructor(
    private readonly table: Columns,
    totals: readonly StatedTotal[],
  ) {
    const partOf = table.get('part_of');
    for (let i = 0; i < table.n; i++)
      if (typeof partOf[i] === 'string') push(this.byWhole, partOf[i] as string, i);
    for (const t of totals)
      if (typeof t.part_of === 'string' && t.id !== t.part_of) push(this.children, t.part_of, t);
  }

  /**
   * The parts of a stated total: the rows whose `part_of` names it and the smaller stated totals
   * that are its parts (each as its stated figure, or, where it states none, as the sum of its
   * own parts); or, for a total without structure, the rows its `scope` and `parts` select.
   */
  of(total: StatedTotal, seen: Set<string>): PartFigures {
    const { table } = this;
    const unit = total.unit ?? 'persons';
    const id = total.id ?? null;
    const children = id === null ? [] : (this.children.get(id) ?? []);
    const direct = id === null ? [] : (this.byWhole.get(id) ?? []);
    if (id !== null && table.has('part_of') && direct.length + children.length > 0) {
      seen.add(id);
      const parts = select(table, direct);
      for (const c of children.filter((c) => !seen.has(c.id!))) {
        parts.label.push(c.label ?? c.id!);
        if (c.value !== null) {
          parts.value.push(c.value);
          parts.low.push(c.low ?? c.value);
          parts.high.push(c.high === undefined ? c.value : c.high);
          parts.precision.push(c.precision ?? null);
        } else {
          const inner = sumParts(this.of(c, seen));
          parts.value.push(inner.value);
          parts.low.push(inner.low);
          parts.high.push(inner.high);
          parts.precision.push(inner.rounding * 2);
        }
      }
      return parts;
    }
    const measures = total.parts ? total.parts.split('|') : [total.measure];
    const scope = (total.scope ? total.scope.split(';') : []).map((pair) => {
      const [column, value] = pair.split('=');
      if (!column || value === undefined || !table.has(column)) {
        throw new InvalidTableError(
          `audit: the stated total '${total.label ?? total.value}' has scope ` +
            `${show(total.scope)}, but ${show(pair)} names no column of the table (it has ` +
            `${listNames(table.names)}); expected key=value pairs joined by ';'.`,
        );
      }
      return [column, value] as const;
    });
    const columns = scope.map(([column]) => column);
    const rows = measures.flatMap((measure) =>
      Array.from(
        this.scoped(columns).get(
          key([total.source, measure, unit, ...scope.map(([, value]) => value)]),
        ) ?? [],
      ),
    );
    return select(table, measures.length > 1 ? unique(rows).sort((a, b) => a - b) : rows);
  }

  /**
   * The rows by source, measure, unit and their values
   * in some columns (built once per list of columns).
   */
  private scoped(columns: readonly string[]): Map<string, ArrayLike<number>> {
    const name = key(columns);
    let index = this.byScope.get(name);
    if (!index) {
      const { table } = this;
      const cells = [table.source, table.measure, table.unit, ...columns.map((c) => table.get(c))];
      const groups = groupBy(table.n, cells);
      index = new Map();
      for (let g = 0; g < groups.size; g++)
        index.set(key(cells.map((c) => c[groups.first[g]!]!)), groups.rows(g));
      this.byScope.set(name, index);
    }
    return index;
  }
}

/** The figures of the parts of a stated total, one array per column. */
interface PartFigures extends Figures {
  value: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  label: string[];
  precision: Cell[];
}

/** The figures of some rows of a table (to add more parts to). */
function select(table: Columns, rows: ArrayLike<number>): PartFigures {
  return {
    value: Array.from(rows, (i) => table.value[i] ?? null),
    low: Array.from(rows, (i) => table.low[i] ?? null),
    high: Array.from(rows, (i) => table.high[i] ?? null),
    label: Array.from(rows, (i) => table.label[i]!),
    precision: Array.from(rows, (i) => table.precision[i] ?? null),
  };
}

/** A list of cells as one string key. */
const key = (cells: readonly Cell[]) => JSON.stringify(cells);

/** Adds an item to the list under a key. */
function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/**
 * A figure as a reader writes it: 597,323 (one formatter, made on first use, since starting
 * ICU costs 10–30 ms that an import should not pay; `toLocaleString` makes one per call).
 */
let formatter: Intl.NumberFormat | undefined;
const figure = (n: number) => (formatter ??= new Intl.NumberFormat('en-US')).format(n);

/** A sum as a reader says it: 322,000; 186,000–195,000; at least 38,000. */
function span(sum: IntervalSum): string {
  if (sum.high === null) return `at least ${figure(sum.low!)}`;
  return sum.low === sum.high ? figure(sum.low) : `${figure(sum.low!)}–${figure(sum.high)}`;
}

/** Consistent, inconsistent or undetermined, and why (see {@link AuditRow}). */
export function judge(
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
      reason:
        `the parts come to ${span(sum)}, more than the stated ` +
        `${figure(statedHigh)}${allowing}`,
    };
  if (high < statedLow) {
    if (sum.notReported > 0)
      return {
        check: 'undetermined',
        reason:
          `the parts reported come to ${figure(sum.reportedHigh!)}, ` +
          `${figure(statedLow - sum.reportedHigh!)} short of the stated ${figure(statedLow)}; ` +
          `${dashes} could hold the difference`,
      };
    return {
      check: 'inconsistent',
      reason:
        `the parts come to ${span(sum)}, less than the stated ` + `${figure(statedLow)}${allowing}`,
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

/** Checks a user's stated totals. */
export function readTotals(totals: unknown): StatedTotal[] {
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
