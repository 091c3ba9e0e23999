import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { sourceNames } from './attribution.js';
import { chartRows, checkOptions, framed } from './frame.js';
import { missingGrey, palette, type ChartOptions } from './theme.js';
import { keyWords } from './words.js';

/**
 * Military losses by belligerent and measure: a panel per belligerent and source, a bar per
 * measure (killed, wounded, missing…), a line over a published range, "not reported" where a
 * source gives no figure, and the area a figure covers when it is not Yugoslavia (the Balkans).
 *
 * @param table `load('military-losses')` or `load('belgrade-offensive')`, or a table with `belligerent`.
 * @param options The common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs.
 * @example
 * militaryChart(load('military-losses')).vconcat[0].vconcat[0].layer.map((l) => l.mark.type ?? l.mark); // => ['bar', 'rule', 'text']
 */
export function militaryChart(table: ColumnTable, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkOptions(options);
  const rows = chartRows(table, ['belligerent'], locale);
  const names = new Map(sourceNames(rows.map((r) => r.source)).map((s) => [s.id, s.name]));
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
      textAt: r.high ?? r.value ?? 0,
      shown: r.value === null ? 'not reported' : r.figure,
    };
  });
  const order = [...new Set(data.map((d) => d.row))];
  const measures = [...new Set(data.map((d) => d.measure))];
  const y = {
    field: 'measure',
    type: 'nominal',
    sort: measures,
    title: null,
    axis: { labelFontSize: 10, labelColor: '#444', minExtent: 110 },
  };
  const x = { type: 'quantitative', title: 'persons', axis: { format: ',d' } };
  const color = {
    field: 'measure',
    type: 'nominal',
    legend: null,
    sort: measures,
    scale: { domain: measures, range: palette.slice(0, measures.length) },
  };
  const panel = (row: string, i: number) => ({
    title: { text: row, anchor: 'start', fontSize: 11, fontWeight: 'bold', offset: 4 },
    data: { values: data.filter((d) => d.row === row) },
    height: { step: 14 },
    layer: [
      {
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
            { field: 'measure' },
            { field: 'figure' },
            { field: 'label', title: 'the source says' },
            { field: 'note' },
          ],
        },
      },
      {
        mark: { type: 'rule', strokeWidth: 1.5, color: '#222' },
        encoding: { y, x: { field: 'low', ...x }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 9.5 },
        encoding: {
          y,
          x: { field: 'textAt', ...x },
          text: { field: 'shown' },
          color: { condition: { test: 'datum.value === null', value: missingGrey }, value: '#222' },
        },
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
      description: `Bar chart of ${rows.length} military loss figures from ${names.size} sources, by belligerent and measure (${measures.join(', ')}); a line over a published range; figures a source does not report are marked.`,
      sources: rows.map((r) => r.source),
      notes: [
        ...(rows.some((r) => r.qualifier === 'range')
          ? ['A black line: the range a source gives, the bar at its midpoint.']
          : []),
        ...(rows.some((r) => r.value === null)
          ? ['"not reported": the source gives no figure, which is not zero.']
          : []),
        ...(rows.some((r) => r.qualifier === 'at-least')
          ? ['≥: at least; ~: approximate.']
          : rows.some((r) => r.qualifier === 'approximate')
            ? ['~: approximate.']
            : []),
      ],
    },
    options,
    width,
    locale,
  );
}
