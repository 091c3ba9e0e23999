// Bounded error collection and size limits: whatever the input, an error message holds the first
// problems exactly and counts the rest, and an input too large to check within memory, or a result
// too large to build, is refused before any work is done on it.
import { InvalidTableError } from '../errors.js';

/** How many problems an error message lists exactly; the rest are counted. */
export const shownProblems = 12;

/**
 * The longest CSV text {@link fromCSV} reads: 256 MiB of characters, room for a million rows of
 * up to 268 characters (the bundled datasets' rows have 501 at most, note and all; a generated
 * row of the benchmark about 60). fromCSV reads the text once, straight into columns, and keeps
 * at most {@link maxCells} cells: whatever the text, the memory it takes stays bounded (see the
 * README, "Security").
 */
export const maxCSVLength = 256 * 1024 * 1024;

/**
 * The most columns the header of a CSV text may have in {@link fromCSV}: a wider header is refused
 * as it is read (`','.repeat(1e8)`, 100 MB, was a header of 100 million names and ran Node out of
 * memory).
 */
export const maxColumns = 1_000_000;

/** The most rows fromRows and fromCSV accept. */
export const maxRows = 1_000_000;

/**
 * The most cells (rows × columns) fromRows and fromCSV accept: a million rows of 20 columns (the
 * nine of the contract, the five of the structure and six dimensions).
 */
export const maxCells = 20_000_000;

/**
 * The most cells a result (or the working table behind it) may hold: two and a half times the
 * largest table {@link maxCells} lets in, as a result can be larger than its table (compare's has
 * a row for every category and source, reported or not; agreement's one for every pair of sources).
 */
export const maxResultCells = 50_000_000;

/** A problem's message, or a function that writes it (called only if the message is kept). */
export type Message = string | (() => string);

/**
 * The problems found in a table: the first {@link shownProblems} kept word for word, every one
 * counted. `push` takes the message, or a function that writes it (called only if it is kept).
 */
export class Problems {
  /** The problems kept, in the order found. */
  readonly shown: string[] = [];
  private count = 0;

  push(...messages: Message[]): number {
    for (const m of messages) {
      if (this.shown.length < shownProblems) this.shown.push(typeof m === 'string' ? m : m());
      this.count++;
    }
    return this.count;
  }

  /** Counts `n` more problems, found but not written out (they come after every kept one). */
  skip(n: number): void {
    this.count += n;
  }

  /** How many problems were found. */
  get length(): number {
    return this.count;
  }
}

/** Throws the InvalidTableError of a table with problems: the first ones, and how many more. */
export function failWith(fn: string, problems: Problems, what: string): never {
  const more = problems.length - problems.shown.length;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new InvalidTableError(
    `${fn}: ${what} (${count}); nothing was loaded:\n- ` +
      `${problems.shown.join('\n- ')}${more > 0 ? `\n- … and ${more} more` : ''}`,
  );
}

/** Throws if a table has more rows or cells than {@link maxRows} and {@link maxCells}. */
export function checkSize(fn: string, rows: number, columns: number): void {
  if (rows > maxRows)
    throw new InvalidTableError(
      `${fn}: the table has ${rows} rows; expected at most ${maxRows}, which is what fromRows ` +
        'and fromCSV check within bounded memory.',
    );
  if (rows * columns > maxCells)
    throw new InvalidTableError(
      `${fn}: the table has ${rows} rows × ${columns} columns = ${rows * columns} cells; ` +
        `expected at most ${maxCells}, which is what fromRows and fromCSV check within bounded ` +
        'memory.',
    );
}

/**
 * Throws before a result (or the working table behind it) is built if it would hold more than
 * {@link maxResultCells} cells: `what` says how they come about, e.g. `the result would have 5000
 * categories × 5000 sources × 21 columns`. A table of few rows can ask for a grid of many more.
 */
export function checkCells(fn: string, what: string, cells: number): void {
  if (cells > maxResultCells)
    throw new InvalidTableError(
      `${fn}: ${what} = ${cells} cells; expected at most ${maxResultCells}, the most ` +
        'this package builds within bounded memory.',
    );
}

/**
 * Problems found column by column, kept in the order a row-by-row check finds them: by row, then
 * by check (`slot`: the columns in the order they are checked), then in the order added. Only the
 * first {@link shownProblems} in that order are kept (each column's checks add in row order, so
 * none of the first can be missed); every one is counted.
 */
export class RankedProblems {
  private readonly kept: { row: number; slot: number; seq: number; message: Message }[] = [];
  private count = 0;

  add(row: number, slot: number, message: Message): void {
    const seq = this.count++;
    const kept = this.kept;
    let k = kept.length;
    if (k === shownProblems) {
      const last = kept[k - 1]!;
      if (row > last.row || (row === last.row && slot >= last.slot)) return;
      kept.pop();
      k--;
    }
    while (k > 0) {
      const e = kept[k - 1]!;
      if (e.row < row || (e.row === row && (e.slot < slot || (e.slot === slot && e.seq < seq))))
        break;
      k--;
    }
    kept.splice(k, 0, { row, slot, seq, message });
  }

  /** How many problems were found. */
  get length(): number {
    return this.count;
  }

  /**
   * Moves the problems, in order, into `problems`: the kept ones word for word, the rest counted.
   */
  into(problems: Problems): void {
    for (const e of this.kept) problems.push(e.message);
    problems.skip(this.count - this.kept.length);
  }
}
