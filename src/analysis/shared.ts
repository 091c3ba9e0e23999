// Helpers shared by the analysis functions: reading a table in the shape of the data contract,
// checking options, and adding figures with their intervals. Nothing here is exported from the
// package entry except the types `Qualifier` and `CasualtyRow`.
import { table as columnTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { InvalidOptionError, InvalidTableError, UnknownIdError, show } from '../errors.js';

/** How certain a figure is (see the data contract). */
export type Qualifier =
  | 'exact'
  | 'approximate'
  | 'at-least'
  | 'at-most'
  | 'range'
  | 'not-reported'
  | 'derived';

/** Every qualifier, in the order of the data contract. */
export const qualifiers: readonly Qualifier[] = [
  'exact',
  'approximate',
  'at-least',
  'at-most',
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
  /** The lowest figure the source allows; `null` where it gives none (`at-most`) or no figure. */
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
  /**
   * The unit the source rounded the figure to (e.g. 1000); `null` where no rounding is recorded.
   */
  precision?: number | null;
  /** Dimension columns. */
  [dimension: string]: string | number | null | undefined;
}

/**
 * The columns every table has, in the order of the bundled datasets (dimensions go after `source`).
 */
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
      `${fn}: the table has a column named '__proto__', which a row object cannot hold; expected ` +
        'other column names (rename it).',
    );
  }
}

/**
 * Whether `x` is an Arquero table (by the methods the package
 * calls on one, so that any copy of Arquero will do).
 */
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
    `${fn}: option ${name} is ${show(given)}, which is not a dimension column of the ` +
      `table.${hint} Expected ${expected}.`,
  );
}

/** The choice nearest to `given`, as a sentence for an error message ('' if none is near). */
export function suggest(given: unknown, choices: readonly string[]): string {
  const suggestion = new UnknownIdError('', given, choices).suggestion;
  return suggestion ? ` Did you mean '${suggestion}'?` : '';
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
  /**
   * How many parts are not reported (value null); they are left out of the sum, never taken as 0.
   */
  notReported: number;
  /** The high of the reported parts alone (`null` if one of them is unbounded). */
  reportedHigh: number | null;
  /**
   * Half the rounding units (`precision`) of the reported parts,
   * added up: how far rounding can move the sum.
   */
  rounding: number;
}

/** Figures to add, one array per column (a table's columns, or rows' figures laid out so). */
export interface Figures {
  value: readonly (number | null)[];
  low: readonly (number | null)[];
  high: readonly (number | null)[];
  label: readonly string[];
  /** The unit each figure was rounded to; `null` where none is recorded. */
  precision: readonly (number | string | null | undefined)[];
}

/**
 * Adds figures with interval arithmetic: values add to the value, lows to the low, highs to the
 * high; one part unbounded above (high null, `at-least`) makes the sum unbounded. A part that is
 * not reported (a dash) is unknown, never 0: it is left out of the value and the low, counted, and
 * makes the sum unbounded above (high null, `at-least`), since it could hold any number. A part
 * with no lower figure (low null, `at-most`) adds 0 to the low.
 *
 * @param parts Which figures to add (indices into `figures`); all of them by default.
 */
export function sumParts(
  figures: Figures,
  parts: ArrayLike<number> = figures.value.map((_, i) => i),
): IntervalSum {
  const sums = new Float64Array(8); // value, low, high, rounding: each a sum and its correction
  let reported = 0;
  let unbounded = false;
  for (let k = 0; k < parts.length; k++) {
    const i = parts[k]!;
    const value = figures.value[i] ?? null;
    if (value === null) continue;
    reported++;
    add(sums, 0, value);
    // an at-most part ("as many as") has no lower figure: a count is never below 0
    add(sums, 2, figures.low[i] ?? 0);
    const high = figures.high[i] ?? null;
    if (high === null) unbounded = true;
    else add(sums, 4, high);
    add(sums, 6, Number(figures.precision[i] ?? 0) / 2);
  }
  const notReported = parts.length - reported;
  if (reported === 0)
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
  const reportedHigh = unbounded ? null : sums[4]! + sums[5]!;
  return {
    value: sums[0]! + sums[1]!,
    low: sums[2]! + sums[3]!,
    high: notReported > 0 ? null : reportedHigh,
    qualifier: unbounded || notReported > 0 ? 'at-least' : 'derived',
    reported,
    notReported,
    reportedHigh,
    rounding: sums[6]! + sums[7]!,
  };
}

/**
 * Adds `x` to the compensated sum at `sums[k]` (its correction at `sums[k + 1]`): Neumaier's
 * summation, step for step as simple-statistics' `sum` does it, so that both give the same bits.
 */
function add(sums: Float64Array, k: number, x: number): void {
  const s = sums[k]!;
  const t = s + x;
  sums[k + 1]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  sums[k] = t;
}

/**
 * The label and the note of a sum of several rows, from one pass over its parts: the label joins
 * the labels of the parts added with ' + ' (of every part where none is reported); the note names
 * the parts added, the parts left out (not reported), the lower bounds and the upper figures
 * (`at-most`).
 *
 * @param parts Which figures were added (indices into `figures`).
 */
export function sumText(
  figures: Pick<Figures, 'value' | 'low' | 'high' | 'label'>,
  parts: ArrayLike<number>,
): { label: string; note: string } {
  const reported: string[] = [];
  const missing: string[] = [];
  const bounds: string[] = [];
  const upper: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const i = parts[k]!;
    const label = figures.label[i]!;
    if ((figures.value[i] ?? null) === null) missing.push(label);
    else {
      reported.push(label);
      if ((figures.high[i] ?? null) === null) bounds.push(label);
      if ((figures.low[i] ?? null) === null) upper.push(label);
    }
  }
  // each list joined once, the quotes in the separators: 'a' + 'b'
  let note =
    reported.length > 0 ? `derived: the sum of '${reported.join("' + '")}'` : 'no part is reported';
  if (missing.length > 0)
    note +=
      '; not reported, left out (not taken as 0), so the sum is a lower bound with no upper ' +
      `bound: '${missing.join("', '")}'`;
  if (bounds.length > 0) note += `; lower bounds, so the sum is one too: '${bounds.join("', '")}'`;
  if (upper.length > 0)
    note += `; upper figures with no lower one, taken as 0 in the low: '${upper.join("', '")}'`;
  // with no part reported, every part is missing
  return { label: (reported.length > 0 ? reported : missing).join(' + '), note };
}

/** An empty column for each of `names`, by name, to be filled by push in row order. */
export function emptyColumns<Name extends string>(names: readonly Name[]): Record<Name, unknown[]> {
  return Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<Name, unknown[]>;
}

/** Builds a table from columns of cells, in the given order (no row objects, no expressions). */
export function columnsTable<Row extends object>(
  columns: ReadonlyMap<string, readonly unknown[]>,
  names: readonly string[] = [...columns.keys()],
): TypedTable<Row> {
  return columnTable(columns as never, [...names]) as TypedTable<Row>;
}

/**
 * Builds a table from plain objects with the columns in the given order (no expressions involved).
 */
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
