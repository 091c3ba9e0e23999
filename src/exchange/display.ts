import type { ColumnTable } from 'arquero';
import { UnknownIdError } from '../errors.js';
import { formatFigure, numberFormat, type Figure } from './figure.js';

/** Options shared by the text exports (Markdown, LaTeX). */
export interface DisplayOptions {
  /**
   * Columns to show, in order; `figure` is the figure written with its qualifier and interval.
   * Default: every column, with `figure` in place of `value`, `low`, `high`, `qualifier` and `unit`,
   * and without `note`.
   */
  columns?: string[];
  /** Locale for the digits. Default `'en-US'`. */
  locale?: string;
  /** Whether to keep the `note` column (when `columns` is not given). Default `false`. */
  notes?: boolean;
  /**
   * Most decimals to show for a computed number such as a ratio; published figures are whole
   * numbers and are never rounded. Default: all of them.
   */
  fractionDigits?: number;
}

/** A table as text cells for a reader, with which columns hold numbers (to align right). */
export interface Display {
  columns: string[];
  rows: string[][];
  numeric: boolean[];
}

const figureParts = ['value', 'low', 'high', 'qualifier'];

/**
 * The rows of a table as text cells for a reader: the figure written with its qualifier and
 * interval in one `figure` column (see {@link formatFigure}), other numbers with the locale's
 * digits, missing values empty.
 */
export function display(table: ColumnTable, options: DisplayOptions = {}): Display {
  const { locale = 'en-US', notes = false } = options;
  const names = table.columnNames();
  const hasFigure = figureParts.every((c) => names.includes(c));
  const valid = hasFigure ? [...names, 'figure'] : names;
  const hidden = new Set([...figureParts, 'unit', ...(notes ? [] : ['note'])]);
  const columns =
    options.columns ?? names.flatMap((c) => (hasFigure && c === 'value' ? ['figure'] : hasFigure && hidden.has(c) ? [] : [c]));
  for (const c of columns) if (!valid.includes(c)) throw new UnknownIdError('column', c, valid);

  const number = options.fractionDigits === undefined ? numberFormat(locale) : new Intl.NumberFormat(locale, { maximumFractionDigits: options.fractionDigits });
  const objects = table.objects() as Record<string, unknown>[];
  const cell = (row: Record<string, unknown>, c: string) => {
    if (c === 'figure') return formatFigure(row as unknown as Figure, locale);
    const v = row[c];
    return v == null ? '' : typeof v === 'number' ? number.format(v) : String(v);
  };
  return {
    columns,
    rows: objects.map((row) => columns.map((c) => cell(row, c))),
    numeric: columns.map((c) => c === 'figure' || objects.every((row) => row[c] == null || typeof row[c] === 'number')),
  };
}
