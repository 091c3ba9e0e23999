import { InvalidTableError, show } from '../errors.js';

/** A CSV text split strictly into a header and records (see {@link readCSV}). */
export interface StrictCSV {
  /** The column names of the header row. */
  names: string[];
  /** One array of cells per record after the header; an empty cell (`,,` or `,"",`) is `null`. */
  records: (string | null)[][];
  /** The line of the text each record starts on (1 = the header). */
  lines: number[];
}

/**
 * Splits CSV text (RFC 4180: comma-separated, `"` quotes, a quote inside doubled) into a header
 * and records, strictly: every record must have exactly as many cells as the header, and the
 * header no empty or repeated name. A byte-order mark and a final line break are allowed. Both the
 * bundled files and a user's text ({@link fromCSV}) are read by this one function, so a file the
 * package ships can never be read more leniently than a user's.
 *
 * @param text The CSV text.
 * @param where Who reads what, for the messages: `[fn, what]`, e.g. `['load', 'datasets/x.csv']`.
 * @returns The header's names, the records and the line each starts on.
 * @throws {InvalidTableError} Naming the file (or "the text"), every bad line and the cell counts.
 * @example
 * readCSV('a,b\n1,2\n', ['load', 'x.csv']);
 * // => { names: ['a', 'b'], records: [['1', '2']], lines: [2] }
 * readCSV('a,b\n1,2,3\n', ['load', 'x.csv']);
 * // throws InvalidTableError: load: x.csv is not a well-formed table; nothing was loaded:
 * // - row 1 (line 2): 3 cells; expected 2, one per column of the header
 */
export function readCSV(text: string, where: readonly [fn: string, what: string]): StrictCSV {
  const [fn, what] = where;
  const records = split(text.replace(/^\uFEFF/, ''), fn, what);
  const header = records.shift();
  if (!header)
    throw new InvalidTableError(
      `${fn}: ${what} is empty; expected a header row and at least one row.`,
    );
  const names = header.cells.map((c) => c ?? '');
  // Only the first 12 problems are written out, the rest counted (bounded memory on hostile text).
  const problems: string[] = [];
  let count = 0;
  const problem = (message: () => string) => {
    if (count++ < 12) problems.push(message());
  };
  const seen = new Set<string>();
  names.forEach((name, j) => {
    if (name === '') problem(() => `line 1, column ${j + 1}: an empty column name`);
    else if (seen.has(name)) problem(() => `line 1: the column ${show(name)} appears twice`);
    seen.add(name);
  });
  for (const [i, r] of records.entries()) {
    if (r.cells.length !== names.length)
      problem(
        () =>
          `row ${i + 1} (line ${r.line}): ${r.cells.length} cells; ` +
          `expected ${names.length}, one per column of the header`,
      );
  }
  if (count > 0) {
    const more = count - problems.length; // the count is the one number kept of the rest
    throw new InvalidTableError(
      `${fn}: ${what} is not a well-formed table; nothing was loaded:\n` +
        `- ${problems.join('\n- ')}${more > 0 ? `\n- … and ${more} more` : ''}`,
    );
  }
  return { names, records: records.map((r) => r.cells), lines: records.map((r) => r.line) };
}

/** A parsed line: its cells (an empty cell as null) and the line of the text it starts on. */
interface CSVRecord {
  cells: (string | null)[];
  line: number;
}

/** Splits CSV text (RFC 4180) into records. */
function split(text: string, fn: string, what: string): CSVRecord[] {
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
      `${fn}: in ${what}, a quoted cell opened on line ${opened} is never closed; ` +
        `expected a closing '"'.`,
    );
  if (cell !== '' || quoted || cells.length > 0) {
    endCell();
    records.push({ cells, line: start });
  }
  return records;
}
