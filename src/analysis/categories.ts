// The categories that compare, spread, agreement and rates set figures side by side in: the
// values of one or more dimension columns. No silent pooling: rows that share a category must not
// differ in another dimension (a figure for Germany's prisoners of war is not one for an unnamed
// belligerent's dead), and a missing key (null) is never a category.
import { InvalidOptionError, InvalidTableError, show, showNamed } from '../errors.js';
import { groupBy, readColumns, selectMeasure, type Columns, type Groups } from './columns.js';
import { countedRows } from './structure.js';
import { checkDimension, optionError, words } from './options.js';

/**
 * Checks option `by`: one dimension column, or a list of them (at least one, no repeats).
 *
 * @returns The dimensions, as a list.
 */
export function checkBy(given: unknown, dimensions: readonly string[], fn: string): string[] {
  if (!Array.isArray(given)) return [checkDimension(given, dimensions, fn)];
  if (given.length === 0)
    throw optionError(fn, 'by', given, `one or more of: ${dimensions.join(', ')}`);
  const list = given.map((d) => checkDimension(d, dimensions, fn));
  if (new Set(list).size < list.length) throw optionError(fn, 'by', given, 'each dimension once');
  return list;
}

/** Checks option `pool`: dimension columns (not in `by`) whose differences the caller accepts. */
export function checkPool(
  given: unknown,
  dimensions: readonly string[],
  by: readonly string[],
  fn: string,
): string[] {
  if (given === undefined) return [];
  const list = Array.isArray(given) ? given : [given];
  for (const d of list) {
    if (typeof d !== 'string' || !dimensions.includes(d) || by.includes(d)) {
      const outside = dimensions.filter((x) => !by.includes(x));
      throw optionError(
        fn,
        'pool',
        given,
        `dimension columns outside by (${show(d)} is not one): some of ` +
          (outside.join(', ') || '(none)'),
        outside,
      );
    }
  }
  return list as string[];
}

/**
 * Refuses to pool. Within each category (the rows' values of `by`), every other dimension must
 * hold one value (null counting as a value of its own), unless the caller accepts its differences
 * with `pool`; and no row may lack a key (null in a `by` column), because a missing key is not a
 * category.
 *
 * @param rows The rows to check (numbers of rows of `table`), in table order.
 * @returns The categories of the rows.
 * @throws {InvalidOptionError} Naming the dimensions that differ within a category, with an
 *   example, and the choices: add them to `by`, filter the table, or pool them on purpose.
 * @throws {InvalidTableError} Naming the rows that have no key.
 */
export function checkCategories(
  table: Columns,
  rows: readonly number[],
  by: readonly string[],
  pool: readonly string[],
  fn: string,
): Groups {
  const categories = groupBy(
    table.n,
    by.map((d) => table.get(d)),
    rows,
  );
  const others = table.dimensions.filter((d) => !by.includes(d) && !pool.includes(d));
  const differ = new Map<string, [number, number]>(); // dimension → two rows that differ in it
  const otherColumns = others.map((d) => table.get(d));
  if (others.length > 0)
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      const first = categories.first[categories.of[i]!]!;
      for (let k = 0; k < others.length; k++) {
        const column = otherColumns[k]!;
        if ((column[first] ?? null) !== (column[i] ?? null) && !differ.has(others[k]!))
          differ.set(others[k]!, [first, i]);
      }
    }
  if (differ.size > 0) {
    const names = [...differ.keys()];
    const [d, [i, j]] = [...differ.entries()][0]!;
    const [a, b] = [table.row(i), table.row(j)];
    const where = showNamed(by, (c) => a[c]);
    const list = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
    throw new InvalidOptionError(
      `${fn}: the rows also differ in ${names.join(', ')}, which by (${by.join(', ')}) leaves ` +
        `out, so figures of different things would be pooled: for ${where}, '${a.label}' ` +
        `(${a.source}) has ${d} ${show(a[d] ?? null)} and '${b.label}' (${b.source}) has ` +
        `${show(b[d] ?? null)}. Choose: add ${names.length > 1 ? 'them' : 'it'} to by (by: ` +
        `${list([...by, ...names])}), filter the table to one value of each, or accept the ` +
        `difference with pool: ${list(names)}.`,
    );
  }
  const keyColumns = by.map((d) => table.get(d));
  const keyless: number[] = [];
  for (let r = 0; r < rows.length; r++)
    for (let k = 0; k < keyColumns.length; k++)
      if (keyColumns[k]![rows[r]!] == null) {
        keyless.push(rows[r]!);
        break;
      }
  if (keyless.length > 0) {
    const shown = keyless
      .slice(0, 3)
      .map((i) => `'${table.label[i]}' (${table.source[i]})`)
      .join(', ');
    const missing = by.filter((d) => keyless.some((i) => table.get(d)[i] == null));
    const many = keyless.length > 1;
    throw new InvalidTableError(
      `${fn}: ${keyless.length} row${many ? 's have' : ' has'} no ${words(missing, 'or')}: ` +
        `${shown}${keyless.length > 3 ? ', …' : ''}; a missing key is not a category, so they ` +
        `cannot be set beside other rows. Filter them out, or choose another dimension.`,
    );
  }
  return categories;
}

/**
 * Checks that each source has at most one row per category, so that figures can be set side by
 * side.
 *
 * @param rows The rows to check, in table order.
 * @param categories Their categories (from {@link checkCategories}).
 * @param sources The same rows grouped by source.
 */
export function checkOnePerSource(
  table: Columns,
  rows: readonly number[],
  by: readonly string[],
  categories: Groups,
  sources: Groups,
  fn: string,
): void {
  const cells = groupBy(table.n, [categories, sources], rows);
  if (cells.size === rows.length) return; // a cell of its own for every row
  const seen = new Uint8Array(cells.size);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const c = cells.of[i]!;
    if (seen[c] === 1) {
      const where = showNamed(by, (d) => table.get(d)[i]);
      throw new InvalidTableError(
        `${fn}: source '${table.source[i]}' has more than one row of ${table.measure[i]} for ` +
          `${where}; expected one per category (filter the table, or rollup() it by ` +
          `${by.map((d) => `'${d}'`).join(', ')} first).`,
      );
    }
    seen[c] = 1;
  }
}

/** The options compare, spread and agreement share. */
export interface CategoryOptions {
  by: string | readonly string[];
  pool?: string | readonly string[];
  measure?: string;
}

/**
 * What compare, spread and agreement each begin with: the table read and checked, options `by`
 * and `pool` checked, the rows of the measure that count (a restatement once), their categories
 * (checked, {@link checkCategories}) and their sources (one row per source and category,
 * {@link checkOnePerSource}).
 */
export function readCategories(table: unknown, options: CategoryOptions, fn: string) {
  const t = readColumns(table, fn);
  const by = checkBy(options?.by, t.dimensions, fn);
  const pool = checkPool(options.pool, t.dimensions, by, fn);
  const rows = countedRows(t, selectMeasure(t, options.measure, fn));
  const categories = checkCategories(t, rows, by, pool, fn);
  const bySource = groupBy(t.n, [t.source], rows);
  checkOnePerSource(t, rows, by, categories, bySource, fn);
  return { t, by, rows, categories, bySource };
}
