// Observable's standard library takes a table as an Arquero table by its toArrowBuffer method
// (stdlib src/arquero.js); Arquero 8 tables have toArrowIPC instead.
import type { ColumnTable } from 'arquero';
import { toArrow } from '../exchange/json.js';
import { checkTable } from '../exchange/display.js';

/** An Arquero table with the method Observable's standard library looks for. */
export type ObservableTable = ColumnTable & { toArrowBuffer(): Uint8Array };

/**
 * A copy of a table that Observable's standard library takes as an Arquero table: it adds the
 * `toArrowBuffer()` method stdlib looks for (Arquero 8 renamed it `toArrowIPC`), returning the
 * table as Arrow IPC bytes typed as the data package describes its columns (see `toArrow`).
 * Without it, `DuckDBClient.of({ t: table })` and SQL cells do not see an Arquero 8 table as a
 * table (and `DuckDBClient.of` reads its `data` method as `{ data }` rows and fails).
 * `Inputs.table` and `Plot` take the table as it is (it is iterable over its rows).
 *
 * The table given is not changed: the copy has the same rows, in the same order.
 *
 * @param table An Arquero table (e.g. `load('by-nationality')`).
 * @returns A new table with `toArrowBuffer()`.
 * @throws {InvalidTableError} If `table` is not an Arquero table.
 * @example
 * // In an Observable notebook:
 * db = DuckDBClient.of({ deaths: casualties.forObservable(casualties.load('by-status')) })
 * db.query('select source, sum(value) as deaths from deaths group by source')
 */
export function forObservable(table: ColumnTable): ObservableTable {
  const names = checkTable(table, 'forObservable');
  const copy = table.reify().select(names);
  Object.defineProperty(copy, 'toArrowBuffer', { value: () => toArrow(copy) });
  return copy as ObservableTable;
}
