import { describe as group, expect, test } from 'vitest';
import {
  CasualtiesError,
  UnknownIdError,
  crosswalk,
  datasets,
  describe,
  load,
  sources,
  statedTotals,
  type DatasetId,
} from '../../src/index.js';

group('load(id)', () => {
  test('returns an Arquero table with the columns of the CSV, parsed by the schema', () => {
    const table = load('total-estimates');
    expect(table.columnNames()).toEqual([
      'id',
      'source',
      'kind',
      'date',
      'measure',
      'unit',
      'value',
      'low',
      'high',
      'qualifier',
      'label',
      'note',
      'part_of',
      'subset_of',
      'restates',
      'precision',
    ]);
    const census = table.objects().find((r) => r.source === 'us-census-1954')!;
    expect(census.value).toBe(1067000); // a number
    expect(census.date).toBe('1954'); // a string: a date key is never turned into a number
    expect(census.note).toBeNull(); // an empty cell is null
  });

  test('keeps a dash as null, never 0', () => {
    const gypsies = load('by-nationality')
      .objects()
      .find((r) => r.source === 'yu-1964' && r.label === 'Gypsies')!;
    expect(gypsies).toMatchObject({
      value: null,
      low: null,
      high: null,
      qualifier: 'not-reported',
    });
  });

  test('loads every bundled dataset', () => {
    for (const id of datasets) expect(load(id).numRows(), id).toBeGreaterThan(0);
  });

  test('hands out a new table each call: nothing done to one changes the next', () => {
    const first = load('by-nationality');
    const values = first.column('value') as unknown as (number | null)[]; // Arquero's column is the array itself
    values[0] = 0;
    expect(first.get('value', 0)).toBe(0);
    first.objects()[0]!.value = -1;
    expect(load('by-nationality').get('value', 0)).toBe(346740);
    expect(
      load('by-nationality')
        .derive({ value: () => 1 })
        .get('value', 0),
    ).toBe(1);
    expect(load('by-nationality').get('value', 0)).toBe(346740);
  });

  test('throws for an unknown id, naming it, suggesting the closest and listing the valid ids', () => {
    const call = () => load('by-nationalty' as DatasetId);
    expect(call).toThrow(UnknownIdError);
    expect(call).toThrow(CasualtiesError);
    expect(call).toThrow("Unknown dataset 'by-nationalty'. Did you mean 'by-nationality'?");
    expect(call).toThrow(
      /Expected one of: total-estimates, by-nationality, by-location-1964, .*demographic-loss, local-incidents\./,
    );
    try {
      call();
    } catch (error) {
      expect((error as UnknownIdError).suggestion).toBe('by-nationality');
      expect((error as UnknownIdError).given).toBe('by-nationalty');
    }
  });

  test('suggests nothing when nothing is close, and shows a value that is not a string', () => {
    expect(() => load('casualties' as DatasetId)).toThrow(
      /^Unknown dataset 'casualties'\. Expected one of/,
    );
    expect(() => load(42 as unknown as DatasetId)).toThrow(/^Unknown dataset 42\. Expected one of/);
    expect(() => load('__proto__' as DatasetId)).toThrow(UnknownIdError);
    expect(() => load('constructor' as DatasetId)).toThrow(UnknownIdError);
  });
});

group('describe(id)', () => {
  test('gives title, description, fields, sources, caveats and row count', () => {
    const d = describe('by-nationality');
    expect(d.title).toMatch(/1964 list, Kočović and Žerjavić/);
    expect(d.rows).toBe(16 * 3);
    expect(d.rows).toBe(load('by-nationality').numRows());
    expect(d.fields.map((f) => f.name)).toEqual(load('by-nationality').columnNames());
    expect(d.fields.find((f) => f.name === 'value')).toMatchObject({
      type: 'number',
      required: false,
    });
    expect(d.fields.find((f) => f.name === 'nationality')!.values).toContain('roma');
    expect(d.sources.map((s) => [s.id, s.kind])).toEqual([
      ['yu-1964', 'named-list'],
      ['kocovic', 'demographic-estimate'],
      ['zerjavic', 'demographic-estimate'],
    ]);
    expect(d.caveats.some((c) => /not-reported/.test(c))).toBe(true);
    expect(d.caveats.some((c) => /596,293/.test(c))).toBe(true);
  });

  test('returns a new object each call', () => {
    const d = describe('by-status');
    d.caveats.length = 0;
    d.fields[0]!.name = 'changed';
    d.sources[0]!.kind = 'named-list';
    expect(describe('by-status').caveats.length).toBeGreaterThan(0);
    expect(describe('by-status').fields[0]!.name).toBe('id');
    expect(describe('by-status').sources[0]!.kind).toBe('demographic-estimate');
  });

  test('throws for an unknown id', () => {
    expect(() => describe('slovenia' as DatasetId)).toThrow(
      "Unknown dataset 'slovenia'. Did you mean 'slovenia-2005'?",
    );
  });
});

group('sources(), statedTotals(), crosswalk(dimension)', () => {
  test('sources() is the registry: one row per id, each with a kind and where it was read', () => {
    const registry = sources().objects();
    expect(new Set(registry.map((s) => s.id)).size).toBe(registry.length);
    const zerjavic = registry.find((s) => s.id === 'zerjavic')!;
    expect(zerjavic).toMatchObject({
      author: 'Vladimir Žerjavić',
      year: 1989,
      kind: 'demographic-estimate',
    });
    expect(zerjavic.cited_via).toMatch(/Territory of the NDH/);
    expect(registry.find((s) => s.id === 'yu-official')!.note).toMatch(/demographic loss/);
  });

  test('statedTotals() holds the Total rows of the seed tables', () => {
    // "| Total | 597,323 | 1,014,000 | 1,027,000 |" and "| Total | 597,323 | 509,849 |"
    const totals = statedTotals().objects();
    const of = (dataset: string, source: string, measure: string) =>
      totals.filter(
        (t) =>
          t.dataset === dataset && t.source === source && t.measure === measure && t.scope === null,
      );
    expect(of('by-nationality', 'yu-1964', 'deaths').map((t) => t.value)).toEqual([597323]);
    expect(of('by-nationality', 'kocovic', 'deaths').map((t) => t.value)).toEqual([1014000]);
    expect(of('by-nationality', 'zerjavic', 'deaths').map((t) => t.value)).toEqual([1027000]);
    expect(of('by-location-1964', 'yu-1964', 'survived').map((t) => t.value)).toEqual([509849]);
  });

  test("crosswalk('region') groups Serbia's three parts in the 1964 list", () => {
    const serbia = crosswalk('region')
      .objects()
      .filter((r) => r.source === 'yu-1964' && r.group === 'serbia');
    expect(serbia.map((r) => r.key).sort()).toEqual(['kosovo', 'serbia-proper', 'vojvodina']);
    expect(serbia.every((r) => r.comparability === 'partial')).toBe(true);
  });

  test('crosswalk() throws for a dimension without one', () => {
    expect(() => crosswalk('nation' as 'region')).toThrow(
      /Unknown crosswalk dimension 'nation'\. Did you mean 'nationality'\?/,
    );
  });
});
