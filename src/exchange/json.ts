import { toArrowIPC, type ColumnTable } from 'arquero';

/**
 * Writes a table as JSON: an array of row objects, a missing value as `null`.
 *
 * @param table Any Arquero table.
 * @returns The JSON text.
 * @example
 * toJSON(load('demographic-loss').select('measure', 'value'));
 * // => '[{"measure":"births-deficit","value":335000},{"measure":"emigration","value":660000}]'
 */
export function toJSON(table: ColumnTable): string {
  return JSON.stringify(table.objects());
}

/**
 * Writes a table as Apache Arrow IPC bytes (the stream format), which pandas, polars, R's arrow
 * package and DuckDB read with their column types: numbers stay numbers, a missing value stays null.
 *
 * @param table Any Arquero table.
 * @returns The Arrow IPC bytes.
 * @example
 * const bytes = toArrow(load('by-status')); // pyarrow: pa.ipc.open_stream(bytes).read_pandas()
 */
export function toArrow(table: ColumnTable): Uint8Array {
  return toArrowIPC(table, { format: 'stream' });
}
