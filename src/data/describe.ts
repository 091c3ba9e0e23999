import { catalog } from './generated/files.js';
import type { DatasetId, SourcesRow } from './generated/types.js';
import { load, resource, sources, statedTotals } from './load.js';

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
  /** How the dataset's figures relate to each other (the structure columns). */
  structure: DatasetStructure;
}

/** A whole of which rows of a dataset are parts: a row of `stated-totals.csv`. */
export interface Whole {
  id: string;
  source: string;
  /** The whole in the words of the source. */
  label: string;
  /** The stated figure; `null` where the source gives the parts but states no total. */
  value: number | null;
  /** The whole this one is itself a part of, if any. */
  part_of: string | null;
  /** How many rows of the dataset are its parts (`part_of` names it). */
  parts: number;
}

/** A row that must never be added to another: it is a subset of it, or restates it. */
export interface Overlap {
  id: string;
  label: string;
  relation: 'subset_of' | 'restates';
  /** The id of the other row. */
  of: string;
}

/** What {@link describe} says of the structure between a dataset's figures. */
export interface DatasetStructure {
  /** What the structure columns mean, in one paragraph. */
  explanation: string;
  /** The wholes whose parts are rows of this dataset (and the wholes above them). */
  wholes: Whole[];
  /** Rows that overlap another row of the dataset. */
  overlaps: Overlap[];
  /** Rows the source rounded, by rounding unit: e.g. `{ 1000: 48 }`. */
  precision: Record<string, number>;
}

const explanation =
  'part_of names the stated total (stated-totals.csv) of which a row is one of the mutually ' +
  'exclusive parts: only rows with the same part_of are added or stacked. subset_of names a row ' +
  "whose people include this row's, restates a row this row mentions again: such a row is never " +
  'added to the row it names. precision is the unit the source rounded a figure to; low and high ' +
  'stay as published.';

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
 * describe('slovenia-2005').structure.overlaps.map((o) => `${o.id} ${o.relation} ${o.of}`);
 * // => ['slovenia-2005-yugoslav-communist-authorities-post-war-killed subset_of ' +
 * //       'slovenia-2005-1941-1945-and-post-war-deaths',
 * //     'slovenia-2005-1941-to-may-1945-deaths subset_of ' +
 * //       'slovenia-2005-1941-1945-and-post-war-deaths',
 * //     'slovenia-2005-civilian-partisans-1941-1945-killed subset_of ' +
 * //       'slovenia-2005-1941-1945-and-post-war-deaths',
 * //     'slovenia-2005-civilian-axis-or-slovene-home-guard-1941-1945-share subset_of ' +
 * //       'slovenia-2005-civilian-1941-1945-share']
 */
export function describe(id: DatasetId): DatasetDescription {
  const rows = load(id).objects(); // throws UnknownIdError for an id that is no dataset
  const r = resource(id);
  const ids = new Set(r.sources?.map((s) => s.id));
  return {
    id,
    title: r.title,
    description: r.description,
    path: `datasets/${r.path}`,
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
    license: catalog.licenses[0]!.name,
    structure: structureOf(rows as unknown as Record<string, string | number | null>[]),
  };
}

function structureOf(rows: readonly Record<string, string | number | null>[]): DatasetStructure {
  const totals = statedTotals().objects();
  const byId = new Map(totals.map((t) => [t.id, t]));
  const named = new Set<string>();
  for (const r of rows) {
    // A whole, and every whole above it.
    for (let w = r.part_of as string | null; w !== null && !named.has(w); ) {
      named.add(w);
      w = byId.get(w)?.part_of ?? null;
    }
  }
  const wholes = totals
    .filter((t) => named.has(t.id))
    .map((t) => ({
      id: t.id,
      source: t.source,
      label: t.label,
      value: t.value,
      part_of: t.part_of,
      parts: rows.filter((r) => r.part_of === t.id).length,
    }));
  const overlaps: Overlap[] = [];
  for (const r of rows)
    for (const relation of ['subset_of', 'restates'] as const)
      if (r[relation] != null)
        overlaps.push({
          id: r.id as string,
          label: r.label as string,
          relation,
          of: r[relation] as string,
        });
  const precision: Record<string, number> = {};
  for (const r of rows)
    if (r.precision != null) precision[r.precision] = (precision[r.precision] ?? 0) + 1;
  return { explanation, wholes, overlaps, precision };
}
