// The row-by-row REFERENCE of fromRows and fromCSV: the package's logic as it was before the
// columnar rewrite (issue 17), kept simple and readable, row objects and all. The columnar code in
// src/ must give exactly what this gives: the same table, cell for cell, or the same error message
// (test/analysis/columnar-input.test.ts). Only the constants (column names, qualifiers, limits)
// and the option readers are shared with the package; every check is written out here.
import { table as columnTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import { sources as registry } from '../../src/data/load.js';
import { InvalidOptionError, InvalidTableError, listNames, show } from '../../src/errors.js';
import { readWholes, wholes, type Whole } from '../../src/analysis/structure.js';
import {
  checkColumnNames,
  contractColumns,
  maxCount,
  qualifiers,
  structureColumns,
  type CasualtyRow,
  type Qualifier,
} from '../../src/data/contract.js';
import { suggest } from '../../src/analysis/options.js';
import { Problems, checkSize, failWith, maxCSVLength } from '../../src/analysis/problems.js';
import type { FromRowsOptions } from '../../src/analysis/validate.js';

/** fromRows, row by row. */
export function fromRows(rows: readonly object[], options?: FromRowsOptions): ColumnTable {
  if (!Array.isArray(rows))
    throw new InvalidTableError(`fromRows: expected an array of row objects; got ${show(rows)}.`);
  return validate(rows, options, 'fromRows', 'js', (i) => `row ${i + 1}`);
}

/** fromCSV, row by row: the strict reader's records become row objects, then checked. */
export function fromCSV(text: string, options?: FromRowsOptions): ColumnTable {
  if (typeof text !== 'string')
    throw new InvalidTableError(`fromCSV: expected the text of a CSV file; got ${show(text)}.`);
  if (text.length > maxCSVLength)
    throw new InvalidTableError(
      `fromCSV: the text has ${text.length} characters; expected at most ${maxCSVLength} (${maxCSVLength / 1024 / 1024} MiB), which fromCSV checks within bounded memory.`,
    );
  const { names, records, lines } = readCSV(text, ['fromCSV', 'the text']);
  checkSize('fromCSV', records.length, names.length);
  const rows = records.map((cells) =>
    Object.fromEntries(names.map((name, j) => [name, cells[j] ?? null])),
  );
  return validate(rows, options, 'fromCSV', 'csv', (i) => `row ${i + 1} (line ${lines[i]})`, names);
}

/** A table from row objects, column by column in the given order. */
function toTable(rows: readonly CasualtyRow[], names: readonly string[]): ColumnTable {
  const columns = new Map<string, unknown[]>();
  for (const name of names)
    columns.set(
      name,
      rows.map((r) => r[name] ?? null),
    );
  return columnTable(columns as never, [...names]);
}

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const decimal = /^\d+(\.\d+)?$/;

/**
 * Validates rows and builds the table. `cells: 'csv'` means every cell is a string (or null for
 * an empty cell) to be parsed by the schema; `'js'` means numbers must already be numbers.
 * `where(i)` names row i in messages.
 */
function validate(
  rows: readonly unknown[],
  options: FromRowsOptions | undefined,
  fn: string,
  cells: 'csv' | 'js',
  where: (i: number) => string,
  header?: readonly string[],
): ColumnTable {
  const known = knownSources(options, fn);
  const isKnown = new Set(known);
  const given = readWholes(options?.totals, fn);
  const problems = new Problems();
  if (rows.length === 0)
    throw new InvalidTableError(`${fn}: the table has no rows; expected at least one.`);
  checkSize(fn, rows.length, header?.length ?? 1);

  const objects: Record<string, unknown>[] = [];
  Array.from(rows).forEach((row, i) => {
    // a hole in a sparse array is a bad row, not skipped
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      problems.push(`${where(i)}: ${show(row)}; expected an object with a property per column.`);
    else objects.push(row as Record<string, unknown>);
  });
  if (problems.length > 0) fail(fn, problems);

  const columns = header ? [...header] : columnsOf(objects, fn);
  checkColumnNames(columns, fn);
  const absent = contractColumns.filter((c) => !columns.includes(c));
  if (absent.length > 0) {
    throw new InvalidTableError(
      `${fn}: the table has no column ${absent.map((c) => `'${c}'`).join(', ')}; every table needs ${contractColumns.join(', ')} (it has ${listNames(columns)}).`,
    );
  }
  const structure = (structureColumns as readonly string[]).filter((c) => columns.includes(c));
  const dimensions = columns.filter(
    (c) => !(contractColumns as readonly string[]).includes(c) && !structure.includes(c),
  );

  const parsed: CasualtyRow[] = objects.map((o, i) => {
    const at = (column: string) => `${where(i)}, column ${show(column)}`;
    // Own properties only: a row without a column 'constructor' or 'toString' has no value there.
    const cell = (column: string): unknown => (Object.hasOwn(o, column) ? o[column] : null) ?? null;
    const text = (
      column: string,
      expected: string,
      test: (s: string) => boolean,
      optional = false,
    ): string | null => {
      const v = cell(column);
      if (v === null && optional) return null;
      if (typeof v === 'string' && test(v)) return v;
      problems.push(`${at(column)}: ${show(v)}; expected ${expected}.`);
      return null;
    };
    const number = (column: string): number | null => {
      const v = cell(column);
      if (v === null) return null;
      const n =
        cells === 'csv' && typeof v === 'string' && decimal.test(v)
          ? Number(v)
          : cells === 'js' && typeof v === 'number' && Number.isFinite(v) && v >= 0
            ? v
            : undefined;
      if (n !== undefined && n <= maxCount) return n;
      if (n !== undefined) {
        problems.push(
          `${at(column)}: ${show(v)}; expected at most ${maxCount} (Number.MAX_SAFE_INTEGER), above which figures are not exact and sums overflow.`,
        );
        return null;
      }
      const expected =
        cells === 'csv'
          ? "a number ≥ 0 written with digits and '.' as decimal mark, no thousands separators, or an empty cell where not reported"
          : 'a finite number ≥ 0, or null where not reported';
      problems.push(`${at(column)}: ${show(v)}; expected ${expected}.`);
      return null;
    };

    const source = text('source', 'a source id', (s) => s !== '');
    if (source !== null && !isKnown.has(source)) {
      problems.push(
        () =>
          `${at('source')}: ${show(source)} is not a known source.${suggest(source, known)} Expected one of: ${listed(known)} (or pass your own with the option sources).`,
      );
    }
    const measure =
      text('measure', "a kebab-case measure such as 'deaths'", (s) => kebab.test(s)) ?? '';
    const unit =
      text('unit', "'persons' or 'percent'", (s) => s === 'persons' || s === 'percent') ?? '';
    const before = problems.length;
    const value = number('value');
    const low = number('low');
    const high = number('high');
    const qualifier = (text('qualifier', `one of ${qualifiers.join(', ')}`, (s) =>
      qualifiers.includes(s as Qualifier),
    ) ?? 'exact') as Qualifier;
    const figuresValid = problems.length === before; // check consistency only on valid cells (no knock-on problems)
    const label =
      text(
        'label',
        'the category in the words of the source (a non-empty string)',
        (s) => s.trim() !== '',
      ) ?? '';
    const note = text('note', 'a string, or nothing', () => true, true);
    const row: CasualtyRow = {
      source: source ?? '',
      measure,
      unit,
      value,
      low,
      high,
      qualifier,
      label,
      note,
    };
    for (const d of dimensions)
      row[d] = text(
        d,
        "a kebab-case key such as 'serbia-proper', or nothing",
        (s) => kebab.test(s),
        true,
      );
    for (const c of structure) {
      if (c === 'precision') {
        const p = number('precision');
        if (p === 0)
          problems.push(
            `${at('precision')}: 0; expected a rounding unit above 0 (e.g. 1000), or nothing`,
          );
        row.precision = p;
      } else
        row[c] = text(
          c,
          c === 'id'
            ? "the row's id, a non-empty string"
            : 'the id of a row (or, for part_of, of a stated total), or nothing',
          (s) => s.trim() !== '',
          c !== 'id',
        );
    }
    if (figuresValid)
      consistency(row, (column, message) => problems.push(`${at(column)}: ${message}.`));
    return row;
  });

  // One row per observation: source, dimensions and measure identify a row.
  const seen = new Map<string, number>();
  parsed.forEach((row, i) => {
    const key = JSON.stringify(['source', ...dimensions, 'measure'].map((c) => row[c] ?? null));
    const first = seen.get(key);
    if (first !== undefined) {
      const what = ['source', ...dimensions, 'measure']
        .filter((c) => row[c] != null)
        .map((c) => `${c} ${show(row[c])}`)
        .join(', ');
      problems.push(
        `${where(i)}: repeats ${where(first)} (${what}); expected one row per observation.`,
      );
    } else seen.set(key, i);
  });

  if (structure.length > 0 && problems.length === 0)
    checkStructure(parsed, columns, wholes(given), where, problems);

  if (problems.length > 0) fail(fn, problems);
  return toTable(parsed, [
    ...structure.filter((c) => c === 'id'),
    'source',
    ...dimensions,
    ...contractColumns.slice(1),
    ...structure.filter((c) => c !== 'id'),
  ]);
}

/** Checks that value, low, high and qualifier agree (called only where each of those cells is itself valid). */
function consistency(row: CasualtyRow, problem: (column: string, message: string) => void): void {
  const { value, low, high, qualifier: q } = row;
  if (q === 'not-reported') {
    for (const c of ['value', 'low', 'high'] as const)
      if (row[c] !== null)
        problem(c, `${row[c]}, but the qualifier is 'not-reported'; expected an empty cell`);
    return;
  }
  if (value === null) {
    problem(
      'value',
      `empty, but the qualifier is '${q}'; expected a number (or the qualifier 'not-reported')`,
    );
    return;
  }
  // at-most ("as many as N"): high = N = value, no low (DATA-CONTRACT.md)
  if (q === 'at-most') {
    if (low !== null)
      problem(
        'low',
        `${low}, but the qualifier is 'at-most' ("as many as ${value}"); expected an empty cell (the source gives no lower figure)`,
      );
    else if (high !== value)
      problem(
        'high',
        `${show(high)}, but the qualifier is 'at-most' ("as many as ${value}"); expected ${value}, the value`,
      );
    else if (row.unit === 'persons' && !Number.isInteger(value))
      problem(
        'value',
        `${value}, but a count of persons is a whole number; expected a whole number`,
      );
    return;
  }
  if (low === null) {
    problem(
      'low',
      `empty; expected the lowest figure the source allows (${value} for an exact figure)`,
    );
    return;
  }
  if (q === 'exact' && (low !== value || high !== value)) {
    problem(
      low !== value ? 'low' : 'high',
      `${low !== value ? low : show(high)}, but the figure is exact; expected ${value}, the value`,
    );
    return;
  }
  if (q === 'approximate' && (low !== value || high !== value)) {
    problem(
      low !== value ? 'low' : 'high',
      `${low !== value ? low : show(high)}, but the figure is approximate ("about"), which gives no interval; expected ${value}, the value (put how it was rounded in the column precision)`,
    );
    return;
  }
  if (q === 'at-least' && high !== null) {
    problem('high', `${high}, but the qualifier is 'at-least'; expected an empty cell (unbounded)`);
    return;
  }
  if (q === 'at-least' && low !== value) {
    problem(
      'low',
      `${low}, but the qualifier is 'at-least' ("over ${value}"); expected ${value}, the value`,
    );
    return;
  }
  if (q === 'range' && high === null) {
    problem(
      'high',
      `empty, but the qualifier is 'range'; expected the highest figure the source allows`,
    );
    return;
  }
  if (low > value) {
    problem('low', `${low} is above the value ${value}; expected low ≤ value`);
    return;
  }
  if (high !== null && high < value) {
    problem('high', `${high} is below the value ${value}; expected value ≤ high`);
    return;
  }
  if (q === 'range' && high !== null && value !== (low + high) / 2) {
    problem(
      'value',
      `${value}, but a range's value is its midpoint; expected ${(low + high) / 2}, the midpoint of ${low}–${high}`,
    );
    return;
  }
  if (row.unit === 'persons') {
    const figures =
      q === 'range' ? (['low', 'high'] as const) : (['value', 'low', 'high'] as const);
    for (const c of figures) {
      const v = row[c];
      if (v !== null && !Number.isInteger(v)) {
        problem(c, `${v}, but a count of persons is a whole number; expected a whole number`);
        return;
      }
    }
  }
  if (q === 'derived' && row.note === null)
    problem(
      'note',
      "empty, but the row is 'derived'; expected a note naming the figures it was computed from",
    );
}

function knownSources(options: FromRowsOptions | undefined, fn: string): string[] {
  const given = options?.sources;
  if (given === undefined) return registry().array('id') as string[];
  if (!Array.isArray(given) || given.some((s) => typeof s !== 'string')) {
    throw new InvalidOptionError(
      `${fn}: option sources is ${show(given)}; expected an array of source ids.`,
    );
  }
  return [...(given as readonly string[])];
}

function fail(fn: string, problems: Problems): never {
  failWith(fn, problems, 'the table does not follow the data contract');
}

/** The column names of row objects, in order of first appearance (one pass, any number of them). */
function columnsOf(objects: readonly Record<string, unknown>[], fn: string): string[] {
  const names = new Set<string>();
  for (const o of objects) {
    for (const k of Object.keys(o)) names.add(k);
    checkSize(fn, objects.length, names.size); // as soon as the table is too large, not after reading all of it
  }
  return [...names];
}

/** Ids for an error message: all of a short list, the first 30 of a long one and how many more. */
function listed(ids: readonly string[]): string {
  return ids.length <= 30
    ? ids.join(', ')
    : `${ids.slice(0, 30).join(', ')} … (${ids.length - 30} more)`;
}

/**
 * Checks the structure columns of a user's rows (fromRows/fromCSV): ids unique; part_of names a
 * known whole; subset_of and restates name another row's id, with no circle; a subset is not larger
 * than its whole; a restatement is the same figure. Each problem is pushed as a message.
 */
function checkStructure(
  rows: readonly CasualtyRow[],
  columns: readonly string[],
  known: ReadonlyMap<string, Whole>,
  where: (i: number) => string,
  problems: { push(...messages: string[]): number },
): void {
  const index = new Map<string, number>();
  if (columns.includes('id'))
    rows.forEach((row, i) => {
      if (typeof row.id !== 'string') return; // reported by the row check
      const first = index.get(row.id);
      if (first !== undefined)
        problems.push(
          `${where(i)}, column 'id': ${show(row.id)} is also the id of ${where(first)}; expected an id unique in the table.`,
        );
      else index.set(row.id, i);
    });
  rows.forEach((row, i) => {
    const at = (c: string) => `${where(i)}, column '${c}'`;
    const whole = row.part_of;
    if (typeof whole === 'string' && !known.has(whole))
      problems.push(
        `${at('part_of')}: ${show(whole)} is not a stated total, so the row would be a part of an unknown whole.${suggest(whole, [...known.keys()])} Expected the id of a bundled stated total (statedTotals()) or of one of your own (option totals), or nothing.`,
      );
    for (const relation of ['subset_of', 'restates'] as const) {
      const target = row[relation];
      if (typeof target !== 'string') continue;
      if (!columns.includes('id')) {
        problems.push(
          `${at(relation)}: ${show(target)}, but the table has no column 'id' to name rows by; expected an id column.`,
        );
        continue;
      }
      const j = index.get(target);
      if (j === undefined) {
        problems.push(
          `${at(relation)}: ${show(target)} is the id of no row of the table.${suggest(target, [...index.keys()])} Expected the id of another row, or nothing.`,
        );
        continue;
      }
      if (j === i) {
        problems.push(`${at(relation)}: ${show(target)} is the row itself; expected another row.`);
        continue;
      }
      const other = rows[j]!;
      if (other.unit !== row.unit) {
        problems.push(
          `${at(relation)}: ${show(target)} (${where(j)}) counts ${other.unit}, this row ${row.unit}; expected the same unit.`,
        );
        continue;
      }
      // shares have their own bases (the 82% of the 33%): only counts compare in size
      if (
        relation === 'subset_of' &&
        row.unit !== 'percent' &&
        row.low !== null &&
        other.high !== null
      ) {
        if (row.low > other.high)
          problems.push(
            `${at('subset_of')}: this row's figure (at least ${row.low}) is larger than its whole ${show(target)} (${where(j)}, at most ${other.high}); expected a subset no larger than its whole.`,
          );
      }
      if (relation === 'restates' && !meet(row, other))
        problems.push(
          `${at('restates')}: ${show(target)} (${where(j)}) is ${other.value ?? 'not reported'}, this row ${row.value ?? 'not reported'}; expected the same figure (a restatement mentions one figure again).`,
        );
    }
  });
  // A circle of subset_of / restates (a → b → a) would make every row in it overlap itself.
  const next = (i: number) => {
    const target = rows[i]!.subset_of ?? rows[i]!.restates;
    return typeof target === 'string' ? index.get(target) : undefined;
  };
  const reported = new Set<number>();
  rows.forEach((_, i) => {
    if (reported.has(i)) return;
    const path: number[] = [];
    let j: number | undefined = i;
    while (j !== undefined && !path.includes(j)) {
      path.push(j);
      j = next(j);
    }
    if (j !== i) return; // no circle, or one not through row i (found from its own rows)
    path.forEach((k) => reported.add(k));
    problems.push(
      `${where(i)}: subset_of and restates go round in a circle (${[...path, i].map((k) => show(rows[k]!.id)).join(' → ')}); expected each to lead to a row that is neither.`,
    );
  });
}

/** Whether two figures can be the same number, each within its interval and rounding. */
function meet(a: CasualtyRow, b: CasualtyRow): boolean {
  if (a.value === null || b.value === null) return a.value === b.value;
  const [aLow, aHigh] = widened(a);
  const [bLow, bHigh] = widened(b);
  return aLow <= bHigh && bLow <= aHigh;
}

/** The interval a figure allows, widened by half its rounding unit (precision). */
function widened(row: CasualtyRow): [number, number] {
  const half = (row.precision ?? 0) / 2;
  return [(row.low ?? row.value ?? 0) - half, (row.high ?? Infinity) + half];
}

// The strict CSV reader, as it was: records of cells, a string built character by character.
/** A CSV text split strictly into a header and records (see {@link readCSV}). */
interface StrictCSV {
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
 * readCSV('a,b\n1,2\n', ['load', 'x.csv']); // => { names: ['a', 'b'], records: [['1', '2']], lines: [2] }
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
          `row ${i + 1} (line ${r.line}): ${r.cells.length} cells; expected ${names.length}, one per column of the header`,
      );
  }
  if (count > 0) {
    const more = count - problems.length; // the count is the one number kept of the rest
    throw new InvalidTableError(
      `${fn}: ${what} is not a well-formed table; nothing was loaded:\n- ${problems.join('\n- ')}${more > 0 ? `\n- … and ${more} more` : ''}`,
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
      `${fn}: in ${what}, a quoted cell opened on line ${opened} is never closed; expected a closing '"'.`,
    );
  if (cell !== '' || quoted || cells.length > 0) {
    endCell();
    records.push({ cells, line: start });
  }
  return records;
}
