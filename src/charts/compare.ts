import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, show } from '../errors.js';
import { keyWords } from './words.js';
import { kindWords, sourceNames } from './attribution.js';
import {
  arrowReach,
  chartRows,
  checkOptions,
  drawnAsFigure,
  framed,
  oneOf,
  requiredOptions,
  rowsToDraw,
  textAt,
  uncertaintyLayers,
  uncertaintyNotes,
} from './frame.js';
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
  const rows = rowsToDraw(
    all.filter((r) => r.measure === measure && r[o.by] != null),
    `${fn} (measure '${measure}', by '${o.by}')`,
    `rows of that measure with a value in the column '${o.by}'`,
  );
  const ids = [...new Set(rows.map((r) => r.source))];
  const names = sourceNames(ids);
  const mixed = new Set(names.map((n) => n.kind)).size > 1;
  const legend = new Map(
    names.map((n) => [n.id, mixed ? `${n.name}, ${kindWords[n.kind] ?? n.kind}` : n.name]),
  );
  // A category is labelled as the first source words it;
  // categories in order of their largest figure.
  const label = new Map<string, string>();
  for (const r of rows) if (!label.has(String(r[o.by]))) label.set(String(r[o.by]), r.label);
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
    unit: rows[0]?.unit ?? 'persons',
    mixed,
  };
}

const tooltip = [
  { field: 'category', title: 'category' },
  { field: 'sourceName', title: 'source' },
  { field: 'figure', title: 'figure' },
  { field: 'note' },
];

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
    title: c.unit === 'percent' ? 'per cent' : `${keyWords(c.measure)} (persons)`,
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
      ...(c.mixed
        ? {
            subtitle:
              'The sources are of different kinds: a named list counts registered victims, a ' +
              'demographic estimate calculates real deaths',
          }
        : {}),
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
      sources: c.ids,
      notes: [
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
    const vs = of.map((r) => r.value!);
    const min = vs.length ? minOf(vs) : null;
    const max = vs.length ? maxOf(vs) : null;
    const ratio =
      vs.length < 2
        ? vs.length === 1
          ? 'one source only'
          : 'no figure'
        : min! > 0
          ? `×${digits.format(max! / min!)}`
          : 'lowest is 0';
    // The line from lowest to highest and the ratio sit on the middle source's line.
    return { category, min, max, ratio, sourceName: middle };
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
          encoding: { ...position, x: { value: c.width }, text: { field: 'ratio' } },
        },
      ],
    },
    {
      title: `How far apart are the sources? ${measureBy(c.measure, c.by)}`,
      subtitle: [
        `Each source's figure per ${c.by}; at the right, the highest figure divided by the lowest`,
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
      sources: c.ids,
      notes: [
        '×: the highest figure of the category divided by the lowest, over the sources that ' +
          'give one.',
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
    }));
  };
  const figureOf = (k: string, source: string) => value(k, source)!.figure;
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
          data: { values: labels(to, (ks) => `${figureOf(ks[0]!, to)}  ${ks.join(', ')}`) },
          mark: { type: 'text', align: 'left', dx: 9, fontSize: 11, color: '#222' },
          encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' } },
        },
        {
          data: { values: labels(from, (ks) => `${ks.join(', ')}  ${figureOf(ks[0]!, from)}`) },
          mark: { type: 'text', align: 'right', dx: -9, fontSize: 11, color: '#222' },
          encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' } },
        },
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
        (left.length ? ` Left out, not reported by one of the two: ${left.join(', ')}.` : ''),
      sources: [from, to],
      notes: [
        ...(left.length
          ? [`Left out because one of the two gives no figure (not zero): ${left.join(', ')}.`]
          : []),
        'Labels of close figures are moved apart; equal figures share a label.',
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
