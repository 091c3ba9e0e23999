import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidTableError, show } from '../errors.js';
import { checkChartOptions } from '../charts/frame.js';
import { config, missingGrey, palette, shapes, type ChartOptions } from '../charts/theme.js';
import type { EstimateRow } from './estimate.js';
import { minOf, maxOf } from '../analysis/extent.js';

/** Options of {@link estimateChart}. */
export interface EstimateChartOptions extends ChartOptions {
  /** The most log-linear models drawn (by rank). Default 10. */
  models?: number;
}

const methods = [
  'log-linear',
  'heterogeneity',
  "Chao's lower bound",
  'Bayesian model averaging',
  'bootstrap',
  'Lincoln–Petersen',
  'Chapman',
];

/**
 * The estimates side by side: one row per model, a point at its estimate sized by its weight (the
 * log-linear models' BIC or AIC weights), a line over its interval, and the observed count drawn as
 * a floor: no estimate can be below the number of people actually on a list. The spread between
 * rows is the point: different defensible models can disagree widely.
 *
 * @param result The table `estimate()` returned.
 * @param options `width`, `title`, `subtitle`, `locale`, `models` (how many log-linear models
 *   to draw).
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table is not an `estimate()` result.
 * @example
 * estimateChart(estimate(records, { lists: ['a', 'b', 'c'] })).layer.length; // => 4
 */
export function estimateChart(
  result: ColumnTable,
  options: EstimateChartOptions = {},
): TopLevelSpec {
  const { width, locale } = checkChartOptions(options);
  if (!result || typeof result.objects !== 'function' || !result.columnNames().includes('observed'))
    throw new InvalidTableError(
      `Invalid table ${show(result)}: expected the table estimate() returns.`,
    );
  const all = result.objects() as EstimateRow[];
  const keep = options.models ?? 10;
  let loglinear = 0;
  const rows = all.filter(
    (r) => r.value !== null && (r.method !== 'log-linear' || loglinear++ < keep),
  );
  if (!rows.length) throw new InvalidTableError('No model has an estimate to draw.');
  const observed = all[0]!.observed;
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const top = maxOf(rows.map((r) => r.high ?? r.value!));
  const interval = (r: EstimateRow) =>
    r.low === null
      ? 'no interval'
      : `${format.format(r.low)}–` + (r.high === null ? 'no upper bound' : format.format(r.high));
  const data = rows.map((r, i) => ({
    row:
      (r.method === 'log-linear' || r.method === 'heterogeneity' ? '' : `${r.method}: `) +
      r.model +
      (r.selected ? ' (summary)' : ''),
    order: i,
    method: r.method,
    value: r.value,
    // A row without an interval draws no line and a hollow point: it must not look precise.
    hasInterval: r.low !== null,
    low: r.low ?? r.value,
    high: r.low === null ? r.value : (r.high ?? top),
    unbounded: r.low !== null && r.high === null,
    weight: r.weight,
    size: r.weight === null ? 60 : 30 + 400 * r.weight,
    figure:
      `${format.format(r.value!)} (${interval(r)})` +
      (r.weight === null ? '' : `, weight ${(r.weight * 100).toFixed(r.weight < 0.01 ? 1 : 0)}%`),
  }));
  const present = methods.filter((m) => data.some((d) => d.method === m));
  const y = { field: 'row', type: 'nominal', title: null, sort: { field: 'order' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: config(),
    title: {
      text:
        options.title ??
        `How many people? ${rows.length} estimates from ${format.format(observed)} observed`,
      subtitle: options.subtitle ?? [
        'Each model’s estimate with its interval; larger points carry more weight among the ' +
          'log-linear models.',
        'The dashed line is the number of people on at least one list: a floor for every estimate.',
        ...(data.some((d) => !d.hasInterval)
          ? ['A hollow point has no interval (its row’s note says why).']
          : []),
        ...(data.some((d) => d.unbounded) ? ['A dashed interval has no upper bound.'] : []),
        // what the intervals are (their kind and level) and whose data these are
        ...intervalsAndSource(rows),
      ],
    },
    description:
      `Dot plot of ${rows.length} multiple systems estimates, ` +
      `from ${format.format(minOf(data.map((d) => d.value!)))} ` +
      `to ${format.format(maxOf(data.map((d) => d.value!)))}, ` +
      `against ${format.format(observed)} people observed on at least one list.`,
    width,
    height: { step: 22 },
    data: { values: data },
    // y on each layer of the estimates, not on the whole: the observed floor's layer has no y
    // (a null channel to undo an inherited one is not valid Vega-Lite 5 or 6).
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 1.5 },
        transform: [{ filter: 'datum.hasInterval' }],
        encoding: {
          y,
          x: {
            field: 'low',
            type: 'quantitative',
            title: 'Estimated number of people (observed + on no list)',
            scale: { zero: false },
            axis: { format: ',d' },
          },
          x2: { field: 'high' },
          color: {
            field: 'method',
            type: 'nominal',
            scale: { domain: present, range: palette.slice(0, present.length) },
            title: 'Method',
          },
          strokeDash: { condition: { test: 'datum.unbounded', value: [4, 3] }, value: [] },
        },
      },
      {
        mark: { type: 'point', filled: true, opacity: 1, strokeWidth: 1.5 },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          fillOpacity: { condition: { test: 'datum.hasInterval', value: 1 }, value: 0 },
          stroke: {
            field: 'method',
            type: 'nominal',
            scale: { domain: present, range: palette.slice(0, present.length) },
            title: 'Method',
          },
          size: { field: 'size', type: 'quantitative', scale: null, legend: null },
          color: {
            field: 'method',
            type: 'nominal',
            title: 'Method',
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
          shape: {
            field: 'method',
            type: 'nominal',
            scale: { domain: present, range: shapes.slice(0, present.length) },
            title: 'Method',
          },
          tooltip: [
            { field: 'row', title: 'Model' },
            { field: 'figure', title: 'Estimate (interval)' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, color: '#333' },
        encoding: {
          y,
          x: { field: 'high', type: 'quantitative' },
          text: { field: 'figure' },
        },
      },
      {
        data: { values: [{ observed, label: `observed: ${format.format(observed)} (a floor)` }] },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [6, 4], color: missingGrey },
            encoding: { x: { field: 'observed', type: 'quantitative' } },
          },
          {
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'top',
              dx: 4,
              y: -14,
              fontSize: 10,
              color: '#555',
            },
            encoding: { x: { field: 'observed', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

/** "Intervals: profile likelihood 95%, log-normal 95%." and "Data: <source>." from the rows. */
function intervalsAndSource(rows: readonly EstimateRow[]): string[] {
  const kinds = [
    ...new Set(
      rows
        .map((r) => (r as unknown as { interval?: unknown }).interval)
        .filter((k): k is string => typeof k === 'string' && k !== ''),
    ),
  ];
  const sources = [...new Set(rows.map((r) => r.source))].filter((s) => s !== 'estimate');
  return [
    ...(kinds.length ? [`Intervals: ${kinds.join(', ')}.`] : []),
    // the rows' source as estimate() was given it (the registry's names would pull the bundled
    // data into the /estimate entry)
    ...(sources.length ? [`Data: ${sources.join(', ')}.`] : []),
  ];
}
