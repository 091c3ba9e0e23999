import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { chartRows, checkOptions, framed, oneUnit, unitWords } from './frame.js';
import { sourceNames } from './attribution.js';
import { kindsSubtitle } from './compare.js';
import { drawnOnce } from './restated.js';
import { keyWords } from './words.js';
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
  const given = chartRows(table, ['region'], locale);
  const unit = oneUnit(given, 'locationChart');
  const { rows } = drawnOnce(given);
  const names = sourceNames([...new Set(rows.map((r) => r.source))]);
  const kinds = [...new Set(names.map((n) => n.kind))];
  const measureKeys = [...new Set(rows.map((r) => r.measure))];
  const deaths = (label: string) =>
    rows.find((r) => r.label === label && r.measure === 'deaths')?.value ?? 0;
  const order = [...new Set(rows.map((r) => r.label))].sort((a, b) => deaths(b) - deaths(a));
  const words: Record<string, string> = { deaths: 'dead (death toll)', survived: 'survived' };
  const data = rows.map((r) => ({ ...r, what: words[r.measure] ?? keyWords(r.measure) }));
  const what = measureKeys.map((m) => words[m] ?? keyWords(m));
  const titleWords: Record<string, string> = { deaths: 'the dead', survived: 'the survivors' };
  const heading = `${measureKeys.map((m) => titleWords[m] ?? keyWords(m)).join(' and ')}, by location`;
  const split = rows.some((r) => r.region === 'kosovo' || r.region === 'vojvodina');
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
            x: {
              field: 'value',
              type: 'quantitative',
              title: unitWords(unit),
              axis: { format: ',d' },
            },
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
      title: `${heading[0]!.toUpperCase()}${heading.slice(1)}: ${names.map((n) => n.name).join(', ')}`,
      subtitle:
        kinds.length === 1
          ? `${kindsSubtitle(kinds).replace(/^The sources are of different kinds: a/, 'A')}` +
            (kinds[0] === 'named-list' ? ', not all deaths' : '')
          : kindsSubtitle(kinds),
      description:
        `Bar chart of ${what.join(' and ')} by ${order.length} locations (` +
        order
          .map(
            (l) =>
              `${l}: ${measureKeys.map((m) => `${figureOf(l, m)} ${words[m] ?? keyWords(m)}`).join(', ')}`,
          )
          .join('; ') +
        ').' +
        (split
          ? ' Serbia appears as Serbia (proper), AP Kosovo and AP Vojvodina, as in the source.'
          : ''),
      sources: given.map((r) => r.source),
      notes: measureKeys.includes('survived')
        ? ['"Survived": internees and deportees the source also recorded.']
        : [],
    },
    options,
    width,
    locale,
  );
}
