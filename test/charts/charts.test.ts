import { from } from 'arquero';
import { compile } from 'vega-lite';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, fromRows, load } from '../../src/index.js';
import {
  compareChart,
  compositionChart,
  locationChart,
  militaryChart,
  measureColours,
  palette,
  sourceColours,
  slopeChart,
  spreadChart,
  totalsChart,
} from '../../src/charts/index.js';
import { standardCharts } from '../../src/report/index.js';

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const inner = (spec: Spec): Spec => spec.vconcat[0];
const layers = (spec: Spec): Spec[] =>
  inner(spec).layer ?? inner(spec).vconcat?.[0].layer ?? [inner(spec)];
const footerOf = (spec: Spec): string => inner(spec).title.text.join('\n');
const panels = (spec: Spec): Spec[] => inner(spec).vconcat ?? [inner(spec)];

/** WCAG 2.1 contrast of a #rrggbb colour against white, computed from the definition. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

/** Every value of `key` anywhere in a spec, with the path to it. */
function every(spec: unknown, key: string, path = ''): [string, unknown][] {
  if (spec === null || typeof spec !== 'object') return [];
  return Object.entries(spec as Record<string, unknown>).flatMap(([k, v]) => [
    ...(k === key ? [[`${path}.${k}`, v] as [string, unknown]] : []),
    ...(k === 'values' && path.endsWith('.data') ? [] : every(v, key, `${path}.${k}`)),
  ]);
}

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
    '%s compiles with vega-lite without a warning, in the publication frame and its visual system',
    (_, spec) => {
      expect(warnings(spec)).toEqual([]);
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      expect(spec.description.length).toBeGreaterThan(40); // a text for screen readers
      expect(spec.config.font).toBe('DejaVu Sans');
      expect(spec.config.range.category).toEqual(palette);
      expect(footerOf(spec)).toMatch(/^Sources?: /);
      expect(footerOf(spec)).not.toMatch(/Sources?: \./);
      expect(footerOf(spec)).toMatch(/Data: ww2-yugoslavia-casualties/);
      expect(inner(spec).title.orient).toBe('bottom');
      // Text at least 11 px at scale 1, wherever a size is set.
      for (const [path, size] of [
        ...every(spec, 'fontSize'),
        ...every(spec, 'labelFontSize'),
        ...every(spec, 'titleFontSize'),
        ...every(spec, 'subtitleFontSize'),
      ])
        expect(size, path).toBeGreaterThanOrEqual(11);
      // Every mark colour set in the spec, and every colour scale's range, is 3:1 or more on white
      // (the white ink of labels inside bars is set on the bar, not on white, and is left out).
      const colours = [
        ...every(spec, 'color').filter(([, c]) => typeof c === 'string'),
        ...every(spec, 'range').flatMap(([p, r]) =>
          Array.isArray(r) && r.every((c) => typeof c === 'string' && c.startsWith('#'))
            ? r.map((c) => [p, c] as [string, unknown])
            : [],
        ),
      ] as [string, string][];
      for (const [path, c] of colours)
        if (/^#[0-9a-f]{6}$/i.test(c))
          expect(contrastOnWhite(c), `${path} ${c}`).toBeGreaterThanOrEqual(3);
      // No legend for a single item: a colour or shape scale of one value has its legend off.
      for (const [path, enc] of [...every(spec, 'color'), ...every(spec, 'shape')])
        if (enc && typeof enc === 'object' && (enc as Spec).scale?.domain?.length === 1)
          expect((enc as Spec).legend, path).toBeNull();
      // No range drawn as a bar to its midpoint: no bar layer holds a row whose qualifier is 'range'.
      for (const [, mark] of every(spec, 'layer'))
        for (const layer of mark as Spec[])
          if ((layer.mark?.type ?? layer.mark) === 'bar' && layer.data?.values)
            expect(
              (layer.data.values as Spec[]).filter((v) => v.qualifier === 'range' && !v.stackedAt),
            ).toEqual([]);
    },
  );
});

describe('totalsChart(table)', () => {
  const spec = totalsChart(load('total-estimates')) as Spec;
  const [deaths, other] = panels(spec) as [Spec, Spec];

  test('separates counted or estimated deaths from the figures that are not counts of deaths', () => {
    expect(panels(spec).map((p) => p.title.text)).toEqual([
      'Deaths, counted or estimated',
      // total-estimates.csv: yu-official gives casualties first (1,706,000), then demographic loss
      'Not counts of deaths: casualties and demographic loss',
    ]);
    // total-estimates.csv: measure deaths or killed for the 1964 list, Kočović, Žerjavić, the Census
    // Bureau, Meštrović (killed), Vego and A'Barrow; demographic-loss or casualties for yu-official.
    expect(new Set((deaths.data.values as Spec[]).map((v) => v.source))).toEqual(
      new Set(['yu-1964', 'kocovic', 'zerjavic', 'us-census-1954', 'mestrovic', 'vego', 'abarrow']),
    );
    expect(new Set((other.data.values as Spec[]).map((v) => v.source))).toEqual(
      new Set(['yu-official']),
    );
    expect(spec.title.text).not.toMatch(/^Headline totals of the war dead/);
    // The 1.7 million (May 1945; restated in 1947, undated, 1948 in total-estimates.csv) drawn once.
    const claims = (other.data.values as Spec[]).map((v) => v.value);
    expect(claims.sort()).toEqual([1685000, 1700000, 1704000, 1706000]);
    expect((other.data.values as Spec[]).find((v) => v.value === 1700000)!.mentions).toBe(4);
  });

  test("draws Vego's range as a line with end caps and no point at its midpoint", () => {
    const marks = deaths.layer.map((l: Spec) => l.mark.type);
    expect(marks).toEqual(['rule', 'tick', 'point', 'text']);
    // "figures from 900,000 to 1,000,000 dead"
    expect(deaths.layer[0].data.values.map((v: Spec) => [v.low, v.high])).toEqual([
      [900000, 1000000],
    ]);
    expect(deaths.layer[1].data.values.map((v: Spec) => v.bound)).toEqual([900000, 1000000]);
    expect(deaths.layer[2].data.values.some((v: Spec) => v.source === 'vego')).toBe(false);
  });

  test('colours by kind of figure, each kind its fixed colour', () => {
    const color = deaths.layer[2].encoding.color;
    expect(color.scale.domain).toEqual([
      'named list',
      'demographic estimate',
      'census bureau estimate',
      'official claim',
      "historian's estimate",
    ]);
    expect(color.scale.range[color.scale.domain.indexOf('official claim')]).toBe('#6A3D9A');
  });

  test('a row that restates another is drawn once, its row saying how often it was mentioned', () => {
    const rows = [
      { id: 'a', source: 'yu-official', kind: 'official-claim', date: '1945-05', restates: null },
      { id: 'b', source: 'yu-official', kind: 'official-claim', date: '1947', restates: 'a' },
      { id: 'c', source: 'yu-official', kind: 'official-claim', date: '1948', restates: 'a' },
    ].map((r) => ({
      ...r,
      measure: 'demographic-loss',
      unit: 'persons',
      value: 1700000,
      low: 1700000,
      high: 1700000,
      qualifier: 'exact',
      label: '1.7 million',
      note: null,
    }));
    const once = totalsChart(from(rows)) as Spec;
    const values = panels(once)[0]!.data.values as Spec[];
    expect(values).toHaveLength(1);
    expect(values[0]!.row).toBe('Government of Yugoslavia, 3 mentions — demographic loss');
    expect(footerOf(once).replaceAll('\n', ' ')).toMatch(
      /1,700,000 \(Government of Yugoslavia\) is drawn once: the table records it as mentioned 3 times \(May 1945, 1947, 1948\)/,
    );
  });

  test('takes width, title, subtitle and locale', () => {
    const de = totalsChart(load('total-estimates'), {
      width: 400,
      title: 'T',
      subtitle: 'S',
      locale: 'de-DE',
    }) as Spec;
    expect(de.title).toEqual({ text: 'T', subtitle: 'S', frame: 'bounds' });
    expect(panels(de)[0]!.width).toBe(400);
    expect(de.config.locale.number).toMatchObject({ decimal: ',', thousands: '.' });
    expect((panels(de)[0]!.data.values as Spec[]).find((v) => v.source === 'yu-1964')!.figure).toBe(
      '597.323',
    );
  });

  test('bad options and tables get the package errors', () => {
    expect(() => totalsChart(load('total-estimates'), { width: 50 })).toThrow(
      'Invalid width 50: expected a number of pixels from 200 to 2000.',
    );
    expect(() => totalsChart(load('total-estimates'), { locale: 'xx-!!' })).toThrow(
      /Invalid locale 'xx-!!'/,
    );
    expect(() => totalsChart(load('total-estimates'), { title: 3 as never })).toThrow(
      'Invalid title 3: expected a string.',
    );
    expect(() => totalsChart(load('total-estimates'), { subtitle: 'x'.repeat(1001) })).toThrow(
      /^Invalid subtitle 'x+… \(1003 characters\): expected text of at most 1000 characters\.$/,
    );
    expect(() => totalsChart(load('total-estimates'), { notes: 'a caveat' as never })).toThrow(
      "Invalid notes 'a caveat': expected an array of strings, one footer line each.",
    );
    expect(() => totalsChart(load('total-estimates'), { width: 10n as never })).toThrow(
      "Invalid width '10n': expected a number of pixels from 200 to 2000.",
    );
    expect(() => totalsChart(load('by-status'))).toThrow(/lacks the column 'kind'/);
    expect(() => totalsChart({} as never)).toThrow(InvalidTableError);
    expect(() => totalsChart(load('total-estimates').filter(() => false))).toThrow(
      InvalidTableError,
    );
  });
});

describe('builders given no rows or absent options', () => {
  const empty = load('by-nationality').filter(() => false);
  test.each([
    ['compareChart', () => compareChart(empty, { by: 'nationality' })],
    ['spreadChart', () => spreadChart(empty, { by: 'nationality' })],
    ['slopeChart', () => slopeChart(empty, { by: 'nationality', from: 'kocovic', to: 'zerjavic' })],
    ['compositionChart', () => compositionChart(empty, { color: 'nationality' })],
    ['locationChart', () => locationChart(load('by-location-1964').filter(() => false))],
    ['militaryChart', () => militaryChart(load('military-losses').filter(() => false))],
  ])('%s with no rows throws InvalidTableError, not an empty chart', (_, build) => {
    expect(build).toThrow(InvalidTableError);
    expect(build).toThrow(/no rows to draw/i);
  });

  test('a measure or category with no rows left names what was expected', () => {
    const noRegion = load('by-nationality').derive({ region: () => null });
    expect(() => compareChart(noRegion, { by: 'region' })).toThrow(
      "No rows to draw for compareChart (measure 'deaths', by 'region'): expected rows of that measure with a value in the column 'region'.",
    );
  });

  test.each([
    ['compareChart', () => compareChart(load('by-nationality'), undefined as never), 'by'],
    ['spreadChart', () => spreadChart(load('by-nationality'), undefined as never), 'by'],
    ['slopeChart', () => slopeChart(load('by-nationality'), undefined as never), 'by'],
    ['compositionChart', () => compositionChart(load('by-status'), undefined as never), 'color'],
  ])('%s with no options throws InvalidOptionError naming what it needs', (name, build, needs) => {
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(`${name}: no options given; expected an object with ${needs}`);
  });

  test('wrong options name the option and what was expected', () => {
    expect(() => compareChart(load('by-nationality'), { by: 3 } as never)).toThrow(
      "compareChart: invalid option by 3; expected the name of a dimension column, e.g. 'nationality'.",
    );
    expect(() =>
      compositionChart(load('by-status'), { color: 'status', stack: 'up' as never }),
    ).toThrow("compositionChart: invalid option stack 'up'; expected 'zero' or 'normalize'.");
    expect(() =>
      spreadChart(load('by-nationality'), { by: 'nationality', scale: 'cubic' as never }),
    ).toThrow("spreadChart: invalid scale 'cubic'; expected 'log' or 'linear'.");
    expect(() => compareChart(load('by-location-1964'), { by: 'region' })).toThrow(
      /Unknown measure undefined.*Expected one of: deaths, survived/,
    );
    expect(() => compareChart(load('by-nationality'), { by: 'nation' })).toThrow(
      /lacks the column 'nation'/,
    );
  });
});

describe('compareChart(table, { by })', () => {
  const spec = compareChart(load('by-nationality'), { by: 'nationality' }) as Spec;

  test('grouped bars with every figure written, and "not reported" where a source has a dash', () => {
    expect(layers(spec).map((l) => l.mark.type ?? l.mark)).toEqual(['bar', 'text', 'text']);
    expect(layers(spec)[0]!.encoding.yOffset.field).toBe('sourceName');
    expect(layers(spec)[1]!.encoding.text).toEqual({ field: 'figure' });
    const missing = layers(spec)[2]!;
    expect(missing.encoding.text).toEqual({ value: 'not reported' });
    // 4 dashes in each of the three columns of "Victims by nationality": 12 marked, none drawn as a bar.
    expect(missing.data.values).toHaveLength(12);
    expect(layers(spec)[0]!.data.values).toHaveLength(48 - 12);
  });

  test('each source in its fixed colour, the kind named, categories by their largest figure', () => {
    const color = layers(spec)[0]!.encoding.color;
    expect(color.scale.domain).toEqual([
      'Federal Statistical Office of Yugoslavia (1964), named list',
      'Kočović (1985), demographic estimate',
      'Žerjavić (1989), demographic estimate',
    ]);
    expect(color.scale.range).toEqual([
      sourceColours['yu-1964'],
      sourceColours.kocovic,
      sourceColours.zerjavic,
    ]);
    // Žerjavić is the same colour beside A'Barrow in by-status as beside the 1964 list here.
    const status = compareChart(load('by-status'), { by: 'status' }) as Spec;
    const sc = layers(status)[0]!.encoding.color.scale;
    expect(sc.range[sc.domain.findIndex((d: string) => d.startsWith('Žerjavić (1989)'))]).toBe(
      sourceColours.zerjavic,
    );
    expect(layers(spec)[0]!.encoding.y.sort.slice(0, 3)).toEqual(['Serbs', 'Croats', 'Muslims']); // 530,000; 207,000; 103,000
    expect(spec.title.text).toBe(
      'Deaths by nationality: Federal Statistical Office of Yugoslavia (1964), Kočović (1985) and Žerjavić (1989)',
    );
  });

  test('one source: its name in the title and no legend', () => {
    const one = compareChart(load('by-republic-zerjavic'), { by: 'region' }) as Spec;
    expect(one.title.text).toBe('Deaths by region: Žerjavić (1989)');
    expect(layers(one)[0]!.encoding.color.legend).toBeNull();
  });

  test('draws a published range as a line with end caps, not a bar', () => {
    const ranged = compareChart(
      load('ndh-croats-bosniaks').filter((d) => d.region === 'ndh'),
      { by: 'status' },
    ) as Spec;
    expect(layers(ranged).map((l) => l.mark.type ?? l.mark)).toEqual([
      'bar',
      'rule',
      'tick',
      'text',
    ]);
    // "69–71,000 Croats died as members of the NDH armed forces": low 69,000, high 71,000.
    expect(layers(ranged)[1]!.data.values.map((v: Spec) => [v.low, v.high])).toContainEqual([
      69000, 71000,
    ]);
    expect(layers(ranged)[0]!.data.values.some((v: Spec) => v.qualifier === 'range')).toBe(false);
  });
});

/** Every mark of a spec that draws the row `id`: its type, its style, and where it is drawn. */
function marksOf(spec: unknown, id: string, inherited: Spec[] = []): Spec[] {
  if (spec === null || typeof spec !== 'object') return [];
  const s = spec as Spec;
  const values: Spec[] = Array.isArray(s.data?.values) ? s.data.values : inherited;
  const found: Spec[] = [];
  if (s.mark) {
    const mark = typeof s.mark === 'string' ? { type: s.mark } : s.mark;
    const filter = s.transform?.[0]?.filter as string | undefined;
    for (const datum of values.filter((v) => v.id === id)) {
      if (filter === 'datum.value === null' && datum.value !== null) continue;
      if (filter === 'datum.value !== null' && datum.value === null) continue;
      const at = (c: string) => s.encoding?.[c]?.field && datum[s.encoding[c].field];
      found.push({ mark, datum, x: at('x'), x2: at('x2'), encoding: s.encoding });
    }
  }
  for (const key of ['layer', 'vconcat', 'hconcat'])
    if (Array.isArray(s[key])) for (const v of s[key]) found.push(...marksOf(v, id, values));
  return found;
}

describe('an "at most" figure is drawn as an upper bound only', () => {
  // military-losses.csv: "they had perhaps lost as many as 36,000 dead" (at-most, high 36,000);
  // local-incidents.csv: "nearly 200 Serbs" (at-most, high 200) and Savich's "at least 1,000"
  // (at-least, low 1,000).
  const dapcevic = 'text-yugoslav-partisans-military-to-1945-05-09-deaths';
  const gudovac = 'text-gudovac-1941-04-28-ustase-serbs-killed';
  const belgrade =
    'savich-belgrade-1944-04-to-1944-05-american-and-british-bombers-civilians-killed';
  const persons = load('local-incidents').filter((d) => d.unit === 'persons');
  const drawings: [string, () => object, string, number, string][] = [
    ['militaryChart', () => militaryChart(load('military-losses')), dapcevic, 36000, '≤36,000'],
    [
      'compareChart',
      () => compareChart(load('military-losses'), { by: 'belligerent', measure: 'deaths' }),
      dapcevic,
      36000,
      '≤36,000',
    ],
    [
      'spreadChart',
      () => spreadChart(load('military-losses'), { by: 'belligerent', measure: 'deaths' }),
      dapcevic,
      36000,
      '≤36,000',
    ],
    [
      'compositionChart',
      () => compositionChart(load('military-losses'), { color: 'belligerent', measure: 'deaths' }),
      dapcevic,
      36000,
      '≤36,000',
    ],
    [
      'compareChart',
      () => compareChart(persons, { by: 'place', measure: 'killed' }),
      gudovac,
      200,
      '≤200',
    ],
  ];

  test.each(drawings)(
    '%s: a dashed line up to the bound and a cap at it, no bar',
    (_, draw, id, bound, text) => {
      const marks = marksOf(draw(), id);
      // no solid bar or dot at the bound, as if it were the value
      expect(marks.filter((m) => ['bar', 'point'].includes(m.mark.type))).toEqual([]);
      const line = marks.find((m) => m.mark.type === 'rule' && m.mark.strokeDash)!;
      expect(line.x2).toBe(bound);
      expect(line.x === 0 || line.x < bound / 10).toBe(true); // from 0, or a log axis's start
      const cap = marks.find((m) => m.mark.type === 'tick')!;
      expect(cap.x).toBe(bound);
      expect(line.encoding.tooltip.some((t: Spec) => line.datum[t.field] === text)).toBe(true);
      // where the chart writes its figures, the bound is written with its sign, at the bound
      const label = marks.find((m) => m.mark.type === 'text');
      if (label) expect([label.datum.figure, label.datum.shown]).toContain(text);
      if (label) expect(label.x).toBe(bound);
    },
  );

  test('the footer says what the line means; an "at least" figure keeps its bar and arrow', () => {
    const spec = compareChart(persons, { by: 'place', measure: 'killed' }) as Spec;
    expect(footerOf(spec).replace(/\n/g, ' ')).toContain(
      'A dashed line up to a bar, ≤: "as many as" (up to); the source gives this upper bound only, no lower one.',
    );
    const atLeast = marksOf(spec, belgrade);
    expect(atLeast.find((m) => m.mark.type === 'bar')!.x).toBe(1000);
    const arrow = atLeast.find((m) => m.mark.type === 'rule')!;
    expect(arrow.x).toBe(1000);
    expect(arrow.x2).toBeGreaterThan(1000);
    expect(atLeast.find((m) => m.mark.shape === 'triangle-right')).toBeDefined();
    expect(atLeast.find((m) => m.mark.type === 'tick')).toBeUndefined();
  });

  test('slopeChart: a figure with no single value (a range, an upper bound) is not a dot, and is said', () => {
    const row = (id: string, source: string, region: string, q: string, value: number, low: number | null, high: number) => ({
      id, source, region, measure: 'deaths', unit: 'persons', value, low, high, qualifier: q, label: id, note: null,
    }); // prettier-ignore
    const spec = slopeChart(
      from([
        row('a1', 'zerjavic', 'x', 'at-most', 36000, null, 36000),
        row('a2', 'kocovic', 'x', 'exact', 24000, 24000, 24000),
        row('b1', 'zerjavic', 'y', 'exact', 5000, 5000, 5000),
        row('b2', 'kocovic', 'y', 'exact', 7000, 7000, 7000),
      ]),
      { by: 'region', from: 'kocovic', to: 'zerjavic' },
    ) as Spec;
    expect(layers(spec)[0]!.data.values.map((v: Spec) => v.value)).toEqual([7000, 5000]);
    expect(footerOf(spec).replace(/\n/g, ' ')).toContain(
      'Left out, a range or an upper bound only (no single figure to join) in Žerjavić (1989): x.',
    );
  });

  test('spreadChart: an "at most" figure allows any lower figure, so no finite ratio is made of it', () => {
    const rows = [
      { id: 'a', source: 'zerjavic', region: 'x', measure: 'deaths', unit: 'persons', value: 36000, low: null, high: 36000, qualifier: 'at-most', label: 'as many as 36,000', note: null },
      { id: 'b', source: 'kocovic', region: 'x', measure: 'deaths', unit: 'persons', value: 24000, low: 24000, high: 24000, qualifier: 'exact', label: '24,000', note: null },
    ]; // prettier-ignore
    const spec = spreadChart(from(rows), { by: 'region' }) as Spec;
    // 24,000 over "up to 36,000": the lowest may be any figure down to 0
    expect(layers(spec).at(-1)!.data.values[0].ratio).toBe('no ratio (lowest may be 0)');
  });
});

describe('spreadChart, slopeChart, compositionChart, locationChart, militaryChart', () => {
  test('spreadChart: each source on its own line, and the highest-to-lowest ratio beside each category', () => {
    const spec = spreadChart(load('by-nationality'), { by: 'nationality' }) as Spec;
    const ratios = layers(spec).at(-1)!;
    expect(ratios.encoding.text).toEqual({ field: 'ratio' });
    const of = (k: string) => (ratios.data.values as Spec[]).find((v) => v.category === k)!.ratio;
    expect(of('Serbs')).toBe(`×${(530000 / 346740).toFixed(2)}`); // Žerjavić 530,000 / the 1964 list 346,740
    expect(of('Albanians')).toBe(`×${(18000 / 3241).toFixed(2)}`); // 18,000 / 3,241
    expect(of('Turks')).toBe('one source only'); // 686 in the 1964 list, dashes in the others
    expect(layers(spec).find((l) => l.mark.type === 'point')!.encoding.yOffset.field).toBe(
      'sourceName',
    );
    expect(spec.vconcat[0].layer[2].encoding.x.scale.type).toBe('log'); // 686 to 530,000
    expect(footerOf(spec)).toMatch(/×: the highest figure of the category divided by the lowest/);
  });

  test('slopeChart: name and value at both ends, lines in one ink', () => {
    const spec = slopeChart(load('by-nationality'), {
      by: 'nationality',
      from: 'kocovic',
      to: 'zerjavic',
    }) as Spec;
    // lines, dots, labels at both ends, and leader lines to the labels moved off their dots
    expect(layers(spec).map((l) => l.mark.type)).toEqual([
      'line',
      'point',
      'text',
      'text',
      'rule',
      'rule',
    ]);
    expect(layers(spec)[0]!.mark.color).toBe('#5a5a5a');
    expect(layers(spec)[0]!.data.values).toHaveLength(12 * 2); // 16 nationalities less the 4 neither reports
    const right = layers(spec)[2]!.data.values.map((v: Spec) => v.text);
    const left = layers(spec)[3]!.data.values.map((v: Spec) => v.text);
    expect(right).toContain('18,000  Gypsies, Albanians'); // both 18,000 in Žerjavić
    expect(left).toContain('Serbs  487,000');
    expect(left).toContain('Slovenes  32,000');
    expect(right).toContain('42,000  Slovenes');
    // by-nationality.csv: kocovic and zerjavic both give "not-reported" for these four
    expect(footerOf(spec).replace(/\n/g, ' ')).toMatch(
      'Left out, a dash (no figure, not zero) in Kočović (1985) and Žerjavić (1989): Unknown, ' +
        'Hungarians, Slovaks, Turks.',
    );
    expect(() =>
      slopeChart(load('by-nationality'), { by: 'nationality', from: 'kocovic', to: 'zerjavich' }),
    ).toThrow(/Unknown source \(to\) 'zerjavich'\. Did you mean 'zerjavic'\?/);
  });

  test('compositionChart: only parts of one whole are stacked (part_of), a row of none stands alone', () => {
    const row = (id: string, part_of: string | null, status: string, value: number) => ({
      id,
      part_of,
      source: 'zerjavic',
      status,
      measure: 'deaths',
      unit: 'persons',
      value,
      low: value,
      high: value,
      qualifier: 'exact',
      label: status,
      note: null,
    });
    const spec = compositionChart(
      from([
        row('a', 't1', 'partisan', 10),
        row('b', 't1', 'civilian', 20),
        row('c', null, 'civilian', 5),
      ]),
      { color: 'status' },
    ) as Spec;
    const values = inner(spec).data.values as Spec[];
    expect(new Set(values.map((v) => v.whole)).size).toBe(2); // t1 (a + b), and c alone
    expect(values.find((v) => v.id === 'c')!.whole).not.toBe(
      values.find((v) => v.id === 'a')!.whole,
    );
    expect(footerOf(spec)).toMatch(/not part of a stated total stands alone/);
  });

  test('compositionChart on the bundled structure: what the data calls parts is what is stacked', () => {
    // ndh-serbs: "A further 20,000 died in the Sajmište concentration camp" is recorded as an
    // additional part of Žerjavić's Serbs in the NDH; the civilians' parts are parts of a part of it.
    // Eight parts of one bar keyed only by a legend are drawn as eight labelled bars instead:
    // nothing is stacked, so no total (322,000, which the document never states) is drawn.
    const serbs = compositionChart(load('ndh-serbs'), { color: 'label' }) as Spec;
    const serbBars = layers(serbs)[0]!;
    expect(serbBars.mark).toBe('bar');
    expect(serbBars.encoding.x.field).toBe('value');
    expect(serbBars.encoding.x.stack).toBeUndefined();
    expect(serbBars.encoding.y.field).toBe('part');
    expect(serbBars.encoding.color).toEqual({ value: expect.any(String) }); // the axis names the parts
    expect((serbBars.data.values as Spec[]).map((v) => v.value)).toEqual([
      82000, 23000, 78000, 45000, 15000, 34000, 25000, 20000,
    ]);
    const words = JSON.stringify([serbs.title, serbs.description, footerOf(serbs)]);
    expect(words).not.toMatch(/322[,.]?000/);
    // ndh-civilians-by-perpetrator: the deaths abroad are a whole of their own, never a part of a
    // perpetrator's bar in the NDH.
    const all = compositionChart(load('ndh-civilians-by-perpetrator'), {
      by: 'perpetrator',
      color: 'nationality',
    }) as Spec;
    const bars = new Map<string, Set<string>>();
    for (const v of inner(all).data.values as Spec[])
      bars.set(v.whole, (bars.get(v.whole) ?? new Set()).add(v.region));
    expect(bars.size).toBe(6); // five perpetrators in the NDH, and the deaths abroad
    for (const regions of bars.values()) expect(regions.size).toBe(1);
  });

  test('compositionChart: at-least drawn at the lower bound and said so; ranges never stacked', () => {
    const spec = compositionChart(
      load('ndh-civilians-by-perpetrator').filter((d) => d.region === 'ndh'),
      { by: 'perpetrator', color: 'nationality' },
    ) as Spec;
    expect(layers(spec).map((l) => l.mark.type)).toEqual(['bar', 'text']);
    const chetniks = (inner(spec).data.values as Spec[]).filter(
      (v) => v.perpetrator === 'chetniks',
    );
    expect(chetniks.map((v) => v.drawnAt)).toEqual([18000, 20000]); // "18,000+ Croats and 20,000+ Bosniaks"
    expect(footerOf(spec)).toMatch(/≥: "at least"; such a part is drawn at its lower bound/);
    const ranged = compositionChart(load('ndh-croats-bosniaks'), {
      by: 'nationality',
      color: 'status',
    }) as Spec;
    expect(ranged.title.subtitle).toMatch(/ranges, which have no single length to stack/);
    // Partisans in the NDH ("43–46,000") and abroad ("4,000 as Partisans") are two parts, not one.
    expect(inner(ranged).vconcat[0].layer[0].encoding.color.scale.domain).toEqual([
      'NDH armed forces',
      'Partisans (NDH)',
      'civilians (NDH)',
      'Partisans (abroad)',
      'civilians (abroad)',
    ]);
    const croats = inner(ranged).vconcat[0];
    expect(croats.layer.map((l: Spec) => l.mark.type ?? l.mark)).toEqual([
      'bar',
      'rule',
      'tick',
      'text',
    ]);
    expect(croats.layer[1].data.values.map((v: Spec) => [v.low, v.high])).toEqual([
      [69000, 71000],
      [43000, 46000],
      [60000, 64000],
    ]);
  });

  test('compositionChart: the rules every builder shares (restated once, caveats, units, sources)', () => {
    // military-losses: Italy's 9,065 killed, given in the article's text and restated by the
    // infobox, is one part, drawn once, and the footer says where else it was given.
    const killed = compositionChart(load('military-losses'), {
      color: 'belligerent',
      measure: 'killed',
    }) as Spec;
    const drawn: Spec[] = inner(killed).vconcat.flatMap((p: Spec) => p.data.values as Spec[]);
    expect(drawn.filter((v) => v.value === 9065)).toHaveLength(1);
    expect(footerOf(killed).replace(/\n/g, ' ')).toContain(
      '9,065 (World War II in Yugoslavia (article text)) is drawn once; World War II in ' +
        'Yugoslavia (infobox) gives the same figure, which is not a second part.',
    );
    // The title names the sources the rows hold, from the registry; the kinds where they differ.
    expect(killed.title.text).toBe(
      'Killed by belligerent: World War II in Yugoslavia (infobox), German High Command ' +
        'casualty lists (1945) and World War II in Yugoslavia (article text)',
    );
    expect(killed.title.subtitle[1]).toBe(
      'The sources are of different kinds: an encyclopedia infobox; military records; an ' +
        'encyclopedia article',
    );
    // A note that changes how a figure reads goes into the footer: Italy's 10,090 after the
    // armistice is "not part of the 30,531".
    const deaths = compositionChart(load('military-losses'), {
      color: 'belligerent',
      measure: 'deaths',
    }) as Spec;
    expect(footerOf(deaths).replace(/\n/g, ' ')).toMatch(/10,090 \(.*\): .*not part of the 30,531/);
    // The axis says the rows' unit; rows of two units are refused, naming both.
    const share = compositionChart(load('slovenia-2005'), { color: 'status', measure: 'share' });
    expect(inner(share as Spec).layer[0].encoding.x.title).toBe('per cent');
    const row = (id: string, unit: string, value: number) => ({
      id, part_of: 't1', source: 'zerjavic', status: id, measure: 'deaths', unit, value,
      low: value, high: value, qualifier: 'exact', label: id, note: null,
    }); // prettier-ignore
    expect(() =>
      compositionChart(from([row('a', 'persons', 10), row('b', 'percent', 20)]), {
        color: 'status',
      }),
    ).toThrow(/compositionChart: the rows mix units \(persons, percent\)/);
  });

  test('compositionChart: a row is never stacked onto its own subset, nor two wholes into one bar', () => {
    const row = (id: string, part_of: string | null, status: string, value: number) => ({
      id, part_of, subset_of: null as string | null, source: 'zerjavic', status, measure: 'deaths',
      unit: 'persons', value, low: value, high: value, qualifier: 'exact', label: status, note: null,
    }); // prettier-ignore
    // 'b' is a subset of 'a' (its people are among a's): stacking them counts them twice.
    const subset = [
      row('a', 't1', 'partisan', 10),
      { ...row('b', 't1', 'civilian', 4), subset_of: 'a' },
    ];
    const build = () => compositionChart(from(subset), { color: 'status' });
    expect(build).toThrow(InvalidTableError);
    expect(build).toThrow(
      /compositionChart: the bar 'Žerjavić \(1989\)' would stack .*'b'.* is a subset of 'a'/,
    );
    // a figure that stands alone gets its own bar, never the bar of the whole beside it
    const spec = compositionChart(
      from([
        row('a', 't1', 'partisan', 10),
        row('b', 't1', 'civilian', 20),
        row('c', null, 'civilian', 5),
      ]),
      { color: 'status' },
    ) as Spec;
    const bars = new Map<string, Set<string>>();
    for (const v of inner(spec).data.values as Spec[])
      bars.set(v.bar, (bars.get(v.bar) ?? new Set()).add(v.id));
    expect([...bars.values()].map((ids) => [...ids].sort())).toEqual([['a', 'b'], ['c']]);
  });

  test("locationChart: deaths beside survivors, in the order of the death toll, in the measures' colours", () => {
    const spec = locationChart(load('by-location-1964')) as Spec;
    expect(layers(spec)[0]!.encoding.yOffset.field).toBe('measure');
    // Death toll: Croatia 194,749 > Bosnia and Herzegovina 177,045 > Serbia (proper) 97,728.
    expect(layers(spec)[0]!.encoding.y.sort.slice(0, 3)).toEqual([
      'Croatia',
      'Bosnia and Herzegovina',
      'Serbia (proper)',
    ]);
    expect(layers(spec)[0]!.encoding.color.scale.range).toEqual([
      measureColours.deaths,
      measureColours.survived,
    ]);
  });

  test('militaryChart: a note that changes how a figure reads is carried into the footer', () => {
    // belgrade-offensive.csv, text-yugoslav-partisans-and-soviet-union-deaths: "over 3,500", with
    // the note "the number of remains in the Liberators of Belgrade Memorial, not a count of all
    // losses"
    const footer = footerOf(militaryChart(load('belgrade-offensive')) as Spec).replace(/\n/g, ' ');
    expect(footer).toMatch(/≥3,500 \(Partisans and Red Army .*\): the number of remains in the/);
    expect(footer).toMatch(/not a count of all losses/);
    // military-losses.csv: Italy's three infobox figures restate the article's text: drawn once
    const spec = militaryChart(load('military-losses')) as Spec;
    const drawn = panels(spec).flatMap((p) => p.layer[0].data.values as Spec[]);
    expect(drawn.filter((d) => d.belligerent === 'italy' && d.value === 9065)).toHaveLength(1);
    expect(footerOf(spec).replace(/\n/g, ' ')).toMatch(
      /9,065 killed, 15,160 wounded and 6,306 missing, drawn once; World War II in Yugoslavia \(infobox\) gives the same figures/,
    );
  });

  test('spreadChart: the ratio of a range is the interval its bounds allow, rows named in words', () => {
    // military-losses.csv, killed: Germany 19,235–103,693 (infobox) and 24,000 (Reinecke):
    // from max(1, 24,000 / 24,000) = 1.00 to max(103,693 / 24,000, 24,000 / 19,235) = 4.32
    const spec = spreadChart(load('military-losses'), {
      by: 'belligerent',
      measure: 'killed',
    }) as Spec;
    const spans = layers(spec).at(-1)!.data.values as Spec[];
    expect(spans.find((s) => s.category === 'Germany')!.ratio).toBe('×1.00–4.32');
    // Italy's 9,065 in the infobox restates the article's: one source, not two agreeing
    expect(spans.find((s) => s.category === 'Italy')!.ratio).toBe('one source only');
    expect(spans.map((s) => s.category)).not.toContain('245,549 killed');
    expect(spans.map((s) => s.category)).toContain('Yugoslav Partisans');
  });

  test('locationChart refuses two figures for one location and measure, naming both', () => {
    // ndh-croats-bosniaks.csv: Croats in the NDH give one row per status (military, civilian)
    expect(() => locationChart(load('ndh-croats-bosniaks'))).toThrow(
      /locationChart: the rows give two figures for .* expected one figure per location and measure/,
    );
  });

  test('militaryChart: a range as a line with caps, a measure in the same colour in every chart', () => {
    const spec = militaryChart(load('military-losses')) as Spec;
    expect(inner(spec).vconcat[0].title.text).toBe(
      'Germany · World War II in Yugoslavia (infobox)',
    );
    // Germany in the infobox: "19,235–103,693 killed", a range: a rule with caps, no bar at its midpoint.
    expect(layers(spec).map((l) => l.mark.type ?? l.mark)).toEqual([
      'bar',
      'rule',
      'tick',
      'text',
      'text',
    ]);
    expect(layers(spec)[0]!.data.values.map((v: Spec) => v.measure)).toEqual(['missing']);
    expect(layers(spec)[2]!.data.values.map((v: Spec) => v.bound)).toEqual([19235, 103693]);
    const belgrade = militaryChart(load('belgrade-offensive')) as Spec;
    for (const s of [spec, belgrade]) {
      const scale = layers(s)[0]!.encoding.color.scale;
      const killed = scale.domain.indexOf('killed');
      if (killed >= 0) expect(scale.range[killed]).toBe(measureColours.killed);
    }
    const rows = (inner(spec).vconcat as Spec[]).flatMap((v) => v.data.values) as Spec[];
    // "no figure being mentioned for wounded": written "not reported", no bar (its value is null).
    expect(
      rows.find((r) => r.source === 'reinecke-times-1945' && r.measure === 'wounded'),
    ).toMatchObject({ value: null, figure: '–', shown: 'not reported' });
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
