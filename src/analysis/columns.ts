// A table read column by column, and grouped by a key index: how the analysis functions stay
// linear in rows. A table is read once into one array per column (never into row objects); rows
// are numbers (indices into the arrays); a group is a list of row numbers found through one
// dictionary per key column, never by filtering the table once per group.
import { table as columnTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { InvalidOptionError, InvalidTableError, show } from '../errors.js';
import {
  bookkeepingColumns,
  checkColumnNames,
  checkFigure,
  contractColumns,
  isTable,
  maxCount,
  structureColumns,
  type CasualtyRow,
  type Qualifier,
} from '../data/contract.js';
import { optionError } from './options.js';

/** A cell of a column the analysis reads: text, a number, or null. */
export type Cell = string | number | null;

/** A table's columns, read once and checked against what the analysis functions rely on. */
export interface Columns {
  /** How many rows. */
  n: number;
  /** Every column, in table order. */
  names: string[];
  /** Every column that is neither a contract, a structure nor a bookkeeping column, in order. */
  dimensions: string[];
  source: readonly string[];
  measure: readonly string[];
  unit: readonly string[];
  value: readonly (number | null)[];
  low: readonly (number | null)[];
  high: readonly (number | null)[];
  qualifier: readonly Qualifier[];
  label: readonly string[];
  note: readonly (string | null)[];
  /** The unit each figure was rounded to (`null` everywhere if the table has no such column). */
  precision: readonly Cell[];
  /** A column by name (`null` everywhere if the table has no such column). */
  get(name: string): readonly Cell[];
  /** Whether the table has a column. */
  has(name: string): boolean;
  /** Row `i` as a contract row object, for a message or a small group. */
  row(i: number): CasualtyRow;
}

/**
 * A column as an array in the table's row order: the table's own array where no filter or order
 * lies over it (no copy), else a copy of the rows in view.
 */
function read(table: ColumnTable, name: string): Cell[] {
  const column: unknown = table.column(name);
  if (Array.isArray(column) && !table.isFiltered() && !table.isOrdered()) return column as Cell[];
  return table.array(name) as Cell[];
}

/**
 * Reads a table given to an analysis function into its columns, checking what the functions rely
 * on: the contract columns exist, text columns hold text, counts are numbers from 0 to
 * `Number.MAX_SAFE_INTEGER` or null, low ≤ value ≤ high, qualifiers are known, and a reported
 * value has a lower bound. The first problem, in row order, is thrown.
 */
export function readColumns(table: unknown, fn: string): Columns {
  if (!isTable(table)) {
    const given = Array.isArray(table)
      ? `an array of ${table.length} items (pass it through fromRows() first)`
      : show(table);
    throw new InvalidTableError(
      `${fn}: expected an Arquero table (from load(), fromRows() or fromCSV()); got ${given}.`,
    );
  }
  const names = table.columnNames();
  checkColumnNames(names, fn); // and every contract column
  const dimensions = names.filter(
    (c) =>
      !(contractColumns as readonly string[]).includes(c) &&
      !bookkeepingColumns.includes(c) &&
      !(structureColumns as readonly string[]).includes(c),
  );
  const n = table.numRows();
  const cache = new Map<string, Cell[]>();
  let nulls: Cell[] | undefined; // every absent column: one array of nulls (columns are read only)
  const get = (name: string): Cell[] => {
    let column = cache.get(name);
    if (!column) {
      column = names.includes(name) ? read(table, name) : (nulls ??= new Array<Cell>(n).fill(null));
      cache.set(name, column);
    }
    return column;
  };
  const textNames = ['source', 'measure', 'unit', 'label', 'note', ...dimensions];
  const text = textNames.map((c) => get(c));
  const [value, low, high] = [get('value'), get('low'), get('high')];
  const qualifier = get('qualifier');
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < text.length; k++) {
      const v = text[k]![i];
      if (typeof v === 'string' || (v === null && k !== 0 && k !== 3)) continue;
      const column = textNames[k]!;
      const expected = k >= 4 ? 'a string, or null' : 'a string';
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column ${show(column)}: ${show(v)}; expected ${expected}.`,
      );
    }
    const v = value[i] as Cell;
    const lo = low[i] as Cell;
    const hi = high[i] as Cell;
    if (!plainFigures(v, lo, hi, qualifier[i] as Cell))
      checkFigures(fn, i, v, lo, hi, qualifier[i] as Cell);
  }
  const columns: Columns = {
    n,
    names,
    dimensions,
    source: get('source') as string[],
    measure: get('measure') as string[],
    unit: get('unit') as string[],
    value: value as (number | null)[],
    low: low as (number | null)[],
    high: high as (number | null)[],
    qualifier: qualifier as Qualifier[],
    label: get('label') as string[],
    note: get('note') as (string | null)[],
    precision: get('precision'),
    get,
    has: (name) => names.includes(name),
    row(i) {
      const row: Record<string, Cell> = {};
      for (const name of names) row[name] = get(name)[i] ?? null;
      return row as CasualtyRow;
    },
  };
  return columns;
}

/**
 * Whether a row's figures are the usual ones at a glance: exact (low = value = high), at least
 * (low = value, no high), a range whose value is its midpoint, or a dash (every figure empty).
 * Any other row is checked by {@link checkFigure}.
 */
function plainFigures(value: Cell, low: Cell, high: Cell, qualifier: Cell): boolean {
  if (qualifier === 'not-reported') return value === null && low === null && high === null;
  // the lowest and the highest figure are counts, so every figure between them is one too
  const top = qualifier === 'at-least' ? value : high;
  if (typeof low !== 'number' || typeof top !== 'number' || !(low >= 0 && top <= maxCount))
    return false;
  if (qualifier === 'exact') return low === value && high === value;
  if (qualifier === 'at-least') return low === value && high === null;
  return qualifier === 'range' && low <= top && value === (low + top) / 2;
}

/** Checks one row's figures against its qualifier ({@link checkFigure}); throws the problem. */
function checkFigures(fn: string, i: number, ...cells: Cell[]): void {
  const [value, low, high, qualifier] = cells;
  const problem = checkFigure(value, low, high, qualifier);
  if (problem)
    throw new InvalidTableError(
      `${fn}: row ${i + 1}, column ${show(problem.column)}: ${problem.message}.`,
    );
}

/**
 * Rows grouped by the values of some columns:
 * a group number per row, groups in order of first appearance.
 */
export interface Groups {
  /** How many groups. */
  size: number;
  /** The group of each row (of the rows grouped; -1 for a row left out). */
  of: Int32Array;
  /** The first row of each group. */
  first: number[];
  /** The rows of group `g`, in table order. */
  rows(g: number): Int32Array;
}

/**
 * Groups rows by the values of some columns in one pass per column: each column's values get a
 * number from a dictionary (null being a value of its own), and the numbers of the columns are
 * combined, column by column, into a group number through a lookup table (an array where the
 * combinations are few, a dictionary where they are many). A key may also be rows grouped already
 * (a {@link Groups} of the same rows, or of more), whose group numbers serve as its column's.
 * `rows` limits the grouping to some rows (by default all of them); the others get group -1.
 */
export function groupBy(
  n: number,
  keys: readonly (readonly Cell[] | Groups)[],
  rows: ArrayLike<number> | null = null,
): Groups {
  const m = rows ? rows.length : n;
  let codes = new Int32Array(m); // the group of each grouped row, by the columns so far
  let count = m === 0 ? 0 : 1;
  for (const key of keys) {
    const { own, width } =
      'first' in key ? groupCodes(key, rows, m) : dictionaryCodes(key, rows, m);
    if (count === 1) {
      codes = own; // the first column's codes are the groups so far
      count = width;
    } else count = combine(codes, own, count * width, width);
  }
  // The groups are numbered in order of first appearance (the combinations are, column by column).
  const of = new Int32Array(n).fill(-1);
  const first = new Array<number>(count); // filled in order: no holes left
  for (let j = 0, seen = 0; j < m; j++) {
    const i = rows ? rows[j]! : j;
    of[i] = codes[j]!;
    if (codes[j] === seen) first[seen++] = i;
  }
  let members: ((g: number) => Int32Array) | undefined; // the rows of each group, on first use
  return {
    size: count,
    of,
    first,
    rows: (g) => (members ??= membersOf(of, count, rows, n))(g),
  };
}

/** Each row's code in a column: its value's number in a dictionary (in order of first use). */
function dictionaryCodes(column: readonly Cell[], rows: ArrayLike<number> | null, m: number) {
  const own = new Int32Array(m);
  const dictionary = new Map<Cell, number>();
  let last: Cell | undefined = undefined; // a run of equal cells is looked up once
  let lastCode = 0;
  for (let j = 0; j < m; j++) {
    const v = column[rows ? rows[j]! : j] ?? null;
    if (v !== last) {
      let code = dictionary.get(v);
      if (code === undefined) dictionary.set(v, (code = dictionary.size));
      last = v;
      lastCode = code;
    }
    own[j] = lastCode;
  }
  return { own, width: dictionary.size };
}

/** Each row's code in rows grouped already: its group. */
function groupCodes(grouped: Groups, rows: ArrayLike<number> | null, m: number) {
  const own = new Int32Array(m);
  for (let j = 0; j < m; j++) own[j] = grouped.of[rows ? rows[j]! : j]!;
  return { own, width: grouped.size };
}

/**
 * Combines each row's group so far (`codes`) with its code in one more column (`own`, below
 * `width`) into a new group number, in order of first appearance, written over `codes`; returns
 * how many groups. The combinations (`pairs` at most) are looked up in an array where they are
 * few, else in a Map (keys up to 2^53: exact).
 */
function combine(codes: Int32Array, own: Int32Array, pairs: number, width: number): number {
  const m = codes.length;
  let next = 0;
  if (pairs <= 4 * m + 1024) {
    const table = new Int32Array(pairs).fill(-1);
    for (let j = 0; j < m; j++) {
      const pair = codes[j]! * width + own[j]!;
      let g = table[pair]!;
      if (g === -1) table[pair] = g = next++;
      codes[j] = g;
    }
    return next;
  }
  const table = new Map<number, number>();
  for (let j = 0; j < m; j++) {
    const pair = codes[j]! * width + own[j]!;
    let g = table.get(pair);
    if (g === undefined) table.set(pair, (g = next++));
    codes[j] = g;
  }
  return next;
}

/** The rows of every group, as one array sliced per group (counting sort: linear). */
function membersOf(
  of: Int32Array,
  size: number,
  rows: ArrayLike<number> | null,
  n: number,
): (g: number) => Int32Array {
  const start = new Int32Array(size + 1);
  const m = rows ? rows.length : n;
  for (let j = 0; j < m; j++) start[of[rows ? rows[j]! : j]! + 1]!++;
  for (let g = 0; g < size; g++) start[g + 1]! += start[g]!;
  const all = new Int32Array(m);
  const fill = start.slice(0, size);
  for (let j = 0; j < m; j++) {
    const i = rows ? rows[j]! : j;
    all[fill[of[i]!]!++] = i;
  }
  return (g) => all.subarray(start[g], start[g + 1]);
}

/** A table's rows as contract row objects, and its dimensions (for functions on small tables). */
export interface ContractTable {
  rows: CasualtyRow[];
  /** Every column that is neither a contract, a structure nor a bookkeeping column, in order. */
  dimensions: string[];
  /** Every column, in table order. */
  columns: string[];
}

/** Reads a table as {@link readColumns} does, into row objects (for rates and balance). */
export function readTable(table: unknown, fn: string): ContractTable {
  const columns = readColumns(table, fn);
  const rows = Array.from({ length: columns.n }, (_, i) => columns.row(i));
  return { rows, dimensions: columns.dimensions, columns: columns.names };
}

/**
 * The rows of one measure: the given one, or the only one the table holds. Throws where the
 * choice is ambiguous, or where the measure comes in several units (they cannot be compared).
 */
export function selectMeasure(table: Columns, measure: unknown, fn: string): number[] {
  const measures = unique(table.measure);
  if (measures.length === 0) throw new InvalidTableError(`${fn}: the table has no rows.`);
  let chosen: string;
  if (measure === undefined) {
    if (measures.length > 1) {
      throw new InvalidOptionError(
        `${fn}: the table holds several measures (${measures.join(', ')}); choose one with the ` +
          `option measure.`,
      );
    }
    chosen = measures[0]!;
  } else if (typeof measure === 'string' && measures.includes(measure)) {
    chosen = measure;
  } else {
    throw optionError(
      fn,
      'measure',
      measure,
      `a measure the table holds, one of: ${measures.join(', ')}`,
      measures,
    );
  }
  const units = new Set<string>();
  let unit: unknown = units; // a run of one unit is added once
  let count = 0;
  for (let i = 0; i < table.n; i++) {
    if (table.measure[i] !== chosen) continue;
    count++;
    if (table.unit[i] !== unit) units.add((unit = table.unit[i]!));
  }
  const selected = new Array<number>(count); // filled in order: no holes left
  for (let i = 0, k = 0; k < count; i++) if (table.measure[i] === chosen) selected[k++] = i;
  if (units.size > 1) {
    throw new InvalidTableError(
      `${fn}: measure '${chosen}' comes in several units (${[...units].join(', ')}); filter the ` +
        `table to one unit first.`,
    );
  }
  return selected;
}

/** The distinct values, in order of first appearance. */
export function unique<T>(values: Iterable<T>): T[] {
  if (!Array.isArray(values)) return [...new Set(values)];
  const seen = new Set<T>();
  let last: unknown = seen; // a run of equal values is added once (nothing equals `seen`)
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as T;
    if (v === last) continue;
    seen.add(v);
    last = v;
  }
  return [...seen];
}

/** One array of cells for each name of a list of column names, in its order. */
export type ColumnsOf<Names extends readonly string[]> = { [K in keyof Names]: unknown[] };

/** Builds a table from columns of cells, in the given order (no row objects, no expressions). */
export function columnsTable<Row extends object>(
  columns: ReadonlyMap<string, readonly unknown[]>,
  names: readonly string[] = [...columns.keys()],
): TypedTable<Row> {
  return columnTable(columns as never, [...names]) as TypedTable<Row>;
}

/**
 * Builds a table from rows given as arrays of cells, each in the order of `names` (no row objects,
 * no expressions); an undefined cell is null.
 */
export function toTable<Row extends object>(
  rows: readonly (readonly unknown[])[],
  names: readonly string[],
): TypedTable<Row> {
  // a Map, not an object: a table may have a great many columns (an object of them is slow to list)
  return columnsTable(new Map(names.map((name, k) => [name, rows.map((row) => row[k] ?? null)])));
}
