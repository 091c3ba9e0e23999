// The data contract (../shared/DATA-CONTRACT.md, the README's "What the figures are"): the columns
// every table has, the qualifiers, the row type, and what a table is. Every layer above asks here.
import type { ColumnTable } from 'arquero';
import { InvalidTableError, listNames, show } from '../errors.js';

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

/** The structure columns that relate a row to other rows (all but `precision`). */
export const relationColumns = ['id', 'part_of', 'subset_of', 'restates'] as const;

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
 * Rejects a column named `__proto__` (a row object cannot hold it: assigning it changes the
 * object's prototype instead, so its values would be lost or wrong), and a table without every
 * one of the {@link contractColumns}.
 */
export function checkColumnNames(columns: readonly string[], fn: string): void {
  if (columns.includes('__proto__')) {
    throw new InvalidTableError(
      `${fn}: the table has a column named '__proto__', which a row object cannot hold; expected ` +
        'other column names (rename it).',
    );
  }
  const absent = contractColumns.filter((c) => !columns.includes(c));
  if (absent.length > 0) {
    throw new InvalidTableError(
      `${fn}: the table has no column ${absent.map((c) => `'${c}'`).join(', ')}; every table ` +
        `needs ${contractColumns.join(', ')} (it has ${listNames(columns)}).`,
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

/**
 * The entries of an option that takes a table or an array (`totals`, `population`, `crosswalk`):
 * a table's rows as objects, or the array's items (a hole in a sparse array is an entry,
 * `undefined`); `undefined` if the value is neither.
 *
 * @example
 * rowsOf([{ id: 'a' }]); // => [{ id: 'a' }]
 * rowsOf('a'); // => undefined
 */
export function rowsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return Array.from(value as unknown[]);
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ColumnTable).objects === 'function'
  )
    return (value as ColumnTable).objects();
  return undefined;
}

/** A figure's problem as data: the column at fault and what it holds against what it should. */
export interface FigureProblem {
  column: 'value' | 'low' | 'high' | 'qualifier' | 'note';
  /** E.g. `"empty, but the qualifier is 'range'; expected the highest figure …"`. */
  message: string;
  /** Further problems of the same figure, where there are several (a dash holding numbers). */
  more?: FigureProblem[];
}

/** The three figures with their column names. */
function columnsOf<T>(value: T, low: T, high: T): ['value' | 'low' | 'high', T][] {
  return [
    ['value', value],
    ['low', low],
    ['high', high],
  ];
}

/** How strictly {@link checkFigure} reads a figure. */
export interface CheckFigureOptions {
  /**
   * A figure as a source published it (fromRows, fromCSV): an `at-least` figure's low is its value
   * ("over 18,000"), a count of persons is a whole number, and a `derived` row names what it was
   * computed from in its note. Otherwise (a table given to an analysis function, which may hold
   * sums) an `at-least` low may lie below its value. @default false
   */
  published?: boolean;
  /** Whether the figure counts persons (whole numbers, where published). @default false */
  persons?: boolean;
  /** The row's note (a published `derived` row needs one). */
  note?: string | null;
}

/**
 * What each qualifier means for `value`, `low` and `high` (the data contract), the one place it is
 * written: fromRows/fromCSV, every analysis function (reading its table) and the formatters call
 * it.
 *
 * | qualifier      | value              | low                  | high                          |
 * | -------------- | ------------------ | -------------------- | ----------------------------- |
 * | `exact`        | the figure         | = value              | = value                       |
 * | `approximate`  | the figure         | = value              | = value (rounding: precision) |
 * | `at-least`     | the floor          | ≤ value (published: = value) | empty (unbounded)     |
 * | `range`        | midpoint of low–high | the lower bound    | the upper bound               |
 * | `derived`      | computed           | ≤ value              | ≥ value, or empty             |
 * | `not-reported` | empty (never 0)    | empty                | empty                         |
 *
 * Every number is finite, from 0 to {@link maxCount}.
 *
 * @returns The first problem, or `null` if the figure is what its qualifier says.
 * @example
 * checkFigure(70000, 69000, 71000, 'range'); // => null
 * checkFigure(5, 5, null, 'range');
 * // => { column: 'high', message: "empty, but the qualifier is 'range'; expected the highest " +
 * //      'figure the source allows' }
 */
export function checkFigure(
  value: unknown,
  low: unknown,
  high: unknown,
  qualifier: unknown,
  options: CheckFigureOptions = {},
): FigureProblem | null {
  for (const [column, v] of columnsOf(value, low, high)) {
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return { column, message: `${show(v)}; expected a number, or null where not reported` };
    if (v < 0 || v > maxCount)
      return {
        column,
        message: `${v}; expected a number from 0 to ${maxCount} (a count cannot be negative)`,
      };
  }
  if (!(qualifiers as readonly unknown[]).includes(qualifier))
    return {
      column: 'qualifier',
      message: `${show(qualifier)}; expected one of ${qualifiers.join(', ')}`,
    };
  return agreement(
    value as number | null,
    low as number | null,
    high as number | null,
    qualifier as Qualifier,
    options,
  );
}

/** Whether value, low and high agree with the qualifier (each cell a valid number or null). */
function agreement(
  value: number | null,
  low: number | null,
  high: number | null,
  q: Qualifier,
  { published = false, persons = false, note = null }: CheckFigureOptions,
): FigureProblem | null {
  const problem = (column: FigureProblem['column'], message: string): FigureProblem => ({
    column,
    message,
  });
  const whole = published && persons;
  /** The first of these figures that is not a whole number, as a problem. */
  const fraction = (figures: [FigureProblem['column'], number | null][]) => {
    const [c, v] = figures.find(([, v]) => v !== null && !Number.isInteger(v)) ?? [];
    return c
      ? problem(c, `${v}, but a count of persons is a whole number; expected a whole number`)
      : null;
  };
  if (q === 'exact' && value !== null && low === value && high === value) {
    return whole ? fraction([['value', value]]) : null; // the common case, first
  }
  if (q === 'not-reported') {
    // every figure that should be empty is named (the first is returned, fromRows lists them all)
    const found = columnsOf(value, low, high)
      .filter(([, v]) => v !== null)
      .map(([c, v]) =>
        problem(c, `${v}, but the qualifier is 'not-reported'; expected an empty cell`),
      );
    return found.length > 0 ? { ...found[0]!, more: found.slice(1) } : null;
  }
  if (value === null)
    return problem(
      'value',
      `empty, but the qualifier is '${q}'; expected a number (or the qualifier 'not-reported')`,
    );
  if (q === 'at-most') {
    // "as many as": the source gives an upper figure and no lower one
    if (low !== null)
      return problem(
        'low',
        `${low}, but the qualifier is 'at-most' ("as many as ${value}"); expected an empty ` +
          'cell (the source gives no lower figure)',
      );
    if (high !== value)
      return problem(
        'high',
        `${show(high)}, but the qualifier is 'at-most' ("as many as ${value}"); expected ` +
          `${value}, the value`,
      );
    return whole ? fraction([['value', value]]) : null;
  }
  if (low === null)
    return problem(
      'low',
      `empty; expected the lowest figure the source allows (${value} for an exact figure)`,
    );
  if (q === 'exact' && (low !== value || high !== value))
    return problem(
      low !== value ? 'low' : 'high',
      `${low !== value ? low : show(high)}, but the figure is exact; expected ${value}, the value`,
    );
  if (q === 'approximate' && (low !== value || high !== value))
    return problem(
      low !== value ? 'low' : 'high',
      `${low !== value ? low : show(high)}, but the figure is approximate ("about"), which gives ` +
        `no interval; expected ${value}, the value (put how it was rounded in the column ` +
        'precision)',
    );
  if (q === 'at-least' && high !== null)
    return problem(
      'high',
      `${high}, but the qualifier is 'at-least'; expected an empty cell (unbounded)`,
    );
  if (published && q === 'at-least' && low !== value)
    return problem(
      'low',
      `${low}, but the qualifier is 'at-least' ("over ${value}"); expected ${value}, the value`,
    );
  if (q === 'range' && high === null)
    return problem(
      'high',
      `empty, but the qualifier is 'range'; expected the highest figure the source allows`,
    );
  if (low > value)
    return problem('low', `${low} is above the value ${value}; expected low ≤ value`);
  if (high !== null && high < value)
    return problem('high', `${high} is below the value ${value}; expected value ≤ high`);
  if (q === 'range' && high !== null && value !== (low + high) / 2)
    return problem(
      'value',
      `${value}, but a range's value is its midpoint; expected ${(low + high) / 2}, the midpoint ` +
        `of ${low}–${high}`,
    );
  // a range's value is its midpoint, which may fall on a half
  const notWhole = whole && fraction(columnsOf(value, low, high).slice(q === 'range' ? 1 : 0));
  if (notWhole) return notWhole;
  if (published && q === 'derived' && note === null)
    return problem(
      'note',
      "empty, but the row is 'derived'; expected a note naming the figures it was computed from",
    );
  return null;
}
