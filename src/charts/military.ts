import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { sourceNames } from './attribution.js';
import {
  arrowReach,
  chartRows,
  checkOptions,
  drawnAsFigure,
  framed,
  textAt,
  uncertaintyLayers,
  uncertaintyNotes,
} from './frame.js';
import { coloursOf, measureColours, missingGrey, type ChartOptions } from './theme.js';
import { keyWords } from './words.js';
import { maxOf } from '../analysis/extent.js';

/**
 * Military losses by belligerent and measure: a panel per belligerent and source, a bar per
 * measure (killed, wounded, missing…), a line over a published range, "not reported" where a
 * source gives no figure, and the area a figure covers when it is not Yugoslavia (the Balkans).
 *
 * @param table `load('military-losses')` or `load('belgrade-offensive')`, or a table
 *   with `belligerent`.
 * @param options The common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs.
 * @example
 * militaryChart(load('military-losses'))
 *   .vconcat[0].vconcat[0].layer.map((l) => l.mark.type ?? l.mark);
 * // => ['bar', 'rule', 'text']
 */
export function militaryChart(table: ColumnTable, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkOptions(options);
  const rows = chartRows(table, ['belligerent'], locale);
  const names = new Map(sourceNames(rows.map((r) => r.source)).map((s) => [s.id, s.name]));
  const reach = arrowReach(rows);
  const data = rows.map((r) => {
    const where = r.region === 'balkans' ? ', the Balkans' : '';
    const when =
      r.period === 'post-armistice'
        ? ', after the armistice'
        : r.period === 'to-1945-05-09'
          ? ', to 9 May 1945'
          : r.status === 'prisoner-of-war'
            ? ', as prisoners of war'
            : '';
    return {
      ...r,
      row: `${keyWords(r.belligerent as string)}${where}${when} · ${names.get(r.source)}`,
      textAt: textAt(r, reach),
      what: keyWords(r.measure),
      shown: r.value === null ? 'not reported' : r.figure,
    };
  });
  const order = [...new Set(data.map((d) => d.row))];
  const measureKeys = [...new Set(data.map((d) => d.measure))];
  const measures = measureKeys.map((m) => keyWords(m));
  const y = {
    field: 'what',
    type: 'nominal',
    sort: measures,
    title: null,
    axis: { labelFontSize: 11, labelColor: '#444', minExtent: 150 },
  };
  const top = maxOf(data.map((d) => d.high ?? d.textAt ?? 0));
  // Room on the right for the figure written at the longest bar.
  const x = {
    type: 'quantitative',
    title: 'persons',
    axis: { format: ',d' },
    scale: { domain: [0, top * 1.15], nice: false },
  };
  const color = {
    field: 'what',
    type: 'nominal',
    legend: null,
    sort: measures,
    scale: { domain: measures, range: coloursOf(measureKeys, measureColours) },
  };
  const panel = (row: string, i: number) => ({
    title: { text: row, anchor: 'start', fontSize: 11, fontWeight: 'bold', offset: 4 },
    data: { values: data.filter((d) => d.row === row) },
    height: { step: 14 },
    layer: [
      {
        data: { values: data.filter((d) => d.row === row && drawnAsFigure(d)) },
        mark: 'bar',
        encoding: {
          y,
          x: {
            field: 'value',
            ...x,
            ...(i < order.length - 1
              ? { axis: { labels: false, ticks: false, domain: false, title: null } }
              : {}),
          },
          color,
          tooltip: [
            { field: 'row', title: 'who, source' },
            { field: 'what', title: 'measure' },
            { field: 'figure' },
            { field: 'label', title: 'the source says' },
            { field: 'note' },
          ],
        },
      },
      ...uncertaintyLayers(
        data.filter((d) => d.row === row),
        { y },
        x,
        reach,
        10,
      ),
      {
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222' },
        encoding: { y, x: { field: 'textAt', ...x }, text: { field: 'shown' } },
      },
      {
        transform: [{ filter: 'datum.value === null' }],
        mark: {
          type: 'text',
          align: 'left',
          dx: 4,
          fontSize: 11,
          fontStyle: 'italic',
          color: missingGrey,
        },
        encoding: { y, x: { field: 'textAt', ...x }, text: { field: 'shown' } },
      },
    ],
  });
  return framed(
    {
      vconcat: order.map(panel),
      spacing: 8,
      resolve: { scale: { x: 'shared', y: 'independent', color: 'shared' } },
    },
    {
      title: 'Military losses by belligerent, measure and source',
      subtitle: 'Each source as published; the sources differ in area and period',
      description:
        `Bar chart of ${rows.length} military loss figures from ${names.size} sources, ` +
        `by belligerent and measure (${measures.join(', ')}); a line over a published range; ` +
        'figures a source does not report are marked.',
      sources: rows.map((r) => r.source),
      notes: [
        ...(rows.some((r) => r.value === null)
          ? ['"not reported": the source gives no figure, which is not zero.']
          : []),
        ...uncertaintyNotes(rows),
      ],
    },
    options,
    width,
    locale,
  );
}
