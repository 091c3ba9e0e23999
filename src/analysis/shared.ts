// Helpers shared by the analysis functions: reading a table in the shape of the data contract,
// checking options, and adding figures with their intervals. Nothing here is exported from the
// package entry except the types `Qualifier` and `CasualtyRow`.
import { table as columnTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import { sum } from 'simple-statistics';
import type { TypedTable } from '../data/load.js';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  listNames,
  show,
} from '../errors.js';

/** How certain a figure is (see the data contract). */
export type Qualifier = 'exact' | 'approximate' | 'at-least' | 'range' | 'not-reported' | 'derived';

/** Every qualifier, in the order of the data contract. */
export const qualifiers: readonly Qualifier[] = [
  'exact',
  'approximate',
  'at-least',
  'range',
  'not-reported',
  'derived',
];

/**
 * A row in the shape of the data contract: the nine columns every dataset has, and dimension
 * columns (`nationality`, `region`, …) holding kebab-case keys or `null`.
 */
export interface CasualtyRow {
  /** Id of the source (a row of the source registry, or of the user's own list). */
  source: string;
  /** What is counted, e.g. `deaths`. */
  measure: string;
  /** `persons` or `percent`. */
  unit: string;
  /** The best single figure; `null` where the source gives none (not reported, never 0). */
  value: number | null;
  /** The lowest figure the source allows. */
  low: number | null;
  /** The highest figure the source allows; `null` where unbounded (`at-least`) or not reported. */
  high: number | null;
  qualifier: Qualifier;
  /** The category in the words of the source. */
  label: string;
  note: string | null;
  /** The row's id, unique within its table (optional: see {@link structureColumns}). */
  id?: string | null;
  /** The id of the stated total this row is one of the mutually exclusive parts of. */
  part_of?: string | null;
  /** The id of another row of the table whose people include this row's. */
  subset_of?: string | null;
  /** The id of another row of the table that this row mentions again (the same figure). */
  restates?: string | null;
  /** The unit the source rounded the figure to (e.g. 1000); `null` where no rounding is recorded. */
  precision?: number | null;
  /** Dimension columns. */
  [dimension: string]: string | number | null | undefined;
}

/** The columns every table has, in the order of the bundled datasets (dimensions go after `source`). */
export const contractColumns = [
  'source',
  'measure',
  'unit',
  'value',
  'low',
  'high',
  'qualifier',
  'label',
  'note',
] as const;

/**
 * The structure columns: how a row relates to the others (`id`, `part_of`, `subset_of`,
 * `restates`) and how its source rounded it (`precision`). Every bundled dataset has them; a
 * user's table may lack them. They are not dimensions.
 */
export const structureColumns = ['id', 'part_of', 'subset_of', 'restates', 'precision'] as const;

/** Columns the analysis functions add to contract rows; they are not dimensions. */
export const bookkeepingColumns: readonly string[] = [
  'parts',
  'not_reported',
  'comparability',
  'warning',
  'whole',
];

/** What the analysis functions read from a table: its rows and its dimension columns. */
export interface ContractTable {
  rows: CasualtyRow[];
  /** Every column that is neither a contract column nor a bookkeeping column, in table order. */
  dimensions: string[];
  /** Every column, in table order. */
  columns: string[];
}

/**
 * Reads a table given to an analysis function, checking what the function relies on: the
 * contract columns exist, counts are numbers or null, qualifiers are known, and a reported value
 * has a lower bound. (fromRows/fromCSV check the whole contract.)
 */
export function readTable(table: unknown, fn: string): ContractTable {
  if (!isTable(table)) {
    const given = Array.isArray(table)
      ? `an array of ${table.length} items (pass it through fromRows() first)`
      : show(table);
    throw new InvalidTableError(
      `${fn}: expected an Arquero table (from load(), fromRows() or fromCSV()); got ${given}.`,
    );
  }
  const columns = table.columnNames();
  checkColumnNames(columns, fn);
  const absent = contractColumns.filter((c) => !columns.includes(c));
  if (absent.length > 0) {
    throw new InvalidTableError(
      `${fn}: the table has no column ${absent.map((c) => `'${c}'`).join(', ')}; every table needs ${contractColumns.join(', ')} (it has ${listNames(columns)}).`,
    );
  }
  const rows = table.objects() as CasualtyRow[];
  const dimensions = columns.filter(
    (c) =>
      !(contractColumns as readonly string[]).includes(c) &&
      !bookkeepingColumns.includes(c) &&
      !(structureColumns as readonly string[]).includes(c),
  );
  rows.forEach((row, i) => {
    // Text columns: the functions compare, group and quote them, so they must be text.
    for (const column of ['source', 'measure', 'unit', 'label', 'note', ...dimensions]) {
      const v = row[column];
      const ok = typeof v === 'string' || (v === null && column !== 'label' && column !== 'source');
      if (!ok)
        throw new InvalidTableError(
          `${fn}: row ${i + 1}, column ${show(column)}: ${show(v)}; expected ${column === 'note' || dimensions.includes(column) ? 'a string, or null' : 'a string'}.`,
        );
    }
    for (const column of ['value', 'low', 'high'] as const) {
      const v = row[column];
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
        throw new InvalidTableError(
          `${fn}: row ${i + 1}, column ${show(column)}: ${show(v)}; expected a number, or null where not reported.`,
        );
      }
      if (v !== null && (v < 0 || v > maxCount)) {
        throw new InvalidTableError(
          `${fn}: row ${i + 1}, column ${show(column)}: ${v}; expected a number from 0 to ${maxCount} (a count cannot be negative).`,
        );
      }
    }
    if (row.low !== null && row.value !== null && row.low > row.value) {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'low': ${row.low} is above the value ${row.value}; expected low ≤ value.`,
      );
    }
    if (row.high !== null && row.value !== null && row.high < row.value) {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'high': ${row.high} is below the value ${row.value}; expected value ≤ high.`,
      );
    }
    if (!qualifiers.includes(row.qualifier)) {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'qualifier': ${show(row.qualifier)}; expected one of ${qualifiers.join(', ')}.`,
      );
    }
    if (row.value !== null && row.low === null) {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'low': null, but value is ${row.value}; expected the lower bound of the figure.`,
      );
    }
  });
  return { rows, dimensions, columns };
}

/**
 * The largest figure a table may hold: `Number.MAX_SAFE_INTEGER`. Above it whole numbers are no
 * longer exact, and sums or standard deviations would overflow to Infinity or NaN.
 */
export const maxCount = Number.MAX_SAFE_INTEGER;

/**
 * Rejects a column named `__proto__`: a row object cannot hold it (assigning it changes the
 * object's prototype instead), so its values would be lost or wrong.
 */
export function checkColumnNames(columns: readonly string[], fn: string): void {
  if (columns.includes('__proto__')) {
    throw new InvalidTableError(
      `${fn}: the table has a column named '__proto__', which a row object cannot hold; expected other column names (rename it).`,
    );
  }
}

/** Whether `x` is an Arquero table (by the methods the package calls on one, so that any copy of Arquero will do). */
export function isTable(x: unknown): x is ColumnTable {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  return ['objects', 'columnNames', 'numRows', 'data', 'scan', 'column'].every(
    (m) => typeof t[m] === 'function',
  );
}

/** Checks that option `name` of `fn` names a dimension column of the table. */
export function checkDimension(
  given: unknown,
  dimensions: readonly string[],
  fn: string,
  name = 'by',
): string {
  if (typeof given === 'string' && dimensions.includes(given)) return given;
  const hint = suggest(given, dimensions);
  const expected =
    dimensions.length > 0
      ? `one of: ${dimensions.join(', ')}`
      : 'a dimension column, but the table has none';
  throw new InvalidOptionError(
    `${fn}: option ${name} is ${show(given)}, which is not a dimension column of the table.${hint} Expected ${expected}.`,
  );
}

/** The choice nearest to `given`, as a sentence for an error message ('' if none is near). */
export function suggest(given: unknown, choices: readonly string[]): string {
  const suggestion = new UnknownIdError('', given, choices).suggestion;
  return suggestion ? ` Did you mean '${suggestion}'?` : '';
}

/**
 * The rows of one measure: the given one, or the only one the table holds. Throws where the
 * choice is ambiguous, or where the measure comes in several units (they cannot be compared).
 */
export function selectMeasure(
  rows: readonly CasualtyRow[],
  measure: unknown,
  fn: string,
): CasualtyRow[] {
  const measures = unique(rows.map((r) => r.measure));
  if (measures.length === 0) throw new InvalidTableError(`${fn}: the table has no rows.`);
  let chosen: string;
  if (measure === undefined) {
    if (measures.length > 1) {
      throw new InvalidOptionError(
        `${fn}: the table holds several measures (${measures.join(', ')}); choose one with the option measure.`,
      );
    }
    chosen = measures[0]!;
  } else if (typeof measure === 'string' && measures.includes(measure)) {
    chosen = measure;
  } else {
    throw new InvalidOptionError(
      `${fn}: option measure is ${show(measure)}, which the table does not hold.${suggest(measure, measures)} Expected one of: ${measures.join(', ')}.`,
    );
  }
  const selected = rows.filter((r) => r.measure === chosen);
  const units = unique(selected.map((r) => r.unit));
  if (units.length > 1) {
    throw new InvalidTableError(
      `${fn}: measure '${chosen}' comes in several units (${units.join(', ')}); filter the table to one unit first.`,
    );
  }
  return selected;
}

/** Checks that each source has at most one row per category, so that figures can be set side by side. */
export function checkOnePerCategory(rows: readonly CasualtyRow[], by: string, fn: string): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = JSON.stringify([row.source, row[by]]);
    if (seen.has(key)) {
      throw new InvalidTableError(
        `${fn}: source '${row.source}' has more than one row of ${row.measure} for ${by} ${show(row[by])}; expected one per category (filter the table, or rollup() it by '${by}' first).`,
      );
    }
    seen.add(key);
  }
}

/** The distinct values, in order of first appearance. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** The sum of figures with their intervals (see rollup for the rules). */
export interface IntervalSum {
  value: number | null;
  low: number | null;
  high: number | null;
  /**
   * `not-reported` if no part is reported; `at-least` if a part is unbounded or not reported (the
   * sum is then a lower bound); else `derived`.
   */
  qualifier: Qualifier;
  /** How many parts have a figure. */
  reported: number;
  /** How many parts are not reported (value null); they are left out of the sum, never taken as 0. */
  notReported: number;
  /** The high of the reported parts alone (`null` if one of them is unbounded). */
  reportedHigh: number | null;
  /** Half the rounding units (`precision`) of the reported parts, added up: how far rounding can move the sum. */
  rounding: number;
}

/**
 * Adds figures with interval arithmetic: values add to the value, lows to the low, highs to the
 * high; one part unbounded above (high null, `at-least`) makes the sum unbounded. A part that is
 * not reported (a dash) is unknown, never 0: it is left out of the value and the low, counted, and
 * makes the sum unbounded above (high null, `at-least`), since it could hold any number.
 */
export function sumParts(parts: readonly CasualtyRow[]): IntervalSum {
  const reported = parts.filter((p) => p.value !== null);
  const notReported = parts.length - reported.length;
  if (reported.length === 0)
    return {
      value: null,
      low: null,
      high: null,
      qualifier: 'not-reported',
      reported: 0,
      notReported,
      reportedHigh: null,
      rounding: 0,
    };
  const unbounded = reported.some((p) => p.high === null);
  const reportedHigh = unbounded ? null : sum(reported.map((p) => p.high!));
  return {
    value: sum(reported.map((p) => p.value!)),
    low: sum(reported.map((p) => p.low!)),
    high: notReported > 0 ? null : reportedHigh,
    qualifier: unbounded || notReported > 0 ? 'at-least' : 'derived',
    reported: reported.length,
    notReported,
    reportedHigh,
    rounding: sum(reported.map((p) => (p.precision ?? 0) / 2)),
  };
}

/** The note of a derived row: which rows were added, which were left out, which are lower bounds. */
export function sumNote(parts: readonly CasualtyRow[]): string {
  const reported = parts.filter((p) => p.value !== null);
  const missing = parts.filter((p) => p.value === null);
  const bounds = reported.filter((p) => p.high === null);
  let note = `derived: the sum of ${reported.map((p) => `'${p.label}'`).join(' + ')}`;
  if (reported.length === 0) note = 'no part is reported';
  if (missing.length > 0)
    note += `; not reported, left out (not taken as 0), so the sum is a lower bound with no upper bound: ${missing.map((p) => `'${p.label}'`).join(', ')}`;
  if (bounds.length > 0)
    note += `; lower bounds, so the sum is one too: ${bounds.map((p) => `'${p.label}'`).join(', ')}`;
  return note;
}

/** Groups rows by the values of some columns, keeping the order of first appearance. */
export function groupRows<Row extends Record<string, unknown>>(
  rows: readonly Row[],
  columns: readonly string[],
): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = JSON.stringify(columns.map((c) => row[c] ?? null));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/** Builds a table from plain objects with the columns in the given order (no expressions involved). */
export function toTable<Row extends object>(
  rows: readonly Row[],
  names: readonly string[],
): TypedTable<Row> {
  // a Map, not an object: a table may have a great many columns (an object of them is slow to list)
  const columns = new Map<string, unknown[]>();
  for (const name of names)
    columns.set(
      name,
      rows.map((r) => (r as Record<string, unknown>)[name] ?? null),
    );
  return columnTable(columns as never, [...names]) as TypedTable<Row>;
}

/** A division that gives null, never Infinity or NaN, where it has no answer. */
export function divide(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}
