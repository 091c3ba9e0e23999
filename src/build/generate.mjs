// Builds datasets/datapackage.json and src/data/generated/*.ts from the CSV files and the
// hand-written catalog. Run with `npm run generate`; `--check` fails if the committed output
// is stale.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { dataPackage, resources, commonFields, structureFields, auxiliary } from './catalog.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const numeric = new Set(['value', 'low', 'high', 'precision']);
const required = new Set(['id', 'source', 'measure', 'unit', 'qualifier', 'label']);
const units = ['persons', 'percent'];

// The loader's own strict reader (src/data/csv.ts), so that a file the package ships is read
// exactly as strictly here as at run time: a malformed bundled CSV fails the build.
const { readCSV } = await importTS('src/data/csv.ts');
// The qualifiers of the data contract, from its one home (src/data/contract.ts).
const { qualifiers } = await importTS('src/data/contract.ts');

/** Imports a TypeScript module of the package (bundled by esbuild in memory). */
async function importTS(path) {
  const { outputFiles } = await build({
    entryPoints: [new URL(path, root).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function parse(text, path) {
  let names, records;
  try {
    ({ names, records } = readCSV(text, ['npm run generate', path]));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const rows = records.map((cells) => Object.fromEntries(names.map((n, j) => [n, cells[j]])));
  return { columns: names, rows };
}

function fileInfo(path, text) {
  return {
    bytes: Buffer.byteLength(text),
    hash: `sha256:${createHash('sha256').update(text).digest('hex')}`,
  };
}

function distinct(rows, name) {
  return [...new Set(rows.map((row) => row[name]).filter((v) => v != null))].sort();
}

/**
 * How every CSV file is written (Frictionless CSV Dialect), stated rather than left to guessing.
 */
const dialect = {
  delimiter: ',',
  doubleQuote: true,
  lineTerminator: '\n',
  quoteChar: '"',
  skipInitialSpace: false,
  header: true,
};

function datasetResource(meta) {
  const path = `datasets/${meta.name}.csv`;
  const text = read(path);
  const { columns, rows } = parse(text, path);
  const dimensions = columns.filter((name) => !(name in commonFields));
  const fieldOrder = ['id', 'source', ...dimensions, ...Object.keys(commonFields).slice(2)];
  if (columns.join() !== fieldOrder.join())
    throw new Error(`${path}: columns ${columns.join(', ')}; expected ${fieldOrder.join(', ')}`);
  for (const name of Object.keys(commonFields)) {
    if (!columns.includes(name)) throw new Error(`${path} lacks the contract column '${name}'`);
  }
  for (const name of dimensions) {
    if (!(name in meta.dimensions))
      throw new Error(`${path}: column '${name}' is not described in catalog.mjs`);
  }
  const fields = columns.map((name) => {
    const field = {
      name,
      type: numeric.has(name) ? 'number' : 'string',
      description: commonFields[name] ?? meta.dimensions[name],
    };
    const constraints = {};
    const structure = structureFields.includes(name);
    if (
      required.has(name) ||
      (!numeric.has(name) &&
        !structure &&
        name !== 'note' &&
        rows.every((row) => row[name] != null))
    ) {
      constraints.required = true;
    }
    if (name === 'id') constraints.unique = true;
    if (name === 'qualifier') constraints.enum = qualifiers;
    else if (name === 'unit') constraints.enum = units;
    else if (numeric.has(name)) constraints.minimum = 0;
    else if (name !== 'label' && name !== 'note' && !structure)
      constraints.enum = distinct(rows, name);
    if (Object.keys(constraints).length) field.constraints = constraints;
    return field;
  });
  return {
    name: meta.name,
    title: meta.title,
    description: meta.description,
    profile: 'tabular-data-resource',
    path: `${meta.name}.csv`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect,
    ...fileInfo(path, text),
    rows: rows.length,
    sources: meta.sources.map((id) => ({ title: id })),
    caveats: meta.caveats,
    schema: {
      fields,
      missingValues: [''],
      primaryKey: ['id'],
      foreignKeys: [
        { fields: 'source', reference: { resource: 'sources', fields: 'id' } },
        { fields: 'part_of', reference: { resource: 'stated-totals', fields: 'id' } },
        { fields: 'subset_of', reference: { resource: '', fields: 'id' } },
        { fields: 'restates', reference: { resource: '', fields: 'id' } },
      ],
    },
  };
}

function auxiliaryResource(meta) {
  const path = `datasets/${meta.name}.csv`;
  const text = read(path);
  const { columns, rows } = parse(text, path);
  const described = Object.keys(meta.fields);
  if (columns.join() !== described.join()) {
    throw new Error(
      `${path}: columns ${columns.join(', ')} differ from catalog.mjs (${described.join(', ')})`,
    );
  }
  const integer = new Set(['year']);
  return {
    name: meta.name,
    title: meta.title,
    description: meta.description,
    profile: 'tabular-data-resource',
    path: `${meta.name}.csv`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect,
    ...fileInfo(path, text),
    rows: rows.length,
    schema: {
      fields: columns.map((name) => {
        const field = {
          name,
          type: integer.has(name) ? 'integer' : numeric.has(name) ? 'number' : 'string',
          description: meta.fields[name],
        };
        const constraints = {};
        if (rows.every((row) => row[name] != null)) constraints.required = true;
        if (meta.primaryKey.length === 1 && meta.primaryKey[0] === name) constraints.unique = true;
        if (meta.enums?.includes(name)) constraints.enum = distinct(rows, name);
        if (numeric.has(name)) constraints.minimum = 0;
        if (Object.keys(constraints).length) field.constraints = constraints;
        return field;
      }),
      missingValues: [''],
      primaryKey: meta.primaryKey,
      ...(meta.foreignKeys ? { foreignKeys: meta.foreignKeys } : {}),
    },
  };
}

function withSourceTitles(resource, sources) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    ...resource,
    sources: resource.sources.map(({ title: id }) => {
      const s = byId.get(id);
      if (!s)
        throw new Error(`catalog.mjs: dataset '${resource.name}' names unknown source '${id}'`);
      return {
        title: [s.author, s.title, s.year].filter(Boolean).join(', '),
        id,
        kind: s.kind,
        cited_via: s.cited_via,
      };
    }),
  };
}

// --- TypeScript output -------------------------------------------------------------------------

const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const literal = (v) => JSON.stringify(v);

function fieldType(field) {
  const base = field.constraints?.enum
    ? field.constraints.enum.map(literal).join(' | ')
    : field.type === 'string'
      ? 'string'
      : 'number';
  return field.constraints?.required ? base : `${base} | null`;
}

function rowInterface(resource) {
  const lines = resource.schema.fields.map(
    (f) => `  /** ${f.description} */\n  ${f.name}: ${fieldType(f)};`,
  );
  return (
    `/** A row of \`${resource.name}\`: ${resource.title}. */\n` +
    `export interface ${pascal(resource.name)}Row {\n${lines.join('\n')}\n}`
  );
}

function typesModule(datasets, aux) {
  const header =
    '// Generated by src/build/generate.mjs from datasets/datapackage.json. Do not edit.\n';
  const ids = datasets.map((r) => literal(r.name));
  return [
    header,
    `/** The id of a bundled dataset. */\nexport type DatasetId =\n  | ${ids.join('\n  | ')};\n`,
    `/** The ids of the bundled datasets, in the order of the catalog. */\n` +
      `export const datasetIds: readonly DatasetId[] = [${ids.join(', ')}];\n`,
    ...datasets.map(rowInterface).map((s) => s + '\n'),
    `/** The row type of each dataset. */\nexport interface DatasetRows {\n` +
      `${datasets.map((r) => `  ${literal(r.name)}: ${pascal(r.name)}Row;`).join('\n')}\n}\n`,
    ...aux.map(rowInterface).map((s) => s + '\n'),
  ].join('\n');
}

/**
 * What the loaders need of datasets/datapackage.json,
 * without what only files need (sizes, hashes, citations).
 */
function catalogOf(descriptor) {
  const shared = { ...commonFields };
  return {
    caveats: descriptor.caveats,
    licenses: descriptor.licenses.map(({ name }) => ({ name })),
    fieldDescriptions: shared,
    resources: descriptor.resources.map((r) => ({
      name: r.name,
      title: r.title,
      description: r.description,
      path: r.path,
      rows: r.rows,
      ...(r.sources ? { sources: r.sources.map(({ id }) => ({ id })) } : {}),
      ...(r.caveats ? { caveats: r.caveats } : {}),
      schema: {
        fields: r.schema.fields.map(({ description, ...f }) =>
          shared[f.name] === description ? f : { ...f, description },
        ),
        primaryKey: r.schema.primaryKey,
      },
    })),
  };
}

function filesModule(descriptor, names) {
  const texts = names.map(
    (name) => `  ${literal(name)}: ${literal(read(`datasets/${name}.csv`))},`,
  );
  return [
    '// Generated by src/build/generate.mjs from datasets/. Do not edit.',
    "import type { Catalog } from '../descriptor.js';",
    '',
    '/** The text of every bundled CSV file, so that loading needs no file system. */',
    `export const files: Readonly<Record<string, string>> = {\n${texts.join('\n')}\n};`,
    '',
    '/** What the loaders need of datasets/datapackage.json. */',
    `export const catalog: Catalog = ${JSON.stringify(catalogOf(descriptor))};`,
    '',
  ].join('\n');
}

// --- main -------------------------------------------------------------------------------------

const sources = parse(read('datasets/sources.csv'), 'datasets/sources.csv').rows;
const datasets = resources.map(datasetResource).map((r) => withSourceTitles(r, sources));
const aux = auxiliary.map(auxiliaryResource);
const { caveats, ...packageMeta } = dataPackage;
const descriptor = {
  ...packageMeta,
  caveats,
  resources: [...datasets, ...aux],
};

const outputs = {
  'datasets/datapackage.json': JSON.stringify(descriptor, null, 2) + '\n',
  'src/data/generated/types.ts': typesModule(datasets, aux),
  'src/data/generated/files.ts': filesModule(
    descriptor,
    [...datasets, ...aux].map((r) => r.name),
  ),
};

if (process.argv.includes('--check')) {
  const stale = Object.entries(outputs).filter(([path, text]) => {
    try {
      return read(path) !== text;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(
      `stale generated files: ${stale.map(([p]) => p).join(', ')}; run npm run generate`,
    );
    process.exit(1);
  }
} else {
  mkdirSync(new URL('src/data/generated/', root), { recursive: true });
  for (const [path, text] of Object.entries(outputs)) writeFileSync(new URL(path, root), text);
  console.log(`wrote ${Object.keys(outputs).join(', ')}`);
}
