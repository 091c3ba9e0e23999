// Checks a user's table against the data contract, for fromRows and fromCSV, column by column:
// each column is read once into an array and checked in one loop, the figures' agreement is
// checked on the figure columns, repeated rows are found through one key index, and the table is
// built from the same arrays. Every problem is collected, then reported in one InvalidTableError
// in the order a row-by-row check finds them (by row, then by column), so that nothing is
// half-loaded. test/reference/fromRows.ts is that row-by-row check, and the tests hold the two
// to the same tables and the same messages.
import { table as columnTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import { sources as registry, type TypedTable } from '../data/load.js';
import { InvalidTableError, listNames, show } from '../errors.js';
import { checkStructure, readWholes, wholes } from './structure.js';
import {
  checkColumnNames,
  checkFigure,
  contractColumns,
  maxCount,
  qualifiers,
  structureColumns,
  type CasualtyRow,
} from '../data/contract.js';
import { groupBy, type Cell } from './columns.js';
import { optionError, suggest } from './options.js';
import { Problems, RankedProblems, checkSize, failWith } from './problems.js';

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

/** A table's cells, column by column, as fromRows and fromCSV hand them to {@link validate}. */
export interface Cells {
  /** The column names, in table order. */
  names: readonly string[];
  /**
   * The cells of a column, one per row (called once per column): fromRows gives the values as
   * given (`null` where a row has no own property of that name); fromCSV the text of each cell or
   * `null`, the figure columns read by `splitCSV` (a number, or the text where it is no plain
   * decimal).
   */
  column(name: string): unknown[];
  /** The row's name in a message. */
  where(i: number): string;
}

/** Whether the cells are CSV text (numbers written in digits) or JavaScript values. */
export type CellKind = 'csv' | 'js';

/** The columns whose figures are numbers. */
export const figureColumns: readonly string[] = ['value', 'low', 'high', 'precision'];

/**
 * Checks a table against the data contract and builds it. The options are checked first, then the
 * row count (`rows`, with `width` columns known so far), then `read` gives the cells.
 */
export function validate(
  fn: string,
  kind: CellKind,
  rows: number,
  width: number,
  options: FromRowsOptions | undefined,
  read: () => Cells,
): TypedTable<CasualtyRow> {
  const known = knownSources(options, fn);
  const given = readWholes(options?.totals, fn);
  if (rows === 0)
    throw new InvalidTableError(`${fn}: the table has no rows; expected at least one.`);
  checkSize(fn, rows, width);
  const cells = read();
  const columns = [...cells.names];
  checkColumnNames(columns, fn); // and every contract column
  const structure = (structureColumns as readonly string[]).filter((c) => columns.includes(c));
  const dimensions = columns.filter(
    (c) => !(contractColumns as readonly string[]).includes(c) && !structure.includes(c),
  );
  const check = checker(cells, kind, rows, known);

  const source = check.source();
  const measure = check.text(
    'measure',
    "a kebab-case measure such as 'deaths'",
    isKebab,
    false,
    '',
  );
  const unit = check.text('unit', "'persons' or 'percent'", isUnit, false, '');
  const value = check.number('value', true);
  const low = check.number('low', true);
  const high = check.number('high', true);
  const qualifier = check.text(
    'qualifier',
    `one of ${qualifiers.join(', ')}`,
    isQualifier,
    false,
    null,
    true,
  );
  const label = check.text(
    'label',
    'the category in the words of the source (a non-empty string)',
    isWords,
    false,
    '',
  );
  const note = check.text('note', 'a string, or nothing', isString, true, null);
  const out = new Map<string, unknown[]>();
  for (const d of dimensions)
    out.set(
      d,
      check.text(d, "a kebab-case key such as 'serbia-proper', or nothing", isKebab, true, null),
    );
  for (const c of structure) {
    out.set(
      c,
      c === 'precision'
        ? check.number('precision', false)
        : check.text(
            c,
            c === 'id'
              ? "the row's id, a non-empty string"
              : 'the id of a row (or, for part_of, of a stated total), or nothing',
            isWords,
            c !== 'id',
            null,
          ),
    );
  }
  check.consistency(value, low, high, qualifier, unit, note);

  const problems = new Problems();
  check.problems.into(problems);
  // One row per observation: source, dimensions and measure identify a row.
  const keyColumns = [source, ...dimensions.map((d) => out.get(d)!), measure];
  const keyNames = ['source', ...dimensions, 'measure'];
  const groups = groupBy(rows, keyColumns as (readonly Cell[])[]);
  for (let i = 0; i < rows; i++) {
    const f = groups.first[groups.of[i]!]!; // the first row of the same key
    if (f === i) continue;
    problems.push(() => {
      const what = keyNames
        .map((c, k) => [c, keyColumns[k]![i]] as const)
        .filter(([, v]) => v != null)
        .map(([c, v]) => `${c} ${show(v)}`)
        .join(', ');
      return (
        `${cells.where(i)}: repeats ${cells.where(f)} (${what}); expected one row per ` +
        'observation.'
      );
    });
  }

  if (structure.length > 0 && problems.length === 0)
    checkStructure(
      {
        // the structure columns the table has: id, part_of, subset_of, restates, precision
        ...(Object.fromEntries(structure.map((c) => [c, out.get(c)])) as object),
        rows,
        unit: unit as string[],
        value: value as (number | null)[],
        low: low as (number | null)[],
        high: high as (number | null)[],
      },
      wholes(given),
      (i) => cells.where(i),
      problems,
    );

  if (problems.length > 0) failWith(fn, problems, 'the table does not follow the data contract');
  const contract = [source, measure, unit, value, low, high, qualifier, label, note];
  contractColumns.forEach((c, k) => out.set(c, contract[k]!));
  const names = [
    ...structure.filter((c) => c === 'id'),
    'source',
    ...dimensions,
    ...contractColumns.slice(1),
    ...structure.filter((c) => c !== 'id'),
  ];
  return columnTable(
    new Map(names.map((name) => [name, out.get(name)!])) as never,
    names,
  ) as TypedTable<CasualtyRow>;
}

const isKebab = (s: string): boolean => {
  // /^[a-z0-9]+(-[a-z0-9]+)*$/, without a regular expression
  const n = s.length;
  if (n === 0) return false;
  let dash = true; // as if after a dash: a key starts with a letter or digit
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) dash = false;
    else if (c === 45 && !dash) dash = true;
    else return false;
  }
  return !dash;
};
const isUnit = (s: string): boolean => s === 'persons' || s === 'percent';
const isQualifier = (s: string): boolean => (qualifiers as readonly string[]).includes(s);
/**
 * Not empty and not only white space (`s.trim() !== ''`;
 * trimmed only where it starts with a space).
 */
const isWords = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return c > 32 && c < 127 ? true : s.trim() !== '';
};
const isString = (): boolean => true;
const decimal = /^\d+(\.\d+)?$/;

/**
 * The column-by-column checks of one table: each adds its problems to `problems`, ranked as by
 * rows, and returns its column as kept (a bad cell replaced, in a copy made only then).
 */
function checker(cells: Cells, kind: CellKind, rows: number, known: readonly string[]) {
  const problems = new RankedProblems();
  // rows whose value, low, high or qualifier is itself invalid (their agreement is not checked)
  const badFigures = new Uint8Array(rows);
  let checks = 0; // how many checks have begun (the next one's slot)
  const at = (i: number, column: string) => `${cells.where(i)}, column ${show(column)}`;

  /**
   * A text column: each cell a string that passes `test` (or null where `optional`). A bad cell
   * is a problem, and `fallback` in the column returned (a copy, made only then).
   */
  function text(
    name: string,
    expected: string,
    test: (s: string) => boolean,
    optional: boolean,
    fallback: string | null,
    figure = false,
  ): unknown[] {
    const slot = checks++;
    const values = cells.column(name);
    let out = values;
    let previous: unknown = out; // the last valid text (no cell is this array)
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v === previous) continue; // a run of equal cells is checked once
      if (v === null ? optional : typeof v === 'string' && test(v)) {
        if (v !== null) previous = v;
        continue;
      }
      problems.add(i, slot, () => `${at(i, name)}: ${show(v)}; expected ${expected}.`);
      if (out === values) out = values.slice();
      out[i] = fallback;
      if (figure) badFigures[i] = 1;
    }
    return out;
  }

  /** The source column: a non-empty string, and a known source id. */
  function source(): unknown[] {
    const slot = checks++;
    const values = cells.column('source');
    const isKnown = new Set(known);
    let out = values;
    let previous: unknown = isKnown; // the last known source (no cell is this set)
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v === previous) continue; // a known source, checked already
      if (typeof v === 'string' && v !== '') {
        if (isKnown.has(v)) {
          previous = v;
          continue;
        }
        problems.add(
          i,
          slot,
          () =>
            `${at(i, 'source')}: ${show(v)} is not a known source.${suggest(v, known)} ` +
            `Expected one of: ${listNames(known)} (or pass your own with the option sources).`,
        );
        continue;
      }
      problems.add(i, slot, () => `${at(i, 'source')}: ${show(v)}; expected a source id.`);
      if (out === values) out = values.slice();
      out[i] = '';
    }
    return out;
  }

  /**
   * A figure column: numbers from 0 to MAX_SAFE_INTEGER, or null. `figure`: value, low and high,
   * whose bad cells leave the row's agreement unchecked.
   */
  function number(name: string, figure: boolean): unknown[] {
    const slot = checks++;
    const values = cells.column(name);
    const csv = kind === 'csv';
    let out = values;
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v === null) continue;
      let n: number | undefined;
      if (typeof v === 'number') n = csv || (Number.isFinite(v) && v >= 0) ? v : undefined;
      else if (csv && typeof v === 'string' && decimal.test(v)) n = Number(v);
      if (n !== undefined && n <= maxCount) {
        if (n !== v) {
          if (out === values) out = values.slice();
          out[i] = n;
        }
        if (n === 0 && name === 'precision')
          problems.add(
            i,
            slot,
            () =>
              `${at(i, 'precision')}: 0; expected a rounding unit above 0 (e.g. 1000), or ` +
              'nothing',
          );
        continue;
      }
      if (n !== undefined)
        problems.add(
          i,
          slot,
          () =>
            `${at(i, name)}: ${show(v)}; expected at most ${maxCount} ` +
            '(Number.MAX_SAFE_INTEGER), above which figures are not exact and sums overflow.',
        );
      else {
        const expected = csv
          ? "a number ≥ 0 written with digits and '.' as decimal mark, no thousands separators, " +
            'or an empty cell where not reported'
          : 'a finite number ≥ 0, or null where not reported';
        problems.add(i, slot, () => `${at(i, name)}: ${show(v)}; expected ${expected}.`);
      }
      if (out === values) out = values.slice();
      out[i] = null;
      if (figure) badFigures[i] = 1;
    }
    return out;
  }

  /**
   * Checks that value, low, high and qualifier agree, as a published figure ({@link checkFigure}),
   * on every row where each of them is valid.
   */
  function consistency(
    value: readonly unknown[],
    low: readonly unknown[],
    high: readonly unknown[],
    qualifier: readonly unknown[],
    unit: readonly unknown[],
    note: readonly unknown[],
  ): void {
    const slot = checks++;
    for (let i = 0; i < rows; i++) {
      if (badFigures[i] === 1) continue;
      const found = checkFigure(value[i], low[i], high[i], qualifier[i], {
        published: true,
        persons: unit[i] === 'persons',
        note: note[i] === null ? null : '',
      });
      if (found)
        for (const f of [found, ...(found.more ?? [])])
          problems.add(i, slot, () => `${at(i, f.column)}: ${f.message}.`);
    }
  }

  return { problems, text, source, number, consistency };
}

function knownSources(options: FromRowsOptions | undefined, fn: string): string[] {
  const given = options?.sources;
  if (given === undefined) return registry().array('id') as string[];
  if (!Array.isArray(given) || given.some((s) => typeof s !== 'string')) {
    throw optionError(fn, 'sources', given, 'an array of source ids');
  }
  return [...(given as readonly string[])];
}
