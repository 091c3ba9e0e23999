import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, show } from '../errors.js';
import { keyWords } from './words.js';
import { kindWords, sourceNames } from './attribution.js';
import {
  arrowReach,
  caveatNotes,
  categoryName,
  chartRows,
  checkOptions,
  drawnAsFigure,
  framed,
  oneOf,
  oneUnit,
  requiredOptions,
  rowsToDraw,
  textAt,
  uncertaintyLayers,
  uncertaintyNotes,
  unitWords,
  type ChartRow,
} from './frame.js';
import { drawnOnce } from './restated.js';
import { coloursOf, missingGrey, shapes, sourceColours, type ChartOptions } from './theme.js';
import { minOf, maxOf } from '../analysis/extent.js';

/** Options of the charts that set sources side by side over one dimension. */
export interface CompareChartOptions extends ChartOptions {
  /** The dimension column the categories come from, e.g. `'nationality'`. Required. */
  by: string;
  /** The measure to draw, where the table holds several. Default: the only one. */
  measure?: string;
}

/** The rows of one measure, with each source's display name and each category's label. */
export function bySource(table: ColumnTable, options: CompareChartOptions, fn: string) {
  const o = requiredOptions(options, fn, "by, the dimension column, e.g. { by: 'nationality' }");
  const { width, locale } = checkOptions(o);
  if (typeof o.by !== 'string')
    throw new InvalidOptionError(
      `${fn}: invalid option by ${show(o.by)}; ` +
        "expected the name of a dimension column, e.g. 'nationality'.",
    );
  const all = chartRows(table, [o.by], locale);
  const measures = [...new Set(all.map((r) => r.measure))];
  const measure =
    o.measure === undefined && measures.length === 1
      ? measures[0]!
      : oneOf('measure', o.measure, all, 'measure');
  const given = rowsToDraw(
    all.filter((r) => r.measure === measure && r[o.by] != null),
    `${fn} (measure '${measure}', by '${o.by}')`,
    `rows of that measure with a value in the column '${o.by}'`,
  );
  const unit = oneUnit(given, fn);
  // A figure given again (restates) is drawn once and never counted as a second source.
  const { rows, again } = drawnOnce(given);
  const ids = [...new Set(rows.map((r) => r.source))];
  const names = sourceNames(ids);
  const mixed = new Set(names.map((n) => n.kind)).size > 1;
  const legend = new Map(
    names.map((n) => [n.id, mixed ? `${n.name}, ${kindWords[n.kind] ?? n.kind}` : n.name]),
  );
  // A category is named as the first source words it (never by its figure);
  // categories in order of their largest figure.
  const label = new Map<string, string>();
  for (const r of rows)
    if (!label.has(String(r[o.by]))) label.set(String(r[o.by]), categoryName(r, o.by));
  const allNames = new Map(sourceNames(given.map((r) => r.source)).map((n) => [n.id, n.name]));
  // Figures of one category that cover different areas, periods or people: said, not hidden.
  const apart = ['region', 'period', 'status'].filter((d) => d !== o.by);
  const differing = [...label.entries()].flatMap(([key, name]) => {
    const of = rows.filter((r) => String(r[o.by]) === key && r.value !== null);
    return apart
      .filter((d) => new Set(of.map((r) => r[d] ?? null)).size > 1)
      .map(
        (d) =>
          `${name}: the figures cover different ${dimensionWords[d]} (` +
          of
            .map(
              (r) =>
                `${allNames.get(r.source)}: ` +
                (r[d] == null ? 'not stated' : keyWords(String(r[d]))),
            )
            .join('; ') +
          ').',
      );
  });
  const restated = [...again.entries()].map(
    ([r, others]) =>
      `${label.get(String(r[o.by]))}: ${r.figure} (${allNames.get(r.source)}) is drawn once; ` +
      `${[...new Set(others.map((a) => allNames.get(a.source)))].join(', ')} gives the same ` +
      'figure, which is not a second source.',
  );
  const top = (key: string) =>
    Math.max(0, ...rows.filter((r) => String(r[o.by]) === key).map((r) => r.value ?? 0));
  const order = [...label.keys()].sort((a, b) => top(b) - top(a)).map((k) => label.get(k)!);
  const data = rows.map((r) => ({
    ...r,
    category: label.get(String(r[o.by]))!,
    sourceName: legend.get(r.source)!,
  }));
  const colours = coloursOf(ids, sourceColours);
  const single = ids.length === 1 ? { legend: null } : {};
  const color = {
    field: 'sourceName',
    type: 'nominal',
    title: 'Source',
    legend: { columns: 1 },
    ...single,
    scale: { domain: ids.map((id) => legend.get(id)!), range: colours },
  };
  const shape = {
    field: 'sourceName',
    type: 'nominal',
    title: 'Source',
    legend: { columns: 1 },
    ...single,
    scale: { domain: ids.map((id) => legend.get(id)!), range: shapes.slice(0, ids.length) },
  };
  const who = names.map((n) => n.name);
  return {
    width,
    locale,
    by: o.by,
    rows: data,
    ids,
    names: who.length === 1 ? who[0]! : `${who.slice(0, -1).join(', ')} and ${who.at(-1)}`,
    order,
    color,
    shape,
    measure,
    unit,
    mixed,
    kinds: [...new Set(names.map((n) => n.kind))],
    restated: [
      ...restated,
      ...differing,
      ...caveatNotes(rows, (r) => `${label.get(String(r[o.by]))}, ${allNames.get(r.source)}`),
    ],
    sources: given.map((r) => r.source),
  };
}

const tooltip = [
  { field: 'category', title: 'category' },
  { field: 'sourceName', title: 'source' },
  { field: 'figure', title: 'figure' },
  { field: 'note' },
];

/** A dimension as a note names it. */
const dimensionWords: Record<string, string> = {
  region: 'areas',
  period: 'periods',
  status: 'groups of people',
};

/** What each kind of source is, for a subtitle that sets kinds side by side. */
const kindMeaning: Record<string, string> = {
  'named-list': 'a named list counts the victims registered',
  'demographic-estimate': 'a demographic estimate calculates deaths from censuses',
  'census-bureau-estimate': 'a census bureau estimate',
  'official-claim': 'an official claim',
  'historian-estimate': "a historian's estimate",
  'military-records': 'military records',
  'encyclopedia-infobox': 'an encyclopedia infobox',
  'encyclopedia-text': 'an encyclopedia article',
  'polemical-article': 'a polemical article',
};

/** "The sources are of different kinds: …", naming only the kinds the rows hold. */
export function kindsSubtitle(kinds: readonly string[]): string {
  const said = kinds.map((k) => kindMeaning[k] ?? kindWords[k] ?? k);
  return `The sources are of different kinds: ${said.join('; ')}`;
}

/** "Deaths by nationality" from a measure and a dimension. */
function measureBy(measure: string, by: string): string {
  const m = keyWords(measure);
  return `${m[0]!.toUpperCase()}${m.slice(1)} by ${by}`;
}

/**
 * Sources side by side by category, as grouped bars: one bar per source and category, each figure
 * written at its bar, a published range as a line with end caps (never a bar to its midpoint), an
 * "at least" figure as an arrow, and "not reported" written where a source gives no figure (a
 * dash), never a bar of zero. Each source has its own fixed colour; where the sources are of
 * different kinds, the legend says which kind each is.
 *
 * @param table A table in the contract's shape, e.g. `load('by-nationality')`.
 * @param options `by` (the dimension), `measure`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs, or no row is left
 *   to draw.
 * @throws {InvalidOptionError} If options or `by` are missing, or an option is invalid.
 * @throws {UnknownIdError} If `measure` is not in the table.
 * @example
 * compareChart(load('by-nationality'), { by: 'nationality' })
 *   .vconcat[0].layer.map((l) => l.mark.type ?? l.mark);
 * // => ['bar', 'text', 'text']
 * // (bars, figures, "not reported"; a range adds a rule and caps, "at least" an arrow)
 */
export function compareChart(table: ColumnTable, options: CompareChartOptions): TopLevelSpec {
  const c = bySource(table, options, 'compareChart');
  const reach = arrowReach(c.rows);
  const reported = c.rows
    .filter((r) => r.value !== null)
    .map((r) => ({ ...r, textAt: textAt(r, reach) }));
  const missing = c.rows.filter((r) => r.value === null);
  const y = { field: 'category', type: 'nominal', sort: c.order, title: null };
  const yOffset = {
    field: 'sourceName',
    type: 'nominal',
    sort: c.ids.map((id) => c.rows.find((r) => r.source === id)!.sourceName),
  };
  const max = maxOf(reported.map((r) => r.high ?? r.textAt));
  const x = {
    type: 'quantitative',
    title: `${keyWords(c.measure)} (${unitWords(c.unit)})`,
    axis: { format: c.unit === 'percent' ? ',.0f' : ',d' },
    // Room on the right for the figure written at the longest bar.
    scale: { domain: [0, max * 1.16], nice: false },
  };
  const position = c.ids.length > 1 ? { y, yOffset } : { y };
  return framed(
    {
      height: { step: c.ids.length > 1 ? 14 : 22 },
      layer: [
        {
          data: { values: reported.filter(drawnAsFigure) },
          mark: 'bar',
          encoding: { ...position, x: { field: 'value', ...x }, color: c.color, tooltip },
        },
        ...uncertaintyLayers(reported, position, x, reach, 9),
        {
          data: { values: reported },
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 11, color: '#222' },
          encoding: { ...position, x: { field: 'textAt', ...x }, text: { field: 'figure' } },
        },
        ...(missing.length
          ? [
              {
                data: { values: missing },
                mark: {
                  type: 'text',
                  align: 'left',
                  dx: 3,
                  fontSize: 11,
                  fontStyle: 'italic',
                  color: missingGrey,
                },
                encoding: {
                  ...position,
                  x: { datum: 0, ...x },
                  text: { value: 'not reported' },
                  tooltip,
                },
              },
            ]
          : []),
      ],
    },
    {
      title: `${measureBy(c.measure, c.by)}: ${c.names}`,
      ...(c.mixed ? { subtitle: kindsSubtitle(c.kinds) } : {}),
      description: `Bar chart of ${keyWords(c.measure)} by ${c.by}, ${c.names}: ${c.order
        .map(
          (k) =>
            `${k}: ${c.rows
              .filter((r) => r.category === k)
              .map(
                (r) =>
                  (r.figure === '–' ? 'not reported' : r.figure) +
                  (c.ids.length > 1 ? ` (${r.sourceName})` : ''),
              )
              .join(', ')}`,
        )
        .join('; ')}.`,
      sources: c.sources,
      notes: [
        ...c.restated,
        ...(missing.length
          ? ['"not reported": the source gives no figure (a dash), which is not zero.']
          : []),
        ...uncertaintyNotes(reported),
      ],
    },
    options,
    c.width,
    c.locale,
  );
}

/** Options of {@link spreadChart}. */
export interface SpreadChartOptions extends CompareChartOptions {
  /**
   * The horizontal scale: `log` sets equal ratios at equal distances (the small categories stay
   * readable), `linear` keeps differences. Default `'log'` where the figures span more than a
   * factor of 20, else `'linear'`.
   */
  scale?: 'log' | 'linear';
}

/**
 * How far apart are the sources? A dot/range chart per category: each source's figure on its own
 * line (a dot, a published range as a line with end caps, "at least" as an arrow), a thin line
 * from the lowest to the highest figure, and beside each category the ratio of the highest figure
 * to the lowest ("×1.41"); a source with no figure says "not reported" on its line.
 *
 * @param table A table in the contract's shape, e.g. `load('by-nationality')`.
 * @param options `by` (the dimension), `measure`, `scale`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs, or no row is left
 *   to draw.
 * @throws {InvalidOptionError} If options or `by` are missing, or an option is invalid.
 * @example
 * spreadChart(load('by-nationality'), { by: 'nationality' }).vconcat[0].layer.at(-1).encoding.text;
 * // => { field: 'ratio' } (Serbs: 530,000 / 346,740 → "×1.53")
 */
export function spreadChart(table: ColumnTable, options: SpreadChartOptions): TopLevelSpec {
  const c = bySource(table, options, 'spreadChart');
  const reported = c.rows.filter((r) => r.value !== null);
  const values = reported.flatMap((r) => [r.low ?? r.value!, r.high ?? r.value!]);
  const positive = values.every((v) => v > 0);
  const spanOfAll = maxOf(values) / minOf(values);
  const scale = options.scale ?? (positive && spanOfAll > 20 ? 'log' : 'linear');
  if (scale !== 'log' && scale !== 'linear')
    throw new InvalidOptionError(
      `spreadChart: invalid scale ${show(scale)}; expected 'log' or 'linear'.`,
    );
  if (scale === 'log' && !positive)
    throw new InvalidOptionError(
      "spreadChart: scale 'log' needs figures above 0; expected scale 'linear' for these rows.",
    );
  const digits = new Intl.NumberFormat(c.locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
  });
  const domainNames = c.color.scale.domain;
  const middle = domainNames[Math.floor((domainNames.length - 1) / 2)]!;
  const spans = c.order.map((category) => {
    const of = reported.filter((r) => r.category === category);
    const r = ratioOfIntervals(of);
    // The line from lowest to highest joins the bounds the figures allow (never a midpoint), on
    // the middle source's line.
    const min = of.length ? minOf(of.map(lowOf)) : null;
    const finite = of.map(highOf).filter((h) => Number.isFinite(h));
    const max = of.length ? maxOf([...of.map(lowOf), ...finite]) : null;
    const text =
      of.length < 2
        ? of.length === 1
          ? 'one source only'
          : 'no figure'
        : r === null
          ? 'no ratio (lowest may be 0)'
          : ratioText(r, digits);
    return { category, min, max, ratio: text, sourceName: middle };
  });
  const y = {
    field: 'category',
    type: 'nominal',
    sort: c.order,
    title: null,
    axis: { grid: true, gridColor: '#f0f0f0' },
  };
  const yOffset = { field: 'sourceName', type: 'nominal', sort: c.color.scale.domain };
  const position = c.ids.length > 1 ? { y, yOffset } : { y };
  const lowest = minOf(values);
  const highest = maxOf(values);
  const domain =
    scale === 'log'
      ? [10 ** Math.floor(Math.log10(lowest)), 10 ** Math.ceil(Math.log10(highest))]
      : [0, highest * 1.05];
  const unitWords = c.unit === 'percent' ? 'per cent' : 'persons';
  const x = {
    type: 'quantitative',
    title: `${keyWords(c.measure)} (${unitWords}${scale === 'log' ? ', logarithmic scale' : ''})`,
    axis: {
      format: ',d',
      ...(scale === 'log' ? { values: decades(domain as [number, number]) } : {}),
    },
    scale: { type: scale, domain, nice: false },
  };
  const reach = scale === 'log' ? 0 : arrowReach(reported);
  const missing = c.rows.filter((r) => r.value === null);
  return framed(
    {
      height: { step: c.ids.length > 1 ? 13 : 24 },
      layer: [
        {
          data: { values: spans.filter((s) => s.min !== null && s.max! > s.min) },
          mark: { type: 'rule', strokeWidth: 1, color: '#8a8a8a' },
          encoding: { ...position, x: { field: 'min', ...x }, x2: { field: 'max' } },
        },
        ...uncertaintyLayers(
          reported.filter((r) => r.qualifier === 'range'),
          position,
          x,
          reach,
          8,
          c.color,
        ),
        {
          data: { values: reported.filter(drawnAsFigure) },
          mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: {
            ...position,
            x: { field: 'value', ...x },
            color: c.color,
            shape: c.shape,
            tooltip,
          },
        },
        ...(missing.length
          ? [
              {
                data: { values: missing },
                mark: {
                  type: 'text',
                  align: 'left',
                  fontSize: 11,
                  fontStyle: 'italic',
                  color: missingGrey,
                },
                encoding: {
                  ...position,
                  x: { datum: domain[0], ...x },
                  text: { value: 'not reported' },
                  tooltip,
                },
              },
            ]
          : []),
        {
          data: { values: spans },
          mark: {
            type: 'text',
            align: 'left',
            dx: 10,
            fontSize: 11,
            fontWeight: 'bold',
            color: '#222',
          },
          encoding: { ...position, x: { value: 'width' }, text: { field: 'ratio' } },
        },
      ],
    },
    {
      title: `How far apart are the sources? ${measureBy(c.measure, c.by)}`,
      subtitle: [
        `Each source's figure per ${keyWords(c.by)}; at the right, the highest figure divided by ` +
          'the lowest',
        ...(scale === 'log' ? ['Logarithmic scale: equal ratios lie at equal distances'] : []),
      ],
      description:
        `Dot chart of ${keyWords(c.measure)} by ${c.by} in ${c.ids.length} sources (${c.names}), ` +
        "each source's figure on its own line, and the ratio of the highest figure to the " +
        `lowest: ${spans
          .map(
            (s) =>
              `${s.category}: ${c.rows
                .filter((r) => r.category === s.category)
                .map((r) => `${r.sourceName} ${r.value === null ? 'not reported' : r.figure}`)
                .join(', ')} (${s.ratio})`,
          )
          .join('; ')}.`,
      sources: c.sources,
      notes: [
        '×: the highest figure of the category divided by the lowest, over the sources that ' +
          'give one; where a figure is a range or a lower bound, the ratios its bounds allow ' +
          '(×low–high, or "or more").',
        ...c.restated,
        ...(missing.length
          ? ['"not reported": the source gives no figure (a dash), which is not zero.']
          : []),
        ...uncertaintyNotes(reported),
      ],
    },
    options,
    c.width,
    c.locale,
  );
}

/** The lowest figure a row allows: its lower bound (a range's, an "at least"'s), or its value. */
const lowOf = (r: ChartRow): number => r.low ?? r.value!;

/** The highest figure a row allows: its upper bound; Infinity for "at least" (no upper bound). */
const highOf = (r: ChartRow): number =>
  r.qualifier === 'at-least' ? Infinity : (r.high ?? (r.low === null ? r.value! : Infinity));

/**
 * The ratio of the highest figure to the lowest, as the interval the rows' bounds allow: from the
 * largest lower bound over the smallest upper bound (at least 1) to the largest upper bound of one
 * row over the smallest lower bound of another (Infinity where a figure has no upper bound).
 * `null` where the lowest figure may be 0. Figures given exactly give one ratio (low = high).
 *
 * @example
 * // 19,235–103,693 beside 24,000: from 24,000 / 24,000 = 1 to 103,693 / 19,235 = 5.39
 */
export function ratioOfIntervals(rows: readonly ChartRow[]): [number, number] | null {
  if (rows.length < 2) return null;
  const lows = rows.map(lowOf);
  const highs = rows.map(highOf);
  const smallestLow = minOf(lows);
  if (!(smallestLow > 0)) return null;
  const low = Math.max(1, maxOf(lows) / minOf(highs));
  // the highest over the lowest of two different rows: one row cannot be both
  let high = 1;
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < rows.length; j++) if (i !== j) high = Math.max(high, highs[i]! / lows[j]!);
  return [low, high];
}

/** "×1.53", "×1.00–5.39", "×2.10 or more". */
function ratioText([low, high]: [number, number], digits: Intl.NumberFormat): string {
  if (!Number.isFinite(high)) return `×${digits.format(low)} or more`;
  const [a, b] = [digits.format(low), digits.format(high)];
  return a === b ? `×${a}` : `×${a}–${b}`;
}

/** The powers of ten from `domain[0]` to `domain[1]`, with 2 and 5 times each where few. */
function decades([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let p = lo; p <= hi * 1.0001; p *= 10)
    out.push(p, ...(hi / lo <= 1000 ? [p * 2, p * 5] : []));
  return out.filter((v) => v <= hi * 1.0001);
}

/** Options of {@link slopeChart}. */
export interface SlopeChartOptions extends CompareChartOptions {
  /** The source on the left. */
  from: string;
  /** The source on the right. */
  to: string;
  /**
   * The vertical scale: `log` spreads the small figures apart,
   * `linear` keeps distances. Default `'log'`.
   */
  scale?: 'log' | 'linear';
}

/**
 * A slope chart from one source to another: a line per category from its figure in `from` to its
 * figure in `to`. Categories that one of the two does not report are left out and named in the
 * footer.
 *
 * @param table A table in the contract's shape with both sources, e.g. `load('by-nationality')`.
 * @param options `by`, `from`, `to`, `measure` and the common options.
 * @returns A Vega-Lite spec.
 * @throws {UnknownIdError} If `from` or `to` is not a source of the table.
 * @example
 * slopeChart(load('by-nationality'), { by: 'nationality', from: 'kocovic', to: 'zerjavic' });
 */
export function slopeChart(table: ColumnTable, options: SlopeChartOptions): TopLevelSpec {
  const c = bySource(table, options, 'slopeChart');
  const from = oneOf('source (from)', options.from, c.rows, 'source');
  const to = oneOf('source (to)', options.to, c.rows, 'source');
  const scale = options.scale ?? 'log';
  if (scale !== 'log' && scale !== 'linear')
    throw new InvalidOptionError(
      `slopeChart: invalid scale ${show(scale)}; expected 'log' or 'linear'.`,
    );
  const value = (category: string, source: string) =>
    c.rows.find((r) => r.category === category && r.source === source);
  const both = c.order.filter((k) => value(k, from)?.value != null && value(k, to)?.value != null);
  const left = c.order.filter((k) => !both.includes(k));
  // Why a category is left out: a dash (the source gives no figure), or no such category at all.
  const sideName = (s: string) => sourceNames([s])[0]!.name;
  const why = (k: string) => {
    const dash = [from, to].filter((s) => value(k, s) && value(k, s)!.value == null);
    const none = [from, to].filter((s) => !value(k, s));
    return [
      dash.length ? `a dash (no figure, not zero) in ${dash.map(sideName).join(' and ')}` : '',
      none.length ? `no such category in ${none.map(sideName).join(' and ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  };
  const leftOut = [...new Set(left.map(why))].map(
    (w) => `Left out, ${w}: ${left.filter((k) => why(k) === w).join(', ')}.`,
  );
  const names = new Map(sourceNames([from, to]).map((n) => [n.id, n.name]));
  const height = 460;
  const values = both.flatMap((k) => [value(k, from)!.value!, value(k, to)!.value!]);
  const domain: [number, number] =
    scale === 'log' ? [minOf(values) / 1.3, maxOf(values) * 1.3] : [0, maxOf(values) * 1.05];
  const position =
    scale === 'log'
      ? (v: number) => (height * Math.log(v / domain[0])) / Math.log(domain[1] / domain[0])
      : (v: number) => (height * (v - domain[0])) / (domain[1] - domain[0]);
  const invert =
    scale === 'log'
      ? (y: number) => domain[0] * Math.exp((y / height) * Math.log(domain[1] / domain[0]))
      : (y: number) => domain[0] + (y / height) * (domain[1] - domain[0]);
  // Text labels are moved apart where their figures are close,
  // so that none overlaps; equal figures share one label.
  const figureOf = (k: string, source: string) => value(k, source)!.figure;
  const labels = (source: string, text: (k: string[]) => string) => {
    const groups = new Map<number, string[]>();
    for (const k of both)
      groups.set(value(k, source)!.value!, [...(groups.get(value(k, source)!.value!) ?? []), k]);
    const placed = dodge([...groups.keys()].map(position), 14);
    return [...groups.entries()].map(([v, ks], i) => ({
      side: names.get(source)!,
      value: v,
      at: invert(placed[i]!),
      text: text(ks),
      category: ks[0],
      // moved off its dot by more than a few pixels: a leader line joins them
      moved: Math.abs(placed[i]! - position(v)) > 3,
    }));
  };
  // A short leader from a dot to its label where the label was moved apart from its neighbours.
  const leader = (values: ReturnType<typeof labels>, sign: 1 | -1) => ({
    data: { values: values.filter((l) => l.moved) },
    mark: {
      type: 'rule',
      strokeWidth: 0.8,
      color: '#767676',
      xOffset: 4 * sign,
      x2Offset: 8 * sign,
    },
    encoding: { x, x2: { field: 'side' }, y: { field: 'value', ...y }, y2: { field: 'at' } },
  });
  const rightLabels = labels(to, (ks) => `${figureOf(ks[0]!, to)}  ${ks.join(', ')}`);
  const leftLabels = labels(from, (ks) => `${ks.join(', ')}  ${figureOf(ks[0]!, from)}`);
  const lines = both.flatMap((k) => [
    {
      category: k,
      side: names.get(from)!,
      value: value(k, from)!.value,
      figure: value(k, from)!.figure,
    },
    { category: k, side: names.get(to)!, value: value(k, to)!.value, figure: value(k, to)!.figure },
  ]);
  const x = {
    field: 'side',
    type: 'ordinal',
    sort: [names.get(from)!, names.get(to)!],
    title: null,
    axis: {
      labelAngle: 0,
      orient: 'top',
      labelFontWeight: 'bold',
      labelFontSize: 12,
      domain: false,
      ticks: false,
      grid: false,
      labelPadding: 8,
    },
    scale: { padding: 1.1 },
  };
  // No axis: every point is labelled with its figure; the subtitle says which scale.
  const y = {
    type: 'quantitative',
    title: null,
    axis: null,
    scale: { type: scale, domain, nice: false },
  };
  // One ink for every line (each is named at both ends); each side's points in its source's colour.
  const sides = [names.get(from)!, names.get(to)!];
  const color = {
    field: 'side',
    type: 'nominal',
    legend: null,
    scale: { domain: sides, range: coloursOf([from, to], sourceColours) },
  };
  return framed(
    {
      height,
      layer: [
        {
          data: { values: lines },
          mark: { type: 'line', strokeWidth: 1.5, color: '#5a5a5a' },
          encoding: { x, y: { field: 'value', ...y }, detail: { field: 'category' } },
        },
        {
          data: { values: lines },
          mark: { type: 'point', filled: true, size: 50, opacity: 1 },
          encoding: {
            x,
            y: { field: 'value', ...y },
            color,
            tooltip: [
              { field: 'category' },
              { field: 'side', title: 'source' },
              { field: 'figure' },
            ],
          },
        },
        {
          data: { values: rightLabels },
          mark: { type: 'text', align: 'left', dx: 9, fontSize: 11, color: '#222' },
          encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' } },
        },
        {
          data: { values: leftLabels },
          mark: { type: 'text', align: 'right', dx: -9, fontSize: 11, color: '#222' },
          encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' } },
        },
        ...[leader(rightLabels, 1), leader(leftLabels, -1)].filter((l) => l.data.values.length),
      ],
    },
    {
      title: `${measureBy(c.measure, c.by)}: ${names.get(from)} and ${names.get(to)}`,
      subtitle:
        `${slopeSubtitle(from, to)}; ` +
        (scale === 'log'
          ? 'vertical scale logarithmic (equal ratios, equal steps)'
          : 'vertical scale linear'),
      description:
        `Slope chart of ${keyWords(c.measure)} for ${both.length} categories of ${c.by}, ` +
        `from ${names.get(from)} on the left to ${names.get(to)} on the right: ` +
        `${both.map((k) => `${k} ${figureOf(k, from)} to ${figureOf(k, to)}`).join('; ')}.` +
        (leftOut.length ? ` ${leftOut.join(' ')}` : ''),
      sources: [from, to],
      notes: [
        ...leftOut,
        'Labels of close figures are moved apart, a thin line leading to their dots; equal ' +
          'figures share a label.',
        ...uncertaintyNotes(
          c.rows.filter((r) => both.includes(r.category) && (r.source === from || r.source === to)),
        ),
      ],
    },
    options,
    c.width,
    c.locale,
  );
}

/** What the two sides of a slope chart are. */
function slopeSubtitle(from: string, to: string): string {
  const [a, b] = sourceNames([from, to]).map((n) => kindWords[n.kind] ?? n.kind);
  return a === b
    ? `Two ${a}s; a line per category`
    : `A ${a} on the left, a ${b} on the right; a line per category`;
}

/**
 * Moves positions (pixels, any order) apart so that
 * neighbours are at least `gap` apart, keeping their order.
 */
function dodge(positions: number[], gap: number): number[] {
  const order = positions.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const placed = order.map(([p]) => p);
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  const out: number[] = [];
  order.forEach(([, i], j) => (out[i] = placed[j]!));
  return out;
}
