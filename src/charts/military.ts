import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { sourceNames } from './attribution.js';
import {
  arrowReach,
  caveatNotes,
  chartRows,
  checkChartOptions,
  drawnAsFigure,
  framed,
  oneUnit,
  textAt,
  unitWords,
  uncertaintyLayers,
  uncertaintyNotes,
} from './frame.js';
import { coloursOf, measureColours, missingGrey, type ChartOptions } from './theme.js';
import { keyWords, periodWords } from './words.js';
import { maxOf } from '../analysis/extent.js';
import { drawnOnce } from './restated.js';

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

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
  const { width, locale } = checkChartOptions(options);
  const given = chartRows(table, ['belligerent'], locale);
  const unit = oneUnit(given, 'militaryChart');
  // A figure given again by another source (Italy's in the infobox and in the article's text) is
  // drawn once; the footer says where else it was given.
  const { rows, again } = drawnOnce(given);
  const names = new Map(sourceNames(given.map((r) => r.source)).map((s) => [s.id, s.name]));
  const reach = arrowReach(rows);
  const data = rows.map((r) => {
    const where = r.region === 'balkans' ? ', the Balkans' : '';
    const period = typeof r.period === 'string' ? periodWords[r.period] : undefined;
    const when = period
      ? `, ${period}`
      : r.status === 'prisoner-of-war'
        ? ', as prisoners of war'
        : '';
    const also = [...new Set((again.get(r) ?? []).map((a) => names.get(a.source)!))];
    return {
      ...r,
      row: `${keyWords(r.belligerent as string)}${where}${when} · ${names.get(r.source)}`,
      textAt: textAt(r, reach),
      what: keyWords(r.measure),
      shown: r.value === null ? 'not reported' : r.figure,
      also: also.length ? listed(also) : null,
    };
  });
  const restated = data.filter((d) => d.also !== null);
  const alsoNotes = [...new Set(restated.map((d) => `${d.row}|${d.also}`))].map((key) => {
    const [row, also] = key.split('|') as [string, string];
    const figures = restated.filter((d) => d.row === row).map((d) => `${d.figure} ${d.what}`);
    return `${row}: ${listed(figures)}, drawn once; ${also} gives the same ${
      figures.length === 1 ? 'figure' : 'figures'
    }.`;
  });
  const differ = (column: string) =>
    new Set(rows.map((r) => (r as Record<string, unknown>)[column] ?? null)).size > 1;
  const apart = [differ('region') ? 'area' : '', differ('period') ? 'period' : ''].filter(Boolean);
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
    title: unitWords(unit),
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
  const tooltip = [
    { field: 'row', title: 'who, source' },
    { field: 'what', title: 'measure' },
    { field: 'figure' },
    { field: 'label', title: 'the source says' },
    { field: 'note' },
    { field: 'also', title: 'also given by' },
  ];
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
          tooltip,
        },
      },
      ...uncertaintyLayers(
        data.filter((d) => d.row === row),
        { y },
        x,
        reach,
        {
          capSize: 10,
          tooltip,
        },
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
      subtitle:
        (new Set(rows.map((r) => r.source)).size > 1
          ? 'Each source as published'
          : `As ${[...names.values()][0]} gives them`) +
        (apart.length ? `; the figures differ in ${apart.join(' and ')}` : ''),
      description:
        `Bar chart of ${rows.length} military loss figures from ` +
        `${new Set(rows.map((r) => r.source)).size} sources, ` +
        `by belligerent and measure (${measures.join(', ')}); a line over a published range; ` +
        'figures a source does not report are marked.',
      sources: given.map((r) => r.source),
      notes: [
        ...alsoNotes,
        ...caveatNotes(data, (r) => (r as (typeof data)[number]).row),
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
