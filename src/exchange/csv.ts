import { toCSV as arqueroCSV, type ColumnTable } from 'arquero';

/** Options of {@link toCSV}. */
export interface CSVOptions {
  /**
   * Whether to neutralize text cells that a spreadsheet would run as a formula (starting with
   * `=`, `+`, `-`, `@`, a tab or a carriage return) by prefixing them with `'`. Numbers are never
   * changed. Default `true`.
   */
  safe?: boolean;
}

/**
 * Writes a table as CSV in the shape of the bundled files (comma-separated, header row, `.` as
 * decimal mark, no thousands separators, an empty cell for a missing value), safe to open in a
 * spreadsheet: every column, qualifier and interval travels as it is.
 *
 * @param table Any Arquero table.
 * @param options See {@link CSVOptions}.
 * @returns The CSV text.
 * @example
 * toCSV(load('demographic-loss').select('measure', 'value', 'qualifier'));
 * // => 'measure,value,qualifier\nbirths-deficit,335000,exact\nemigration,660000,approximate\n'
 */
export function toCSV(table: ColumnTable, options: CSVOptions = {}): string {
  const { safe = true } = options;
  const neutralize = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const format = safe ? Object.fromEntries(table.columnNames().map((c) => [c, neutralize])) : undefined;
  const text = arqueroCSV(table, format ? { format } : {});
  return text.endsWith('\n') ? text : text + '\n';
}
