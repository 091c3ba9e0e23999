import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fromCSV } from 'arquero';
import { describe, expect, test } from 'vitest';
import {
  datasets,
  load,
  sources,
  statedTotals,
  crosswalk,
  crosswalkDimensions,
} from '../../src/index.js';
import type { DataPackage } from '../../src/index.js';

const root = new URL('../../', import.meta.url);
const text = (path: string) => readFileSync(new URL(path, root), 'utf8');
const descriptor: DataPackage = JSON.parse(text('datasets/datapackage.json'));
const contractColumns = [
  'source',
  'measure',
  'unit',
  'value',
  'low',
  'high',
  'qualifier',
  'label',
  'note',
];

describe('datasets/datapackage.json', () => {
  test('lists the fifteen datasets of the contract, and the registry, totals and crosswalks', () => {
    const names = descriptor.resources.map((r) => r.name).sort();
    expect(names).toEqual(
      [
        'by-nationality',
        'by-location-1964',
        'by-republic-zerjavic',
        'by-status',
        'total-estimates',
        'slovenia-2005',
        'ndh-serbs',
        'ndh-croats-bosniaks',
        'ndh-civilians-by-perpetrator',
        'ndh-croats-goldstein',
        'military-losses',
        'italian-by-region',
        'belgrade-offensive',
        'demographic-loss',
        'local-incidents',
        'sources',
        'stated-totals',
        'crosswalk-nationality',
        'crosswalk-region',
        'crosswalk-status',
      ].sort(),
    );
    expect([...datasets].sort()).toEqual(
      names.filter((n) => !/^(sources|stated-totals|crosswalk-)/.test(n)),
    );
  });

  test.each(descriptor.resources.map((r) => [r.name, r] as const))(
    '%s: header, rows, bytes and hash match the file',
    (_, resource) => {
      const bytes = readFileSync(new URL(`datasets/${resource.path}`, root));
      const csv = bytes.toString('utf8');
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      const lines = csv.split('\n');
      expect(lines.at(-1)).toBe(''); // ends with a newline
      expect(csv.includes('\r')).toBe(false);
      expect(lines.slice(0, -1).every((line) => line.trim() !== '')).toBe(true); // no blank rows
      expect(lines[0]!.split(',')).toEqual(resource.schema.fields.map((f) => f.name));
      expect(fromCSV(csv, { autoType: false }).numRows()).toBe(resource.rows);
    },
  );

  test('every dataset has the contract columns, and its schema declares the types', () => {
    for (const id of datasets) {
      const r = descriptor.resources.find((d) => d.name === id)!;
      const fields = Object.fromEntries(r.schema.fields.map((f) => [f.name, f.type]));
      for (const column of contractColumns) expect(fields[column], `${id}.${column}`).toBeDefined();
      expect([fields.value, fields.low, fields.high]).toEqual(['number', 'number', 'number']);
      expect(r.schema.foreignKeys).toEqual([
        { fields: 'source', reference: { resource: 'sources', fields: 'id' } },
        { fields: 'part_of', reference: { resource: 'stated-totals', fields: 'id' } },
        { fields: 'subset_of', reference: { resource: '', fields: 'id' } },
        { fields: 'restates', reference: { resource: '', fields: 'id' } },
      ]);
      expect(r.schema.primaryKey).toEqual(['id']);
      expect(r.sources!.length).toBeGreaterThan(0);
    }
  });

  test('the generated descriptor and types are current (npm run generate leaves nothing to change)', () => {
    expect(() =>
      execFileSync(process.execPath, ['src/build/generate.mjs', '--check'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});

describe('every row of every dataset', () => {
  const all = datasets.flatMap((id) =>
    load(id)
      .objects()
      .map((row, i) => ({ id, i, row: row as unknown as Record<string, unknown> })),
  );

  test('cites a source in the registry, and every registered source is cited', () => {
    const registry = new Set(sources().array('id') as string[]);
    const cited = new Set(all.map(({ row }) => row.source));
    for (const { id, i, row } of all)
      expect(registry.has(row.source as string), `${id} row ${i + 1}`).toBe(true);
    expect([...registry].filter((s) => !cited.has(s))).toEqual([]);
  });

  test('has low <= value <= high wherever they are given', () => {
    for (const { id, i, row } of all) {
      const { value, low, high } = row as {
        value: number | null;
        low: number | null;
        high: number | null;
      };
      const where = `${id} row ${i + 1}`;
      if (value !== null && low !== null) expect(low, where).toBeLessThanOrEqual(value);
      if (value !== null && high !== null) expect(value, where).toBeLessThanOrEqual(high);
      if (low !== null && high !== null) expect(low, where).toBeLessThanOrEqual(high);
    }
  });

  test('has value, low and high as its qualifier says', () => {
    for (const { id, i, row } of all) {
      const { value, low, high, qualifier } = row;
      const where = `${id} row ${i + 1} (${String(qualifier)})`;
      if (qualifier === 'exact' || qualifier === 'approximate')
        expect([low, high], where).toEqual([value, value]);
      if (qualifier === 'at-least') expect([low, high], where).toEqual([value, null]);
      if (qualifier === 'range')
        expect(value, where).toBe(((low as number) + (high as number)) / 2);
      if (qualifier === 'range') expect(row.note, where).toMatch(/midpoint/);
      if (qualifier === 'not-reported')
        expect([value, low, high], where).toEqual([null, null, null]);
      expect(typeof row.label, where).toBe('string');
    }
    expect(all.some(({ row }) => row.qualifier === 'derived')).toBe(false); // nothing bundled is computed
  });

  test('is no total row and no zero standing in for a dash', () => {
    expect(all.filter(({ row }) => /^total$/i.test(row.label as string))).toEqual([]);
    expect(all.filter(({ row }) => row.value === 0)).toEqual([]);
  });

  test('is identified by its primary key', () => {
    for (const id of datasets) {
      const key = descriptor.resources.find((r) => r.name === id)!.schema.primaryKey;
      const keys = load(id)
        .objects()
        .map((row) => key.map((k) => (row as unknown as Record<string, unknown>)[k]).join('|'));
      expect(new Set(keys).size, id).toBe(keys.length);
    }
  });

  test('total-estimates gives each source the kind the registry gives it', () => {
    const kind = new Map(
      sources()
        .objects()
        .map((s) => [s.id, s.kind]),
    );
    for (const row of load('total-estimates').objects())
      expect(row.kind, row.source).toBe(kind.get(row.source));
  });
});

describe('stated totals and crosswalks', () => {
  test('each stated total names a dataset, a source and a scope that match rows', () => {
    for (const total of statedTotals().objects()) {
      const rows = load(total.dataset as (typeof datasets)[number]).objects() as unknown as Record<
        string,
        unknown
      >[];
      const parts = total.parts ? total.parts.split('|') : [total.measure];
      const scope = (total.scope ?? '')
        .split(';')
        .filter(Boolean)
        .map((pair) => pair.split('='));
      const matched = rows.filter(
        (r) =>
          r.source === total.source &&
          parts.includes(r.measure as string) &&
          scope.every(([k, v]) => r[k!] === v),
      );
      expect(matched.length, `${total.dataset} ${total.source} ${total.scope}`).toBeGreaterThan(1);
    }
  });

  test('every key of a crosswalked dimension is in its crosswalk, and nothing else is', () => {
    for (const dimension of crosswalkDimensions) {
      const walk = new Set(
        crosswalk(dimension)
          .objects()
          .map((r) => `${r.dataset}|${r.source}|${r.key}`),
      );
      const used = new Set(
        datasets.flatMap((id) =>
          (load(id).objects() as unknown as Record<string, string | null>[])
            .filter((r) => r[dimension] != null)
            .map((r) => `${id}|${r.source}|${r[dimension]}`),
        ),
      );
      expect(
        [...used].filter((k) => !walk.has(k)),
        dimension,
      ).toEqual([]);
      expect(
        [...walk].filter((k) => !used.has(k)),
        dimension,
      ).toEqual([]);
    }
  });
});
