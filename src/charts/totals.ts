import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { kindMeaning, kindWords, sourceNames } from './attribution.js';
import {
  arrowReach,
  chartRows,
  rowsToDraw,
  type ChartRow,
  checkChartOptions,
  drawnAsFigure,
  framed,
  oneUnit,
  textAt,
  unitWords,
  uncertaintyLayers,
  uncertaintyNotes,
} from './frame.js';
import { coloursOf, kindColours, shapes, type ChartOptions } from './theme.js';
import { maxOf } from '../analysis/extent.js';
import { drawnOnce } from './restated.js';
import { capitalized, dateWords } from './words.js';

const measureWords: Record<string, string> = {
  'demographic-loss': 'demographic loss',
  casualties: 'casualties',
  killed: 'killed',
  deaths: 'deaths',
};

/**
 * The measures that count or estimate deaths;
 * every other measure of the table is not a death count.
 */
const deathMeasures = new Set(['deaths', 'killed']);

/**
 * The headline totals as a dot plot in two panels: counted or estimated deaths above, and below,
 * apart, the figures that are not counts of deaths (the official claims of demographic loss, which
 * include the births deficit and emigration, and the unspecified "casualties"). One row per figure,
 * a point at its value, a published range as a line with end caps (no point at a midpoint no source
 * gives), the figure written beside it with its qualifier, and colour and shape by the kind of
 * source. A figure that the table records as mentioned again (`restates`) is drawn once, its row
 * saying how often and when it was mentioned.
 *
 * @param table `load('total-estimates')`, or a table in the same shape (needs `kind`).
 * @param options Width, title, subtitle, locale, notes (see {@link ChartOptions}).
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs, or has no figure
 *   to draw.
 * @throws {InvalidOptionError} If an option is invalid.
 * @example
 * totalsChart(load('total-estimates')).vconcat[0].vconcat.map((p) => p.title.text);
 * // => ['Deaths, counted or estimated',
 * //     'Not counts of deaths: demographic loss and casualties']
 */
export function totalsChart(table: ColumnTable, options: ChartOptions = {}): TopLevelSpec {
  const { width, locale } = checkChartOptions(options);
  const all = chartRows(table, ['kind'], locale);
  const rows = rowsToDraw(
    all.filter((r) => r.value !== null),
    'totalsChart',
    'at least one row with a figure (value)',
  );
  const unit = oneUnit(rows, 'totalsChart');
  const names = new Map(sourceNames(rows.map((r) => r.source)).map((s) => [s.id, s]));
  const kinds = [...new Set(rows.map((r) => r.kind as string))];
  const reach = arrowReach(rows);
  const when = (r: ChartRow) => {
    const who = names.get(r.source)!;
    return (
      (r.date ? dateWords(String(r.date), { short: true }) : undefined) ??
      (who.name !== who.short ? who.name.slice(who.short.length + 2, -1) : '')
    );
  };
  // A row that restates another is not drawn again:
  // the row it restates says how often it was given.
  const once = drawnOnce(rows);
  const data = once.rows
    .map((r) => {
      const who = names.get(r.source)!;
      const mentions = [r, ...(once.again.get(r) ?? [])];
      const dates = mentions.map((m) => when(m) || 'undated');
      const date = mentions.length > 1 ? `${mentions.length} mentions` : when(r);
      const what = deathMeasures.has(r.measure)
        ? r.measure === 'killed'
          ? ' — killed'
          : ''
        : ` — ${measureWords[r.measure] ?? r.measure}`;
      return {
        ...r,
        row: `${who.short}${date ? `, ${date}` : ''}${what}`,
        mentions: mentions.length,
        dates: dates.join(', '),
        textAt: textAt(r, reach),
        kind: r.kind as string,
        kindName: kindWords[r.kind as string] ?? (r.kind as string),
        panel: deathMeasures.has(r.measure) ? 'deaths' : 'other',
      };
    })
    .sort(
      (a, b) =>
        kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (b.value as number) - (a.value as number),
    );
  const kindNames = kinds.map((k) => kindWords[k] ?? k);
  const color = {
    field: 'kindName',
    type: 'nominal',
    title: 'Kind of source',
    ...(kinds.length > 1 ? {} : { legend: null }),
    scale: { domain: kindNames, range: coloursOf(kinds, kindColours) },
  };
  const shape = {
    field: 'kindName',
    type: 'nominal',
    title: 'Kind of source',
    ...(kinds.length > 1 ? {} : { legend: null }),
    scale: { domain: kindNames, range: shapes.slice(0, kinds.length) },
  };
  const max = maxOf(data.map((d) => d.high ?? d.textAt ?? d.value!));
  const x = {
    type: 'quantitative',
    title: unitWords(unit),
    axis: { format: ',d', tickCount: 6 },
    // Room on the right for the figures written beside the largest points.
    scale: { zero: true, domain: [0, niceTop(max * 1.18)], nice: false },
  };
  const panelTitles = {
    deaths: 'Deaths, counted or estimated',
    other: `Not counts of deaths: ${[
      ...new Set(
        data.filter((d) => d.panel === 'other').map((d) => measureWords[d.measure] ?? d.measure),
      ),
    ].join(' and ')}`,
  };
  const tooltip = [
    { field: 'row', title: 'figure' },
    { field: 'figure', title: 'value' },
    { field: 'kindName', title: 'kind' },
    { field: 'label', title: 'the source says' },
    { field: 'note' },
  ];
  const panel = (key: 'deaths' | 'other') => {
    const values = data.filter((d) => d.panel === key);
    const y = { field: 'row', type: 'nominal', sort: values.map((d) => d.row), title: null };
    return {
      title: {
        text: panelTitles[key],
        anchor: 'start',
        fontSize: 12,
        fontWeight: 'bold',
        offset: 6,
      },
      data: { values },
      height: { step: 24 },
      layer: [
        ...uncertaintyLayers(values, { y }, x, reach, { capSize: 10, color, tooltip }),
        {
          data: { values: values.filter(drawnAsFigure) },
          mark: { type: 'point', filled: true, size: 80, opacity: 1 },
          encoding: {
            y,
            x: { field: 'value', ...x },
            color,
            shape,
            tooltip,
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 9 },
          encoding: { y, x: { field: 'textAt', ...x }, text: { field: 'figure' } },
        },
      ],
    };
  };
  const panels = (['deaths', 'other'] as const).filter((k) => data.some((d) => d.panel === k));
  const repeated = data.filter((d) => d.mentions > 1);
  return framed(
    {
      vconcat: panels.map(panel),
      spacing: 18,
      resolve: { scale: { x: 'shared', y: 'independent' } },
    },
    {
      title:
        panels.length === 2
          ? 'Published totals: deaths, and figures that are not counts of deaths'
          : panels[0] === 'deaths'
            ? 'Published totals of deaths'
            : 'Published figures that are not counts of deaths',
      subtitle: totalsSubtitle(panels, kinds),
      description:
        `Dot plot of ${data.length} published totals in two panels. ` +
        `Deaths, counted or estimated: ${data
          .filter((d) => d.panel === 'deaths')
          .map((d) => `${d.row}: ${d.figure} (${d.kindName})`)
          .join('; ')}. Not counts of deaths: ${
          data
            .filter((d) => d.panel === 'other')
            .map((d) => `${d.row}: ${d.figure} (${d.kindName})`)
            .join('; ') || 'none'
        }.`,
      sources: rows.map((r) => r.source),
      notes: [
        ...kindNotes(
          kinds,
          data.map((d) => d.measure),
        ),
        ...repeated.map(
          (d) =>
            `${d.figure} (${names.get(d.source)!.short}) is drawn once: ` +
            `the table records it as mentioned ${d.mentions} times (${d.dates}).`,
        ),
        ...uncertaintyNotes(data),
      ],
    },
    options,
    width,
    locale,
  );
}

/** The subtitle: what each panel holds, in the words of the kinds the rows hold. */
function totalsSubtitle(panels: readonly string[], kinds: readonly string[]): string {
  const counted = kinds.includes('named-list');
  const estimated = kinds.some((k) => k !== 'named-list');
  const how = [counted ? 'counted (named list)' : '', estimated ? 'estimated' : '']
    .filter(Boolean)
    .join(' or ');
  if (panels.length === 2)
    return `Above: deaths, ${how}; below, apart: figures that are not counts of deaths`;
  return panels[0] === 'deaths'
    ? `Deaths, ${how}, as each source gives them`
    : 'Figures that are not counts of deaths, as each source gives them';
}

/** The footer's words for the kinds of source and the measures the rows hold. */
function kindNotes(kinds: readonly string[], measures: readonly string[]): string[] {
  const said = [
    kinds.includes('named-list') ? kindMeaning['named-list'] : '',
    kinds.includes('demographic-estimate') ? kindMeaning['demographic-estimate'] : '',
    measures.includes('demographic-loss')
      ? '"demographic loss" also counts the births deficit and emigration'
      : '',
  ].filter(Boolean);
  if (!said.length) return [];
  return [`${capitalized(said.join('; '))}.`];
}

/** A round axis end at or above `x`: 1, 2 or 5 times a power of ten, or halfway between them. */
function niceTop(x: number): number {
  const step = 10 ** Math.floor(Math.log10(x)) / 4;
  return Math.ceil(x / step) * step;
}
