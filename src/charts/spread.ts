// spreadChart: how far apart the sources are, category by category.
import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, show } from '../errors.js';
import { keyWords } from './words.js';
import {
  arrowReach,
  drawnAsFigure,
  framed,
  uncertaintyLayers,
  uncertaintyNotes,
  type ChartRow,
} from './frame.js';
import { bySource, measureBy, tooltip, type CompareChartOptions } from './compare.js';
import { missingGrey } from './theme.js';
import { minOf, maxOf } from '../analysis/extent.js';

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
    return { category, min, max, ratio: text, sourceName: middle, figures: of.length };
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
          // on a logarithmic axis, a line from 0 (an "at most" figure's lowest) starts at its end
          data: {
            values: spans
              .filter((s) => s.figures > 1 && s.min !== null && s.max! > s.min)
              .map((s) => ({ ...s, min: Math.max(s.min!, domain[0]!) })),
          },
          mark: { type: 'rule', strokeWidth: 1, color: '#8a8a8a' },
          encoding: { ...position, x: { field: 'min', ...x }, x2: { field: 'max' } },
        },
        ...uncertaintyLayers(
          reported.filter((r) => r.qualifier === 'range' || r.qualifier === 'at-most'),
          position,
          x,
          reach,
          { capSize: 8, color: c.color, floor: domain[0], tooltip },
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

/**
 * The lowest figure a row allows: its lower bound (a range's, an "at least"'s), its value, or 0
 * for an "at most" figure, whose source gives no lower bound.
 */
const lowOf = (r: ChartRow): number => (r.qualifier === 'at-most' ? 0 : (r.low ?? r.value!));

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
