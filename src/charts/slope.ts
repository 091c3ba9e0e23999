// slopeChart: one source against another, a line per category.
import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, show } from '../errors.js';
import { keyWords } from './words.js';
import { kindWords, sourceNames } from './attribution.js';
import { drawnAsFigure, framed, oneOf, uncertaintyNotes } from './frame.js';
import { bySource, measureBy, type CompareChartOptions } from './compare.js';
import { coloursOf, sourceColours } from './theme.js';
import { minOf, maxOf } from '../analysis/extent.js';

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
  // A dot stands for one figure: a range or an "at most" figure (drawnAsFigure false) has none.
  const dot = (k: string, s: string) => {
    const r = value(k, s);
    return r !== undefined && r.value !== null && drawnAsFigure(r);
  };
  const both = c.order.filter((k) => dot(k, from) && dot(k, to));
  const left = c.order.filter((k) => !both.includes(k));
  // Why a category is left out: a dash (the source gives no figure), or no such category at all.
  const sideName = (s: string) => sourceNames([s])[0]!.name;
  const why = (k: string) => {
    const dash = [from, to].filter((s) => value(k, s) && value(k, s)!.value == null);
    const none = [from, to].filter((s) => !value(k, s));
    const bounds = [from, to].filter(
      (s) => value(k, s) && value(k, s)!.value != null && !dot(k, s),
    );
    return [
      dash.length ? `a dash (no figure, not zero) in ${dash.map(sideName).join(' and ')}` : '',
      bounds.length
        ? `a range or an upper bound only (no single figure to join) in ${bounds
            .map(sideName)
            .join(' and ')}`
        : '',
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
      // each source's name over its column of labels: the first ends at its dots, the second
      // starts at its dots, so that the two never overprint however narrow the chart
      labelAlign: { expr: "datum.index < 0.5 ? 'right' : 'left'" },
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
