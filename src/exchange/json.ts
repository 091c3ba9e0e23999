import { toArrowIPC, type ColumnTable } from 'arquero';
import { InvalidTableError } from '../errors.js';
import { checkTable } from './display.js';

/**
 * Writes a table as JSON: an array of row objects, a missing value as `null`.
 *
 * @param table Any Arquero table.
 * @returns The JSON text.
 * @throws {InvalidTableError} If `table` is not an Arquero table.
 * @example
 * toJSON(load('demographic-loss').select('measure', 'value'));
 * // => '[{"measure":"births-deficit","value":335000},{"measure":"emigration","value":660000}]'
 */
export function toJSON(table: ColumnTable): string {
  checkTable(table, 'toJSON');
  return JSON.stringify(table.objects());
}

/**
 * Writes a table as Apache Arrow IPC bytes (the stream format), which pandas, polars, R's arrow
 * package and DuckDB read with their column types: numbers stay numbers, a missing value stays null.
 *
 * @param table Any Arquero table.
 * @returns The Arrow IPC bytes.
 * @throws {InvalidTableError} If `table` is not an Arquero table, or a column mixes types Arrow cannot hold together.
 * @example
 * const bytes = toArrow(load('by-status')); // pyarrow: pa.ipc.open_stream(bytes).read_pandas()
 */
export function toArrow(table: ColumnTable): Uint8Array {
  checkTable(table, 'toArrow');
  try {
    // `types` without a prototype: Arquero looks a column's type up by name, and with its default `{}`
    // a column named 'valueOf' or 'toString' would get Object.prototype's method as its type.
    return toArrowIPC(table, {
      format: 'stream',
      types: Object.create(null) as Record<string, never>,
    });
  } catch (cause) {
    // e.g. a column mixing numbers and text, which Arrow cannot type
    throw new InvalidTableError(
      `toArrow: the table cannot be written as Arrow: ${(cause as Error)?.message ?? String(cause)}; expected every column to hold values of one type.`,
      { cause },
    );
  }
}
