import { compile } from 'vega-lite';
import { describe, expect, test } from 'vitest';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  compareChart,
  compositionChart,
  fromRows,
  load,
  locationChart,
  militaryChart,
  palette,
  slopeChart,
  spreadChart,
  totalsChart,
} from '../../src/index.js';
import { standardCharts } from '../../src/report/index.js';

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const inner = (spec: Spec): Spec => spec.vconcat[0];
const layers = (spec: Spec): Spec[] =>
  inner(spec).layer ?? inner(spec).vconcat?.[0].layer ?? [inner(spec)];
const footerOf = (spec: Spec): string => inner(spec).title.text.join('\n');

/** Compiles a spec with vega-lite, returning every warning it logs. */
function warnings(spec: object): string[] {
  const seen: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => (seen.push(`error: ${m.join(' ')}`), logger),
    warn: (...m: unknown[]) => (seen.push(m.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  compile(spec as never, { logger: logger });
  return seen;
}

describe('every chart of the gallery, on the bundled data it applies to', () => {
  test.each(standardCharts().map((c) => [c.name, c.spec as Spec] as const))(
    '%s compiles with vega-lite without a warning, with the publication frame',
    (_, spec) => {
      expect(warnings(spec)).toEqual([]);
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      expect(spec.description.length).toBeGreaterThan(40); // a text for screen readers
      expect(spec.config.font).toBe('DejaVu Sans');
      expect(spec.config.range.category).toEqual(palette);
      expect(footerOf(spec)).toMatch(/^Sources: /);
      expect(footerOf(spec)).toMatch(/Data: ww2-yugoslavia-casualties/);
      expect(inner(spec).title.orient).toBe('bottom');
    },
  );
});

describe('totalsChart(table)', () => {
  const spec = totalsChart(load('total-estimates')) as Spec;

  test('draws a rule over each interval, a point per figure and the figure as text', () => {
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['rule', 'point', 'text']);
    expect(layers(spec)[0]!.encoding.x.field).toBe('low');
    expect(layers(spec)[0]!.encoding.x2.field).toBe('high');
    expect(layers(spec)[1]!.encoding.shape.field).toBe('kindName');
    expect(inner(spec).width).toBe(560);
  });

  test('colours by kind of figure and says which figures are not counted deaths', () => {
    const values = inner(spec).data.values as Spec[];
    expect(layers(spec)[1]!.encoding.color.scale.domain).toEqual([
      'named list',
      'demographic estimate',
      'census bureau estimate',
      'official claim',
      "historian's estimate",
    ]);
    // "An estimate of 1.7 million war related deaths was later submitted ... in 1948, despite it being an estimate of total demographic loss"
    expect(values.find((v) => v.source === 'yu-official' && v.date === '1948')!.row).toBe(
      'Government of Yugoslavia, 1948 — demographic loss',
    );
    expect(values.find((v) => v.source === 'yu-1964')!.row).toBe(
      'Federal Statistical Office of Yugoslavia, 1964',
    );
    // Vego: "figures from 900,000 to 1,000,000 dead" is a range, written as one.
    expect(values.find((v) => v.source === 'vego')).toMatchObject({
      figure: '900,000–1,000,000',
      low: 900000,
      high: 1000000,
    });
    expect(values.find((v) => v.source === 'mestrovic')!.figure).toBe('~850,000');
    expect(spec.subtitle ?? spec.title.subtitle).toMatch(/not all of them count the same thing/);
  });

  test('takes width, title, subtitle and locale', () => {
    const de = totalsChart(load('total-estimates'), {
      width: 400,
      title: 'T',
      subtitle: 'S',
      locale: 'de-DE',
    }) as Spec;
    expect(de.title).toEqual({ text: 'T', subtitle: 'S' });
    expect(inner(de).width).toBe(400);
    expect(de.config.locale.number).toMatchObject({ decimal: ',', thousands: '.' });
    expect((inner(de).data.values as Spec[]).find((v) => v.source === 'yu-1964')!.figure).toBe(
      '597.323',
    );
  });

  test('bad options and tables get the package errors', () => {
    expect(() => totalsChart(load('total-estimates'), { width: 50 })).toThrow(InvalidOptionError);
    expect(() => totalsChart(load('total-estimates'), { width: 50 })).toThrow(
      'Invalid width 50: expected a number of pixels from 200 to 2000.',
    );
    expect(() => totalsChart(load('total-estimates'), { locale: 'xx-!!' })).toThrow(
      /Invalid locale 'xx-!!'/,
    );
    expect(() => totalsChart(load('by-status'))).toThrow(InvalidTableError);
    expect(() => totalsChart(load('by-status'))).toThrow(/lacks the column 'kind'/);
    expect(() => totalsChart({} as never)).toThrow(InvalidTableError);
  });
});

describe('compareChart(table, { by })', () => {
  const spec = compareChart(load('by-nationality'), { by: 'nationality' }) as Spec;

  test('grouped bars, a rule for ranges, and "not reported" written where a source has a dash', () => {
    expect(layers(spec).map((l) => l.mark.type ?? l.mark)).toEqual(['bar', 'rule', 'text']);
    expect(layers(spec)[0]!.encoding.yOffset.field).toBe('sourceName');
    const missing = layers(spec)[2]!;
    expect(missing.encoding.text).toEqual({ value: 'not reported' });
    expect(missing.encoding.x.datum).toBe(0);
    // 4 dashes in each of the three columns of "Victims by nationality": 12 marked, none drawn as a bar.
    expect(missing.data.values).toHaveLength(12);
    expect(layers(spec)[0]!.data.values).toHaveLength(48 - 12);
    expect(
      (layers(spec)[0]!.data.values as Spec[]).some((v) => v.value === 0 || v.value === null),
    ).toBe(false);
  });

  test('names the kind of each source when kinds are mixed, and orders categories by their largest figure', () => {
    expect(layers(spec)[0]!.encoding.color.scale.domain).toEqual([
      'Federal Statistical Office of Yugoslavia (1964), named list',
      'Kočović (1985), demographic estimate',
      'Žerjavić (1989), demographic estimate',
    ]);
    expect(layers(spec)[0]!.encoding.y.sort.slice(0, 3)).toEqual(['Serbs', 'Croats', 'Muslims']); // 530,000; 207,000; 103,000
    expect(spec.title.subtitle).toMatch(/different kinds/);
  });

  test('draws a published range as a rule from low to high', () => {
    const ranged = compareChart(
      load('ndh-croats-bosniaks').filter((d) => d.region === 'ndh'),
      { by: 'status' },
    ) as Spec;
    // "69–71,000 Croats died as members of the NDH armed forces": low 69,000, high 71,000.
    expect(layers(ranged)[1]!.data.values.map((v: Spec) => [v.low, v.high])).toContainEqual([
      69000, 71000,
    ]);
  });

  test('asks for a measure where there are several, and names unknown options', () => {
    expect(() => compareChart(load('by-location-1964'), { by: 'region' })).toThrow(UnknownIdError);
    expect(() => compareChart(load('by-location-1964'), { by: 'region' })).toThrow(
      /Unknown measure undefined.*Expected one of: deaths, survived/,
    );
    expect(() => compareChart(load('by-nationality'), {} as never)).toThrow(
      /Invalid option by undefined/,
    );
    expect(() => compareChart(load('by-nationality'), { by: 'nation' })).toThrow(
      /lacks the column 'nation'/,
    );
  });
});

describe('spreadChart, slopeChart, compositionChart, locationChart, militaryChart', () => {
  test('spreadChart: a line from lowest to highest, a dot per source, the sources with no figure named', () => {
    const spec = spreadChart(load('by-nationality'), { by: 'nationality' }) as Spec;
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['rule', 'point', 'text']);
    const serbs = layers(spec)[0]!.data.values.find((v: Spec) => v.category === 'Serbs');
    expect([serbs.min, serbs.max]).toEqual([346740, 530000]); // "| Serbs | 346,740 | 487,000 | 530,000 |"
    const gypsies = layers(spec)[2]!.data.values.find((v: Spec) => v.category === 'Gypsies');
    expect(gypsies.missing).toBe(
      'no figure: Federal Statistical Office of Yugoslavia (1964), named list',
    );
  });

  test('slopeChart: both sources per category, the categories one leaves out named in the footer', () => {
    const spec = slopeChart(load('by-nationality'), {
      by: 'nationality',
      from: 'kocovic',
      to: 'zerjavic',
    }) as Spec;
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['line', 'point', 'text', 'text']);
    expect(layers(spec)[0]!.data.values).toHaveLength(12 * 2); // 16 nationalities less the 4 neither reports
    expect(footerOf(spec)).toMatch(
      /Left out because one of the two gives no figure \(not zero\): Unknown, Hungarians, Slovaks, Turks\./,
    );
    expect(layers(spec)[2]!.data.values.map((v: Spec) => v.text)).toContain('Gypsies, Albanians'); // both 18,000 in Žerjavić
    expect(() =>
      slopeChart(load('by-nationality'), { by: 'nationality', from: 'kocovic', to: 'zerjavich' }),
    ).toThrow(/Unknown source \(to\) 'zerjavich'\. Did you mean 'zerjavic'\?/);
  });

  test('compositionChart: stacked parts, at-least drawn at the lower bound and said so', () => {
    const spec = compositionChart(load('ndh-civilians-by-perpetrator'), {
      by: 'nationality',
      color: 'perpetrator',
    }) as Spec;
    expect(inner(spec).mark.type).toBe('bar');
    expect(inner(spec).encoding.x.stack).toBe('zero');
    const chetniks = (inner(spec).data.values as Spec[]).filter(
      (v) => v.perpetrator === 'chetniks',
    );
    expect(chetniks.map((v) => v.drawnAt)).toEqual([18000, 20000]); // "18,000+ Croats and 20,000+ Bosniaks"
    expect(footerOf(spec)).toMatch(/"At least" figures are drawn at their lower bound/);
    const normalized = compositionChart(load('by-status'), {
      color: 'status',
      stack: 'normalize',
    }) as Spec;
    expect(inner(normalized).encoding.x.axis.format).toBe('.0%');
    expect(() => compositionChart(load('slovenia-2005'), { color: 'status' })).toThrow(
      /Unknown measure/,
    );
    expect(() =>
      compositionChart(load('by-status'), { color: 'status', stack: 'up' as never }),
    ).toThrow(InvalidOptionError);
  });

  test('locationChart: deaths beside survivors, in the order of the death toll', () => {
    const spec = locationChart(load('by-location-1964')) as Spec;
    expect(inner(spec).encoding.yOffset.field).toBe('measure');
    // Death toll: Croatia 194,749 > Bosnia and Herzegovina 177,045 > Serbia (proper) 97,728.
    expect(inner(spec).encoding.y.sort.slice(0, 3)).toEqual([
      'Croatia',
      'Bosnia and Herzegovina',
      'Serbia (proper)',
    ]);
    expect(inner(spec).encoding.color.scale.domain).toEqual(['dead (death toll)', 'survived']);
  });

  test('militaryChart: a panel per belligerent and source, "not reported" for the Times\' wounded', () => {
    const spec = militaryChart(load('military-losses')) as Spec;
    expect(inner(spec).vconcat).toHaveLength(11); // one panel per belligerent, area, period and source
    expect(inner(spec).vconcat[0].title.text).toBe(
      'Germany · World War II in Yugoslavia (infobox)',
    );
    expect(layers(spec).map((l) => l.mark.type ?? l.mark)).toEqual(['bar', 'rule', 'text']);
    expect(layers(spec)[2]!.encoding.text).toEqual({ field: 'shown' });
    const rows = (inner(spec).vconcat as Spec[]).flatMap((v) => v.data.values) as Spec[];
    // "no figure being mentioned for wounded": written "not reported" at 0, no bar (its value is null).
    expect(
      rows.find((r) => r.source === 'reinecke-times-1945' && r.measure === 'wounded'),
    ).toMatchObject({ value: null, figure: '–', shown: 'not reported', textAt: 0 });
    expect(rows.find((r) => r.source === 'overmans' && r.status === 'military')!.row).toBe(
      'Germany, the Balkans · Overmans',
    );
  });

  test('a user table in the contract shape works as a bundled one', () => {
    const mine = fromRows([
      {
        source: 'zerjavic',
        region: 'croatia',
        measure: 'deaths',
        unit: 'persons',
        value: 271000,
        low: 271000,
        high: 271000,
        qualifier: 'exact',
        label: 'Croatia',
        note: null,
      },
      {
        source: 'yu-1964',
        region: 'croatia',
        measure: 'deaths',
        unit: 'persons',
        value: 194749,
        low: 194749,
        high: 194749,
        qualifier: 'exact',
        label: 'Croatia',
        note: null,
      },
    ]);
    expect(warnings(compareChart(mine, { by: 'region' }))).toEqual([]);
  });
});
