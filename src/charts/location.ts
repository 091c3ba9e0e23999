import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { chartRows, checkOptions, framed } from './frame.js';
import { measureColours, type ChartOptions } from './theme.js';

/**
 * The 1964 list by location: the dead beside the survivors, one pair of bars per location, in the
 * order of the death toll. The list's three parts of Serbia stay apart, as the list gives them.
 *
 * @param table `load('by-location-1964')`, or a table with `region` and the measures `deaths`
 *   and `survived`.
 * @param options The common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs.
 * @example
 * locationChart(load('by-location-1964')).vconcat[0].encoding.yOffset.field; // => 'measure'
 */
export function locationChart(table: ColumnTable, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkOptions(options);
  const rows = chartRows(table, ['region'], locale);
  const deaths = (label: string) =>
    rows.find((r) => r.label === label && r.measure === 'deaths')?.value ?? 0;
  const order = [...new Set(rows.map((r) => r.label))].sort((a, b) => deaths(b) - deaths(a));
  const words: Record<string, string> = { deaths: 'dead (death toll)', survived: 'survived' };
  const data = rows.map((r) => ({ ...r, what: words[r.measure] ?? r.measure }));
  const measures = [...new Set(data.map((d) => d.what))];
  const figureOf = (label: string, measure: string) =>
    rows.find((r) => r.label === label && r.measure === measure)?.figure ?? 'no figure';
  return framed(
    {
      data: { values: data },
      height: { step: 15 },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: order, title: null },
        yOffset: { field: 'measure', sort: ['deaths', 'survived'] },
      },
      layer: [
        {
          mark: 'bar',
          encoding: {
            x: { field: 'value', type: 'quantitative', title: 'persons', axis: { format: ',d' } },
            color: {
              field: 'what',
              type: 'nominal',
              title: null,
              sort: measures,
              scale: {
                domain: measures,
                range: [...new Set(data.map((d) => d.measure))].map(
                  (m) => measureColours[m] ?? '#444444',
                ),
              },
            },
            tooltip: [
              { field: 'label', title: 'location' },
              { field: 'what' },
              { field: 'figure' },
            ],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 11, color: '#222' },
          encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'figure' } },
        },
      ],
    },
    {
      title: 'The 1964 list of war victims by location: the dead and the survivors',
      subtitle: 'A list of named victims: it counts those registered, not all deaths',
      description:
        `Grouped bar chart of the 1964 list by ${order.length} locations: the death toll beside ` +
        'the survivors it also recorded (' +
        order
          .map((l) => `${l}: ${figureOf(l, 'deaths')} dead, ${figureOf(l, 'survived')} survived`)
          .join('; ') +
        '). Serbia appears as Serbia (proper), AP Kosovo and AP Vojvodina, as in the list.',
      sources: rows.map((r) => r.source),
      notes: ['"Survived": internees and deportees the 1964 census of war victims also recorded.'],
    },
    options,
    width,
    locale,
  );
}
