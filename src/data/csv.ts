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

/** A CSV text split strictly into a header and columns (see {@link splitCSV}). */
export interface CSVColumns {
  /** The column names of the header row. */
  names: string[];
  /**
   * One array per column of the header, a cell per record: its text, `null` for an empty cell
   * (`,,` or `,"",`), and in a column of `decimals` a number where the cell is a plain decimal.
   */
  columns: (string | number | null)[][];
  /** The line of the text each record starts on (1 = the header). */
  lines: number[];
  /** How many records follow the header (the columns hold them all unless a limit was passed). */
  rows: number;
}

/** Options of {@link splitCSV}. */
export interface ReadColumnsOptions {
  /**
   * Which columns hold figures: there a cell that is a plain decimal (digits, optionally `.` and
   * digits; no sign, no exponent, no spaces) no larger than `Number.MAX_SAFE_INTEGER` is read as a
   * number; any other non-empty cell stays text, for the caller to report.
   * @default no column
   */
  decimals?: (name: string) => boolean;
  /**
   * Past this many cells (records × columns) the columns stop keeping cells, but the text is still
   * read to its end and checked, and `rows` counts every record: a caller that refuses a larger
   * table reads any text within bounded memory.
   * @default Infinity
   */
  maxCells?: number;
  /** Past this many records the columns stop keeping cells (as `maxCells`). @default Infinity */
  maxRows?: number;
  /**
   * The most columns the header may have: a wider header is refused as soon as it is read, before
   * a column is made for it (`','.repeat(1e8)` is a header of 100 million empty names).
   * @default Infinity
   */
  maxColumns?: number;
}

/** How many problems a message lists exactly; the rest are counted. */
const shown = 12;

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const DOT = 46;

/**
 * Splits CSV text (RFC 4180: comma-separated, `"` quotes, a quote inside doubled) into a header
 * and columns, strictly: every record must have exactly as many cells as the header, and the
 * header no empty or repeated name. A byte-order mark and a final line break are allowed. Both the
 * bundled files (`load`, the build) and a user's text (`fromCSV`) are read by this one function, so
 * a file the package ships can never be read more leniently than a user's. The text is read once,
 * straight into one array per column: no object or array per record.
 *
 * @param text The CSV text.
 * @param where Who reads what, for the messages: `[fn, what]`, e.g. `['load', 'datasets/x.csv']`.
 * @param options See {@link ReadColumnsOptions}.
 * @returns The header's names, the columns, the line each record starts on, and the record count.
 * @throws {InvalidTableError} Naming the file (or "the text"), every bad line and the cell counts
 *   (the first 12 word for word, the rest counted).
 * @example
 * splitCSV('a,b\n1,2\n', ['load', 'x.csv'], { decimals: (name) => name === 'b' });
 * // => { names: ['a', 'b'], columns: [['1'], [2]], lines: [2], rows: 1 }
 */
export function splitCSV(
  text: string,
  where: readonly [fn: string, what: string],
  options: ReadColumnsOptions = {},
): CSVColumns {
  const [fn, what] = where;
  const { decimals, maxCells = Infinity, maxRows = Infinity, maxColumns = Infinity } = options;
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Only the first 12 problems are written out, the rest counted (bounded memory on hostile text).
  const problems: string[] = [];
  let count = 0;
  const problem = (message: () => string) => {
    if (count++ < shown) problems.push(message());
  };

  let names: string[] | undefined;
  let width = 0;
  let numeric: boolean[] = [];
  let columns: (string | number | null)[][] = [];
  let last: (string | null)[] = []; // the previous text cell of each column, shared where repeated
  const lines: number[] = [];
  let rows = 0;
  let keep = true; // false once the table is refused anyway: cells are checked, no longer kept

  /** Moves `i` to the end of the cell: the next comma or line break, or the end of the text. */
  const toCellEnd = () => {
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === LF || c === CR) break;
    }
  };

  /**
   * A quoted cell from `i` (at its opening quote) to the next delimiter, as the RFC reads it; text
   * after the closing quote is kept as it is (a quote there, never doubled, is a quote).
   */
  const quotedCell = (): string | null => {
    let content = '';
    const opened = line;
    i++;
    for (;;) {
      let q = i;
      while (q < end && text.charCodeAt(q) !== QUOTE) {
        if (text.charCodeAt(q) === LF) line++;
        q++;
      }
      content += text.slice(i, q);
      if (q === end)
        throw new InvalidTableError(
          `${fn}: in ${what}, a quoted cell opened on line ${opened} is never closed; ` +
            `expected a closing '"'.`,
        );
      i = q + 1;
      if (text.charCodeAt(i) !== QUOTE) break;
      content += '"'; // a doubled quote
      i++;
    }
    const rest = i;
    toCellEnd();
    content += text.slice(rest, i);
    return content === '' ? null : content;
  };

  /** A cell of a figure column: a number where it is a plain decimal, else its text. */
  const decimalCell = (): string | number | null => {
    if (i < end && text.charCodeAt(i) === QUOTE) {
      const cell = quotedCell();
      return cell === null ? null : decimal(cell);
    }
    const start = i;
    let v = 0;
    let dot = -1;
    let plain = true;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === LF || c === CR) break;
      if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
      else if (c === DOT && dot < 0) dot = i;
      else plain = false;
    }
    if (i === start) return null;
    if (plain && dot < 0 && i - start <= 15) return v; // exact: at most 15 digits
    return decimal(text.slice(start, i));
  };

  /** A text cell; a repeat of the column's previous cell shares its string. */
  const textCell = (j: number): string | null => {
    if (i < end && text.charCodeAt(i) === QUOTE) return quotedCell();
    const start = i;
    toCellEnd();
    if (i === start) return null;
    const previous = last[j];
    if (previous != null && previous.length === i - start && text.startsWith(previous, start))
      return previous;
    const cell = text.slice(start, i);
    if (j >= 0 && j < width) last[j] = cell;
    return cell;
  };

  while (i < end) {
    const start = line;
    if (names !== undefined && keep && (rows + 1 > maxRows || (rows + 1) * width > maxCells))
      keep = false;
    const header: string[] = [];
    let j = 0;
    for (;;) {
      if (names === undefined) {
        if (header.length >= maxColumns)
          throw new InvalidTableError(
            `${fn}: the header of ${what} has more than ${maxColumns} columns; expected at most ` +
              `${maxColumns} (the budget maxColumns, which keeps any header within bounded ` +
              'memory): split the table into narrower ones.',
          );
        header.push(textCell(-1) ?? '');
      } else {
        const cell = numeric[j] === true ? decimalCell() : textCell(j);
        if (keep && j < width) columns[j]!.push(cell);
      }
      j++;
      const c = i < end ? text.charCodeAt(i) : -1;
      i++;
      if (c === COMMA) continue;
      if (c === CR && text.charCodeAt(i) === LF) i++;
      if (c !== -1) line++;
      break;
    }
    if (names === undefined) {
      names = header;
      width = names.length;
      numeric = names.map((name) => decimals?.(name) === true);
      columns = names.map(() => []);
      last = names.map(() => null);
      const seen = new Set<string>();
      names.forEach((name, k) => {
        if (name === '') problem(() => `line 1, column ${k + 1}: an empty column name`);
        else if (name.includes('\ufeff'))
          problem(
            () =>
              `line 1, column ${k + 1}: the name ${show(name.replace(/\ufeff/g, '<U+FEFF>'))} ` +
              'holds a byte-order mark (U+FEFF), an invisible character; expected the name ' +
              'without it (save the file as UTF-8 once, without a second mark)',
          );
        else if (seen.has(name)) problem(() => `line 1: the column ${show(name)} appears twice`);
        seen.add(name);
      });
      if (count > 0) keep = false;
      continue;
    }
    rows++;
    if (j !== width) {
      const row = rows;
      problem(
        () =>
          `row ${row} (line ${start}): ${j} cells; expected ${width}, one per column of the header`,
      );
      keep = false;
    }
    if (keep) lines.push(start);
  }
  if (names === undefined)
    throw new InvalidTableError(
      `${fn}: ${what} is empty; expected a header row and at least one row.`,
    );
  if (count > 0) {
    const more = count - problems.length; // the count is the one number kept of the rest
    throw new InvalidTableError(
      `${fn}: ${what} is not a well-formed table; nothing was loaded:\n` +
        `- ${problems.join('\n- ')}${more > 0 ? `\n- … and ${more} more` : ''}`,
    );
  }
  return { names, columns, lines, rows };
}

/** A cell's text as a number where it is a plain decimal no larger than MAX_SAFE_INTEGER. */
function decimal(cell: string): string | number {
  if (!/^\d+(\.\d+)?$/.test(cell)) return cell;
  const n = Number(cell);
  return n <= Number.MAX_SAFE_INTEGER ? n : cell;
}

/**
 * Splits CSV text strictly into a header and records, as {@link splitCSV} reads it (the same
 * rules, the same messages), one array of cells per record: for the build, which reads small files.
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
  const { names, columns, lines } = splitCSV(text, where);
  const records = lines.map((_, i) => columns.map((column) => column[i] as string | null));
  return { names, records, lines };
}
