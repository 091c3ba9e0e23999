// datasets/datapackage.json opened by a Frictionless implementation nobody on the project wrote:
// datapackage-js (npm 'datapackage', frictionlessdata's JavaScript library). It resolves the
// resource paths against the descriptor, checks the descriptor against the tabular data package
// profile, and reads every row cast by its schema, checking constraints, primary keys and
// foreign keys (relations: true).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import datapackage from 'datapackage';
import { afterAll, describe, expect, test } from 'vitest';
import type { DataPackage } from '../../src/index.js';

const dir = new URL('../../datasets/', import.meta.url).pathname;
const descriptor: DataPackage = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));

/** Loads a package and reads every resource; returns each resource's row count or error. */
async function readAll(path: string) {
  const pkg = await datapackage.Package.load(path, { strict: false });
  const read: Record<string, number | string> = {};
  for (const resource of pkg.resources) {
    try {
      read[resource.name] = (await resource.read({ keyed: true, relations: true })).length;
    } catch (error) {
      const e = error as Error & { errors?: Error[] };
      read[resource.name] = [e.message, ...(e.errors ?? []).map((x) => x.message)].join(' | ');
    }
  }
  return { pkg, read };
}

describe('the package as shipped, through datapackage-js', () => {
  test('is a valid tabular data package, and every row of every resource validates, keys included', async () => {
    const { pkg, read } = await readAll(join(dir, 'datapackage.json'));
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(read).toEqual(Object.fromEntries(descriptor.resources.map((r) => [r.name, r.rows])));
  }, 60_000);

  test('reads values by the schema: numbers cast, empty cells missing, ids kept as text', async () => {
    const pkg = await datapackage.Package.load(join(dir, 'datapackage.json'));
    const resource = pkg.resources.find((r) => r.name === 'by-nationality')!;
    const rows = (await resource.read({ keyed: true, relations: true })) as Record<
      string,
      unknown
    >[];
    const roma = rows.find((r) => r.id === 'yu-1964-roma-deaths')!;
    expect([roma.value, roma.low, roma.high, roma.qualifier]).toEqual([
      null,
      null,
      null,
      'not-reported',
    ]);
    const serbs = rows.find((r) => r.id === 'zerjavic-serbs-deaths')!;
    expect(Number(serbs.value)).toBe(530000); // "Serbs ... 530,000" (Žerjavić's column)
    expect(Number(serbs.precision)).toBe(1000);
  });
});

describe('the descriptor', () => {
  test('resource paths are relative to the descriptor, with an explicit CSV dialect', () => {
    for (const r of descriptor.resources) {
      expect(r.path, r.name).toBe(`${r.name}.csv`);
      expect((r as unknown as { profile: string }).profile).toBe('tabular-data-resource');
      expect((r as unknown as { dialect: object }).dialect, r.name).toEqual({
        delimiter: ',',
        doubleQuote: true,
        lineTerminator: '\n',
        quoteChar: '"',
        skipInitialSpace: false,
        header: true,
      });
    }
    expect((descriptor as unknown as { profile: string }).profile).toBe('tabular-data-package');
  });

  test('every primary key field is required (never null); the datasets are keyed by id', () => {
    for (const r of descriptor.resources)
      for (const name of r.schema.primaryKey) {
        const field = r.schema.fields.find((f) => f.name === name)!;
        expect(field.constraints?.required, `${r.name}.${name}`).toBe(true);
      }
  });

  test('foreign keys: source → sources, part_of → stated-totals, subset_of and restates → the same table', () => {
    const fk = (name: string) =>
      descriptor.resources.find((r) => r.name === name)!.schema.foreignKeys;
    expect(fk('stated-totals')).toEqual([
      { fields: 'source', reference: { resource: 'sources', fields: 'id' } },
      { fields: 'part_of', reference: { resource: '', fields: 'id' } },
    ]);
    for (const name of ['crosswalk-nationality', 'crosswalk-region', 'crosswalk-status'])
      expect(fk(name), name).toEqual([
        { fields: 'source', reference: { resource: 'sources', fields: 'id' } },
      ]);
    expect(fk('slovenia-2005')!.map((k) => [k.fields, k.reference.resource])).toEqual([
      ['source', 'sources'],
      ['part_of', 'stated-totals'],
      ['subset_of', ''],
      ['restates', ''],
    ]);
  });

  test('licences: CC-BY-SA-4.0 for the data, MIT for the code', () => {
    expect(descriptor.licenses.map((l) => l.name)).toEqual(['CC-BY-SA-4.0', 'MIT']);
    expect(descriptor.licenses[0]!.title).toMatch(/the data/);
    expect(descriptor.licenses[1]!.title).toMatch(/code, not the data/);
  });
});

describe('a broken copy of the package fails datapackage-js, so the check above can fail', () => {
  const copy = mkdtempSync(join(tmpdir(), 'ww2yc-frictionless-'));
  afterAll(() => {
    rmSync(copy, { recursive: true, force: true });
  });

  test('a repeated id, a dangling part_of or subset_of, a bad number and an empty key are each found', async () => {
    cpSync(dir, copy, { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(copy, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(copy, file), text.replace(from, to));
    };
    edit('by-status.csv', 'zerjavic-collaborator-deaths,', 'zerjavic-partisan-deaths,');
    edit('ndh-serbs.csv', ',ndh-serbs-zerjavic,,,1000\n', ',ndh-serbs-nowhere,,,1000\n');
    edit(
      'slovenia-2005.csv',
      ',slovenia-2005-1941-1945-and-post-war-deaths,,100',
      ',slovenia-2005-nothing,,100',
    );
    edit('italian-by-region.csv', ',893,893,893,', ',8x3,893,893,');
    edit('by-location-1964.csv', 'yu-1964-kosovo-deaths,', ',');
    const { read } = await readAll(join(copy, 'datapackage.json'));
    expect(read['by-status']).toMatch(/unique constraint violation in column "id"/);
    expect(read['ndh-serbs']).toMatch(/Foreign key "part_of" violation/);
    expect(read['slovenia-2005']).toMatch(/Foreign key "subset_of" violation/);
    expect(read['italian-by-region']).toMatch(/type and format mismatch/);
    expect(read['by-location-1964']).toMatch(/type and format mismatch|required/);
    expect(read['by-nationality']).toBe(48); // the files left alone still read
  }, 60_000);
});
