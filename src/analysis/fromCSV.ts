import type { TypedTable } from '../data/load.js';
import { InvalidTableError, show } from '../errors.js';
import type { CasualtyRow } from './shared.js';
import { validate, type FromRowsOptions } from './validate.js';

/**
 * Parses a user's CSV text by the data contract's schema (never by inference) and checks it as
 * {@link fromRows} does. The text is comma-separated with a header row, `"` quotes (a quote
 * inside doubled) and `.` as decimal mark without thousands separators; an empty cell (`,,` or
 * `,"",`) is `null` (not reported, or no bound), never 0; `value`, `low` and `high` are parsed as numbers, every other
 * column stays a string (an id such as `1964` is not turned into a number). A byte-order mark and
 * a final line break are allowed; a row with more or fewer cells than the header is an error.
 *
 * Every problem is reported at once, naming the row (1 = the first row after the header) and its
 * line in the text, the column, the value and what was expected; on any problem nothing is returned.
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
  const records = parseCSV(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header)
    throw new InvalidTableError(
      'fromCSV: the text is empty; expected a header row and at least one row.',
    );
  const names = header.cells.map((c) => c ?? '');
  const problems: string[] = [];
  names.forEach((name, j) => {
    if (name === '') problems.push(`line 1, column ${j + 1}: an empty column name`);
    else if (names.indexOf(name) !== j) problems.push(`line 1: the column '${name}' appears twice`);
  });
  for (const [i, r] of records.entries()) {
    if (r.cells.length !== names.length)
      problems.push(
        `row ${i + 1} (line ${r.line}): ${r.cells.length} cells; expected ${names.length}, one per column of the header`,
      );
  }
  if (problems.length > 0) {
    throw new InvalidTableError(
      `fromCSV: the text is not a well-formed table; nothing was loaded:\n- ${problems.slice(0, 12).join('\n- ')}`,
    );
  }
  const rows = records.map((r) =>
    Object.fromEntries(names.map((name, j) => [name, r.cells[j] ?? null])),
  );
  return validate(
    rows,
    options,
    'fromCSV',
    'csv',
    (i) => `row ${i + 1} (line ${records[i]!.line})`,
    names,
  );
}

/** A parsed line: its cells (an empty cell as null) and the line of the text it starts on. */
interface CSVRecord {
  cells: (string | null)[];
  line: number;
}

/** Splits CSV text (RFC 4180) into records. */
function parseCSV(text: string): CSVRecord[] {
  const records: CSVRecord[] = [];
  let cells: (string | null)[] = [];
  let cell = '';
  let quoted = false; // the current cell was quoted ("" is an empty cell too)
  let inQuotes = false;
  let line = 1;
  let start = 1;
  let opened = 1; // the line a quoted cell opened on
  const endCell = () => {
    cells.push(cell === '' ? null : cell);
    cell = '';
    quoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      inQuotes = true;
      quoted = true;
      opened = line;
    } else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endCell();
      records.push({ cells, line: start });
      cells = [];
      line++;
      start = line;
    } else cell += c;
  }
  if (inQuotes)
    throw new InvalidTableError(
      `fromCSV: a quoted cell opened on line ${opened} is never closed; expected a closing '"'.`,
    );
  if (cell !== '' || quoted || cells.length > 0) {
    endCell();
    records.push({ cells, line: start });
  }
  return records;
}
