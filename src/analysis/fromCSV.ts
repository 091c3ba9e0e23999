import type { TypedTable } from '../data/load.js';
import { InvalidTableError, show } from '../errors.js';
import type { CasualtyRow } from './shared.js';
import { validate, type FromRowsOptions } from './validate.js';
import { Problems, checkSize, failWith, maxCSVLength } from './problems.js';

/**
 * Parses a user's CSV text by the data contract's schema (never by inference) and checks it as
 * {@link fromRows} does. The text is comma-separated with a header row, `"` quotes (a quote
 * inside doubled) and `.` as decimal mark without thousands separators; an empty cell (`,,` or
 * `,"",`) is `null` (not reported, or no bound), never 0; `value`, `low` and `high` are parsed as numbers, every other
 * column stays a string (an id such as `1964` is not turned into a number). A byte-order mark and
 * a final line break are allowed; a row with more or fewer cells than the header is an error.
 *
 * Every problem is reported at once, naming the row (1 = the first row after the header) and its
 * line in the text, the column, the value and what was expected (the first 12 word for word, the
 * rest counted); on any problem nothing is returned. Text longer than 16 MiB
 * ({@link maxCSVLength} characters), more than a million rows or ten million cells are refused.
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
      `fromCSV: the text has ${text.length} characters; expected at most ${maxCSVLength} (16 MiB), which fromCSV checks within bounded memory.`,
    );
  const records = parseCSV(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header)
    throw new InvalidTableError(
      'fromCSV: the text is empty; expected a header row and at least one row.',
    );
  const names = header.cells.map((c) => c ?? '');
  checkSize('fromCSV', records.length, names.length);
  const problems = new Problems();
  const seen = new Set<string>();
  names.forEach((name, j) => {
    if (name === '') problems.push(`line 1, column ${j + 1}: an empty column name`);
    else if (seen.has(name)) problems.push(() => `line 1: the column ${show(name)} appears twice`);
    seen.add(name);
  });
  for (const [i, r] of records.entries()) {
    if (r.cells.length !== names.length)
      problems.push(
        `row ${i + 1} (line ${r.line}): ${r.cells.length} cells; expected ${names.length}, one per column of the header`,
      );
  }
  if (problems.length > 0) failWith('fromCSV', problems, 'the text is not a well-formed table');
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

/** Splits CSV text (RFC 4180) into records, in one pass: each cell is sliced out of the text whole. */
function parseCSV(text: string): CSVRecord[] {
  const records: CSVRecord[] = [];
  let cells: (string | null)[] = [];
  let line = 1;
  let start = 1; // the line the current record starts on
  let i = 0;
  const n = text.length;
  const atEnd = () => cells.length === 0 && i >= n;
  while (!atEnd()) {
    let cell: string;
    if (text[i] === '"') {
      const opened = line;
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0)
          throw new InvalidTableError(
            `fromCSV: a quoted cell opened on line ${opened} is never closed; expected a closing '"'.`,
          );
        parts.push(text.slice(from, q));
        if (text[q + 1] === '"') {
          parts.push('"');
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cell = parts.join('');
      line += countLines(cell);
      // text after the closing quote and before the separator belongs to the cell, as written
      const end = nextSeparator(text, i);
      cell += text.slice(i, end);
      i = end;
    } else {
      const end = nextSeparator(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell === '' ? null : cell);
    if (i < n && text[i] === ',') {
      i++;
      if (i >= n) {
        cells.push(null); // a final empty cell: "a,"
        records.push({ cells, line: start });
        cells = [];
      }
      continue;
    }
    // a line break or the end of the text ends the record
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    records.push({ cells, line: start });
    cells = [];
    line++;
    start = line;
  }
  return records;
}

/** The index of the next ',', '\n' or '\r' at or after `from` (the text's length if none). */
function nextSeparator(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 44 || c === 10 || c === 13) return j;
  }
  return text.length;
}

/** How many line feeds a cell holds. */
function countLines(cell: string): number {
  let count = 0;
  for (let j = cell.indexOf('\n'); j >= 0; j = cell.indexOf('\n', j + 1)) count++;
  return count;
}
