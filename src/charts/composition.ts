import type { ColumnTable } from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, InvalidTableError, show } from '../errors.js';
import { sourceNames } from './attribution.js';
import {
  arrowReach,
  caveatNotes,
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
  type ChartRow,
} from './frame.js';
import { kindsSubtitle, measureBy } from './compare.js';
import { contractColumns } from '../data/contract.js';
import {
  ancestors,
  sumProblem,
  sumProblemText,
  wholes,
  type Whole,
} from '../analysis/structure.js';
import { coloursOf, type ChartOptions } from './theme.js';
import { keyWords, legendTitle, periodWords, placeWords } from './words.js';
import { maxOf } from '../analysis/extent.js';
import { words } from '../analysis/options.js';
import { drawnOnce } from './restated.js';

/** Options of {@link compositionChart}. */
export interface CompositionChartOptions extends ChartOptions {
  /**
   * The column whose values make the bars, e.g. `'nationality'` or `'source'`. Default `'source'`.
   */
  by?: string;
  /**
   * The column whose values make the parts of a bar, e.g. `'status'`, `'perpetrator'`, `'cause'`,
   * or `'label'` for the source's own words, where a figure is defined by several dimensions at
   * once. Required.
   */
  color: string;
  /**
   * The measure to draw, where the table holds several (e.g. `'share'` in slovenia-2005).
   * Default: the only one.
   */
  measure?: string;
  /** `'zero'` stacks the figures; `'normalize'` shows each bar as 100 %. Default `'zero'`. */
  stack?: 'zero' | 'normalize';
}

/** A figure to draw, with its bar and part in words and where a stack ends it. */
type Named = ChartRow & {
  /** The bar's name, in words. */
  bar: string;
  /** The part's name, in words. */
  part: string;
  /** Where a stack draws it: an "at least" figure at its lower bound, any other at its value. */
  drawnAt: number;
};

/** A figure with its whole: `part_of:<id>` of the stated total it is a part of, or `alone:<n>`. */
type Part = Named & { whole: string };

/** What both views of the chart share. */
interface Composition {
  fn: string;
  by: string;
  part: string;
  measure: string;
  unit: string;
  stack: 'zero' | 'normalize';
  parts: string[];
  bars: string[];
  data: Part[];
  colours: string[];
  title: string;
  subtitle?: string;
  whatParts: string;
  notes: string[];
  sources: string[];
  width: number;
  locale: string;
}

/** The columns that are not dimensions: they never make a bar, a part, or tell two apart. */
const notDimensions = new Set<string>([
  ...contractColumns,
  'kind',
  'id',
  'part_of',
  'subset_of',
  'restates',
  'precision',
  'date',
]);

/**
 * What a whole is made of, as stacked (or normalized) bars: one bar per whole, one part per value
 * of `color`. Only parts of one whole are stacked: rows whose `part_of` names the same stated
 * total make a bar, and a row that names none stands alone; a table that records no `part_of` is
 * refused. A figure given again (`restates`) is drawn once, and the footer says where else it was
 * given. Parts the source gives as a range or as "at most" (an upper bound only) have no length
 * to stack: then each part is drawn on its own line, a range as a line with end caps and an "at
 * most" figure as a dashed line up to its bound; so is one whole of more than four parts, which a
 * legend alone would key. "At least" parts are stacked at their lower bound, and the footer says
 * so. A part with no key (the source does not say) is "not stated". Figures not reported are left
 * out and counted in the footer, never drawn as 0. Title and footer name the sources the rows
 * hold, from the source registry.
 *
 * @param table A table in the contract's shape, e.g. `load('ndh-civilians-by-perpetrator')`.
 * @param options `color` (the parts), `by` (the bars), `measure`, `stack`, and the common options.
 * @returns A Vega-Lite spec.
 * @throws {InvalidTableError} If the table lacks a column the chart needs (`part_of` among them),
 *   its rows mix units, or no figure is left to draw.
 * @throws {InvalidOptionError} If an option is invalid.
 * @example
 * compositionChart(load('ndh-civilians-by-perpetrator'), {
 *   by: 'nationality',
 *   color: 'perpetrator',
 * });
 */
export function compositionChart(
  table: ColumnTable,
  options: CompositionChartOptions,
): TopLevelSpec {
  const c = composition(table, options);
  // A range or an upper bound has no length to stack; and one whole of many parts keyed only by a
  // legend is hard to read (and its stack's end a total the source may not state).
  const many = c.bars.length === 1 && c.parts.length > 4;
  const unstackable = c.data.some((d) => d.qualifier === 'range' || d.qualifier === 'at-most');
  return many || unstackable ? lines(c, many, options) : stacked(c, options);
}

/** Checks the options, keeps the rows to draw, and names wholes and parts. */
function composition(table: ColumnTable, options: CompositionChartOptions): Composition {
  const fn = 'compositionChart';
  const o = requiredOptions(
    options,
    fn,
    "color, the column whose values make the parts, e.g. { color: 'status' }",
  );
  const { width, locale } = checkChartOptions(o);
  const { by = 'source', color: part, stack = 'zero' } = o;
  if (typeof part !== 'string')
    throw new InvalidOptionError(
      `${fn}: invalid option color ${show(part)}; ` +
        "expected the name of a dimension column, e.g. 'status'.",
    );
  if (typeof by !== 'string')
    throw new InvalidOptionError(
      `${fn}: invalid option by ${show(by)}; ` +
        "expected the name of a column, e.g. 'source' or 'nationality'.",
    );
  if (stack !== 'zero' && stack !== 'normalize')
    throw new InvalidOptionError(
      `${fn}: invalid option stack ${show(stack)}; expected 'zero' or 'normalize'.`,
    );
  const all = chartRows(table, [by, part], locale);
  // Only parts of one whole are stacked: a table that records no part_of says nothing of which
  // figures make up which whole, and is refused rather than stacked by guess.
  if (!table.columnNames().includes('part_of'))
    throw new InvalidTableError(
      `${fn}: the table has no column part_of, so nothing says which rows are parts ` +
        'of one whole; expected rows whose part_of names the stated total they are parts of ' +
        '(see the README, "How figures relate"), or compareChart to set the figures side by side.',
    );
  const measure = measureToDraw(o.measure, all);
  const given = rowsToDraw(
    all.filter((r) => r.measure === measure),
    `${fn} (measure '${measure}')`,
    'rows of that measure',
  );
  const unit = oneUnit(given, fn);
  // A figure given again (restates) is one part, drawn once.
  const { rows, again } = drawnOnce(given);
  const drawn = rowsToDraw(
    rows.filter((r) => r.value !== null),
    `${fn} (measure '${measure}')`,
    'at least one row with a figure (value)',
  );
  // The other dimensions: where two figures of one bar and part, or two bars of one name, differ.
  const dimensions = table
    .columnNames()
    .filter((col) => !notDimensions.has(col) && col !== by && col !== part);
  const names = new Map(sourceNames(given.map((r) => r.source)).map((s) => [s.id, s]));
  const data = wholesOf(named(drawn, by, part, dimensions, names), dimensions, wholes());
  const bars = [...new Set(data.map((d) => d.bar))];
  const parts = partOrder(data, bars.length);
  const whatParts = part === 'label' ? 'category' : keyWords(part);
  const held = [...new Set(rows.map((r) => names.get(r.source)!.name))];
  const kinds = [...new Set(rows.map((r) => names.get(r.source)!.kind))];
  const notReported = rows.length - drawn.length;
  return {
    fn,
    by,
    part,
    measure,
    unit,
    stack,
    parts,
    bars,
    data,
    colours: coloursOf(parts, {}),
    title:
      measureBy(measure, whatParts) +
      (by === 'source' ? '' : `, by ${by === 'label' ? 'category' : keyWords(by)}`) +
      `: ${words(held, 'and')}`,
    ...(kinds.length > 1 ? { subtitle: kindsSubtitle(kinds) } : {}),
    whatParts,
    notes: [
      ...[...again.entries()].map(
        ([r, others]) =>
          `${r.figure} (${names.get(r.source)!.name}) is drawn once; ` +
          `${words([...new Set(others.map((a) => names.get(a.source)!.name))], 'and')} gives ` +
          'the same figure, which is not a second part.',
      ),
      ...caveatNotes(drawn, (r) => names.get(r.source)!.name),
      ...(notReported
        ? [
            `${notReported} ${notReported === 1 ? 'figure' : 'figures'} not reported by the ` +
              `source ${notReported === 1 ? 'is' : 'are'} left out (not zero).`,
          ]
        : []),
      ...(parts.some((p) => p.startsWith('not stated'))
        ? ['"not stated": the source does not give this dimension for the figure.']
        : []),
      ...(data.some((d) => d.whole.startsWith('alone:'))
        ? ['A figure that is not part of a stated total stands alone, never stacked onto another.']
        : []),
    ],
    sources: given.map((r) => r.source),
    width,
    locale,
  };
}

/**
 * Each row with its bar and part in words. A part with no key is "not stated" (where those rows
 * all lie in a region the others do not, it says which); two figures of one bar with the same
 * part (Partisans in the NDH and abroad) say how they differ.
 */
function named(
  drawn: ChartRow[],
  by: string,
  part: string,
  dimensions: string[],
  names: Map<string, { name: string }>,
): Named[] {
  const unstated = drawn.filter((r) => r[part] == null);
  const regions = [...new Set(unstated.map((r) => r.region))];
  const only = regions.length === 1 ? regions[0] : null;
  const where =
    only != null && !drawn.some((r) => r[part] != null && r.region === only)
      ? ` (${keyWords(String(only))})`
      : '';
  const data: Named[] = drawn.map((r) => ({
    ...r,
    bar:
      by === 'source'
        ? names.get(r.source)!.name
        : r[by] == null
          ? 'not stated'
          : keyWords(String(r[by])),
    part:
      part === 'label'
        ? r.label
        : r[part] == null
          ? `not stated${where}`
          : keyWords(String(r[part])),
    drawnAt: (r.qualifier === 'at-least' ? r.low : r.value) as number,
  }));
  return data.map((d) => {
    const twins = data.filter((e) => e.bar === d.bar && e.part === d.part);
    if (twins.length < 2) return d;
    const differ = dimensions.filter((col) => new Set(twins.map((e) => cell(e, col))).size > 1);
    return differ.length
      ? { ...d, part: `${d.part} (${differ.map((col) => cellWords(d, col)).join(', ')})` }
      : d;
  });
}

/**
 * Each figure with its whole: the stated total its `part_of` names, or that total's own whole
 * where that is drawn too (Serbs' civilian deaths, within all Serb deaths in the NDH, stack in
 * that bar); a row of no `part_of` alone. Two wholes of one name say how they differ (Croats in
 * the NDH and abroad).
 */
function wholesOf(data: Named[], dimensions: string[], known: ReadonlyMap<string, Whole>): Part[] {
  const direct = new Set(
    data
      .map((d) => d.part_of)
      .filter((p) => p != null)
      .map(String),
  );
  // the highest whole above a row's own that is drawn too, else its own
  const drawnWhole = (id: string) =>
    [...ancestors(id, known)].reverse().find((w) => direct.has(w)) ?? id;
  const keyed: Part[] = data.map((d, i) => ({
    ...d,
    whole: d.part_of == null ? `alone:${i}` : `part_of:${drawnWhole(d.part_of)}`,
  }));
  const barName = new Map<string, string>();
  for (const w of new Set(keyed.map((d) => d.whole))) {
    const of = keyed.filter((d) => d.whole === w);
    const first = of[0]!;
    const others = keyed.filter((d) => d.bar === first.bar && d.whole !== w);
    const differ = dimensions.filter(
      (col) =>
        others.length > 0 &&
        new Set(of.map((d) => cell(d, col))).size === 1 &&
        others.some((d) => cell(d, col) !== cell(first, col)),
    );
    barName.set(
      w,
      differ.length
        ? `${first.bar}, ${differ.map((col) => cellWords(first, col)).join(', ')}`
        : first.bar,
    );
  }
  // Two wholes that no dimension tells apart still get a bar each, never one stacked onto the
  // other: a figure that stands alone says so, with its part.
  const taken = new Set<string>();
  for (const [w, name] of barName) {
    const alone = w.startsWith('alone:');
    const clash = [...barName].some(([v, other]) => v !== w && other === name);
    let unique =
      clash && alone ? `${name}, alone: ${keyed.find((d) => d.whole === w)!.part}` : name;
    for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
    taken.add(unique);
    barName.set(w, unique);
  }
  return keyed.map((d) => ({ ...d, bar: barName.get(d.whole)! }));
}

/** A row's value in a column. */
function cell(row: ChartRow, column: string): ChartRow[string] {
  return row[column];
}

/** A row's value in a dimension column, in words. */
function cellWords(row: ChartRow, column: string): string {
  const v = cell(row, column);
  if (v == null) return `${column} not stated`;
  const fixed: Readonly<Record<string, string>> =
    column === 'period' ? periodWords : column === 'region' ? placeWords : {};
  return fixed[String(v)] ?? keyWords(String(v));
}

/**
 * Parts in one order for every bar: those that every bar has (civilians) after those only some
 * have, so that a part shared by all stands in the same place in each bar.
 */
function partOrder(data: Part[], bars: number): string[] {
  const barsWith = (p: string) => new Set(data.filter((d) => d.part === p).map((d) => d.bar)).size;
  const firstSeen = [...new Set(data.map((d) => d.part))];
  return [...firstSeen].sort(
    (a, b) =>
      Number(barsWith(a) === bars) - Number(barsWith(b) === bars) ||
      firstSeen.indexOf(a) - firstSeen.indexOf(b),
  );
}

/** The tooltip of every mark. */
function tooltipOf(c: Composition) {
  return [
    { field: 'bar', title: c.by },
    { field: 'part', title: c.part },
    { field: 'figure' },
    { field: 'label', title: 'the source says' },
    { field: 'note' },
  ];
}

/** The axis title: the measure and its unit. */
function axisTitle(c: Composition): string {
  return c.unit === 'percent' ? 'per cent' : `${keyWords(c.measure)} (${unitWords(c.unit)})`;
}

/**
 * Each part on its own line, one panel per whole, nothing added: a range as a line with end caps,
 * an "at most" figure as a dashed line up to its bound, an "at least" one as an arrow.
 */
function lines(c: Composition, many: boolean, options: ChartOptions): TopLevelSpec {
  const reach = arrowReach(c.data);
  const values = c.data.map((d) => ({ ...d, textAt: textAt(d, reach) }));
  const max = maxOf(values.map((d) => d.high ?? d.textAt));
  const x = {
    type: 'quantitative',
    title: axisTitle(c),
    axis: { format: ',d' },
    scale: { domain: [0, niceCeiling(max * 1.2, c.unit === 'percent')], nice: false },
  };
  // The axis names each part: no legend to look up.
  const color = many
    ? { value: c.colours[0]! }
    : {
        field: 'part',
        type: 'nominal',
        title: c.part === 'label' ? null : legendTitle(c.part),
        sort: c.parts,
        legend: null,
        scale: { domain: c.parts, range: c.colours },
      };
  const tooltip = tooltipOf(c);
  const y = {
    field: 'part',
    type: 'nominal',
    sort: c.parts,
    title: null,
    axis: { minExtent: 150 },
  };
  const panel = (bar: string, i: number) => {
    const of = values.filter((d) => d.bar === bar);
    const xi =
      i === c.bars.length - 1
        ? x
        : { ...x, axis: { labels: false, ticks: false, domain: false, title: null } };
    return {
      title: { text: bar, anchor: 'start', fontSize: 12, fontWeight: 'bold', offset: 4 },
      data: { values: of },
      height: { step: 20 },
      layer: [
        {
          data: { values: of.filter(drawnAsFigure) },
          mark: 'bar',
          encoding: { y, x: { field: 'value', ...xi }, color, tooltip },
        },
        ...uncertaintyLayers(of, { y }, xi, reach, { capSize: 10, color, tooltip }),
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222' },
          encoding: { y, x: { field: 'textAt', ...xi }, text: { field: 'figure' } },
        },
      ],
    };
  };
  const why = c.data.some((d) => d.qualifier === 'range')
    ? 'Some parts are given as ranges, which have no single length to stack: each part on its ' +
      'own line'
    : c.data.some((d) => d.qualifier === 'at-most')
      ? 'Some parts are given as upper bounds ("as many as"), which have no length to stack: ' +
        'each part on its own line'
      : `The ${c.parts.length} parts of one whole, each on its own line; they are not added here`;
  return framed(
    {
      vconcat: c.bars.map(panel),
      spacing: 10,
      resolve: { scale: { x: 'shared', y: 'independent', color: 'shared' } },
    },
    {
      title: c.title,
      subtitle: c.subtitle ? [why, c.subtitle] : why,
      description:
        `Chart of ${keyWords(c.measure)} by ${c.whatParts}, one panel per ${c.by}: ` +
        `${values.map((d) => `${d.bar}, ${d.part}: ${d.figure}`).join('; ')}.`,
      sources: c.sources,
      notes: [...uncertaintyNotes(values), ...c.notes],
    },
    options,
    c.width,
    c.locale,
  );
}

/** The parts of each whole stacked into one bar, each labelled where it fits. */
function stacked(c: Composition, options: ChartOptions): TopLevelSpec {
  const { data, parts, stack, colours, width } = c;
  // Only parts of one whole are added, by the analysis's rule: never a row and its subset.
  const known = wholes();
  for (const bar of c.bars) {
    const problem = sumProblem(
      data.filter((d) => d.bar === bar),
      known,
    );
    if (problem)
      throw new InvalidTableError(
        `${c.fn}: the bar '${bar}' would stack ${sumProblemText(problem)}; only parts of one ` +
          'whole are stacked: filter one of them out first, e.g. table.filter((d) => d.id !== ' +
          `'${problem.kind === 'subset' ? String(problem.row.id) : String(problem.rows[0]!.id)}').`,
      );
  }
  const single = c.bars.length === 1;
  // Where there is one bar, the legend gives each part's figure;
  // otherwise each part is labelled in its bar where it fits.
  const partName = (d: Part) => (single ? `${d.part}: ${d.figure}` : d.part);
  const domain = single ? parts.map((p) => partName(data.find((d) => d.part === p)!)) : parts;
  const totals = new Map(
    c.bars.map((b) => [b, data.filter((d) => d.bar === b).reduce((sum, d) => sum + d.drawnAt, 0)]),
  );
  const top =
    stack === 'normalize'
      ? 1
      : niceCeiling(maxOf(Array.from(totals.values())), c.unit === 'percent');
  const values = data.map((d) => {
    const before = data
      .filter((e) => e.bar === d.bar && parts.indexOf(e.part) < parts.indexOf(d.part))
      .reduce((sum, e) => sum + e.drawnAt, 0);
    const scale = stack === 'normalize' ? totals.get(d.bar)! : 1;
    const text =
      stack === 'normalize' ? `${d.figure} (${Math.round((d.drawnAt / scale) * 100)}%)` : d.figure;
    const room = (d.drawnAt / scale / top) * width;
    const fill = colours[parts.indexOf(d.part)]!;
    return {
      ...d,
      partName: partName(d),
      order: parts.indexOf(d.part),
      mid: (before + d.drawnAt / 2) / scale,
      text,
      fits: !single && room >= text.length * 11 * 0.64 + 8,
      ink: contrast(fill, '#ffffff') >= 4.5 ? '#ffffff' : '#111111',
    };
  });
  const unlabelled = values.filter((d) => !single && !d.fits);
  const notes = [
    ...(data.some((d) => d.qualifier === 'at-least')
      ? ['≥: "at least"; such a part is drawn at its lower bound and may be larger.']
      : []),
    ...(data.some((d) => d.qualifier === 'approximate') ? ['~: approximate.'] : []),
    ...c.notes,
    ...(unlabelled.length
      ? [
          'Parts too narrow to label: ' +
            `${unlabelled.map((d) => `${d.bar}, ${d.part}: ${d.text}`).join('; ')}.`,
        ]
      : []),
  ];
  const x = {
    type: 'quantitative',
    title: stack === 'normalize' ? 'share of the bar' : axisTitle(c),
    axis: { format: stack === 'normalize' ? '.0%' : ',d' },
    scale: { domain: [0, top], nice: false },
  };
  const y = { field: 'bar', type: 'nominal', title: null, sort: c.bars };
  return framed(
    {
      data: { values },
      height: { step: single ? 44 : 40 },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y,
            x: { field: 'drawnAt', stack, ...x },
            color: {
              field: single ? 'partName' : 'part',
              type: 'nominal',
              title: c.part === 'label' ? null : legendTitle(c.part),
              sort: domain,
              legend:
                parts.length > 1
                  ? { columns: single || c.part === 'label' ? 1 : 3, symbolType: 'square' }
                  : null,
              scale: { domain, range: colours },
            },
            order: { field: 'order', sort: 'ascending' },
            tooltip: tooltipOf(c),
          },
        },
        {
          transform: [{ filter: 'datum.fits' }],
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            y,
            x: { field: 'mid', ...x },
            text: { field: 'text' },
            color: { field: 'ink', type: 'nominal', scale: null },
          },
        },
      ],
    },
    {
      title: c.title,
      ...(c.subtitle ? { subtitle: c.subtitle } : {}),
      description:
        `Stacked bar chart of ${keyWords(c.measure)} (${data.length} figures) split by ` +
        `${c.whatParts}, one bar per whole: ` +
        `${values.map((d) => `${d.bar}, ${d.part}: ${d.text}`).join('; ')}.` +
        (notes.length ? ` ${notes.join(' ')}` : ''),
      sources: c.sources,
      notes,
    },
    options,
    width,
    c.locale,
  );
}

/** The contrast ratio of two colours (WCAG 2.1). */
function contrast(a: string, b: string): number {
  const l = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [l(a), l(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** A round upper end for the axis, at or above `max`: 100 for shares in per cent. */
function niceCeiling(max: number, percent: boolean): number {
  if (percent && max <= 100) return 100;
  const step = 10 ** Math.floor(Math.log10(max)) / 2;
  return Math.ceil(max / step) * step;
}
