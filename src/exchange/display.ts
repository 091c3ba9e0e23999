import type { ColumnTable } from 'arquero';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  checkOptions,
  show,
} from '../errors.js';
import { isTable, structureColumns } from '../data/contract.js';
import { formatFigure, numberFormat, type Figure } from './figure.js';

/** Options shared by the text exports (Markdown, LaTeX). */
export interface DisplayOptions {
  /**
   * Columns to show, in order; `figure` is the figure written with its qualifier and interval.
   * Default: every column, with `figure` in place of `value`, `low`, `high`, `qualifier` and
   * `unit`, and without `note` and the structure columns (`id`, `part_of`, `subset_of`, `restates`,
   * `precision`).
   */
  columns?: string[];
  /** Locale for the digits. Default `'en-US'`. */
  locale?: string;
  /** Whether to keep the `note` column (when `columns` is not given). Default `false`. */
  notes?: boolean;
  /**
   * Whether to keep the structure columns `id`, `part_of`, `subset_of`, `restates` and
   * `precision` (when `columns` is not given). Default `false`.
   */
  structure?: boolean;
  /**
   * Decimals of a computed number (a ratio, a mean, a difference): every number of a column that
   * holds a fraction is written with exactly this many. Published figures (`value`, `low`, `high`,
   * the `figure`) are never rounded; whole numbers keep no decimals; a `year` is written as a year
   * (1964, not 1,964). Default `2`.
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
export function display(table: ColumnTable, given?: DisplayOptions, fn = 'display'): Display {
  const names = checkTable(table, fn);
  const options = checkOptions(given, fn);
  const { locale = 'en-US', notes = false, structure = false } = options;
  if (
    options.columns !== undefined &&
    (!Array.isArray(options.columns) || options.columns.some((c) => typeof c !== 'string'))
  ) {
    throw new InvalidOptionError(
      `${fn}: option columns is ${show(options.columns)}; expected an array of column names.`,
    );
  }
  const { fractionDigits } = options;
  if (
    fractionDigits !== undefined &&
    (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 20)
  ) {
    throw new InvalidOptionError(
      `${fn}: option fractionDigits is ${show(fractionDigits)}; ` +
        'expected a whole number from 0 to 20.',
    );
  }
  const hasFigure = figureParts.every((c) => names.includes(c));
  const valid = hasFigure ? [...names, 'figure'] : names;
  const hidden = new Set([...figureParts, 'unit', ...(notes ? [] : ['note'])]);
  const structural = new Set<string>(structure ? [] : structureColumns);
  const columns =
    options.columns ??
    names.flatMap((c) =>
      hasFigure && c === 'value'
        ? ['figure']
        : hasFigure && (hidden.has(c) || structural.has(c))
          ? []
          : [c],
    );
  for (const c of columns) if (!valid.includes(c)) throw new UnknownIdError('column', c, valid);

  const objects = table.objects() as Record<string, unknown>[];
  const formats = new Map(
    columns.map((c) => [c, columnFormat(c, objects, locale, fractionDigits ?? 2)]),
  );
  const cell = (row: Record<string, unknown>, c: string, i: number) => {
    if (c === 'figure')
      return formatFigure(row as unknown as Figure, locale, `${fn}: row ${i + 1}`);
    const v = row[c];
    // no-base-to-string: a user's cell may hold a Date or any value, shown as JavaScript writes it
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return v == null ? '' : typeof v === 'number' ? formats.get(c)!(v) : String(v);
  };
  return {
    columns,
    rows: objects.map((row, i) => columns.map((c) => cell(row, c, i))),
    numeric: columns.map(
      (c) => c === 'figure' || objects.every((row) => row[c] == null || typeof row[c] === 'number'),
    ),
  };
}

/** Published figures, written as the source gives them. */
const published = new Set(['value', 'low', 'high']);

/**
 * How to write the numbers of column `c`: a year as a year, a published figure unrounded, a whole
 * number with grouping, and a column that holds a fraction with `digits` decimals throughout.
 */
function columnFormat(
  c: string,
  rows: Record<string, unknown>[],
  locale: string,
  digits: number,
): (v: number) => string {
  const whole = rows.every((r) => typeof r[c] !== 'number' || Number.isInteger(r[c]));
  if (/(^|[_-])year$/i.test(c) && whole) return (v) => numberFormat(locale, 0, false).format(v);
  if (published.has(c) || whole) return (v) => numberFormat(locale).format(v);
  const format = numberFormat(locale, digits, true, digits);
  return (v) => format.format(v);
}

/**
 * Checks that `table` is an Arquero table whose rows can be read, and returns its column names.
 * @throws {InvalidTableError} If it is not a table, or has a column named `__proto__`.
 */
export function checkTable(table: unknown, fn: string): string[] {
  if (!isTable(table))
    throw new InvalidTableError(
      `${fn}: expected an Arquero table (from load(), fromRows() or an analysis function); ` +
        `got ${show(table)}.`,
    );
  const names = table.columnNames();
  if (names.includes('__proto__')) {
    throw new InvalidTableError(
      `${fn}: the table has a column named '__proto__', which a row object cannot hold; ` +
        'expected other column names (rename it).',
    );
  }
  return names;
}

/** Checks that option `name` of `fn` is a string, if it is given. */
export function checkText(value: unknown, name: string, fn: string): void {
  if (value !== undefined && typeof value !== 'string')
    throw new InvalidOptionError(`${fn}: option ${name} is ${show(value)}; expected a string.`);
}
