import { table, type ColumnTable } from 'arquero';
import { UnknownIdError } from '../errors.js';
import type { CatalogResource } from './descriptor.js';
import { catalog, files } from './generated/files.js';
import {
  datasetIds,
  type CrosswalkNationalityRow,
  type DatasetId,
  type DatasetRows,
  type SourcesRow,
  type StatedTotalsRow,
} from './generated/types.js';
import { parseResource } from './parse.js';

/**
 * An Arquero table whose rows have a known type. It is an ordinary `ColumnTable`; only
 * `objects()` and `object()` say what the rows hold.
 */
export interface TypedTable<Row extends object> extends ColumnTable {
  objects(options?: Parameters<ColumnTable['objects']>[0]): Row[];
  object(row?: number): Row;
}

/** A dimension that has a crosswalk. */
export type CrosswalkDimension = 'nationality' | 'region' | 'status';

/** A row of a crosswalk: how one source's category maps to the package's key and group. */
export type CrosswalkRow = CrosswalkNationalityRow;

/** The ids of the bundled datasets, in the order of the catalog. */
export const datasets: readonly DatasetId[] = Object.freeze([...datasetIds]);

/** The dimensions that have a crosswalk. */
export const crosswalkDimensions: readonly CrosswalkDimension[] = Object.freeze([
  'nationality',
  'region',
  'status',
]);

/**
 * Loads a bundled dataset as an Arquero table, parsed by its schema: counts are numbers, keys
 * and labels are strings, an empty cell (not reported, or no bound) is `null`, never 0.
 * Each call gives a new table on arrays of its own, so nothing done to one can change the next.
 *
 * @param id The dataset id, one of {@link datasets}.
 * @returns A new table with one row per published figure.
 * @throws {UnknownIdError} If `id` is not a bundled dataset; the message suggests the nearest id.
 * @example
 * load('by-nationality')
 *   .filter((d) => d.nationality === 'jews')
 *   .select('source', 'value')
 *   .objects();
 * // => [{ source: 'yu-1964', value: 45000 }, { source: 'kocovic', value: 60000 },
 * //     { source: 'zerjavic', value: 57000 }]
 */
export function load<Id extends DatasetId>(id: Id): TypedTable<DatasetRows[Id]> {
  if (!datasetIds.includes(id)) throw new UnknownIdError('dataset', id, datasetIds);
  return read(id);
}

/**
 * The source registry (`sources.csv`): every work a figure comes from, its kind and the
 * document and section it was read from (`cited_via`).
 *
 * @returns A new table, one row per source.
 * @example
 * sources().filter((d) => d.id === 'zerjavic').get('kind', 0); // => 'demographic-estimate'
 */
export function sources(): TypedTable<SourcesRow> {
  return read('sources');
}

/**
 * Every total a source states for one of its tables (`stated-totals.csv`). `scope` says which
 * rows the total covers (`key=value` pairs joined by `;`), `parts` which measures add up to it.
 *
 * @returns A new table, one row per stated total.
 * @example
 * statedTotals().filter((d) => d.dataset === 'by-nationality').array('value');
 * // => [597323, 1014000, 1027000]
 */
export function statedTotals(): TypedTable<StatedTotalsRow> {
  return read('stated-totals');
}

/**
 * The crosswalk of a dimension: for each dataset and source, the category as the source wrote
 * it (`term`), the key used in the dataset, the group to compare sources by, and whether the
 * category is the same thing as the group (`comparability`: `same` or `partial`, see `note`).
 *
 * @param dimension `nationality`, `region` or `status`.
 * @returns A new table, one row per dataset, source and key.
 * @throws {UnknownIdError} If `dimension` has no crosswalk.
 * @example
 * crosswalk('region').filter((d) => d.group === 'serbia' && d.source === 'yu-1964').array('key');
 * // => ['serbia-proper', 'kosovo', 'vojvodina']
 */
export function crosswalk(dimension: CrosswalkDimension): TypedTable<CrosswalkRow> {
  if (!crosswalkDimensions.includes(dimension)) {
    throw new UnknownIdError('crosswalk dimension', dimension, crosswalkDimensions);
  }
  return read(`crosswalk-${dimension}`);
}

/** The resource of `datapackage.json` with this name (the caller has checked it exists). */
export function resource(name: string): CatalogResource {
  return catalog.resources.find((r) => r.name === name)!;
}

/** Each bundled file parsed, at its first load (the text never changes). */
const parsed: Record<string, ColumnTable> = {};

/** A new table of a bundled file, on arrays of its own: nothing done to one changes the next. */
function read<Row extends object>(name: string): TypedTable<Row> {
  const t = (parsed[name] ??= parseResource(files[name]!, resource(name)));
  return table(t.columnNames().map((c) => [c, t.array(c).slice()])) as TypedTable<Row>;
}
