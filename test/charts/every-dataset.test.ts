// Every builder on every bundled dataset, every dimension and measure it could be given: it draws
// honestly or refuses with the package's error. What "honestly" means is checked on the spec itself,
// from the rows of the table (never from the builder's own words).
import { compile } from 'vega-lite';
import { describe, expect, test } from 'vitest';
import { CasualtiesError, datasets, load, sources } from '../../src/index.js';
import {
  compareChart,
  compositionChart,
  kindWords,
  locationChart,
  militaryChart,
  slopeChart,
  sourceNames,
  spreadChart,
  totalsChart,
} from '../../src/charts/index.js';
import type { ColumnTable } from 'arquero';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const contract = new Set([
  'id', 'source', 'measure', 'unit', 'value', 'low', 'high', 'qualifier', 'label', 'note',
  'part_of', 'subset_of', 'restates', 'precision', 'kind', 'date',
]); // prettier-ignore

/** The places a title could name, as the charts write them. */
const places = [
  'Yugoslavia', 'Slovenia', 'Croatia', 'Serbia', 'Bosnia', 'Montenegro', 'Macedonia', 'Kosovo',
  'Vojvodina', 'NDH', 'Balkans', 'Belgrade', 'Italy', 'Germany',
]; // prettier-ignore

const registry = sources().objects() as Row[];
const allNames = sourceNames(registry.map((s) => s.id));

interface Call {
  name: string;
  table: ColumnTable;
  draw: () => object;
}

/** Every call of every builder the table's columns allow. */
function calls(id: string): Call[] {
  const table = load(id as never) as ColumnTable;
  const rows = table.objects() as Row[];
  const dims = table.columnNames().filter((c) => !contract.has(c));
  const measures = [...new Set(rows.map((r) => r.measure as string))];
  const ids = [...new Set(rows.map((r) => r.source as string))];
  const out: Call[] = [
    { name: `totalsChart(${id})`, table, draw: () => totalsChart(table) },
    { name: `locationChart(${id})`, table, draw: () => locationChart(table) },
    { name: `militaryChart(${id})`, table, draw: () => militaryChart(table) },
  ];
  for (const by of dims)
    for (const measure of measures) {
      const o = { by, measure };
      out.push(
        {
          name: `compareChart(${id}, ${by}, ${measure})`,
          table,
          draw: () => compareChart(table, o),
        },
        { name: `spreadChart(${id}, ${by}, ${measure})`, table, draw: () => spreadChart(table, o) },
        {
          name: `compositionChart(${id}, color ${by}, ${measure})`,
          table,
          draw: () => compositionChart(table, { color: by, measure }),
        },
      );
      for (const from of ids)
        for (const to of ids)
          if (from < to)
            out.push({
              name: `slopeChart(${id}, ${by}, ${measure}, ${from} → ${to})`,
              table,
              draw: () => slopeChart(table, { ...o, from, to }),
            });
    }
  return out;
}

/** Every datum of the spec's marks with the field its position is drawn from. */
function positioned(spec: unknown, inherited: Row[] = []): { datum: Row; fields: string[] }[] {
  if (spec === null || typeof spec !== 'object') return [];
  const s = spec as Spec;
  const values: Row[] = Array.isArray(s.data?.values) ? s.data.values : inherited;
  const found: { datum: Row; fields: string[] }[] = [];
  const enc = s.encoding ?? {};
  const fields = ['x', 'x2', 'y', 'y2']
    .map((c) => enc[c]?.field)
    .filter((f): f is string => typeof f === 'string');
  if (s.mark && fields.length) for (const datum of values) found.push({ datum, fields });
  for (const key of ['layer', 'vconcat', 'hconcat', 'concat'])
    if (Array.isArray(s[key])) for (const v of s[key]) found.push(...positioned(v, values));
  return found;
}

const texts = (spec: Spec): string =>
  [spec.title?.text, spec.title?.subtitle].flat().filter(Boolean).join(' ');

describe('every builder on every bundled dataset draws honestly or refuses', () => {
  const all = datasets.flatMap((id) => calls(id));

  test('there are calls that draw and calls that are refused', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  test.each(all.map((c) => [c.name, c] as const))('%s', (_, call) => {
    let spec: Spec;
    try {
      spec = call.draw() as Spec;
    } catch (error) {
      // refused: with the package's error, whose message says what was given and expected
      expect(error).toBeInstanceOf(CasualtiesError);
      expect((error as Error).message.length).toBeGreaterThan(20);
      return;
    }
    expect(() => compile(spec as never)).not.toThrow();
    const rows = call.table.objects() as Row[];
    const held = new Set(rows.map((r) => r.source as string));
    const heldKinds = new Set(
      registry.filter((s) => held.has(s.id)).map((s) => kindWords[s.kind] ?? s.kind),
    );
    let words = texts(spec);
    // no title or subtitle names a source the rows do not hold
    for (const n of allNames)
      if (!held.has(n.id) && words.includes(n.name)) throw new Error(`names ${n.name}`);
    for (const n of allNames) words = words.replaceAll(n.name, '');
    // nor a kind of source
    for (const [key, kind] of Object.entries(kindWords))
      if (!heldKinds.has(kind) && new RegExp(`\\b${kind}`, 'i').test(words))
        throw new Error(`names the kind ${kind} (${key})`);
    // nor a place
    const heldPlaces = JSON.stringify(rows.map((r) => [r.region, r.belligerent, r.label]));
    for (const place of places)
      if (words.includes(place) && !heldPlaces.toLowerCase().includes(place.toLowerCase()))
        throw new Error(`names the place ${place}`);
    const drawn = positioned(spec);
    // no drawn number is a midpoint, unless the row says it is computed (derived)
    for (const { datum, fields } of drawn)
      if (datum.qualifier === 'range' && datum.low !== datum.high)
        for (const f of fields)
          expect(
            datum[f] === datum.value && datum.value !== datum.low && datum.value !== datum.high,
            `${f} of ${datum.id} is the midpoint ${datum.value}`,
          ).toBe(false);
    // no restated row drawn beside the row it restates
    const ids = new Set(drawn.map((d) => d.datum.id).filter(Boolean));
    for (const r of rows)
      if (r.restates && ids.has(r.restates))
        expect(ids.has(r.id), `${r.id} restates ${r.restates}`).toBe(false);
    // one unit on an axis
    const units = new Set(drawn.map((d) => d.datum.unit).filter(Boolean));
    expect(units.size, [...units].join(', ')).toBeLessThanOrEqual(1);
  });
});
