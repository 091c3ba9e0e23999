import { toCSV as arqueroCSV, type ColumnTable } from 'arquero';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { checkTable } from './display.js';

/** Options of {@link toCSV}. */
export interface CSVOptions {
  /**
   * Whether to neutralize cells that a spreadsheet would run as a formula by prefixing them with
   * `'`: cells starting with `=`, `+`, `-` or `@` or a look-alike of one (＝ ﹦ ＋ ﹢ － ﹣ − ＠ ﹫),
   * also after any whitespace, control or invisible characters (which some spreadsheets drop),
   * and cells starting with a tab or a carriage return; an array or object cell is checked as the
   * text it is written as. Numbers are never changed. `true` or `false`; default `true`.
   */
  safe?: boolean;
}

/**
 * Text a spreadsheet may run as a formula: `=`, `+`, `-` or `@`, or a look-alike a spreadsheet may
 * read as one (full-width ＝ ＋ － ＠, small ﹦ ﹢ ﹣ ﹫, the minus sign −), after any leading
 * whitespace, control or invisible format characters (zero-width spaces and joiners,
 * bidirectional marks, word joiners, soft hyphens, variation selectors, tags, Hangul fillers),
 * which a spreadsheet may drop; or a leading tab or carriage return.
 */
const invisible =
  String.raw`[\s\p{Cc}\p{Cf}\p{Z}\u034f\u115f\u1160\u180e\u3164\uffa0` +
  String.raw`\ufe00-\ufe0f\u{e0100}-\u{e01ef}]*`;
const formulaStart = String.raw`[=+\-@\u2212\ufe62\ufe63\ufe66\ufe6b\uff0b\uff0d\uff1d\uff20]`;
// eslint-disable-next-line no-misleading-character-class -- variation selectors, each alone
const formula = new RegExp(`^(?:${invisible}${formulaStart}|[\\t\\r])`, 'u');

/**
 * The text a cell is written as, for a value that is not a number, boolean or date: what arquero
 * writes (`String(v)`: an array `['=1+1']` is `=1+1`), or its JSON if it has no text.
 */
function cellText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return show(value);
  }
}

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
  // Text, and arrays and objects (written as their text), are checked as the text written.
  const neutralize = (v: unknown) => {
    if (!safe || v == null || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'bigint' || v instanceof Date) return v;
    const text = typeof v === 'string' ? v : cellText(v);
    return formula.test(text) ? `'${text}` : v;
  };
  // A format for every column, as own properties: arquero looks a column's format up by name, so
  // a column named 'toString' or 'constructor' would otherwise be formatted by Object.prototype's.
  const format = Object.fromEntries(names.map((c) => [c, neutralize]));
  // The header is written here, so that a column name is neutralized like any other text cell.
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = names.map((c) => quote(String(neutralize(c)))).join(',') + '\n';
  const body = names.length === 0 ? '' : arqueroCSV(table, { format, header: false });
  return header + body;
}
