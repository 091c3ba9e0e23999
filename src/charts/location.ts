import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import {
  arrowReach,
  categoryName,
  chartRows,
  checkChartOptions,
  drawnAsFigure,
  framed,
  oneUnit,
  textAt,
  uncertaintyLayers,
  uncertaintyNotes,
  unitWords,
  type ChartRow,
} from './frame.js';
import { InvalidTableError } from '../errors.js';
import { maxOf } from '../analysis/extent.js';
import { kindMeaning, kindWords, sourceNames } from './attribution.js';
import { kindsSubtitle } from './compare.js';
import { drawnOnce } from './restated.js';
import { capitalized, keyWords } from './words.js';
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
 * locationChart(load('by-location-1964')).vconcat[0].layer[0].encoding.yOffset.field;
 * // => 'measure'
 */
export function locationChart(table: ColumnTable, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkChartOptions(options);
  const given = chartRows(table, ['region'], locale);
  const unit = oneUnit(given, 'locationChart');
  const { rows } = drawnOnce(given);
  const names = sourceNames([...new Set(rows.map((r) => r.source))]);
  const kinds = [...new Set(names.map((n) => n.kind))];
  // what the one kind of source is, for the subtitle ("A named list counts …")
  const kindClause = kindMeaning[kinds[0]!] ?? kindWords[kinds[0]!] ?? String(kinds[0]);
  const measureKeys = [...new Set(rows.map((r) => r.measure))];
  // One figure per location and measure: two (two sources, two belligerents) would be drawn on
  // top of each other, and the table must be filtered first.
  const seen = new Map<string, ChartRow>();
  for (const r of rows) {
    const key = `${categoryName(r, 'region')} · ${r.measure}`;
    const first = seen.get(key);
    if (first)
      throw new InvalidTableError(
        `locationChart: the rows give two figures for ${key} (${first.figure} from ` +
          `${first.source}, ${r.figure} from ${r.source}); expected one figure per location and ` +
          'measure: filter the table to one source and one group first, or use compareChart.',
      );
    seen.set(key, r);
  }
  const place = (r: ChartRow) => categoryName(r, 'region');
  const deaths = (name: string) =>
    rows.find((r) => place(r) === name && r.measure === 'deaths')?.value ?? 0;
  const order = [...new Set(rows.map(place))].sort((a, b) => deaths(b) - deaths(a));
  const words: Record<string, string> = { deaths: 'dead (death toll)', survived: 'survived' };
  const reach = arrowReach(rows);
  const data = rows.map((r) => ({
    ...r,
    place: place(r),
    what: words[r.measure] ?? keyWords(r.measure),
    textAt: textAt(r, reach),
  }));
  const what = measureKeys.map((m) => words[m] ?? keyWords(m));
  const titleWords: Record<string, string> = { deaths: 'the dead', survived: 'the survivors' };
  const heading =
    measureKeys.map((m) => titleWords[m] ?? keyWords(m)).join(' and ') + ', by location';
  const split = rows.some((r) => r.region === 'kosovo' || r.region === 'vojvodina');
  const measures = [...new Set(data.map((d) => d.what))];
  const figureOf = (name: string, measure: string) =>
    rows.find((r) => place(r) === name && r.measure === measure)?.figure ?? 'no figure';
  const position = {
    y: { field: 'place', type: 'nominal', sort: order, title: null },
    yOffset: { field: 'measure', sort: measureKeys },
  };
  // Room on the right for the figure written at the longest bar.
  const top = maxOf(data.map((d) => d.high ?? d.textAt ?? 0));
  const x = {
    type: 'quantitative',
    title: unitWords(unit),
    axis: { format: ',d' },
    scale: { domain: [0, top * 1.16], nice: false },
  };
  const tooltip = [{ field: 'place', title: 'location' }, { field: 'what' }, { field: 'figure' }];
  return framed(
    {
      height: { step: 15 },
      layer: [
        {
          data: { values: data.filter(drawnAsFigure) },
          mark: 'bar',
          encoding: {
            ...position,
            x: { field: 'value', ...x },
            color: {
              field: 'what',
              type: 'nominal',
              title: null,
              sort: measures,
              scale: {
                domain: measures,
                range: measureKeys.map((m) => measureColours[m] ?? '#444444'),
              },
            },
            tooltip,
          },
        },
        ...uncertaintyLayers(data, position, x, reach, { tooltip }),
        {
          data: { values: data.filter((d) => d.value !== null) },
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 11, color: '#222' },
          encoding: { ...position, x: { field: 'textAt', ...x }, text: { field: 'figure' } },
        },
      ],
    },
    {
      title: `${capitalized(heading)}: ` + names.map((n) => n.name).join(', '),
      subtitle:
        kinds.length === 1
          ? capitalized(kindClause) + (kinds[0] === 'named-list' ? ', not all deaths' : '')
          : kindsSubtitle(kinds),
      description:
        `Bar chart of ${what.join(' and ')} by ${order.length} locations (` +
        order
          .map(
            (l) =>
              `${l}: ` +
              measureKeys.map((m) => `${figureOf(l, m)} ${words[m] ?? keyWords(m)}`).join(', '),
          )
          .join('; ') +
        ').' +
        (split
          ? ' Serbia appears as Serbia (proper), AP Kosovo and AP Vojvodina, as in the source.'
          : ''),
      sources: given.map((r) => r.source),
      notes: [
        ...(measureKeys.includes('survived')
          ? ['"Survived": internees and deportees the source also recorded.']
          : []),
        ...uncertaintyNotes(rows),
      ],
    },
    options,
    width,
    locale,
  );
}
