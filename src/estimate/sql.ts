// The capture-history count as one SQL query, for lists too large for one process: a database
// (DuckDB, Spark) does the GROUP BY, and the package checks and estimates from its small result.
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { maxLists } from './histories.js';

/** Options of {@link captureHistoriesSQL}. */
export interface CaptureHistoriesSQLOptions {
  /** The SQL dialect, for quoting names: `'duckdb'` (default, `"a"`) or `'spark'` (`` `a` ``). */
  dialect?: 'duckdb' | 'spark';
  /** Columns to count within (region, year…). Default none. */
  strata?: readonly string[];
  /**
   * What to read the records from, as SQL: a table name or a table expression. Default
   * `'records'`; in DuckDB, for example, `"read_csv('records.csv')"`.
   */
  from?: string;
}

const dialects = ['duckdb', 'spark'] as const;

/**
 * The SQL query that counts capture histories in a database: one row per stratum and distinct
 * combination of the list columns' values, with the number of records (`count`). The values pass
 * through as the database holds them, so that the package, not the database, judges them: give
 * the result to {@link captureHistories} (or `estimate`) with `count: 'count'`, which refuses a
 * missing value or a record on no list exactly as for records.
 *
 * @param lists The list columns (two or more).
 * @param options `dialect`, `strata`, `from`.
 * @returns The query text.
 * @throws {InvalidOptionError} If fewer than two lists are given, a name is given twice or is
 *   `count`, or the dialect is not one of `duckdb`, `spark`.
 * @example
 * captureHistoriesSQL(['a', 'b'], { from: "read_csv('records.csv')" });
 * // => 'SELECT "a", "b", count(*) AS "count"\nFROM read_csv(\'records.csv\')\n' +
 * //    'GROUP BY "a", "b"\nORDER BY "a", "b"'
 */
export function captureHistoriesSQL(
  lists: readonly string[],
  options?: CaptureHistoriesSQLOptions,
): string {
  const o = checkOptions(options, 'captureHistoriesSQL');
  const dialect = o.dialect ?? 'duckdb';
  if (!dialects.includes(dialect))
    throw new InvalidOptionError(
      `captureHistoriesSQL: option dialect is ${show(dialect)}; expected 'duckdb' or 'spark'.`,
    );
  if (
    !Array.isArray(lists) ||
    lists.length < 2 ||
    lists.length > maxLists ||
    lists.some((l) => typeof l !== 'string' || l === '')
  )
    throw new InvalidOptionError(
      `captureHistoriesSQL: lists is ${show(lists)}; expected the names of 2 to ${maxLists} ` +
        "list columns, e.g. ['a', 'b', 'c'].",
    );
  const strata: string[] = [...(o.strata ?? [])];
  const names: string[] = [...strata, ...(lists as readonly string[])];
  if (new Set(names).size !== names.length || names.includes('count'))
    throw new InvalidOptionError(
      `captureHistoriesSQL: the columns ${show(names)} name one twice, or one 'count'; ` +
        "expected distinct names other than 'count' (the result's column of counts).",
    );
  const from = o.from ?? 'records';
  const quote =
    dialect === 'spark'
      ? (name: string) => '`' + name.replaceAll('`', '``') + '`'
      : (name: string) => '"' + name.replaceAll('"', '""') + '"';
  const columns = names.map(quote).join(', ');
  return (
    `SELECT ${columns}, count(*) AS ${quote('count')}\n` +
    `FROM ${from}\n` +
    `GROUP BY ${columns}\n` +
    `ORDER BY ${columns}`
  );
}
