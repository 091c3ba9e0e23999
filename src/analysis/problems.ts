// Bounded error collection and input limits for fromRows and fromCSV: whatever the input, an
// error message holds the first problems exactly and counts the rest, and an input too large to
// check within memory is refused before any work is done on it.
import { InvalidTableError } from '../errors.js';

/** How many problems an error message lists exactly; the rest are counted. */
export const shownProblems = 12;

/**
 * The longest CSV text {@link fromCSV} reads: 16 MiB of characters. Parsing and checking take
 * about 35 bytes of memory per character of input; the bundled datasets are under 20 KB each.
 */
export const maxCSVLength = 16 * 1024 * 1024;

/** The most rows fromRows and fromCSV accept. */
export const maxRows = 1_000_000;

/** The most cells (rows × columns) fromRows and fromCSV accept. */
export const maxCells = 10_000_000;

/**
 * The problems found in a table: the first {@link shownProblems} kept word for word, every one
 * counted. `push` takes the message, or a function that writes it (called only if it is kept).
 */
export class Problems {
  /** The problems kept, in the order found. */
  readonly shown: string[] = [];
  private count = 0;

  push(...messages: (string | (() => string))[]): number {
    for (const m of messages) {
      if (this.shown.length < shownProblems) this.shown.push(typeof m === 'string' ? m : m());
      this.count++;
    }
    return this.count;
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
    `${fn}: ${what} (${count}); nothing was loaded:\n- ${problems.shown.join('\n- ')}${more > 0 ? `\n- … and ${more} more` : ''}`,
  );
}

/** Throws if a table has more rows or cells than {@link maxRows} and {@link maxCells}. */
export function checkSize(fn: string, rows: number, columns: number): void {
  if (rows > maxRows)
    throw new InvalidTableError(
      `${fn}: the table has ${rows} rows; expected at most ${maxRows}, which is what fromRows and fromCSV check within bounded memory.`,
    );
  if (rows * columns > maxCells)
    throw new InvalidTableError(
      `${fn}: the table has ${rows} rows × ${columns} columns = ${rows * columns} cells; expected at most ${maxCells}, which is what fromRows and fromCSV check within bounded memory.`,
    );
}
