// Capture histories counted from a stream of CSV records: a file of any size, in bounded memory.
// The records are never held as one string or one table: each chunk of bytes is parsed as it
// comes, and only the counts (2^lists cells per stratum) are kept.
import type { ColumnTable } from 'arquero';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  checkOptions,
  show,
} from '../errors.js';
import {
  checkCounts,
  historiesTable,
  maxLists,
  type CaptureHistoriesOptions,
} from './histories.js';

/**
 * CSV text in chunks, as bytes (UTF-8) or strings: a Node stream (`fs.createReadStream(path)`), a
 * web `ReadableStream` (`(await fetch(url)).body`, `file.stream()`), or any (async) iterable.
 */
export type CSVChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** The longest cell read, in bytes: a longer one is refused, so that no input grows the heap. */
export const maxCellBytes = 1 << 20;

/**
 * Counts capture histories from CSV records as they stream in, without reading the file into
 * memory: the same result, and the same errors, as {@link captureHistories} on the parsed table.
 * Memory stays bounded by the counts (2^lists per stratum), whatever the number of records.
 *
 * The CSV has a header row, commas between cells and `"` around a cell that holds one (RFC 4180);
 * a list cell is `1`/`0` or `true`/`false`; an empty cell in a list column is a missing value,
 * refused as in `captureHistories`. Blank lines are skipped.
 *
 * @param source The CSV text in chunks (see {@link CSVChunks}).
 * @param options `lists` (the list columns), `strata` (columns to count within), `count` (for a
 *   file that is already a count table: the column of counts).
 * @returns A promise of the table `captureHistories` returns: the strata columns, one boolean
 *   column per list, `pattern`, `count`.
 * @throws {UnknownIdError} If a named column is not in the header.
 * @throws {InvalidTableError} If a record is on no list, a list holds no record, a list cell is not
 *   1/0/true/false, a row has another number of cells than the header, a quote is left open, or
 *   a cell is longer than {@link maxCellBytes}.
 * @throws {InvalidOptionError} If fewer than two lists are given, or a list is named twice.
 * @example
 * import { createReadStream } from 'node:fs';
 * const histories = await streamHistories(createReadStream('records.csv'), {
 *   lists: ['a', 'b', 'c'],
 * });
 * estimate(histories, { lists: ['a', 'b', 'c'] });
 * // => the same as estimate(captureHistories(fromCSV(text), { lists }), { lists })
 */
export async function streamHistories(
  source: CSVChunks,
  options: CaptureHistoriesOptions,
): Promise<ColumnTable> {
  const counter = new HistoryCounter(checkOptions(options, 'streamHistories'));
  const encoder = new TextEncoder();
  for await (const chunk of source)
    counter.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  return counter.end();
}

// What a column is to the counter: ignored, a stratum, the count, or (bit + 1) of a list.
const IGNORED = 0;
const STRATUM = -1;
const COUNT = -2;

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The byte-by-byte CSV reader and counter behind {@link streamHistories}. */
class HistoryCounter {
  private readonly lists: string[];
  private readonly strata: string[];
  private countName: string | undefined;
  private readonly cells: number;
  private readonly decoder = new TextDecoder();

  // What each column of the header is (null until the header is read).
  private roles: Int32Array | null = null;
  private stratumSlot: Int32Array | null = null;
  private names: string[] = [];

  // The counts, 2^lists cells per stratum, and the strata met so far.
  private counts: Float64Array;
  private readonly keys: unknown[][] = [];
  private readonly stratumIndex = new Map<string, number>();

  // The record being read.
  private row = 0;
  private column = 0;
  private pattern = 0;
  private weight = 1;
  private readonly values: unknown[];
  private readonly headerCells: string[] = [];
  private cell = new Uint8Array(64);
  private cellLength = 0;
  private cellBytes = 0;
  private quoted = false;
  private inQuotes = false;
  private quoteSeen = false;
  private blank = true;

  constructor(o: Partial<CaptureHistoriesOptions>) {
    const given: unknown = o.lists;
    if (!Array.isArray(given) || given.length < 2 || given.some((l) => typeof l !== 'string'))
      throw new InvalidOptionError(
        `streamHistories: option lists is ${show(given)}; ` +
          "expected the names of two or more list columns, e.g. { lists: ['a', 'b', 'c'] }.",
      );
    const lists = given as string[];
    if (lists.length > maxLists)
      throw new InvalidOptionError(
        `streamHistories: ${lists.length} lists given; at most ${maxLists} are supported.`,
      );
    if (new Set(lists).size !== lists.length)
      throw new InvalidOptionError(
        `streamHistories: option lists names a list twice: ${show(lists)}.`,
      );
    this.lists = [...lists];
    this.strata = [...(o.strata ?? [])];
    for (const s of this.strata)
      if (lists.includes(s))
        throw new InvalidOptionError(`streamHistories: '${s}' is both a list and a stratum.`);
    this.countName = o.count;
    this.cells = 1 << lists.length;
    this.counts = new Float64Array(this.strata.length ? this.cells * 16 : this.cells);
    this.values = new Array<unknown>(this.strata.length);
    if (!this.strata.length) this.keys.push([]);
  }

  /** Reads one chunk of bytes; a record may run across chunks. */
  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.inQuotes) {
        if (b === QUOTE) {
          this.inQuotes = false;
          this.quoteSeen = true;
        } else this.add(b);
      } else if (b === COMMA) this.endCell();
      else if (b === LF) this.endRecord();
      else if (b === QUOTE) {
        // `""` inside a quoted cell is one quote; a quote opens a cell only at its start.
        if (this.quoteSeen) {
          this.add(QUOTE);
          this.inQuotes = true;
          this.quoteSeen = false;
        } else if (this.cellBytes === 0 && !this.quoted) {
          this.inQuotes = true;
          this.quoted = true;
          this.blank = false;
        } else this.add(QUOTE);
      } else if (b !== CR) {
        this.quoteSeen = false;
        this.add(b);
      }
    }
  }

  /** The counts, once every chunk is read. */
  end(): ColumnTable {
    if (this.inQuotes)
      throw new InvalidTableError(
        `Row ${this.row}: a quote opened and never closed; ` +
          'expected a closing " before the end of the file.',
      );
    if (!this.blank || this.column > 0) this.endRecord();
    if (!this.roles)
      throw new InvalidTableError(
        'streamHistories: the CSV is empty; expected a header row naming the list columns.',
      );
    const strata = this.keys.length;
    const counts = this.counts.subarray(0, strata * this.cells);
    checkCounts(counts, this.lists, this.cells, strata);
    return historiesTable(this.lists, this.strata, this.keys, counts);
  }

  private add(b: number): void {
    this.blank = false;
    if (++this.cellBytes > maxCellBytes)
      throw new InvalidTableError(
        `Row ${this.row}, column ${this.column + 1}: a cell longer than ${maxCellBytes} bytes; ` +
          'expected a CSV of records (is this the right file?).',
      );
    // Only the cells the counter reads are kept; the others are only measured.
    if (this.roles && this.roles[this.column] === IGNORED) return;
    if (this.cellLength === this.cell.length) {
      const grown = new Uint8Array(this.cell.length * 2);
      grown.set(this.cell);
      this.cell = grown;
    }
    this.cell[this.cellLength++] = b;
  }

  private endCell(): void {
    const roles = this.roles;
    if (!roles) this.headerCells.push(this.text());
    else if (this.column < roles.length) {
      const role = roles[this.column]!;
      if (role > 0) this.readList(role - 1);
      else if (role === STRATUM)
        this.values[this.stratumSlot![this.column]!] = cellValue(this.text());
      else if (role === COUNT) this.readCount();
    }
    this.column++;
    this.cellLength = 0;
    this.cellBytes = 0;
    this.quoted = false;
    this.quoteSeen = false;
  }

  private endRecord(): void {
    if (this.blank && this.column === 0) return; // a blank line
    this.endCell();
    if (!this.roles) this.readHeader();
    else {
      if (this.column !== this.roles.length)
        throw new InvalidTableError(
          `Row ${this.row} has ${this.column} cells; expected ${this.roles.length}, as in the ` +
            `header (${this.names.join(', ')}).`,
        );
      if (this.pattern === 0 && this.countName === undefined)
        throw new InvalidTableError(
          `Row ${this.row} is on none of the lists ${this.lists.join(', ')}; ` +
            'every record must be on at least one list ' +
            '(the people on no list are what is estimated).',
        );
      const c = this.stratum() * this.cells + this.pattern;
      this.counts[c] = this.counts[c]! + this.weight;
    }
    this.row++;
    this.column = 0;
    this.pattern = 0;
    this.weight = 1;
    this.blank = true;
  }

  private readHeader(): void {
    const names = this.headerCells.splice(0);
    if (names[0]?.charCodeAt(0) === 0xfeff) names[0] = names[0].slice(1);
    this.names = names;
    const roles = new Int32Array(names.length);
    const slots = new Int32Array(names.length);
    const role = (name: string, kind: string, r: number): number => {
      const i = names.indexOf(name);
      if (i < 0) throw new UnknownIdError(kind, name, names);
      if (names.indexOf(name, i + 1) >= 0)
        throw new InvalidTableError(
          `The header names the column '${name}' twice; expected each column once.`,
        );
      roles[i] = r;
      return i;
    };
    this.lists.forEach((l, j) => role(l, 'list column', j + 1));
    this.strata.forEach((s, k) => (slots[role(s, 'strata column', STRATUM)] = k));
    // As in captureHistories: a column named `count` is the counts unless it is a list.
    if (this.countName === undefined && names.includes('count') && !this.lists.includes('count'))
      this.countName = 'count';
    if (this.countName !== undefined) role(this.countName, 'count column', COUNT);
    this.roles = roles;
    this.stratumSlot = slots;
  }

  private readList(j: number): void {
    const c = this.cell;
    const n = this.cellLength;
    if (n === 1 && c[0] === 49) this.pattern |= 1 << j;
    else if (n === 1 && c[0] === 48) return;
    else if (n === 4 && this.text() === 'true') this.pattern |= 1 << j;
    else if (n === 5 && this.text() === 'false') return;
    else
      throw new InvalidTableError(
        `Row ${this.row}, list column '${this.lists[j]}': ${show(cellValue(this.text()))}; ` +
          'expected true/false or 1/0 ' +
          '(a missing value is not "not on the list": resolve it first).',
      );
  }

  private readCount(): void {
    const v = cellValue(this.text());
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new InvalidTableError(
        `Row ${this.row}, count column '${this.countName}': ${show(v)}; ` +
          'expected a whole number of records, 0 or more.',
      );
    this.weight = v;
  }

  /** The index of the current record's stratum, a new one if it is the first of its kind. */
  private stratum(): number {
    if (!this.strata.length) return 0;
    const key = JSON.stringify(this.values);
    let k = this.stratumIndex.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.stratumIndex.set(key, k);
      this.keys.push([...this.values]);
      if ((k + 1) * this.cells > this.counts.length) {
        const grown = new Float64Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
    }
    return k;
  }

  private text(): string {
    return this.decoder.decode(this.cell.subarray(0, this.cellLength));
  }
}

/**
 * A cell's value as a CSV reader types it: empty is missing, then a number, a boolean, text.
 * @internal
 */
export function cellValue(text: string): unknown {
  if (text === '') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return Number.isFinite(n) && text.trim() === text ? n : text;
}
