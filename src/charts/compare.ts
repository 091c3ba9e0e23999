import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, show } from '../errors.js';
import { capitalized, keyWords } from './words.js';
import { kindMeaning, kindWords, sourceNames } from './attribution.js';
import {
  arrowReach,
  caveatNotes,
  categoryName,
  chartRows,
  checkChartOptions,
  drawnAsFigure,
  framed,
  measureToDraw,
  oneUnit,
  requiredOptions,
  rowsToDraw,
  textAt,
  uncertaintyLayers,
  uncertaintyNotes,
  unitWords,
} from './frame.js';
import { drawnOnce } from './restated.js';
import { coloursOf, missingGrey, shapes, sourceColours, type ChartOptions } from './theme.js';
import { maxOf } from '../analysis/extent.js';

/** Options of the charts that set sources side by side over one dimension. */
export interface CompareChartOptions extends ChartOptions {
  /** The dimension column the categories come from, e.g. `'nationality'`. Required. */
  by: string;
  /** The measure to draw, where the table holds several. Default: the only one. */
  measure?: string;
}

/** The rows of one measure, with each source's display name and each category's label. */
export function bySource(table: ColumnTable, options: CompareChartOptions, fn: string) {
  const o = requiredOptions(options, fn, "by, the dimension column, e.g. { by: 'nationality' }");
  const { width, locale } = checkChartOptions(o);
  if (typeof o.by !== 'string')
    throw new InvalidOptionError(
      `${fn}: invalid option by ${show(o.by)}; ` +
        "expected the name of a dimension column, e.g. 'nationality'.",
    );
  const all = chartRows(table, [o.by], locale);
  const measure = measureToDraw(o.measure, all);
  const given = rowsToDraw(
    all.filter((r) => r.measure === measure && r[o.by] != null),
    `${fn} (measure '${measure}', by '${o.by}')`,
    `rows of that measure with a value in the column '${o.by}'`,
  );
  const unit = oneUnit(given, fn);
  // A figure given again (restates) is drawn once and never counted as a second source.
  const { rows, again } = drawnOnce(given);
  const ids = [...new Set(rows.map((r) => r.source))];
  const names = sourceNames(ids);
  const mixed = new Set(names.map((n) => n.kind)).size > 1;
  const legend = new Map(
    names.map((n) => [n.id, mixed ? `${n.name}, ${kindWords[n.kind] ?? n.kind}` : n.name]),
  );
  // A category is named as the first source words it (never by its figure);
  // categories in order of their largest figure.
  const label = new Map<string, string>();
  for (const r of rows)
    if (!label.has(String(r[o.by]))) label.set(String(r[o.by]), categoryName(r, o.by));
  const allNames = new Map(sourceNames(given.map((r) => r.source)).map((n) => [n.id, n.name]));
  // Figures of one category that cover different areas, periods or people: said, not hidden.
  const apart = ['region', 'period', 'status'].filter((d) => d !== o.by);
  const differing = [...label.entries()].flatMap(([key, name]) => {
    const of = rows.filter((r) => String(r[o.by]) === key && r.value !== null);
    return apart
      .filter((d) => new Set(of.map((r) => r[d] ?? null)).size > 1)
      .map(
        (d) =>
          `${name}: the figures cover different ${dimensionWords[d]} (` +
          of
            .map(
              (r) =>
                `${allNames.get(r.source)}: ` +
                (r[d] == null ? 'not stated' : keyWords(String(r[d]))),
            )
            .join('; ') +
          ').',
      );
  });
  const restated = [...again.entries()].map(
    ([r, others]) =>
      `${label.get(String(r[o.by]))}: ${r.figure} (${allNames.get(r.source)}) is drawn once; ` +
      `${[...new Set(others.map((a) => allNames.get(a.source)))].join(', ')} gives the same ` +
      'figure, which is not a second source.',
  );
  const top = (key: string) =>
    Math.max(0, ...rows.filter((r) => String(r[o.by]) === key).map((r) => r.value ?? 0));
  const order = [...label.keys()].sort((a, b) => top(b) - top(a)).map((k) => label.get(k)!);
  const data = rows.map((r) => ({
    ...r,
    category: label.get(String(r[o.by]))!,
    sourceName: legend.get(r.source)!,
  }));
  const colours = coloursOf(ids, sourceColours);
  const single = ids.length === 1 ? { legend: null } : {};
  const color = {
    field: 'sourceName',
    type: 'nominal',
    title: 'Source',
    legend: { columns: 1 },
    ...single,
    scale: { domain: ids.map((id) => legend.get(id)!), range: colours },
  };
  const shape = {
    field: 'sourceName',
    type: 'nominal',
    title: 'Source',
    legend: { columns: 1 },
    ...single,
    scale: { domain: ids.map((id) => legend.get(id)!), range: shapes.slice(0, ids.length) },
  };
  const who = names.map((n) => n.name);
  return {
    width,
    locale,
    by: o.by,
    rows: data,
    ids,
    names: who.length === 1 ? who[0]! : `${who.slice(0, -1).join(', ')} and ${who.at(-1)}`,
    order,
    color,
    shape,
    measure,
    unit,
    mixed,
    kinds: [...new Set(names.map((n) => n.kind))],
    restated: [
      ...restated,
      ...differing,
      ...caveatNotes(rows, (r) => `${label.get(String(r[o.by]))}, ${allNames.get(r.source)}`),
    ],
    sources: given.map((r) => r.source),
  };
}

export const tooltip = [
  { field: 'category', title: 'category' },
  { field: 'sourceName', title: 'source' },
  { field: 'figure', title: 'figure' },
  { field: 'note' },
];

/** A dimension as a note names it. */
const dimensionWords: Record<string, string> = {
  region: 'areas',
  period: 'periods',
  status: 'groups of people',
};

/** "The sources are of different kinds: …", naming only the kinds the rows hold. */
export function kindsSubtitle(kinds: readonly string[]): string {
  const said = kinds.map((k) => kindMeaning[k] ?? kindWords[k] ?? k);
  return `The sources are of different kinds: ${said.join('; ')}`;
}

/** "Deaths by nationality" from a measure and a dimension. */
export function measureBy(measure: string, by: string): string {
  return `${capitalized(keyWords(measure))} by ${by}`;
}

/**
 * Sources side by side by category, as grouped bars: one bar per source and category, each figure
 * written at its bar, a published range as a line with end caps (never a bar to its midpoint), an
 * "at least" figure as an arrow, and "not reported" written where a source gives no figure (a
 * dash), never a bar of zero. Each source has its own fixed colour; where the sources are of
 * different kinds, the legend says which kind each is.
 *
 * @param table A table in the contract's shape, e.g. `load('by-nationality')`.
 * @param options `by` (the dimension), `measure`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs, or no row is left
 *   to draw.
 * @throws {InvalidOptionError} If options or `by` are missing, or an option is invalid.
 * @throws {UnknownIdError} If `measure` is not in the table.
 * @example
 * compareChart(load('by-nationality'), { by: 'nationality' })
 *   .vconcat[0].layer.map((l) => l.mark.type ?? l.mark);
 * // => ['bar', 'text', 'text']
 * // (bars, figures, "not reported"; a range adds a rule and caps, "at least" an arrow)
 */
export function compareChart(table: ColumnTable, options: CompareChartOptions): TopLevelSpec {
  const c = bySource(table, options, 'compareChart');
  const reach = arrowReach(c.rows);
  const reported = c.rows
    .filter((r) => r.value !== null)
    .map((r) => ({ ...r, textAt: textAt(r, reach) }));
  const missing = c.rows.filter((r) => r.value === null);
  const y = { field: 'category', type: 'nominal', sort: c.order, title: null };
  const yOffset = {
    field: 'sourceName',
    type: 'nominal',
    sort: c.ids.map((id) => c.rows.find((r) => r.source === id)!.sourceName),
  };
  const max = maxOf(reported.map((r) => r.high ?? r.textAt));
  const x = {
    type: 'quantitative',
    title: `${keyWords(c.measure)} (${unitWords(c.unit)})`,
    axis: { format: c.unit === 'percent' ? ',.0f' : ',d' },
    // Room on the right for the figure written at the longest bar.
    scale: { domain: [0, max * 1.16], nice: false },
  };
  const position = c.ids.length > 1 ? { y, yOffset } : { y };
  return framed(
    {
      height: { step: c.ids.length > 1 ? 14 : 22 },
      layer: [
        {
          data: { values: reported.filter(drawnAsFigure) },
          mark: 'bar',
          encoding: { ...position, x: { field: 'value', ...x }, color: c.color, tooltip },
        },
        ...uncertaintyLayers(reported, position, x, reach, { tooltip }),
        {
          data: { values: reported },
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 11, color: '#222' },
          encoding: { ...position, x: { field: 'textAt', ...x }, text: { field: 'figure' } },
        },
        ...(missing.length
          ? [
              {
                data: { values: missing },
                mark: {
                  type: 'text',
                  align: 'left',
                  dx: 3,
                  fontSize: 11,
                  fontStyle: 'italic',
                  color: missingGrey,
                },
                encoding: {
                  ...position,
                  x: { datum: 0, ...x },
                  text: { value: 'not reported' },
                  tooltip,
                },
              },
            ]
          : []),
      ],
    },
    {
      title: `${measureBy(c.measure, c.by)}: ${c.names}`,
      ...(c.mixed ? { subtitle: kindsSubtitle(c.kinds) } : {}),
      description: `Bar chart of ${keyWords(c.measure)} by ${c.by}, ${c.names}: ${c.order
        .map(
          (k) =>
            `${k}: ${c.rows
              .filter((r) => r.category === k)
              .map(
                (r) =>
                  (r.figure === '–' ? 'not reported' : r.figure) +
                  (c.ids.length > 1 ? ` (${r.sourceName})` : ''),
              )
              .join(', ')}`,
        )
        .join('; ')}.`,
      sources: c.sources,
      notes: [
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
