import { toArrowIPC, type ColumnTable } from 'arquero';
import { bool, float64, int32, utf8, type DataType } from '@uwdata/flechette';
import { InvalidTableError, show } from '../errors.js';
import { catalog } from '../data/generated/files.js';
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
 * package and DuckDB read with their column types. A column of the data package has the type its
 * descriptor gives, whatever the rows hold: `number` is Float64, `integer` Int32, `string` Utf8,
 * and a column that is empty in every row keeps that type (its values null). Any other column is
 * Float64 if it holds numbers, Bool if booleans, and Utf8 if text or nothing but nulls. So tables
 * of one shape concatenate in any Arrow reader.
 *
 * @param table Any Arquero table.
 * @returns The Arrow IPC bytes.
 * @throws {InvalidTableError} If `table` is not an Arquero table, or a column mixes types, or holds
 *   values its descriptor type cannot (text in `value`).
 * @example
 * const bytes = toArrow(load('by-status')); // pyarrow: pa.ipc.open_stream(bytes).read_pandas()
 * // value, low, high: Float64; source, measure, label, note…: Utf8
 */
export function toArrow(table: ColumnTable): Uint8Array {
  const names = checkTable(table, 'toArrow');
  // Without a prototype: Arquero looks a column's type up by name, and with a plain object a
  // column named 'valueOf' or 'toString' would get Object.prototype's method as its type.
  const types = Object.create(null) as Record<string, DataType>;
  for (const name of names) types[name] = arrowType(table, name);
  try {
    return toArrowIPC(table, { format: 'stream', types });
  } catch (cause) {
    throw new InvalidTableError(
      `toArrow: the table cannot be written as Arrow: ${(cause as Error).message}; ` +
        'expected every column to hold values of its type.',
      { cause },
    );
  }
}

const arrowTypes = { number: float64, integer: int32, string: utf8, boolean: bool } as const;
type Kind = keyof typeof arrowTypes;

/** The type of every column the data package describes, by name. */
let described: Map<string, Kind> | undefined;

function arrowType(table: ColumnTable, name: string): DataType {
  described ??= new Map(
    catalog.resources.flatMap((r) => r.schema.fields.map((f) => [f.name, f.type] as const)),
  );
  const kinds = new Set<string>();
  for (const v of table.array(name) as Iterable<unknown>)
    if (v != null) kinds.add(typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);
  const expected = described.get(name);
  const allowed: Record<Kind, string[]> = {
    number: ['number', 'integer'],
    integer: ['integer'],
    string: ['string'],
    boolean: ['boolean'],
  };
  const kind =
    expected ??
    (kinds.size === 0 || [...kinds].every((k) => k === 'string')
      ? 'string'
      : [...kinds].every((k) => k === 'number' || k === 'integer')
        ? 'number'
        : [...kinds].every((k) => k === 'boolean')
          ? 'boolean'
          : undefined);
  const wrong = kind && [...kinds].find((k) => !allowed[kind].includes(k));
  if (!kind || wrong)
    throw new InvalidTableError(
      `toArrow: column '${name}' holds ${[...kinds].join(' and ')} values; expected ` +
        (kind
          ? `${kind} values, as the data package describes it`
          : 'values of one type (numbers, text or booleans)') +
        `${wrong ? ` (found ${show(wrong)})` : ''}.`,
    );
  return arrowTypes[kind]();
}
