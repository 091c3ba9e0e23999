import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import type { BalanceRow } from '../analysis/balance.js';
import { InvalidTableError, show } from '../errors.js';
import { numberFormat } from '../exchange/figure.js';
import { kindWords, sourceNames } from './attribution.js';
import { checkChartOptions, framed } from './frame.js';
import { missingGrey, palette, type ChartOptions } from './theme.js';

const columns = [
  'deaths_source',
  'deaths',
  'births_deficit',
  'emigration',
  'parts',
  'parts_low',
  'parts_high',
  'loss',
  'loss_low',
  'loss_high',
  'loss_source',
  'approximate',
  'gap',
] as const;

/**
 * The demographic balance as waterfalls, one panel per deaths estimate: deaths, then the births
 * deficit and emigration added on top, their sum, and the demographic loss below it, with a
 * dashed line at the loss so that the gap shows. The three parts are stacked because the
 * documents name them as the parts of a demographic loss; a line over the sum or the loss marks
 * the interval its figures allow.
 *
 * @param table The result of `balance()`.
 * @param options The common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table is not a result of `balance()` or has no rows.
 * @example
 * balanceChart(balance()).vconcat[0].vconcat.length; // => 6 (one panel per deaths estimate)
 */
export function balanceChart(table: ColumnTable, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkChartOptions(options);
  if (!table || typeof table.objects !== 'function')
    throw new InvalidTableError(
      `balanceChart: table is ${show(table)}; expected the result of balance().`,
    );
  const missing = columns.filter((c) => !table.columnNames().includes(c));
  if (missing.length > 0)
    throw new InvalidTableError(
      `balanceChart: the table lacks ${missing.map((c) => `'${c}'`).join(', ')}; ` +
        'expected the result of balance().',
    );
  const rows = table.objects() as BalanceRow[];
  if (rows.length === 0)
    throw new InvalidTableError('balanceChart: the table has no rows to draw.');
  const n = (x: number) => numberFormat(locale).format(x);
  const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${n(Math.abs(x))}`;
  const approx = (q: string) => (q === 'approximate' ? '~' : q === 'at-least' ? '≥' : '');
  const against = (gap: number) =>
    gap === 0
      ? 'equal to the loss'
      : `${n(Math.abs(gap))} ${gap > 0 ? 'more' : 'less'} than the loss`;
  const names = new Map(
    sourceNames([...new Set(rows.flatMap((r) => [r.deaths_source, r.loss_source]))]).map((s) => [
      s.id,
      s,
    ]),
  );
  const againstRange = (low: number, high: number | null) =>
    high !== null && low > 0
      ? `${n(low)}–${n(high)} more than the loss`
      : high !== null && high < 0
        ? `${n(-high)}–${n(-low)} less than the loss`
        : `${signed(low)} to ${high === null ? 'any' : signed(high)} against the loss`;
  const interval = (low: number, high: number | null) =>
    high === null ? `${n(low)} or more` : low === high ? '' : ` (${n(low)}–${n(high)})`;

  const steps = [
    'deaths',
    '+ births deficit',
    '+ emigration',
    '= sum of the parts',
    'demographic loss',
  ];
  const colours = [palette[0]!, palette[1]!, palette[2]!, missingGrey, palette[3]!];
  const headings = new Map<string, string>();
  const data = rows.flatMap((r) => {
    const deathsSource = names.get(r.deaths_source)!;
    const panel = `${deathsSource.name}, ${kindWords[deathsSource.kind] ?? deathsSource.kind}`;
    // A range of deaths (Vego's 900,000–1,000,000) is never a bar to its midpoint: the bars rise
    // to what its low allows, and a lighter band spans the range on the deaths and on the sum.
    const range = r.deaths_qualifier === 'range';
    const floor = range ? r.deaths - r.deaths_low : 0; // how far the midpoint lies above the low
    const width = range ? r.deaths_high! - r.deaths_low : 0;
    const afterBirths = r.deaths - floor + r.births_deficit;
    const about = r.approximate ? '~' : '';
    const at = (step: number, start: number, end: number, text: string, low = end, high = end) => ({
      panel,
      step: steps[step],
      start,
      end,
      band: step === 0 || step === 3 ? end + width : end,
      low,
      high,
      text,
      textAt: Math.max(step === 0 || step === 3 ? end + width : end, high),
      loss: r.loss,
    });
    // The sum's figure at its bar; how it stands against the loss in the panel's heading, where
    // a long line does not push the plot narrow.
    const sum = range
      ? `${about}${n(r.parts_low)}–${n(r.parts_high!)}`
      : `${about}${n(r.parts)}${interval(r.parts_low, r.parts_high)}`;
    headings.set(
      panel,
      `${panel}: the sum is ${about}` +
        (range ? againstRange(r.gap_low!, r.gap_high) : against(r.gap)),
    );
    // The loss as published: an interval only where the source gives a range (a rounding
    // interval is computed here, not the government's).
    const lossRange = r.loss_qualifier === 'range';
    return [
      at(
        0,
        0,
        r.deaths - floor,
        range
          ? `${n(r.deaths_low)}–${n(r.deaths_high!)}`
          : `${approx(r.deaths_qualifier)}${n(r.deaths)}`,
        r.deaths_low,
        r.deaths_high ?? r.deaths,
      ),
      at(
        1,
        r.deaths - floor,
        afterBirths,
        `+${approx(r.births_deficit_qualifier)}${n(r.births_deficit)}`,
      ),
      at(2, afterBirths, r.parts - floor, `+${approx(r.emigration_qualifier)}${n(r.emigration)}`),
      at(3, 0, r.parts - floor, sum, r.parts_low, r.parts_high ?? r.parts),
      at(
        4,
        0,
        r.loss,
        `${approx(r.loss_qualifier)}${n(r.loss)}` +
          (lossRange ? interval(r.loss_low, r.loss_high) : '') +
          ` (${names.get(r.loss_source)!.name})`,
        lossRange ? r.loss_low : r.loss,
        lossRange ? (r.loss_high ?? r.loss) : r.loss,
      ),
    ];
  });
  const panels = [...new Set(data.map((d) => d.panel))];
  const y = { field: 'step', type: 'nominal', sort: steps, title: null, axis: { minExtent: 130 } };
  const x = { type: 'quantitative', title: 'persons', axis: { format: ',d' } };
  const panel = (name: string, i: number) => ({
    title: {
      text: headings.get(name)!,
      anchor: 'start',
      fontSize: 11,
      fontWeight: 'bold',
      offset: 4,
    },
    data: { values: data.filter((d) => d.panel === name) },
    height: { step: 15 },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y,
          x: {
            field: 'start',
            ...x,
            ...(i < panels.length - 1
              ? { axis: { labels: false, ticks: false, domain: false, title: null } }
              : {}),
          },
          x2: { field: 'end' },
          color: {
            field: 'step',
            type: 'nominal',
            legend: null,
            scale: { domain: steps, range: colours },
          },
          tooltip: [{ field: 'panel', title: 'deaths from' }, { field: 'step' }, { field: 'text' }],
        },
      },
      {
        mark: { type: 'bar', opacity: 0.35 },
        transform: [{ filter: 'datum.band !== datum.end' }],
        encoding: {
          y,
          x: { field: 'end', ...x },
          x2: { field: 'band' },
          color: {
            field: 'step',
            type: 'nominal',
            legend: null,
            scale: { domain: steps, range: colours },
          },
        },
      },
      {
        mark: { type: 'rule', strokeWidth: 1.5, color: '#222' },
        transform: [{ filter: 'datum.low !== datum.high' }],
        encoding: { y, x: { field: 'low', ...x }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'rule', strokeDash: [4, 3], color: palette[3]!, strokeWidth: 1.2 },
        encoding: { x: { aggregate: 'max', field: 'loss', ...x } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222' },
        encoding: { y, x: { field: 'textAt', ...x }, text: { field: 'text' } },
      },
    ],
  });
  const gapOf = (r: BalanceRow) =>
    r.deaths_qualifier === 'range'
      ? `${signed(r.gap_low!)} to ${r.gap_high === null ? 'any' : signed(r.gap_high)}`
      : signed(r.gap);
  const first = rows[0]!;
  return framed(
    {
      vconcat: panels.map(panel),
      spacing: 10,
      resolve: { scale: { x: 'shared', y: 'independent', color: 'shared' } },
    },
    {
      title: 'Deaths, births deficit and emigration against the demographic loss',
      subtitle:
        'Each deaths estimate + ' +
        `${approx(first.births_deficit_qualifier)}${n(first.births_deficit)} births deficit + ` +
        `${approx(first.emigration_qualifier)}${n(first.emigration)} emigration, ` +
        `against the demographic loss of ${approx(first.loss_qualifier)}${n(first.loss)}`,
      description:
        `Waterfall charts, one for each of ${panels.length} deaths estimates: the deaths, ` +
        'the births deficit and emigration added on, their sum, and the demographic loss of ' +
        `${n(first.loss)}; the sums exceed or fall short of it by ` +
        `${rows.map((r) => `${gapOf(r)} (${r.deaths_source})`).join(', ')}.`,
      sources: [
        ...rows.map((r) => r.deaths_source),
        ...rows.flatMap((r) => [r.births_deficit_source, r.emigration_source, r.loss_source]),
      ],
      notes: [
        'The documents name the births deficit and emigration as demographic losses not ' +
          'included with war deaths, and the demographic loss as covering unborn children, ' +
          'emigration and disease.',
        'The parts come from different sources. Dashed line: the demographic loss. Black line: ' +
          'the interval the figures allow (a range, or how the sources rounded, computed here). ' +
          'Lighter band: a range of deaths, the bars rising to its low.',
      ],
    },
    options,
    width,
    locale,
  );
}
