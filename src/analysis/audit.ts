import type { ColumnTable } from 'arquero';
import { load, statedTotals } from '../data/load.js';
import type { TypedTable } from '../data/load.js';
import { datasetIds, type DatasetId } from '../data/generated/types.js';
import {
  InvalidOptionError,
  InvalidTableError,
  SharesNotAddedError,
  checkOptions,
  listNames,
  show,
} from '../errors.js';
import {
  columnsTable,
  groupBy,
  readColumns,
  unique,
  type Cell,
  type Columns,
  type Groups,
} from './columns.js';
import { SHARES_NOT_ADDED, sumParts, widen, type Figures, type IntervalSum } from './intervals.js';
import { wholeEnUS } from './digits.js';
import { optionError } from './options.js';
import { totalError, totalsList } from './structure.js';

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
    throw optionError(
      'audit',
      'dataset',
      dataset,
      `a bundled dataset, one of: ${datasetIds.join(', ')}`,
      datasetIds,
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
  // each column preallocated and filled in order, one row per stated total (no holes left)
  const result = new Map<string, unknown[]>(
    auditColumns.map((name) => [name, new Array<unknown>(stated.length)]),
  );
  const columns: ResultColumns = auditColumns.map((name) => result.get(name)!);
  for (let r = 0; r < stated.length; r++)
    check(stated[r]!, partsIn(stated[r]!.dataset ?? ''), columns, r);
  return columnsTable<AuditRow>(result, auditColumns);
}

/** The columns of audit's result, in order. */
const auditColumns = [
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
] as const satisfies readonly (keyof AuditRow)[];

/** The result's columns as arrays, in the order of {@link auditColumns}. */
type ResultColumns = unknown[][];

/** One stated total against the rows it covers, written as row `r` of the result's columns. */
function check(total: StatedTotal, index: Parts, columns: ResultColumns, r: number): void {
  const unit = total.unit ?? 'persons';
  const { rows, sum, shares } = sumOrShares(index, total);
  if (rows === 0) {
    const where =
      `source '${total.source}', measure ` +
      `${total.parts || total.measure}${total.scope ? `, scope ${total.scope}` : ''}`;
    throw new InvalidTableError(
      `audit: no row of the table matches the stated total ${total.value ?? `'${total.label}'`} ` +
        `(${where}${total.dataset ? ` of ${total.dataset}` : ''}); expected the rows that add up ` +
        'to it.',
    );
  }
  const statedLow = total.value === null ? null : (total.low ?? total.value);
  const statedHigh =
    total.value === null ? null : total.high === undefined ? total.value : total.high;
  const rounding = sum.rounding + (total.precision ?? 0) / 2;
  const { check, reason } = shares
    ? { check: 'undetermined' as const, reason: shares }
    : judge(total, statedLow, statedHigh, sum, rounding);
  reason.charCodeAt(0); // read once, V8 keeps it as one flat string, not a tree of its pieces
  // one row of the result (rows of the bundled totals read from a table hold every field)
  const cells = [
    total.id ?? null,
    total.dataset ?? null,
    total.source,
    total.scope ?? null,
    total.measure,
    total.parts ? total.parts : total.measure, // split by '|' and joined again
    unit,
    total.label ?? null,
    rows,
    sum.notReported,
    sum.value,
    sum.low,
    sum.high,
    total.value,
    statedLow,
    statedHigh,
    sum.value === null || total.value === null ? null : sum.value - total.value,
    rounding,
    check,
    check === 'undetermined' ? null : check === 'consistent',
    reason,
  ];
  for (let k = 0; k < cells.length; k++) columns[k]![r] = cells[k]; // in the order of auditColumns
}

/**
 * The parts of a stated total and their sum; where the parts are shares (unit `percent`), which
 * are never added (`sumParts` refuses them), no sum, and `shares` says why in the row's reason.
 */
function sumOrShares(index: Parts, total: StatedTotal): PartSum & { shares: string | null } {
  try {
    const { rows, sum } = index.sumOf(total);
    return { rows, sum, shares: null };
  } catch (error) {
    if (!(error instanceof SharesNotAddedError)) throw error;
    const none = sumParts({ value: [], low: [], high: [], label: [], precision: [] }, []);
    const shares = error.shares.join("', '");
    const reason = `not added: the parts '${shares}' are shares; ${SHARES_NOT_ADDED}`;
    return { rows: error.parts, sum: none, shares: reason };
  }
}

/** The rows a stated total covers, counted, and the sum of their figures. */
interface PartSum {
  rows: number;
  sum: IntervalSum;
}

/**
 * The rows of a table grouped by source, measure, unit and the values of some scope columns, and
 * the groups found by those values (a tree of dictionaries, one level per column), each group's
 * sum kept once it is used twice.
 */
interface ScopeIndex {
  groups: Groups;
  tree: Tree;
  /** Each group's sum once it is used twice; `null` after its first use. */
  sums: (PartSum | null | undefined)[];
}

/** Dictionaries, one level per column; at the last level, a group's number instead of a level. */
type Tree = Map<string, Tree>;

/** A scope parsed: its values, and the index of the groups by its columns. */
interface Scope {
  values: string[];
  index: ScopeIndex;
}

/**
 * The parts of stated totals in one table, found through indexes built once (so that auditing
 * many totals stays linear in rows): rows by the whole they are a part of, stated totals by the
 * larger total they are a part of, and rows by source, measure, unit and the values of a scope.
 */
class Parts {
  private readonly byWhole = new Map<string, number[]>();
  private readonly children = new Map<string, StatedTotal[]>();
  private readonly byScope = new Map<string, ScopeIndex>();
  private readonly scopes = new Map<string, Scope>();

  constructor(
    private readonly table: Columns,
    totals: readonly StatedTotal[],
  ) {
    const partOf = table.has('part_of') ? table.get('part_of') : [];
    for (let i = 0; i < partOf.length; i++)
      if (typeof partOf[i] === 'string') push(this.byWhole, partOf[i] as string, i);
    for (const t of totals)
      if (typeof t.part_of === 'string' && t.id !== t.part_of) push(this.children, t.part_of, t);
  }

  /** Whether a total's parts are named by the structure (`part_of`) rather than its scope. */
  private structured(total: StatedTotal): boolean {
    const id = total.id ?? null;
    if (id === null || !this.table.has('part_of')) return false;
    return (this.byWhole.get(id)?.length ?? 0) + (this.children.get(id)?.length ?? 0) > 0;
  }

  /** How many parts a stated total has, and their sum (see {@link Parts.of}). */
  sumOf(total: StatedTotal): PartSum {
    if (this.structured(total)) {
      const parts = this.of(total, new Set());
      return { rows: parts.value.length, sum: sumParts(parts, undefined, 'audit') };
    }
    if (!total.parts?.includes('|')) {
      // one measure (the common case, looked up without splitting the text)
      const scope = this.scope(total);
      const group = this.group(scope, total, total.parts || total.measure);
      if (group === -1) return { rows: 0, sum: sumParts(this.table, [], 'audit') };
      const { index } = scope;
      const kept = index.sums[group];
      if (kept) return kept;
      const rows = index.groups.rows(group);
      const found = { rows: rows.length, sum: sumParts(this.table, rows, 'audit') };
      // kept from a group's second use on: most are used once, and keeping every sum costs GC time
      index.sums[group] = kept === undefined ? null : found;
      return found;
    }
    const rows = this.scopedRows(total, total.parts.split('|'));
    return { rows: rows.length, sum: sumParts(this.table, rows, 'audit') };
  }

  /**
   * The parts of a stated total: the rows whose `part_of` names it and the smaller stated totals
   * that are its parts (each as its stated figure, or, where it states none, as the sum of its
   * own parts); or, for a total without structure, the rows its `scope` and `parts` select.
   */
  of(total: StatedTotal, seen: Set<string>): PartFigures {
    const { table } = this;
    if (this.structured(total)) {
      const id = total.id!;
      const children = this.children.get(id) ?? [];
      const direct = this.byWhole.get(id) ?? [];
      seen.add(id);
      const parts = select(table, direct);
      for (const c of children.filter((c) => !seen.has(c.id!))) {
        parts.label.push(c.label ?? c.id!);
        parts.unit.push(c.unit ?? 'persons');
        if (c.value !== null) {
          parts.value.push(c.value);
          parts.low.push(c.low ?? c.value);
          parts.high.push(c.high === undefined ? c.value : c.high);
          parts.precision.push(c.precision ?? null);
        } else {
          const inner = sumParts(this.of(c, seen), undefined, 'audit');
          parts.value.push(inner.value);
          parts.low.push(inner.low);
          parts.high.push(inner.high);
          parts.precision.push(inner.rounding * 2);
        }
      }
      // every one of them is declared a part of this whole
      return { ...parts, partOf: parts.value.map(() => id) };
    }
    const measures = total.parts ? total.parts.split('|') : [total.measure];
    return select(table, this.scopedRows(total, measures));
  }

  /** The rows of a total without structure: those its `scope` and measures select, in order. */
  private scopedRows(total: StatedTotal, measures: readonly string[]): ArrayLike<number> {
    const scope = this.scope(total);
    const rows = measures.flatMap((measure) => {
      const group = this.group(scope, total, measure);
      return group === -1 ? [] : Array.from(scope.index.groups.rows(group));
    });
    return measures.length > 1 ? unique(rows).sort((a, b) => a - b) : rows;
  }

  /**
   * The group of rows of a total's source, unit and scope (parsed), and one measure, in the index
   * of the scope's columns; -1 if no row has them.
   */
  private group(scope: Scope, total: StatedTotal, measure: string): number {
    let found = scope.index.tree
      .get(total.source)
      ?.get(measure)
      ?.get(total.unit ?? 'persons');
    for (const value of scope.values) found = found?.get(value);
    return (found as unknown as number | undefined) ?? -1; // a number at the last level
  }

  /** A total's scope as [column, value] pairs, each column checked (parsed once per text). */
  private scope(total: StatedTotal): Scope {
    const text = total.scope ?? '';
    let found = this.scopes.get(text);
    if (found) return found;
    const { table } = this;
    const pairs = (text ? text.split(';') : []).map((pair) => {
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
    const index = this.scoped(pairs.map(([column]) => column));
    found = { values: pairs.map(([, value]) => value), index };
    this.scopes.set(text, found);
    return found;
  }

  /**
   * The rows by source, measure, unit and their values in some columns (built once per list of
   * columns). A scope's values are text, so a group is found by its cells as text: a string as
   * it is, another cell as the string it is in JSON, if it is one there (a cell that is no string
   * in JSON, such as a number or null, matches no scope); where two groups read as the same text,
   * the later one is found.
   */
  private scoped(columns: readonly string[]): ScopeIndex {
    const name = JSON.stringify(columns);
    let index = this.byScope.get(name);
    if (!index) {
      const { table } = this;
      const cells = [table.source, table.measure, table.unit, ...columns.map((c) => table.get(c))];
      const groups = groupBy(table.n, cells);
      const tree: Tree = new Map();
      const texts: (string | undefined)[] = [];
      for (let g = 0; g < groups.size; g++) {
        const first = groups.first[g]!;
        for (let k = 0; k < cells.length; k++) texts[k] = asText(cells[k]![first]);
        if (texts.includes(undefined)) continue;
        let node = tree;
        for (let k = 0; k < cells.length - 1; k++) {
          let next = node.get(texts[k]!);
          if (!(next instanceof Map)) node.set(texts[k]!, (next = new Map<string, Tree>()));
          node = next;
        }
        node.set(texts[cells.length - 1]!, g as unknown as Tree); // a number at the last level
      }
      index = { groups, tree, sums: new Array<PartSum | null | undefined>(groups.size) };
      this.byScope.set(name, index);
    }
    return index;
  }
}

/** A cell as a scope's text matches it: a string, or the string a cell is in JSON; else none. */
function asText(cell: Cell | undefined): string | undefined {
  if (typeof cell === 'string') return cell;
  const json = JSON.stringify(cell ?? null) as string | undefined;
  return json?.startsWith('"') ? (JSON.parse(json) as string) : undefined;
}

/** The figures of the parts of a stated total, one array per column. */
interface PartFigures extends Figures {
  value: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  label: string[];
  precision: Cell[];
  unit: (string | null)[];
}

/** The figures of some rows of a table (to add more parts to). */
function select(table: Columns, rows: ArrayLike<number>): PartFigures {
  const pick = <T>(column: readonly T[]) => Array.from(rows, (i) => column[i] ?? null);
  return {
    value: pick(table.value),
    low: pick(table.low),
    high: pick(table.high),
    label: pick(table.label) as string[], // every label is a string (readColumns)
    precision: pick(table.precision),
    unit: pick(table.unit),
  };
}

/** Adds an item to the list under a key. */
function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** The number formatter for figures that are not whole counts, made on first use. */
let formatter: Intl.NumberFormat | undefined;

/**
 * A figure as a reader writes it, as `Intl.NumberFormat('en-US')` does: 597,323. A count is
 * written by {@link wholeEnUS}, many times faster; any other number goes to the formatter (made on
 * first use, since starting ICU costs 10–30 ms that an import should not pay).
 *
 * @example
 * figure(1027000); // => '1,027,000'
 * figure(0.5); // => '0.5' (by the formatter)
 */
export function figure(n: number): string {
  return wholeEnUS(n) ?? (formatter ??= new Intl.NumberFormat('en-US')).format(n);
}

/** A sum as a reader says it: 322,000; 186,000–195,000; at least 38,000. */
function span(sum: IntervalSum): string {
  if (sum.high === null) return `at least ${figure(sum.low!)}`;
  return sum.low === sum.high ? figure(sum.low) : `${figure(sum.low!)}–${figure(sum.high)}`;
}

/** The parts not reported, in words. */
const dashes = (n: number) =>
  n === 1 ? 'the part not reported (a dash)' : `the ${n} parts not reported (a dash)`;

/** The rounding allowed for, in words (nothing where there is none). */
const allowing = (rounding: number) =>
  rounding > 0 ? `, even allowing ±${figure(rounding)} for rounding` : '';

/** Consistent, inconsistent or undetermined, and why (see {@link AuditRow}). */
export function judge(
  total: StatedTotal,
  statedLow: number | null,
  statedHigh: number | null,
  sum: IntervalSum,
  rounding: number,
): { check: AuditCheck; reason: string } {
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
  // the parts' interval widened by the rounding of every figure (rounding is half of the units)
  const widened = widen(sum.low, sum.reportedHigh, 2 * rounding);
  const low = widened.low!;
  const high = widened.high ?? Infinity;
  if (statedHigh !== null && low > statedHigh)
    return {
      check: 'inconsistent',
      reason:
        `the parts come to ${span(sum)}, more than the stated ` +
        `${figure(statedHigh)}${allowing(rounding)}`,
    };
  if (high < statedLow) {
    if (sum.notReported > 0)
      return {
        check: 'undetermined',
        reason:
          `the parts reported come to ${figure(sum.reportedHigh!)}, ` +
          `${figure(statedLow - sum.reportedHigh!)} short of the stated ${figure(statedLow)}; ` +
          `${dashes(sum.notReported)} could hold the difference`,
      };
    return {
      check: 'inconsistent',
      reason:
        `the parts come to ${span(sum)}, less than the stated ` +
        `${figure(statedLow)}${allowing(rounding)}`,
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
  if (sum.notReported > 0)
    reason += `; ${dashes(sum.notReported)} must then hold little or nothing`;
  return { check: 'consistent', reason };
}

/** The fields of a stated total that hold text, or nothing. */
const textFields = ['scope', 'parts', 'unit', 'label', 'dataset', 'id', 'part_of'] as const;
/** The fields of a stated total that hold its bounds. */
const boundFields = ['low', 'high'] as const;

/** Checks a user's stated totals. */
export function readTotals(totals: unknown): StatedTotal[] {
  const list = totalsList(totals, 'audit', '{ source, scope, measure, parts, value, … }');
  return list.map((entry: unknown, i) => {
    const t = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const bad = (field: string, expected: string) => totalError('audit', t, i, field, expected);
    if (typeof t.source !== 'string') throw bad('source', 'a source id');
    if (typeof t.measure !== 'string') throw bad('measure', "a measure such as 'deaths'");
    if (t.value !== null && (typeof t.value !== 'number' || !Number.isFinite(t.value)))
      throw bad('value', 'the stated total, a number (or null for a whole stated only in parts)');
    for (const f of textFields)
      if (t[f] != null && typeof t[f] !== 'string') throw bad(f, 'a string, or nothing');
    if (t.precision != null && (typeof t.precision !== 'number' || !(t.precision > 0)))
      throw bad('precision', 'a rounding unit above 0, or nothing');
    for (const f of boundFields)
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
