import type { TypedTable } from '../data/load.js';
import { splitCSV } from '../data/csv.js';
import { InvalidTableError, show } from '../errors.js';
import type { CasualtyRow } from '../data/contract.js';
import { figureColumns, validate, type FromRowsOptions } from './validate.js';
import { maxCSVLength, maxCells, maxColumns, maxRows } from './problems.js';

/**
 * Parses a user's CSV text by the data contract's schema (never by inference) and checks it as
 * {@link fromRows} does. The text is comma-separated with a header row, `"` quotes (a quote
 * inside doubled) and `.` as decimal mark without thousands separators; an empty cell (`,,` or
 * `,"",`) is `null` (not reported, or no bound), never 0; `value`, `low` and `high` are parsed as
 * numbers, every other column stays a string (an id such as `1964` is not turned into a number). A
 * byte-order mark and a final line break are allowed; a row with more or fewer cells than the
 * header is an error.
 *
 * Every problem is reported at once, naming the row (1 = the first row after the header) and its
 * line in the text, the column, the value and what was expected (the first 12 word for word, the
 * rest counted); on any problem nothing is returned. Text longer than 256 MiB
 * ({@link maxCSVLength} characters), a header of more than a million columns
 * ({@link maxColumns}), more than a million rows or twenty million cells are refused. The text
 * is read once, straight into columns, and checked column by column.
 *
 * @param text The CSV text.
 * @param options See {@link FromRowsOptions}.
 * @returns A new table, as {@link fromRows} returns it.
 * @throws {InvalidTableError} If the text is not well-formed CSV or a row breaks the contract.
 * @throws {InvalidOptionError} If `sources` is not an array of ids.
 * @example
 * fromCSV('source,region,measure,unit,value,low,high,qualifier,label,note\n' +
 *   'zerjavic,serbia,deaths,persons,273000,273000,273000,exact,Serbia,\n').object();
 * // => { source: 'zerjavic', region: 'serbia', measure: 'deaths', unit: 'persons', value: 273000,
 * //      low: 273000, high: 273000, qualifier: 'exact', label: 'Serbia', note: null }
 */
export function fromCSV(text: string, options?: FromRowsOptions): TypedTable<CasualtyRow> {
  if (typeof text !== 'string')
    throw new InvalidTableError(`fromCSV: expected the text of a CSV file; got ${show(text)}.`);
  if (text.length > maxCSVLength)
    throw new InvalidTableError(
      `fromCSV: the text has ${text.length} characters; expected at most ${maxCSVLength} ` +
        `(${maxCSVLength / 1024 / 1024} MiB), which fromCSV checks within bounded memory.`,
    );
  // Read straight into columns, the figures as numbers; past the limits nothing more is kept.
  const { names, columns, lines, rows } = splitCSV(text, ['fromCSV', 'the text'], {
    decimals: (name) => figureColumns.includes(name),
    maxRows,
    maxCells,
    maxColumns,
  });
  const index = new Map(names.map((name, j) => [name, j]));
  return validate('fromCSV', 'csv', rows, names.length, options, () => ({
    names,
    column: (name) => columns[index.get(name)!]!,
    where: (i) => `row ${i + 1} (line ${lines[i]})`,
  }));
}
