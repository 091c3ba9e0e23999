import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError } from '../errors.js';
import { numberFormat } from '../exchange/figure.js';
import { kindWords, sourceNames } from './attribution.js';
import { chartRows, checkOptions, framed, oneOf } from './frame.js';
import { missingGrey, palette, shapes, type ChartOptions } from './theme.js';
import { maxOf, minOf } from '../analysis/extent.js';

/** Options of the charts that set sources side by side over one dimension. */
export interface CompareChartOptions extends ChartOptions {
  /** The dimension column the categories come from, e.g. `'nationality'`. Required. */
  by: string;
  /** The measure to draw, where the table holds several. Default: the only one. */
  measure?: string;
}

/** The rows of one measure, with each source's display name and each category's label. */
export function bySource(table: ColumnTable, options: CompareChartOptions) {
  const { width, locale } = checkOptions(options);
  if (typeof options.by !== 'string')
    throw new InvalidOptionError(
      `Invalid option by ${JSON.stringify(options.by)}: expected the name of a dimension column, e.g. 'nationality'.`,
    );
  const all = chartRows(table, [options.by], locale);
  const measures = [...new Set(all.map((r) => r.measure))];
  const measure =
    options.measure === undefined && measures.length === 1
      ? measures[0]!
      : oneOf('measure', options.measure, all, 'measure');
  const rows = all.filter((r) => r.measure === measure && r[options.by] != null);
  const ids = [...new Set(rows.map((r) => r.source))];
  const names = sourceNames(ids);
  const mixed = new Set(names.map((n) => n.kind)).size > 1;
  const legend = new Map(
    names.map((n) => [n.id, mixed ? `${n.name}, ${kindWords[n.kind] ?? n.kind}` : n.name]),
  );
  // A category is labelled as the first source words it; categories in order of their largest figure.
  const label = new Map<string, string>();
  for (const r of rows)
    if (!label.has(String(r[options.by]))) label.set(String(r[options.by]), r.label);
  const top = (key: string) =>
    Math.max(0, ...rows.filter((r) => String(r[options.by]) === key).map((r) => r.value ?? 0));
  const order = [...label.keys()].sort((a, b) => top(b) - top(a)).map((k) => label.get(k)!);
  const data = rows.map((r) => ({
    ...r,
    category: label.get(String(r[options.by]))!,
    sourceName: legend.get(r.source)!,
  }));
  const color = {
    field: 'sourceName',
    type: 'nominal',
    title: 'Source',
    legend: { columns: 1 },
    scale: { domain: ids.map((id) => legend.get(id)!), range: palette.slice(0, ids.length) },
  };
  const shape = {
    field: 'sourceName',
    type: 'nominal',
    title: 'Source',
    legend: { columns: 1 },
    scale: { domain: ids.map((id) => legend.get(id)!), range: shapes.slice(0, ids.length) },
  };
  return {
    width,
    locale,
    rows: data,
    ids,
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

/**
 * Sources side by side by category, as grouped bars: one bar per source and category, a line over
 * a published range, and "not reported" written where a source gives no figure (a dash), never a
 * bar of zero. Where the sources are of different kinds, the legend says which kind each is.
 *
 * @param table A table in the contract's shape, e.g. `load('by-nationality')`.
 * @param options `by` (the dimension), `measure`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs.
 * @throws {InvalidOptionError} If `by` is missing or an option is invalid.
 * @throws {UnknownIdError} If `measure` is not in the table.
 * @example
 * compareChart(load('by-nationality'), { by: 'nationality' }).vconcat[0].layer.map((l) => l.mark.type);
 * // => ['bar', 'rule', 'text']
 */
export function compareChart(table: ColumnTable, options: CompareChartOptions): TopLevelSpec {
  const c = bySource(table, options);
  const reported = c.rows.filter((r) => r.value !== null);
  const missing = c.rows.filter((r) => r.value === null);
  const y = { field: 'category', type: 'nominal', sort: c.order, title: null };
  const yOffset = {
    field: 'sourceName',
    type: 'nominal',
    sort: c.ids.map((id) => c.rows.find((r) => r.source === id)!.sourceName),
  };
  const x = {
    type: 'quantitative',
    title: c.unit === 'percent' ? 'per cent' : `${c.measure} (persons)`,
    axis: { format: c.unit === 'percent' ? ',.0f' : ',d' },
  };
  return framed(
    {
      height: { step: 11 },
      layer: [
        {
          data: { values: reported },
          mark: 'bar',
          encoding: { y, yOffset, x: { field: 'value', ...x }, color: c.color, tooltip },
        },
        {
          data: { values: reported.filter((r) => r.low !== r.high) },
          mark: { type: 'rule', strokeWidth: 1.5, color: '#222' },
          encoding: { y, yOffset, x: { field: 'low', ...x }, x2: { field: 'high' } },
        },
        {
          data: { values: missing },
          mark: {
            type: 'text',
            align: 'left',
            dx: 3,
            fontSize: 9.5,
            fontStyle: 'italic',
            color: missingGrey,
          },
          encoding: { y, yOffset, x: { datum: 0, ...x }, text: { value: 'not reported' }, tooltip },
        },
      ],
    },
    {
      title: `${c.measure[0]!.toUpperCase()}${c.measure.slice(1)} by ${options.by}, by source`,
      ...(c.mixed
        ? {
            subtitle:
              'The sources are of different kinds: a named list counts registered victims, a demographic estimate calculates real deaths',
          }
        : {}),
      description: `Grouped bar chart of ${c.measure} by ${options.by} in ${c.ids.length} sources (${c.ids.join(', ')}); ${missing.length} categories not reported by a source are marked "not reported", not drawn as zero.`,
      sources: c.ids,
      notes: [
        '"not reported": the source gives no figure (a dash), which is not zero.',
        ...(reported.some((r) => r.low !== r.high)
          ? ['A black line: the range a source gives, the bar at its midpoint.']
          : []),
      ],
    },
    options,
    c.width,
    c.locale,
  );
}

/**
 * The spread between sources per category, as a dot (dumbbell) chart: a line from the lowest to the
 * highest figure, a dot per source (colour and shape), and the sources with no figure named.
 *
 * @param table A table in the contract's shape, e.g. `load('by-nationality')`.
 * @param options `by` (the dimension), `measure`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs.
 * @throws {InvalidOptionError} If `by` is missing or an option is invalid.
 * @example
 * spreadChart(load('by-nationality'), { by: 'nationality' }).vconcat[0].layer.map((l) => l.mark.type);
 * // => ['rule', 'point', 'text']
 */
export function spreadChart(table: ColumnTable, options: CompareChartOptions): TopLevelSpec {
  const c = bySource(table, options);
  const spans = c.order.map((category) => {
    const of = c.rows.filter((r) => r.category === category);
    const values = of.filter((r) => r.value !== null).map((r) => r.value!);
    const none = of.filter((r) => r.value === null).map((r) => r.sourceName);
    return {
      category,
      min: values.length ? minOf(values) : null,
      max: values.length ? maxOf(values) : null,
      missing: none.length ? `no figure: ${none.join(', ')}` : '',
    };
  });
  const y = { field: 'category', type: 'nominal', sort: c.order, title: null };
  const x = {
    type: 'quantitative',
    title: c.unit === 'percent' ? 'per cent' : `${c.measure} (persons)`,
    axis: { format: ',d' },
  };
  return framed(
    {
      height: { step: 22 },
      layer: [
        {
          data: { values: spans.filter((s) => s.min !== null) },
          mark: { type: 'rule', strokeWidth: 2, color: '#bbb' },
          encoding: { y, x: { field: 'min', ...x }, x2: { field: 'max' } },
        },
        {
          data: { values: c.rows.filter((r) => r.value !== null) },
          mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
          encoding: { y, x: { field: 'value', ...x }, color: c.color, shape: c.shape, tooltip },
        },
        {
          data: { values: spans.filter((s) => s.missing) },
          mark: {
            type: 'text',
            align: 'left',
            dx: 10,
            fontSize: 9.5,
            fontStyle: 'italic',
            color: missingGrey,
          },
          encoding: { y, x: { field: 'max', ...x }, text: { field: 'missing' } },
        },
      ],
    },
    {
      title: `How far the sources are apart: ${c.measure} by ${options.by}`,
      subtitle: 'Lowest to highest figure per category; a dot per source',
      description: `Dot chart of ${c.measure} by ${options.by} in ${c.ids.length} sources, a line from the lowest to the highest figure per category; categories a source does not report say so in text.`,
      sources: c.ids,
      notes: ['"no figure": the source gives none (a dash), which is not zero.'],
    },
    options,
    c.width,
    c.locale,
  );
}

/** Options of {@link slopeChart}. */
export interface SlopeChartOptions extends CompareChartOptions {
  /** The source on the left. */
  from: string;
  /** The source on the right. */
  to: string;
  /** The vertical scale: `log` spreads the small figures apart, `linear` keeps distances. Default `'log'`. */
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
  const c = bySource(table, options);
  const from = oneOf('source (from)', options.from, c.rows, 'source');
  const to = oneOf('source (to)', options.to, c.rows, 'source');
  const scale = options.scale ?? 'log';
  if (scale !== 'log' && scale !== 'linear')
    throw new InvalidOptionError(
      `Invalid scale ${JSON.stringify(scale)}: expected 'log' or 'linear'.`,
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
  // Text labels are moved apart where their figures are close, so that none overlaps; equal figures share one label.
  const labels = (source: string, text: (k: string[]) => string) => {
    const groups = new Map<number, string[]>();
    for (const k of both)
      groups.set(value(k, source)!.value!, [...(groups.get(value(k, source)!.value!) ?? []), k]);
    const placed = dodge([...groups.keys()].map(position), 13);
    return [...groups.entries()].map(([v, ks], i) => ({
      side: names.get(source)!,
      value: v,
      at: invert(placed[i]!),
      text: text(ks),
      category: ks[0],
    }));
  };
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
    },
    scale: { padding: 0.9 },
  };
  const y = {
    type: 'quantitative',
    title: `${c.measure} (persons${scale === 'log' ? ', log scale' : ''})`,
    axis: { format: ',d', tickCount: 6 },
    scale: { type: scale, domain, nice: false },
  };
  const color = {
    field: 'category',
    type: 'nominal',
    legend: null,
    scale: { domain: both, range: [...palette] },
  };
  return framed(
    {
      height,
      layer: [
        {
          data: { values: lines },
          mark: { type: 'line', strokeWidth: 1.8 },
          encoding: { x, y: { field: 'value', ...y }, color, detail: { field: 'category' } },
        },
        {
          data: { values: lines },
          mark: { type: 'point', filled: true, size: 40 },
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
          data: { values: labels(to, (ks) => ks.join(', ')) },
          mark: { type: 'text', align: 'left', dx: 9, fontSize: 10.5, color: '#222' },
          encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' } },
        },
        {
          data: {
            values: labels(from, (ks) =>
              numberFormat(c.locale).format(value(ks[0]!, from)!.value!),
            ),
          },
          mark: { type: 'text', align: 'right', dx: -9, fontSize: 10.5, color: '#222' },
          encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' } },
        },
      ],
    },
    {
      title: `${names.get(from)} and ${names.get(to)}: ${c.measure} by ${options.by}`,
      subtitle: slopeSubtitle(from, to),
      description: `Slope chart of ${c.measure} for ${both.length} categories of ${options.by}, from ${from} on the left to ${to} on the right.${left.length ? ` Left out, not reported by one of the two: ${left.join(', ')}.` : ''}`,
      sources: [from, to],
      notes: left.length
        ? [
            `Left out because one of the two gives no figure (not zero): ${left.join(', ')}. Labels of close figures are moved apart; equal figures share a label.`,
          ]
        : [],
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

/** Moves positions (pixels, any order) apart so that neighbours are at least `gap` apart, keeping their order. */
function dodge(positions: number[], gap: number): number[] {
  const order = positions.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const placed = order.map(([p]) => p);
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  const out: number[] = [];
  order.forEach(([, i], j) => (out[i] = placed[j]!));
  return out;
}
