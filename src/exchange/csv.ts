import { toCSV as arqueroCSV, type ColumnTable } from 'arquero';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { checkTable } from './display.js';

/** Options of {@link toCSV}. */
export interface CSVOptions {
  /**
   * Whether to neutralize text cells that a spreadsheet would run as a formula by prefixing them
   * with `'`: cells starting with `=`, `+`, `-` or `@`, also after any whitespace or control
   * characters (which some spreadsheets drop), and cells starting with a tab or a carriage return.
   * Numbers are never changed. `true` or `false`; default `true`.
   */
  safe?: boolean;
}

/**
 * Text a spreadsheet may run as a formula: =, +, - or @ after any leading whitespace (Unicode
 * spaces included) or control characters, or a leading tab or carriage return.
 */
const formula =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /^(?:[\s\u0000-\u001f\u007f-\u009f\u200b-\u200d\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

/**
 * Writes a table as CSV in the shape of the bundled files (comma-separated, header row, `.` as
 * decimal mark, no thousands separators, an empty cell for a missing value), safe to open in a
 * spreadsheet: every column, qualifier and interval travels as it is.
 *
 * @param table Any Arquero table.
 * @param options See {@link CSVOptions}.
 * @returns The CSV text.
 * @throws {InvalidTableError} If `table` is not an Arquero table.
 * @throws {InvalidOptionError} If `options` is not an object.
 * @example
 * toCSV(load('demographic-loss').select('measure', 'value', 'qualifier'));
 * // => 'measure,value,qualifier\nbirths-deficit,335000,exact\nemigration,660000,approximate\n'
 */
export function toCSV(table: ColumnTable, options?: CSVOptions): string {
  const names = checkTable(table, 'toCSV');
  const { safe = true } = checkOptions(options, 'toCSV');
  if (typeof safe !== 'boolean')
    throw new InvalidOptionError(`toCSV: option safe is ${show(safe)}; expected true or false.`);
  const neutralize = (v: unknown) =>
    safe && typeof v === 'string' && formula.test(v) ? `'${v}` : v;
  // A format for every column, as own properties: arquero looks a column's format up by name, so
  // a column named 'toString' or 'constructor' would otherwise be formatted by Object.prototype's.
  const format = Object.fromEntries(names.map((c) => [c, neutralize]));
  // The header is written here, so that a column name is neutralized like any other text cell.
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = names.map((c) => quote(String(neutralize(c)))).join(',') + '\n';
  const body = names.length === 0 ? '' : arqueroCSV(table, { format, header: false });
  return header + body;
}
