import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError } from '../errors.js';
import { sourceNames } from './attribution.js';
import { chartRows, checkOptions, framed, oneOf } from './frame.js';
import { palette, type ChartOptions } from './theme.js';
import { keyWords } from './words.js';

/** Options of {@link compositionChart}. */
export interface CompositionChartOptions extends ChartOptions {
  /** The column whose values make the bars, e.g. `'nationality'` or `'source'`. Default `'source'`. */
  by?: string;
  /**
   * The column whose values make the parts of a bar, e.g. `'status'`, `'perpetrator'`, `'cause'`, or
   * `'label'` for the source's own words, where a figure is defined by several dimensions at once. Required.
   */
  color: string;
  /** The measure to draw, where the table holds several (e.g. `'share'` in slovenia-2005). Default: the only one. */
  measure?: string;
  /** `'zero'` stacks the figures; `'normalize'` shows each bar as 100 %. Default `'zero'`. */
  stack?: 'zero' | 'normalize';
}

/**
 * What a whole is made of, as stacked (or normalized) bars: one bar per value of `by`, one part per
 * value of `color`. Parts the source gives as a range are drawn at the midpoint and parts given as
 * "at least" at their lower bound, and the footer says so; a part with no key (the source does not
 * say) is "not stated". Figures not reported are left out and counted in the footer, never drawn as 0.
 *
 * @param table A table in the contract's shape, e.g. `load('ndh-civilians-by-perpetrator')`.
 * @param options `color` (the parts), `by` (the bars), `measure`, `stack`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs.
 * @throws {InvalidOptionError} If an option is invalid.
 * @example
 * compositionChart(load('ndh-civilians-by-perpetrator'), { by: 'nationality', color: 'perpetrator' });
 */
export function compositionChart(
  table: ColumnTable,
  options: CompositionChartOptions,
): TopLevelSpec {
  const { width, locale } = checkOptions(options);
  const { by = 'source', color: part, stack = 'zero' } = options;
  if (typeof part !== 'string')
    throw new InvalidOptionError(
      `Invalid option color ${JSON.stringify(part)}: expected the name of a dimension column, e.g. 'status'.`,
    );
  if (stack !== 'zero' && stack !== 'normalize')
    throw new InvalidOptionError(
      `Invalid option stack ${JSON.stringify(stack)}: expected 'zero' or 'normalize'.`,
    );
  const all = chartRows(table, [by, part], locale);
  const measures = [...new Set(all.map((r) => r.measure))];
  const measure =
    options.measure === undefined && measures.length === 1
      ? measures[0]!
      : oneOf('measure', options.measure, all, 'measure');
  const rows = all.filter((r) => r.measure === measure);
  const units = new Set(rows.map((r) => r.unit));
  if (units.size > 1)
    throw new InvalidOptionError(
      `The rows of measure '${measure}' mix units (${[...units].join(', ')}); choose a measure of one unit.`,
    );
  const names = new Map(sourceNames(rows.map((r) => r.source)).map((s) => [s.id, s.name]));
  const drawn = rows.filter((r) => r.value !== null);
  const notReported = rows.length - drawn.length;
  const data = drawn.map((r) => ({
    ...r,
    bar:
      by === 'source'
        ? names.get(r.source)!
        : r[by] == null
          ? 'not stated'
          : keyWords(String(r[by])),
    part: part === 'label' ? r.label : r[part] == null ? 'not stated' : keyWords(String(r[part])),
    drawnAt: r.qualifier === 'at-least' ? r.low : r.value,
  }));
  const parts = [...new Set(data.map((d) => d.part))];
  const stacked = data.map((d) => ({ ...d, order: parts.indexOf(d.part) }));
  const percent = rows[0]!.unit === 'percent';
  const notes = [
    ...(data.some((d) => d.qualifier === 'range') ? ['Ranges are drawn at their midpoints.'] : []),
    ...(data.some((d) => d.qualifier === 'at-least')
      ? ['"At least" figures are drawn at their lower bound: the true part may be larger.']
      : []),
    ...(data.some((d) => d.qualifier === 'approximate') ? ['Some parts are approximate (~).'] : []),
    ...(notReported
      ? [`${notReported} figures not reported by the source are left out (not zero).`]
      : []),
    ...(parts.includes('not stated')
      ? ['"not stated": the source does not give this dimension for the figure.']
      : []),
  ];
  return framed(
    {
      data: { values: stacked },
      height: { step: 34 },
      mark: { type: 'bar' },
      encoding: {
        y: {
          field: 'bar',
          type: 'nominal',
          title: null,
          sort: [...new Set(data.map((d) => d.bar))],
        },
        x: {
          field: 'drawnAt',
          type: 'quantitative',
          stack,
          title:
            stack === 'normalize'
              ? 'share of the bar'
              : percent
                ? 'per cent'
                : `${measure} (persons)`,
          axis: { format: stack === 'normalize' ? '.0%' : ',d' },
        },
        color: {
          field: 'part',
          type: 'nominal',
          title: part === 'label' ? null : part,
          sort: parts,
          legend: { columns: part === 'label' ? 1 : 3 },
          scale: { domain: parts, range: palette.slice(0, parts.length) },
        },
        order: { field: 'order', sort: 'ascending' },
        tooltip: [
          { field: 'bar', title: by },
          { field: 'part', title: part },
          { field: 'figure' },
          { field: 'label', title: 'the source says' },
          { field: 'note' },
        ],
      },
    },
    {
      title: `${measure[0]!.toUpperCase()}${measure.slice(1)} by ${part === 'label' ? 'category' : part}${by === 'source' ? '' : `, by ${by}`}`,
      description: `Stacked bar chart of ${measure} (${drawn.length} figures) split by ${part}, one bar per ${by}.${notes.length ? ` ${notes.join(' ')}` : ''}`,
      sources: rows.map((r) => r.source),
      notes,
    },
    options,
    width,
    locale,
  );
}
