// Checks a user's rows against the data contract, for fromRows and fromCSV. Every problem is
// collected, then reported in one InvalidTableError, so that nothing is half-loaded.
import type { ColumnTable } from 'arquero';
import { sources as registry, type TypedTable } from '../data/load.js';
import { InvalidOptionError, InvalidTableError, listNames, show } from '../errors.js';
import { checkStructure, readWholes, wholes } from './structure.js';
import {
  checkColumnNames,
  contractColumns,
  maxCount,
  qualifiers,
  structureColumns,
  suggest,
  toTable,
  type CasualtyRow,
  type Qualifier,
} from './shared.js';
import { Problems, checkSize, failWith } from './problems.js';

/** Options of {@link fromRows} and {@link fromCSV}. */
export interface FromRowsOptions {
  /**
   * The source ids a row may name. To add your own to the bundled ones:
   * `[...sources().array('id'), 'my-source']`.
   * @default the ids of the bundled source registry (`sources()`)
   */
  sources?: readonly string[];
  /**
   * Stated totals of your own (a table or an array of `{ id, part_of, … }`) that a row's
   * `part_of` may name, beside the bundled ones (`statedTotals()`).
   * @default none: `part_of` may name a bundled stated total only
   */
  totals?: ColumnTable | readonly object[];
}

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const decimal = /^\d+(\.\d+)?$/;

/**
 * Validates rows and builds the table. `cells: 'csv'` means every cell is a string (or null for
 * an empty cell) to be parsed by the schema; `'js'` means numbers must already be numbers.
 * `where(i)` names row i in messages.
 */
export function validate(
  rows: readonly unknown[],
  options: FromRowsOptions | undefined,
  fn: string,
  cells: 'csv' | 'js',
  where: (i: number) => string,
  header?: readonly string[],
): TypedTable<CasualtyRow> {
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
