/** A field of a Frictionless table schema, as this package writes it. */
export interface Field {
  name: string;
  type: 'string' | 'number' | 'integer';
  description: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number };
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
