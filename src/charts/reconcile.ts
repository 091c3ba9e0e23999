import type { TopLevelSpec } from 'vega-lite';
import type { Reconciliation } from '../analysis/reconcile.js';
import { InvalidTableError, show } from '../errors.js';
import { numberFormat } from '../exchange/figure.js';
import { sourceNames } from './attribution.js';
import { checkChartOptions, framed } from './frame.js';
import { missingGrey, palette, type ChartOptions } from './theme.js';
import { capitalized } from './words.js';

/** The colour of each kind of step. */
const colours: Readonly<Record<string, string>> = {
  figure: '#5b5b66',
  measure: palette[1]!,
  scope: palette[2]!,
  coverage: palette[2]!,
  factor: palette[0]!,
  rounding: missingGrey,
  residual: palette[3]!,
};

/**
 * The difference between two figures as a waterfall: the first figure, each component of the
 * difference added on in order (a bar from where the last one ended), and the second figure. Every
 * interval is drawn as an interval: a black line over a figure or a step spans what it may be (its
 * range, its rounding); rounding, whose value is 0, is a line alone; a side with no bound runs to
 * the edge and says so. The residual is always drawn, even when it is 0.
 *
 * @param result The result of `reconcile()`.
 * @param options The common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If `result` is not a result of `reconcile()`.
 * @example
 * const result = reconcile('zerjavic-deaths', 'yu-official-1945-05-demographic-loss');
 * const spec = reconcileChart(result);
 * spec.vconcat[0].data.values.map((d) => d.step);
 * // => ['Vladimir Žerjavić (1989): 1,027,000 deaths', '+ births deficit', '+ emigration',
 * //     '± rounding', '− unexplained residual',
 * //     '= Government of Yugoslavia: 1,700,000 demographic loss']
 */
export function reconcileChart(result: Reconciliation, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkChartOptions(options);
  if (
    typeof result !== 'object' ||
    result === null ||
    !Array.isArray((result as Partial<Reconciliation>).components) ||
    typeof (result as Partial<Reconciliation>).from?.value !== 'number'
  )
    throw new InvalidTableError(
      `reconcileChart: result is ${show(result)}; expected the result of reconcile().`,
    );
  const { from, to, components, difference } = result;
  const n = (x: number) =>
    numberFormat(locale).format(Math.abs(x) >= 1000 ? Math.round(x) : Math.round(x * 1000) / 1000);
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  const signed = (x: number) => `${sign(x)}${n(Math.abs(x))}`;
  const figureName = (f: Reconciliation['from']) =>
    `${f.source === 'user' ? f.label : sourceNames([f.source])[0]!.full}: ${n(f.value)} ` +
    f.measure.replaceAll('-', ' ');
  // the extent of the drawing, so that an unbounded side runs to its edge
  const ends: number[] = [0, from.value, from.low, to.value, to.low];
  if (from.high !== null) ends.push(from.high);
  if (to.high !== null) ends.push(to.high);
  let level = from.value;
  for (const c of components) {
    ends.push(level + c.value, level + (c.low ?? 0), level + (c.high ?? 0));
    level += c.value;
  }
  const lowest = Math.min(...ends);
  const highest = Math.max(...ends);
  const edge = { low: Math.min(0, lowest), high: highest + (highest - Math.min(0, lowest)) * 0.08 };

  const step = (
    name: string,
    kind: string,
    start: number,
    end: number,
    low: number | null,
    high: number | null,
    text: string,
  ) => ({
    step: name,
    kind,
    start,
    end,
    low: low ?? edge.low,
    high: high ?? edge.high,
    lowBound: low !== null,
    highBound: high !== null,
    interval: low !== end || high !== end,
    text,
    textAt: Math.max(start, end, high ?? edge.high),
  });
  const interval = (low: number | null, high: number | null, signedText: boolean) => {
    const show1 = (x: number | null, side: string) =>
      x === null ? `unbounded ${side}` : signedText ? signed(x) : n(x);
    return `${show1(low, 'below')} to ${show1(high, 'above')}`;
  };
  const figureText = (f: Reconciliation['from']) =>
    f.low !== f.value || f.high !== f.value
      ? `${n(f.value)} (${interval(f.low, f.high, false)})`
      : n(f.value);
  const data = [
    step(figureName(from), 'figure', 0, from.value, from.low, from.high, figureText(from)),
  ];
  level = from.value;
  for (const c of components) {
    const start = level;
    const end = level + c.value;
    const bounds =
      c.low === c.value && c.high === c.value ? '' : ` (${interval(c.low, c.high, true)})`;
    data.push(
      step(
        `${c.value === 0 ? '±' : c.value < 0 ? '−' : '+'} ${c.label}`,
        c.kind,
        start,
        end,
        c.low === null ? null : start + c.low,
        c.high === null ? null : start + c.high,
        c.kind === 'rounding'
          ? `±${n(c.high ?? 0)}`
          : c.value === 0 && c.low === null && c.high === null
            ? 'not quantified: unbounded'
            : `${sign(c.value)}${c.approximate ? '~' : ''}${n(Math.abs(c.value))}${bounds}`,
      ),
    );
    level = end;
  }
  data.push(step(`= ${figureName(to)}`, 'figure', 0, to.value, to.low, to.high, figureText(to)));
  const steps = data.map((d) => d.step);
  const y = { field: 'step', type: 'nominal', sort: steps, title: null, axis: { minExtent: 150 } };
  const x = {
    type: 'quantitative',
    title: from.source === 'user' ? null : 'persons',
    scale: { domain: [edge.low, edge.high], nice: false },
    axis: { format: from.source === 'user' ? ',.6~g' : ',d' },
  };
  const kinds = Object.keys(colours);
  const residual = components.at(-1)!;
  const view = {
    data: { values: data },
    height: { step: 26 },
    layer: [
      {
        mark: 'bar',
        transform: [{ filter: 'datum.start !== datum.end' }],
        encoding: {
          y,
          x: { field: 'start', ...x },
          x2: { field: 'end' },
          color: {
            field: 'kind',
            type: 'nominal',
            legend: null,
            scale: { domain: kinds, range: kinds.map((k) => colours[k]) },
          },
          tooltip: [{ field: 'step' }, { field: 'text', title: 'value' }],
        },
      },
      {
        mark: { type: 'rule', strokeWidth: 1.5, color: '#111' },
        transform: [{ filter: 'datum.interval' }],
        encoding: { y, x: { field: 'low', ...x }, x2: { field: 'high' } },
      },
      {
        // a cap where the interval ends; an arrowhead where it has no bound and runs to the edge
        mark: { type: 'tick', thickness: 1.5, size: 10, color: '#111' },
        transform: [
          { filter: 'datum.interval' },
          { fold: ['low', 'high'], as: ['side', 'at'] },
          {
            filter:
              "(datum.side === 'low' && datum.lowBound) || " +
              "(datum.side === 'high' && datum.highBound)",
          },
        ],
        encoding: { y, x: { field: 'at', ...x } },
      },
      {
        mark: { type: 'point', shape: 'triangle-right', size: 60, color: '#111', filled: true },
        transform: [{ filter: '!datum.highBound' }],
        encoding: { y, x: { field: 'high', ...x } },
      },
      {
        mark: { type: 'point', shape: 'triangle-left', size: 60, color: '#111', filled: true },
        transform: [{ filter: '!datum.lowBound' }],
        encoding: { y, x: { field: 'low', ...x } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, color: '#222' },
        encoding: { y, x: { field: 'textAt', ...x }, text: { field: 'text' } },
      },
    ],
  };
  const residualText =
    residual.value === 0 && residual.low === 0 && residual.high === 0
      ? 'nothing left unexplained'
      : `unexplained residual ${signed(residual.value)}`;
  const spec = framed(
    view,
    {
      title:
        from.source === 'user'
          ? 'A difference between two products, factor by factor'
          : `Why ${n(from.value)} and ${n(to.value)} differ`,
      subtitle:
        `${figureName(from)} against ${figureName(to)}: a difference of ` +
        `${signed(difference.value)}; ${residualText}`,
      description:
        `A waterfall from ${n(from.value)} to ${n(to.value)}: ` +
        components
          .map(
            (c) =>
              `${c.label} ${signed(c.value)}` +
              (c.low === c.value && c.high === c.value
                ? ''
                : ` (${interval(c.low, c.high, true)})`),
          )
          .join(', ') +
        '.',
      sources: [
        ...new Set([from.source, to.source, ...components.flatMap((c) => c.sources)]),
      ].filter((s) => s !== 'user'),
      notes: [
        ...components.map((c) => `${capitalized(c.label)}: ${c.note}.`),
        'Black line: the interval a figure or a step may take (its range or its rounding); ' +
          'an arrowhead: no bound on that side.',
      ],
    },
    options,
    width,
    locale,
  );
  if (from.source === 'user') {
    // figures the caller gave, not the package's: no sources to name, no bundled data to cite
    const title = (spec as { vconcat: { title: { text: string[] } }[] }).vconcat[0]!.title;
    title.text = [
      ...title.text.filter((line) => !/^Sources?: |^Data: /.test(line)),
      'Figures: as given to reconcile().',
    ];
  }
  return spec;
}
