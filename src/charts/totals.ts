import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { kindWords, sourceNames } from './attribution.js';
import { chartRows, checkOptions, framed } from './frame.js';
import { palette, shapes, type ChartOptions } from './theme.js';
import { maxOf, minOf } from '../analysis/extent.js';

const months = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

/** "1945-08" → "Aug. 1945"; "1946" stays. */
function dateWords(date: string | null): string | null {
  if (!date) return null;
  const [year, month] = date.split('-');
  return month ? `${months[Number(month) - 1]} ${year}` : year!;
}

const measureWords: Record<string, string> = {
  'demographic-loss': 'demographic loss',
  casualties: 'casualties',
  killed: 'killed',
  deaths: 'deaths',
};

/**
 * The headline totals as a dot plot: one row per figure, a point at its value, a line over the
 * interval a range allows, the figure written beside it with its
 * qualifier, and colour and shape by the kind of source (named list, demographic estimate,
 * official claim, historian's estimate…). A figure that is not counted deaths (the demographic
 * loss of the 1.7 million, the unspecified "casualties") says so in its row label.
 *
 * @param table `load('total-estimates')`, or a table in the same shape (needs `kind`).
 * @param options Width, title, subtitle, locale (see {@link ChartOptions}).
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs, or has no rows.
 * @throws {InvalidOptionError} If an option is invalid.
 * @example
 * totalsChart(load('total-estimates')).vconcat[0].layer.map((l) => l.mark.type); // => ['rule', 'point', 'text']
 */
export function totalsChart(table: ColumnTable, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkOptions(options);
  const rows = chartRows(table, ['kind'], locale);
  const names = new Map(sourceNames(rows.map((r) => r.source)).map((s) => [s.id, s]));
  const kinds = [...new Set(rows.map((r) => r.kind as string))];
  const data = rows
    .filter((r) => r.value !== null)
    .map((r) => {
      const who = names.get(r.source)!;
      const date =
        dateWords(r.date as string | null) ??
        (who.name !== who.short ? who.name.slice(who.short.length + 2, -1) : '');
      const what = r.measure === 'deaths' ? '' : ` — ${measureWords[r.measure] ?? r.measure}`;
      return {
        ...r,
        row: `${who.short}${date ? `, ${date}` : ''}${what}`,
        textAt: r.high ?? r.value,
        kind: r.kind as string,
        kindName: kindWords[r.kind as string] ?? (r.kind as string),
      };
    })
    .sort(
      (a, b) =>
        kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (b.value as number) - (a.value as number),
    );
  const order = data.map((d) => d.row);
  const color = {
    field: 'kindName',
    type: 'nominal',
    title: 'Kind of figure',
    scale: { domain: kinds.map((k) => kindWords[k] ?? k), range: palette.slice(0, kinds.length) },
  };
  const y = { field: 'row', type: 'nominal', sort: order, title: null };
  const x = {
    type: 'quantitative',
    title: 'persons',
    axis: { format: ',d', tickCount: 6 },
    scale: { zero: true },
  };
  return framed(
    {
      data: { values: data },
      height: { step: 24 },
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y, x: { field: 'low', ...x }, x2: { field: 'high' }, color },
        },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            y,
            x: { field: 'value', ...x },
            color,
            shape: {
              field: 'kindName',
              type: 'nominal',
              scale: {
                domain: kinds.map((k) => kindWords[k] ?? k),
                range: shapes.slice(0, kinds.length),
              },
              title: 'Kind of figure',
            },
            tooltip: [
              { field: 'row', title: 'figure' },
              { field: 'figure', title: 'value' },
              { field: 'kindName', title: 'kind' },
              { field: 'label', title: 'the source says' },
              { field: 'note' },
            ],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 9, fontSize: 10.5 },
          encoding: { y, x: { field: 'textAt', ...x }, text: { field: 'figure' } },
        },
      ],
    },
    {
      title: 'Headline totals of the war dead of Yugoslavia, 1941–1945',
      subtitle: 'Each published total, by kind of figure; not all of them count the same thing',
      description: `Dot plot of ${data.length} published totals, from ${minOf(data.map((d) => d.value!)).toLocaleString('en-US')} to ${maxOf(data.map((d) => d.value!)).toLocaleString('en-US')}, coloured by kind of figure: ${kinds.map((k) => kindWords[k] ?? k).join(', ')}. Figures marked "demographic loss" include the births deficit and emigration and are not counts of deaths.`,
      sources: rows.map((r) => r.source),
      notes: [
        'A named list counts registered victims only; demographic estimates calculate real deaths; "demographic loss" also counts the births deficit and emigration.',
        'Lines show the range a source gives (point at its midpoint); ~ approximate, ≥ at least.',
      ],
    },
    options,
    width,
    locale,
  );
}
