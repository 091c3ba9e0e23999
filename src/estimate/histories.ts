import { table as columnTable, type ColumnTable } from 'arquero';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  checkOptions,
  show,
} from '../errors.js';

/** Options of {@link captureHistories} and of every estimator. */
export interface ListsOptions {
  /** The columns that say, for each record, whether it is on each list (true/false or 1/0). */
  lists: readonly string[];
  /**
   * In a table that is already a count table (one row per capture history), the column holding
   * the number of records with that history. Default: `'count'` when the table has such a column.
   */
  count?: string;
}

/** Options of {@link captureHistories}. */
export interface CaptureHistoriesOptions extends ListsOptions {
  /**
   * Columns to count within (region, year…): one set of histories per combination. Default none.
   */
  strata?: readonly string[];
}

/** The most lists a history is packed for (bits of a 32-bit integer, with room to spare). */
export const maxLists = 24;

/** Capture histories counted, for the estimators: `counts[pattern]`, bit `i` = `lists[i]`. */
export interface Histories {
  lists: string[];
  /** Counts by pattern, length 2^lists; `counts[0]` (on no list) is always 0. */
  counts: Float64Array;
  /** The number of distinct records on at least one list. */
  observed: number;
}

/**
 * Counts capture histories: from a record-level table (one row per matched person, one true/false
 * column per list) to one row per history, with its count. The pattern packs the history in bits:
 * bit `i` (value 2^i) is set when the record is on `lists[i]`. Every history with at least one
 * list appears, with a count of 0 when no record has it. A count table (a `count` column) is
 * accepted too, and summed by history. Works column by column on typed arrays.
 *
 * @param table The records (or a count table).
 * @param options `lists` (the list columns), `strata` (columns to count within), `count`.
 * @returns An Arquero table: the strata columns, one boolean column per list, `pattern`, `count`.
 * @throws {UnknownIdError} If a named column is not in the table.
 * @throws {InvalidTableError} If a record is on no list, a list holds no record, or a value is
 *   not true/false/1/0 (a missing value is not "not on the list").
 * @throws {InvalidOptionError} If fewer than two lists are given, or a list is named twice.
 * @example
 * captureHistories(aq.table({ a: [true, true, false], b: [true, false, true] }), {
 *   lists: ['a', 'b'],
 * }).objects();
 * // => [{ a: true, b: false, pattern: 1, count: 1 }, { a: false, b: true, pattern: 2, count: 1 },
 * //     { a: true, b: true, pattern: 3, count: 1 }]
 */
export function captureHistories(
  table: ColumnTable,
  options: CaptureHistoriesOptions,
): ColumnTable {
  const o = checkOptions(options, 'captureHistories');
  const { lists, countColumn } = checkLists(table, o);
  const strata = [...(o.strata ?? [])];
  for (const s of strata) {
    if (!table.columnNames().includes(s))
      throw new UnknownIdError('strata column', s, table.columnNames());
    if (lists.includes(s))
      throw new InvalidOptionError(`captureHistories: '${s}' is both a list and a stratum.`);
  }
  const rows = table.numRows();
  const patterns = packPatterns(table, lists);
  const weights = countColumn ? countsOf(table, countColumn) : null;
  // Stratum index of each row.
  const stratumOf = new Int32Array(strata.length ? rows : 0);
  const keys: unknown[][] = [];
  if (strata.length) {
    const columns = strata.map((s) => columnOf(table, s));
    const index = new Map<string, number>();
    const single = columns.length === 1 ? new Map<unknown, number>() : null;
    for (let i = 0; i < rows; i++) {
      let k: number | undefined;
      if (single) {
        const v = columns[0]![i];
        k = single.get(v);
        if (k === undefined) {
          k = keys.length;
          single.set(v, k);
          keys.push([v]);
        }
      } else {
        const values = columns.map((c) => c[i]);
        const key = JSON.stringify(values);
        k = index.get(key);
        if (k === undefined) {
          k = keys.length;
          index.set(key, k);
          keys.push(values);
        }
      }
      stratumOf[i] = k;
    }
  } else keys.push([]);
  const cells = 1 << lists.length;
  const counts = new Float64Array(keys.length * cells);
  if (weights)
    for (let i = 0; i < rows; i++) {
      const c = (strata.length ? stratumOf[i]! * cells : 0) + patterns[i]!;
      counts[c] = counts[c]! + weights[i]!;
    }
  else if (strata.length)
    for (let i = 0; i < rows; i++) counts[stratumOf[i]! * cells + patterns[i]!]! += 1;
  else for (let i = 0; i < rows; i++) counts[patterns[i]!]! += 1;
  if (!countColumn && keys.some((_, k) => counts[k * cells]! > 0)) checkOnSomeList(patterns, lists);
  checkCounts(counts, lists, cells, keys.length);
  return historiesTable(lists, strata, keys, counts);
}

/**
 * The table of counted histories: one row per stratum and history (histories 1 … 2^t − 1), the
 * strata columns, one boolean column per list, `pattern` and `count`. `counts` holds 2^t cells per
 * stratum, in the order of `keys` (each stratum's values, one per strata column). @internal
 */
export function historiesTable(
  lists: readonly string[],
  strata: readonly string[],
  keys: readonly unknown[][],
  counts: Float64Array,
): ColumnTable {
  const cells = 1 << lists.length;
  const out = keys.length * (cells - 1);
  const columns: Record<string, ArrayLike<unknown>> = {};
  strata.forEach((s, j) => {
    const values = new Array<unknown>(out);
    for (let k = 0; k < keys.length; k++)
      for (let p = 1; p < cells; p++) values[k * (cells - 1) + p - 1] = keys[k]![j];
    columns[s] = values;
  });
  lists.forEach((name, j) => {
    const values = new Array<boolean>(out);
    for (let r = 0; r < out; r++) values[r] = (((r % (cells - 1)) + 1) & (1 << j)) !== 0;
    columns[name] = values;
  });
  const pattern = new Int32Array(out);
  const count = new Float64Array(out);
  for (let k = 0; k < keys.length; k++)
    for (let p = 1; p < cells; p++) {
      pattern[k * (cells - 1) + p - 1] = p;
      count[k * (cells - 1) + p - 1] = counts[k * cells + p]!;
    }
  columns.pattern = pattern;
  columns.count = count;
  return columnTable(columns);
}

/**
 * The histories of a table (records or counts) summed over everything else, for the estimators.
 * @internal
 */
export function readHistories(table: ColumnTable, options: ListsOptions, fn: string): Histories {
  const o = checkOptions(options, fn);
  const { lists, countColumn } = checkLists(table, o);
  const patterns = packPatterns(table, lists);
  const cells = 1 << lists.length;
  const counts = new Float64Array(cells);
  const weights = countColumn ? countsOf(table, countColumn) : null;
  const rows = table.numRows();
  if (weights)
    for (let i = 0; i < rows; i++) counts[patterns[i]!] = counts[patterns[i]!]! + weights[i]!;
  else for (let i = 0; i < rows; i++) counts[patterns[i]!]! += 1;
  if (!countColumn && counts[0]! > 0) checkOnSomeList(patterns, lists);
  checkCounts(counts, lists, cells, 1);
  let observed = 0;
  for (let p = 1; p < cells; p++) observed += counts[p]!;
  return { lists, counts, observed };
}

/** The histories of counts given directly by pattern (bit i = list i), checked. @internal */
export function historiesFromCounts(lists: string[], counts: ArrayLike<number>): Histories {
  const cells = 1 << lists.length;
  if (counts.length !== cells)
    throw new InvalidOptionError(
      `Expected ${cells} counts for ${lists.length} lists, got ${counts.length}.`,
    );
  const c = Float64Array.from(counts);
  checkCounts(c, lists, cells, 1);
  let observed = 0;
  for (let p = 1; p < cells; p++) observed += c[p]!;
  return { lists, counts: c, observed };
}

function checkLists(
  table: ColumnTable,
  o: Partial<ListsOptions>,
): { lists: string[]; countColumn: string | null } {
  if (!table || typeof table.columnNames !== 'function')
    throw new InvalidTableError(
      `Invalid table ${show(table)}: ` +
        'expected an Arquero table of records or of capture-history counts.',
    );
  const names = table.columnNames();
  const given: unknown = o.lists;
  if (!Array.isArray(given) || given.length < 2 || given.some((l) => typeof l !== 'string'))
    throw new InvalidOptionError(
      `The option lists is ${show(given)}; ` +
        "expected the names of two or more list columns, e.g. { lists: ['a', 'b', 'c'] }.",
    );
  const lists = given as string[];
  if (lists.length > maxLists)
    throw new InvalidOptionError(`${lists.length} lists given; at most ${maxLists} are supported.`);
  if (new Set(lists).size !== lists.length)
    throw new InvalidOptionError(`The option lists names a list twice: ${show(lists)}.`);
  for (const l of lists) if (!names.includes(l)) throw new UnknownIdError('list column', l, names);
  let countColumn: string | null = null;
  if (o.count !== undefined) {
    if (!names.includes(o.count)) throw new UnknownIdError('count column', o.count, names);
    countColumn = o.count;
  } else if (names.includes('count') && !lists.includes('count')) countColumn = 'count';
  return { lists: [...lists], countColumn };
}

/** The pattern of each row; throws on a value that is not true/false/1/0. */
function packPatterns(table: ColumnTable, lists: string[]): Int32Array {
  const rows = table.numRows();
  const patterns = new Int32Array(rows);
  lists.forEach((name, j) => {
    const bit = 1 << j;
    const column = columnOf(table, name);
    const bad = ArrayBuffer.isView(column)
      ? packNumbers(column as unknown as ArrayLike<number>, patterns, bit)
      : packValues(column, patterns, bit);
    if (bad >= 0)
      throw new InvalidTableError(
        `Row ${bad + 1}, list column '${name}': ${show(column[bad])}; expected true/false or ` +
          '1/0 (a missing value is not "not on the list": resolve it first).',
      );
  });
  return patterns;
}

function countsOf(table: ColumnTable, column: string): Float64Array {
  const values = columnOf(table, column);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new InvalidTableError(
        `Row ${i + 1}, count column '${column}': ${show(v)}; ` +
          'expected a whole number of records, 0 or more.',
      );
    out[i] = v;
  }
  return out;
}

/** Throws if a stratum has records on no list, or a list holds no record. @internal */
export function checkCounts(
  counts: Float64Array,
  lists: string[],
  cells: number,
  strata: number,
): void {
  for (let k = 0; k < strata; k++)
    if (counts[k * cells]! > 0)
      throw new InvalidTableError(
        `${counts[k * cells]} records are on none of the lists ${lists.join(', ')}; every ` +
          'record must be on at least one list (the people on no list are what is estimated).',
      );
  lists.forEach((name, j) => {
    let total = 0;
    for (let k = 0; k < strata; k++)
      for (let p = 1; p < cells; p++) if (p & (1 << j)) total += counts[k * cells + p]!;
    if (total === 0)
      throw new InvalidTableError(
        `List '${name}' holds no record: it is empty, so it says nothing about the overlaps; ` +
          'leave it out of lists.',
      );
  });
}

/**
 * A column's values in row order: the column itself when the table is neither filtered nor
 * ordered and the column is an array or typed array (no copy), else a copy.
 */
function columnOf(table: ColumnTable, name: string): ArrayLike<unknown> {
  if (!table.isFiltered() && !table.isOrdered()) {
    const column = table.column(name) as unknown;
    if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as ArrayLike<unknown>;
  }
  return table.array(name) as ArrayLike<unknown>;
}

/**
 * Sets `bit` in the patterns of rows whose value is 1;
 * the first row with another value than 0 or 1, or −1.
 */
function packNumbers(column: ArrayLike<number>, patterns: Int32Array, bit: number): number {
  const rows = patterns.length;
  if (!(column instanceof Float32Array || column instanceof Float64Array)) {
    // Whole numbers: without branches (random 0/1 data defeats branch prediction); any value
    // other than 0 or 1 leaves a bit other than the lowest set in \`seen\`.
    let seen = 0;
    for (let i = 0; i < rows; i++) {
      const v = column[i]!;
      patterns[i] = patterns[i]! | (v * bit);
      seen |= v;
    }
    if ((seen & ~1) === 0) return -1;
  }
  for (let i = 0; i < rows; i++) {
    const v = column[i]!;
    if (v === 1) patterns[i] = patterns[i]! | bit;
    else if (v !== 0) return i;
  }
  return -1;
}

/** The same for an array of booleans or numbers. */
function packValues(column: ArrayLike<unknown>, patterns: Int32Array, bit: number): number {
  const rows = patterns.length;
  for (let i = 0; i < rows; i++) {
    const v = column[i];
    if (v === true || v === 1) patterns[i] = patterns[i]! | bit;
    else if (v !== false && v !== 0) return i;
  }
  return -1;
}

/** Throws, naming the first record that is on no list. */
function checkOnSomeList(patterns: Int32Array, lists: string[]): void {
  const i = patterns.indexOf(0);
  if (i >= 0)
    throw new InvalidTableError(
      `Row ${i + 1} is on none of the lists ${lists.join(', ')}; ` +
        'every record must be on at least one list (the people on no list are what is estimated).',
    );
}
