import { UnknownIdError } from '../errors.js';
import { catalog } from './generated/files.js';
import { datasetIds, type DatasetId, type SourcesRow } from './generated/types.js';
import { resource, sources } from './load.js';

/** A column of a dataset. */
export interface FieldDescription {
  name: string;
  type: 'string' | 'number' | 'integer';
  description: string;
  /** Whether every row has a value. */
  required: boolean;
  /** The values the column holds, for a column of keys. */
  values?: string[];
}

/** What a dataset is: from `datapackage.json` and the source registry. */
export interface DatasetDescription {
  id: DatasetId;
  title: string;
  description: string;
  /** The CSV file, relative to the package root. */
  path: string;
  /** Number of rows. */
  rows: number;
  fields: FieldDescription[];
  /** The columns that identify a row. */
  primaryKey: string[];
  /** Every source with a figure in the dataset, from the source registry. */
  sources: SourcesRow[];
  /** What a reader must know before using the figures: the dataset's and the package's. */
  caveats: string[];
  /** The licence of the data. */
  license: string;
}

/**
 * Describes a bundled dataset: its title, description, columns, sources and caveats.
 * Returns a new object each call, so changing it changes nothing else.
 *
 * @param id The dataset id.
 * @returns The description.
 * @throws {UnknownIdError} If `id` is not a bundled dataset.
 * @example
 * describe('by-location-1964').rows; // => 18
 * describe('by-location-1964').sources.map((s) => s.kind); // => ['named-list']
 */
export function describe(id: DatasetId): DatasetDescription {
  if (!datasetIds.includes(id)) throw new UnknownIdError('dataset', id, datasetIds);
  const r = resource(id);
  const ids = new Set(r.sources?.map((s) => s.id));
  return {
    id,
    title: r.title,
    description: r.description,
    path: r.path,
    rows: r.rows,
    fields: r.schema.fields.map((f) => ({
      name: f.name,
      type: f.type,
      description: f.description ?? catalog.fieldDescriptions[f.name] ?? '',
      required: f.constraints?.required ?? false,
      ...(f.constraints?.enum && f.name !== 'qualifier' && f.name !== 'unit'
        ? { values: [...f.constraints.enum] }
        : {}),
    })),
    primaryKey: [...r.schema.primaryKey],
    sources: sources()
      .objects()
      .filter((s) => ids.has(s.id)),
    caveats: [...(r.caveats ?? []), ...catalog.caveats],
    license: catalog.licenses.map((l) => l.name).join(', '),
  };
}
