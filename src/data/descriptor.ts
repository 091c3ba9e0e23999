/** A field of a Frictionless table schema, as this package writes it. */
export interface Field {
  name: string;
  type: 'string' | 'number' | 'integer';
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number };
}

/** A resource of the Frictionless data package: one CSV file. */
export interface Resource {
  name: string;
  title: string;
  description: string;
  path: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  /** Number of data rows (not counting the header). */
  rows: number;
  sources?: { title: string; id: string; kind: string; cited_via: string }[];
  caveats?: string[];
  schema: {
    fields: Field[];
    missingValues: string[];
    primaryKey: string[];
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  };
}

/** `datasets/datapackage.json`: a Frictionless Data Package. */
export interface DataPackage {
  name: string;
  title: string;
  description: string;
  licenses: { name: string; path: string; title: string }[];
  caveats: string[];
  resources: Resource[];
}

/** A field as the loaders carry it: its description only where it is not one of the shared ones. */
export type CatalogField = Omit<Field, 'description'> & { description?: string };

/** A resource as the loaders carry it (see {@link Catalog}). */
export interface CatalogResource {
  name: string;
  title: string;
  description: string;
  path: string;
  rows: number;
  sources?: { id: string }[];
  caveats?: string[];
  schema: { fields: CatalogField[]; primaryKey: string[] };
}

/**
 * What the loaders need of `datapackage.json`,
 * bundled with the data (sizes, hashes and citations stay in the file).
 */
export interface Catalog {
  caveats: string[];
  licenses: { name: string }[];
  /** The descriptions of the columns every dataset has. */
  fieldDescriptions: Record<string, string>;
  resources: CatalogResource[];
}
