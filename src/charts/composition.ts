import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, InvalidTableError, show } from '../errors.js';
import { sourceNames } from './attribution.js';
import {
  arrowReach,
  chartRows,
  checkChartOptions,
  drawnAsFigure,
  framed,
  oneOf,
  oneUnit,
  requiredOptions,
  rowsToDraw,
  textAt,
  uncertaintyLayers,
  uncertaintyNotes,
} from './frame.js';
import { contractColumns } from '../data/contract.js';
import { statedTotals } from '../data/load.js';
import { coloursOf, type ChartOptions } from './theme.js';
import { keyWords, legendTitle } from './words.js';
import { maxOf } from '../analysis/extent.js';
import { drawnOnce } from './restated.js';

/** Options of {@link compositionChart}. */
export interface CompositionChartOptions extends ChartOptions {
  /**
   * The column whose values make the bars, e.g. `'nationality'` or `'source'`. Default `'source'`.
   */
  by?: string;
  /**
   * The column whose values make the parts of a bar, e.g. `'status'`, `'perpetrator'`, `'cause'`,
   * or `'label'` for the source's own words, where a figure is defined by several dimensions at
   * once. Required.
   */
  color: string;
  /**
   * The measure to draw, where the table holds several (e.g. `'share'` in slovenia-2005).
   * Default: the only one.
   */
  measure?: string;
  /** `'zero'` stacks the figures; `'normalize'` shows each bar as 100 %. Default `'zero'`. */
  stack?: 'zero' | 'normalize';
}

/**
 * What a whole is made of, as stacked (or normalized) bars: one bar per value of `by`, one part per
 * value of `color`. Parts the source gives as a range are drawn at the midpoint and parts given as
 * "at least" at their lower bound, and the footer says so; a part with no key (the source does not
 * say) is "not stated". Figures not reported are left out and counted in the footer, never drawn
 * as 0.
 *
 * @param table A table in the contract's shape, e.g. `load('ndh-civilians-by-perpetrator')`.
 * @param options `color` (the parts), `by` (the bars), `measure`, `stack`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs.
 * @throws {InvalidOptionError} If an option is invalid.
 * @example
 * compositionChart(load('ndh-civilians-by-perpetrator'), {
 *   by: 'nationality',
 *   color: 'perpetrator',
 * });
 */
export function compositionChart(
  table: ColumnTable,
  options: CompositionChartOptions,
): TopLevelSpec {
  const o = requiredOptions(
    options,
    'compositionChart',
    "color, the column whose values make the parts, e.g. { color: 'status' }",
  );
  const { width, locale } = checkChartOptions(o);
  const { by = 'source', color: part, stack = 'zero' } = o;
  if (typeof part !== 'string')
    throw new InvalidOptionError(
      `compositionChart: invalid option color ${show(part)}; ` +
        "expected the name of a dimension column, e.g. 'status'.",
    );
  if (typeof by !== 'string')
    throw new InvalidOptionError(
      `compositionChart: invalid option by ${show(by)}; ` +
        "expected the name of a column, e.g. 'source' or 'nationality'.",
    );
  if (stack !== 'zero' && stack !== 'normalize')
    throw new InvalidOptionError(
      `compositionChart: invalid option stack ${show(stack)}; expected 'zero' or 'normalize'.`,
    );
  const all = chartRows(table, [by, part], locale);
  const measures = [...new Set(all.map((r) => r.measure))];
  const measure =
    o.measure === undefined && measures.length === 1
      ? measures[0]!
      : oneOf('measure', o.measure, all, 'measure');
  // A figure given again (restates) is one part, drawn once.
  const rows = rowsToDraw(
    drawnOnce(all.filter((r) => r.measure === measure)).rows,
    `compositionChart (measure '${measure}')`,
    'rows of that measure',
  );
  oneUnit(rows, 'compositionChart');
  // Only parts of one whole are stacked: a table that records no part_of says nothing of which
  // figures make up which whole, and is refused rather than stacked by guess.
  if (!table.columnNames().includes('part_of'))
    throw new InvalidTableError(
      'compositionChart: the table has no column part_of, so nothing says which rows are parts ' +
        'of one whole; expected rows whose part_of names the stated total they are parts of ' +
        '(see the README, "How figures relate"), or compareChart to set the figures side by side.',
    );
  const names = new Map(sourceNames(rows.map((r) => r.source)).map((s) => [s.id, s.name]));
  const drawn = rowsToDraw(
    rows.filter((r) => r.value !== null),
    `compositionChart (measure '${measure}')`,
    'at least one row with a figure (value)',
  );
  const notReported = rows.length - drawn.length;
  // A part with no key is "not stated";
  // where those rows all lie in a region the others do not, it says which.
  const unstated = drawn.filter((r) => r[part] == null);
  const regions = new Set(unstated.map((r) => r.region));
  const region =
    regions.size === 1 &&
    [...regions][0] != null &&
    !drawn.some((r) => r[part] != null && r.region === [...regions][0])
      ? ` (${keyWords(String([...regions][0]))})`
      : '';
  const named = drawn.map((r) => ({
    ...r,
    bar:
      by === 'source'
        ? names.get(r.source)!
        : r[by] == null
          ? 'not stated'
          : keyWords(String(r[by])),
    part:
      part === 'label'
        ? r.label
        : r[part] == null
          ? `not stated${region}`
          : keyWords(String(r[part])),
    drawnAt: (r.qualifier === 'at-least' ? r.low : r.value) as number,
  }));
  // Two figures of one bar with the same part differ in another dimension (Partisans in the NDH and
  // abroad): each part then says which, so that no two figures look like one.
  const dimensions = table
    .columnNames()
    .filter(
      (c) =>
        !(contractColumns as readonly string[]).includes(c) &&
        c !== by &&
        c !== part &&
        !['kind', 'id', 'part_of', 'subset_of', 'restates', 'precision'].includes(c) &&
        c !== 'date',
    );
  const data = named.map((d) => {
    const twins = named.filter((e) => e.bar === d.bar && e.part === d.part);
    if (twins.length < 2) return d;
    const cell = (row: object, c: string) => (row as Record<string, unknown>)[c];
    const differ = dimensions.filter((c) => new Set(twins.map((e) => cell(e, c))).size > 1);
    const which = differ.map((c) =>
      cell(d, c) == null ? `${c} not stated` : keyWords(String(cell(d, c))),
    );
    return which.length ? { ...d, part: `${d.part} (${which.join(', ')})` } : d;
  });
  // Only parts of one whole are stacked: rows that name the same stated total in `part_of` make a
  // bar; a row that names none stands alone. A table without `part_of` stacks by `by`, and says so.
  const structured = table.columnNames().includes('part_of');
  // A whole that is itself a part of another whole drawn here (Serbs' civilian deaths, within all
  // Serb deaths in the NDH) is stacked in that whole's bar: its parts are parts of it too.
  const parents = new Map<string, string>();
  for (const t of statedTotals().objects() as { id?: string | null; part_of?: string | null }[])
    if (t.id != null && t.part_of != null) parents.set(t.id, t.part_of);
  const direct = new Set(
    data
      .map((d) => partOf(d))
      .filter((p) => p != null)
      .map(String),
  );
  const drawnWhole = (id: string): string => {
    for (let up = parents.get(id), seen = 0; up && seen < 20; up = parents.get(up), seen++)
      if (direct.has(up)) return drawnWhole(up);
    return id;
  };
  const whole = (d: (typeof data)[number], i: number) =>
    structured
      ? partOf(d) == null
        ? `alone:${i}`
        : `part_of:${drawnWhole(String(partOf(d)))}`
      : d.bar;
  const keyed = data.map((d, i) => ({ ...d, whole: whole(d, i) }));
  const wholes = [...new Set(keyed.map((d) => d.whole))];
  // Two wholes with the same name differ in another
  // dimension (Croats in the NDH and abroad): say which.
  const barName = new Map<string, string>();
  for (const w of wholes) {
    const of = keyed.filter((d) => d.whole === w);
    const name = of[0]!.bar;
    const others = keyed.filter((d) => d.bar === name && d.whole !== w);
    const cell = (row: object, c: string) => (row as Record<string, unknown>)[c];
    const differ = dimensions.filter(
      (c) =>
        others.length > 0 &&
        new Set(of.map((d) => cell(d, c))).size === 1 &&
        others.some((d) => cell(d, c) !== cell(of[0]!, c)),
    );
    barName.set(
      w,
      differ.length
        ? `${name}, ` +
            differ
              .map((c) =>
                cell(of[0]!, c) == null ? `${c} not stated` : keyWords(String(cell(of[0]!, c))),
              )
              .join(', ')
        : name,
    );
  }
  const named2 = keyed.map((d) => ({ ...d, bar: barName.get(d.whole)! }));
  const bars = [...new Set(named2.map((d) => d.bar))];
  // Parts in one order for every bar: those that every bar has (civilians) after those only some
  // have, so that a part shared by all stands in the same place in each bar.
  const barsWith = (p: string) =>
    new Set(named2.filter((d) => d.part === p).map((d) => d.bar)).size;
  const firstSeen = [...new Set(named2.map((d) => d.part))];
  const parts = [...firstSeen].sort(
    (a, b) =>
      Number(barsWith(a) === bars.length) - Number(barsWith(b) === bars.length) ||
      firstSeen.indexOf(a) - firstSeen.indexOf(b),
  );
  const single = bars.length === 1;
  const colours = coloursOf(parts, {});
  const percent = rows[0]!.unit === 'percent';
  // A range has no length to stack; and one whole of many parts keyed only by a legend is hard to
  // read (and its stack's end a total the source may not state): each part on its own line.
  const many = single && parts.length > 4;
  const ranged = many || named2.some((d) => d.qualifier === 'range' || d.qualifier === 'at-most');
  const whatParts = part === 'label' ? 'category' : keyWords(part);
  const title =
    `${keyWords(measure)[0]!.toUpperCase()}${keyWords(measure).slice(1)} by ${whatParts}` +
    (by === 'source'
      ? `: ${listWords([...new Set(rows.map((r) => names.get(r.source)!))])}`
      : `, by ${by}`);
  const commonNotes = [
    ...(notReported
      ? [
          `${notReported} ${notReported === 1 ? 'figure' : 'figures'} not reported by the source ` +
            `${notReported === 1 ? 'is' : 'are'} left out (not zero).`,
        ]
      : []),
    ...(parts.some((p) => p.startsWith('not stated'))
      ? ['"not stated": the source does not give this dimension for the figure.']
      : []),
    ...(structured
      ? named2.some((d) => partOf(d) == null)
        ? ['A figure that is not part of a stated total stands alone, never stacked onto another.']
        : []
      : ['The table records no part_of: its figures are stacked as parts of one whole per bar.']),
  ];
  const colour = (domain: string[]) => ({
    field: single ? 'partName' : 'part',
    type: 'nominal',
    title: part === 'label' ? null : legendTitle(part),
    sort: domain,
    legend:
      parts.length > 1
        ? { columns: single || part === 'label' ? 1 : 3, symbolType: 'square' }
        : null,
    scale: { domain, range: colours },
  });
  const tooltip = [
    { field: 'bar', title: by },
    { field: 'part', title: part },
    { field: 'figure' },
    { field: 'label', title: 'the source says' },
    { field: 'note' },
  ];
  if (ranged) {
    // A range has no length to stack: each part on its own line, a range as a line with end caps.
    const reach = arrowReach(named2);
    const values = named2.map((d) => ({ ...d, partName: d.part, textAt: textAt(d, reach) }));
    const max = maxOf(values.map((d) => d.high ?? d.textAt));
    const x = {
      type: 'quantitative',
      title: percent ? 'per cent' : `${keyWords(measure)} (persons)`,
      axis: { format: ',d' },
      scale: { domain: [0, niceCeiling(max * 1.2, percent)], nice: false },
    };
    // The axis names each part: no legend to look up.
    const color = many ? { value: colours[0]! } : { ...colour(parts), field: 'part', legend: null };
    const panel = (bar: string, i: number) => {
      const of = values.filter((d) => d.bar === bar);
      const y = {
        field: 'part',
        type: 'nominal',
        sort: parts,
        title: null,
        axis: { minExtent: 150 },
      };
      const last = i === bars.length - 1;
      const xi = last
        ? x
        : { ...x, axis: { labels: false, ticks: false, domain: false, title: null } };
      return {
        title: { text: bar, anchor: 'start', fontSize: 12, fontWeight: 'bold', offset: 4 },
        data: { values: of },
        height: { step: 20 },
        layer: [
          {
            data: { values: of.filter(drawnAsFigure) },
            mark: 'bar',
            encoding: { y, x: { field: 'value', ...xi }, color, tooltip },
          },
          ...uncertaintyLayers(of, { y }, xi, reach, { capSize: 10, color, tooltip }),
          {
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222' },
            encoding: { y, x: { field: 'textAt', ...xi }, text: { field: 'figure' } },
          },
        ],
      };
    };
    return framed(
      {
        vconcat: bars.map(panel),
        spacing: 10,
        resolve: { scale: { x: 'shared', y: 'independent', color: 'shared' } },
      },
      {
        title,
        subtitle: named2.some((d) => d.qualifier === 'range')
          ? 'Some parts are given as ranges, which have no single length to stack: each part on ' +
            'its own line'
          : `The ${parts.length} parts of one whole, each on its own line; they are not added here`,
        description:
          `Chart of ${keyWords(measure)} by ${whatParts}, one panel per ${by}: ` +
          `${values.map((d) => `${d.bar}, ${d.part}: ${d.figure}`).join('; ')}.`,
        sources: rows.map((r) => r.source),
        notes: [...uncertaintyNotes(values), ...commonNotes],
      },
      options,
      width,
      locale,
    );
  }
  // Where there is one bar, the legend gives each part's figure;
  // otherwise each part is labelled in its bar where it fits.
  const partName = (d: (typeof named2)[number]) => (single ? `${d.part}: ${d.figure}` : d.part);
  const domainParts = single
    ? parts.map((p) => partName(named2.find((d) => d.part === p)!))
    : parts;
  const totals = new Map(
    bars.map((b) => [b, named2.filter((d) => d.bar === b).reduce((sum, d) => sum + d.drawnAt, 0)]),
  );
  const top = stack === 'normalize' ? 1 : niceCeiling(maxOf(Array.from(totals.values())), percent);
  const stacked = named2.map((d) => {
    const before = named2
      .filter((e) => e.bar === d.bar && parts.indexOf(e.part) < parts.indexOf(d.part))
      .reduce((sum, e) => sum + e.drawnAt, 0);
    const scale = stack === 'normalize' ? totals.get(d.bar)! : 1;
    const share = stack === 'normalize' ? d.drawnAt / scale : null;
    const text = stack === 'normalize' ? `${d.figure} (${Math.round(share! * 100)}%)` : d.figure;
    const room = (d.drawnAt / scale / top) * width;
    const fits = !single && room >= text.length * 11 * 0.64 + 8;
    const fill = colours[parts.indexOf(d.part)]!;
    return {
      ...d,
      partName: partName(d),
      order: parts.indexOf(d.part),
      mid: (before + d.drawnAt / 2) / scale,
      text,
      fits,
      ink: contrast(fill, '#ffffff') >= 4.5 ? '#ffffff' : '#111111',
    };
  });
  const unlabelled = stacked.filter((d) => !single && !d.fits);
  const notes = [
    ...(named2.some((d) => d.qualifier === 'at-least')
      ? ['≥: "at least"; such a part is drawn at its lower bound and may be larger.']
      : []),
    ...(named2.some((d) => d.qualifier === 'approximate') ? ['~: approximate.'] : []),
    ...commonNotes,
    ...(unlabelled.length
      ? [
          'Parts too narrow to label: ' +
            `${unlabelled.map((d) => `${d.bar}, ${d.part}: ${d.text}`).join('; ')}.`,
        ]
      : []),
  ];
  const x = {
    type: 'quantitative',
    title:
      stack === 'normalize'
        ? 'share of the bar'
        : percent
          ? 'per cent'
          : `${keyWords(measure)} (persons)`,
    axis: { format: stack === 'normalize' ? '.0%' : ',d' },
    scale: { domain: [0, top], nice: false },
  };
  const y = { field: 'bar', type: 'nominal', title: null, sort: bars };
  return framed(
    {
      data: { values: stacked },
      height: { step: single ? 44 : 40 },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y,
            x: { field: 'drawnAt', stack, ...x },
            color: colour(domainParts),
            order: { field: 'order', sort: 'ascending' },
            tooltip,
          },
        },
        {
          transform: [{ filter: 'datum.fits' }],
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            y,
            x: { field: 'mid', ...x },
            text: { field: 'text' },
            color: { field: 'ink', type: 'nominal', scale: null },
          },
        },
      ],
    },
    {
      title,
      description:
        `Stacked bar chart of ${keyWords(measure)} (${drawn.length} figures) split by ` +
        `${whatParts}, one bar per whole: ` +
        `${stacked.map((d) => `${d.bar}, ${d.part}: ${d.text}`).join('; ')}.` +
        (notes.length ? ` ${notes.join(' ')}` : ''),
      sources: rows.map((r) => r.source),
      notes,
    },
    options,
    width,
    locale,
  );
}

/** The contrast ratio of two colours (WCAG 2.1). */
function contrast(a: string, b: string): number {
  const l = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [l(a), l(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** A round upper end for the axis, at or above `max`: 100 for shares in per cent. */
function niceCeiling(max: number, percent: boolean): number {
  if (percent && max <= 100) return 100;
  const step = 10 ** Math.floor(Math.log10(max)) / 2;
  return Math.ceil(max / step) * step;
}

/** The stated total a row is a part of (`part_of`), if the table records one. */
function partOf(row: object): unknown {
  return (row as Record<string, unknown>).part_of ?? null;
}

/** "A", "A and B", "A, B and C". */
function listWords(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
