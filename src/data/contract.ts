// The data contract (../shared/DATA-CONTRACT.md, the README's "What the figures are"): the columns
// every table has, the qualifiers, the row type, and what a table is. Every layer above asks here.
import type { ColumnTable } from 'arquero';
import { InvalidTableError } from '../errors.js';

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
