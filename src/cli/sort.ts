// --sort of the command line: `column` or `column:desc` (`column:asc` too), repeatable.
import { desc, escape, type ColumnTable } from 'arquero';
import { UnknownIdError } from '../errors.js';
import { UsageError } from './usage.js';

/** A --sort key, parsed. */
export interface SortKey {
  column: string;
  descending: boolean;
}

/**
 * Parses a --sort key: a column name, optionally followed by `:asc` or `:desc`.
 *
 * @throws {UsageError} for an empty column or another direction.
 * @example
 * parseSort('value:desc'); // => { column: 'value', descending: true }
 * parseSort('source'); // => { column: 'source', descending: false }
 */
export function parseSort(text: string): SortKey {
  const [column = '', direction = 'asc', ...rest] = text.split(':');
  if (!column.trim() || rest.length || (direction !== 'asc' && direction !== 'desc'))
    throw new UsageError(
      `bad sort '${text}'`,
      'write --sort <column> or --sort <column>:desc, e.g. --sort value:desc',
    );
  return { column: column.trim(), descending: direction === 'desc' };
}

/**
 * Orders the rows of `table` by one or more --sort keys, the first key first. Numbers sort as
 * numbers and text as text; rows where the column is empty (a figure not reported, "–") come
 * last in either direction, since they have no place in the order. Ties keep the table's order.
 *
 * @throws {UnknownIdError} for a column the table does not have, naming the ones it has.
 * @throws {UsageError} for a malformed key.
 * @example
 * sortRows(load('by-status'), ['value:desc']).array('value');
 * // => [581000, 514000, 446000, 237000, 209000]
 * sortRows(load('by-status'), ['source', 'value']).array('value');
 * // => [446000, 514000, 209000, 237000, 581000]
 */
export function sortRows(table: ColumnTable, keys: string[]): ColumnTable {
  if (!keys.length) return table;
  const columns = table.columnNames();
  const order = keys.flatMap((text) => {
    const { column, descending } = parseSort(text);
    if (!columns.includes(column)) throw new UnknownIdError('column', column, columns);
    return [
      escape((d: Record<string, unknown>) => d[column] == null),
      descending ? desc(column) : column,
    ];
  });
  return table.orderby(...order).reify();
}
