import type { TopLevelSpec } from 'vega-lite';
import type { ColumnTable } from 'arquero';
import type { CasualtyRow } from '../data/contract.js';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  checkOptionRules,
  checkOptions,
  listNames,
  show,
} from '../errors.js';
import { formatFigure, numberFormat } from '../exchange/figure.js';
import { footer } from './attribution.js';
import { config, type ChartOptions } from './theme.js';
import { maxOf } from '../analysis/extent.js';
import { keyWords } from './words.js';

/** A row of a contract-shaped table, with the figure written out for labels and tooltips. */
export type ChartRow = CasualtyRow & { figure: string };

const required = ['source', 'measure', 'unit', 'value', 'low', 'high', 'qualifier', 'label'];

/** The most rows a chart builder accepts (a chart of more is unreadable, and slow to build). */
export const maxChartRows = 20_000;

/** The rows of a table in the contract's shape, each with `figure`; checks the columns it needs. */
export function chartRows(
  table: ColumnTable,
  needs: readonly string[],
  locale = 'en-US',
): ChartRow[] {
  if (!table || typeof table.objects !== 'function') {
    throw new InvalidTableError(
      `Invalid table ${show(table)}: ` +
        "expected an Arquero table in the data contract's shape (load() or fromRows()).",
    );
  }
  const columns = table.columnNames();
  for (const c of [...required, ...needs]) {
    if (!columns.includes(c))
      throw new InvalidTableError(
        `The table lacks the column '${c}' that this chart needs; it has: ${listNames(columns)}.`,
      );
  }
  if (table.numRows() === 0) throw new InvalidTableError('The table has no rows to draw.');
  if (table.numRows() > maxChartRows)
    throw new InvalidTableError(
      `The table has ${table.numRows()} rows; expected at most ${maxChartRows} (the budget ` +
        'maxChartRows of a chart, checked before it is built): filter or roll the table up first.',
    );
  return (table.objects() as ChartRow[]).map((r) => ({ ...r, figure: formatFigure(r, locale) }));
}

/**
 * The rows left to draw after a builder's choices (a measure, a category column); throws the
 * package's error naming what was chosen and what the table holds, instead of drawing an
 * empty chart.
 */
export function rowsToDraw<T>(rows: T[], what: string, expected: string): T[] {
  if (rows.length === 0)
    throw new InvalidTableError(`No rows to draw for ${what}: expected ${expected}.`);
  return rows;
}

/**
 * The options object of a builder whose options are required: throws the package's error naming
 * the builder and the option it needs when none is given.
 */
export function requiredOptions<T extends object>(
  options: T | undefined,
  fn: string,
  needs: string,
): T {
  if (options === undefined || options === null)
    throw new InvalidOptionError(`${fn}: no options given; expected an object with ${needs}.`);
  return checkOptions(options, fn) as T;
}

/** Checks that `value` is one of the values of column `column`. */
export function oneOf(option: string, value: unknown, rows: ChartRow[], column: string): string {
  const present = [
    ...new Set(
      rows
        .map((r) => r[column])
        .filter((v) => v != null)
        .map(String),
    ),
  ];
  if (typeof value !== 'string' || !present.includes(value))
    throw new UnknownIdError(option, value, present);
  return value;
}

/** The measure to draw: the one given (one of the rows' measures), or the rows' only measure. */
export function measureToDraw(given: unknown, rows: ChartRow[]): string {
  const measures = new Set(rows.map((r) => r.measure));
  if (given === undefined && measures.size === 1) return [...measures][0]!;
  return oneOf('measure', given, rows, 'measure');
}

/** A title or subtitle: text, never an object, which Vega would read as an expression to
 * evaluate ({ signal: … }), nor a BigInt, which no spec can hold. */
const text = [
  { ok: (v: unknown) => typeof v === 'string', expected: 'a string' },
  {
    ok: (v: unknown) => (v as string).length <= 1000,
    expected: 'text of at most 1000 characters',
  },
];

/** What each option every chart builder takes must be. */
const chartRules = {
  title: text,
  subtitle: text,
  width: {
    ok: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 200 && v <= 2000,
    expected: 'a number of pixels from 200 to 2000',
  },
  notes: {
    ok: (v: unknown) => Array.isArray(v) && v.every((n) => typeof n === 'string'),
    expected: 'an array of strings, one footer line each',
  },
};

/**
 * Checks the options every chart builder takes (through the package's one `checkOptionRules`), and
 * returns the width and locale with their defaults.
 *
 * @example
 * checkChartOptions({ width: 50 });
 * // throws InvalidOptionError: Invalid width 50: expected a number of pixels from 200 to 2000.
 */
export function checkChartOptions(
  options: ChartOptions,
): Required<Pick<ChartOptions, 'width' | 'locale'>> {
  const { width = 560, locale = 'en-US' } = checkOptionRules(
    options,
    'chart',
    chartRules,
    (name, given, expected) => `Invalid ${name} ${shown(given)}: expected ${expected}.`,
  );
  numberFormat(locale); // throws InvalidOptionError for a locale the runtime does not know
  return { width, locale };
}

/** A value as an error message shows it; a BigInt as written in code (`10n`). */
function shown(value: unknown): string {
  return show(typeof value === 'bigint' ? `${value}n` : value);
}

/** The d3 number locale of a BCP 47 locale, for the axes. */
function numberLocale(locale: string) {
  // en-US, the default, as Intl gives it, without starting ICU for it (see numberFormat)
  const parts =
    locale === 'en-US'
      ? [
          { type: 'group', value: ',' },
          { type: 'decimal', value: '.' },
        ]
      : new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const part = (type: string, fallback: string) =>
    parts.find((p) => p.type === type)?.value ?? fallback;
  return {
    decimal: part('decimal', '.'),
    thousands: part('group', ','),
    grouping: [3],
    currency: ['', ''] as [string, string],
  };
}

/** Everything a chart says around its marks. */
export interface Frame {
  title: string;
  subtitle?: string | string[];
  description: string;
  sources: readonly string[];
  notes?: readonly string[];
}

/**
 * Puts a view into the publication frame: title and subtitle above, the footer naming the sources
 * below, the theme, the locale, and a description for screen readers.
 */
export function framed(
  view: Record<string, unknown>,
  frame: Frame,
  options: ChartOptions,
  width: number,
  locale: string,
): TopLevelSpec {
  const subtitle = options.subtitle ?? frame.subtitle;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: frame.description,
    title: {
      text: options.title ?? frame.title,
      ...(subtitle ? { subtitle } : {}),
      frame: 'bounds',
    },
    config: { ...config(), locale: { number: numberLocale(locale) } },
    vconcat: [
      {
        ...(Array.isArray(view.vconcat)
          ? { ...view, vconcat: (view.vconcat as object[]).map((v) => ({ ...v, width })) }
          : { ...view, width }),
        title: {
          text: footer(
            frame.sources,
            [...(frame.notes ?? []), ...(options?.notes ?? [])],
            // DejaVu Sans at 11 px averages about 6.6 px a character:
            // lines no wider than the chart.
            Math.max(60, Math.floor((width + 120) / 6.6)),
          ),
          orient: 'bottom',
          anchor: 'start',
          frame: 'bounds',
          fontSize: 11,
          fontWeight: 'normal',
          color: '#555',
          offset: 16,
          lineHeight: 15,
        },
      },
    ],
  } as TopLevelSpec;
}

/** Where the figure of a row is written: after its range, its arrow, its bound, or its bar. */
export function textAt(row: ChartRow, reach: number): number {
  if ((row.qualifier === 'range' || row.qualifier === 'at-most') && row.high !== null)
    return row.high;
  if (row.qualifier === 'at-least' || (row.high === null && row.low !== null))
    return (row.low ?? row.value ?? 0) + reach;
  return row.value ?? 0;
}

/** How far an "at least" arrow reaches beyond its lower bound: 4 % of the largest figure drawn. */
export function arrowReach(rows: readonly ChartRow[]): number {
  return 0.04 * Math.max(1, maxOf(rows.map((r) => r.high ?? r.low ?? r.value ?? 0)));
}

/**
 * Whether a figure is drawn as a length (bar or point): not a range, whose midpoint is computed,
 * not published, nor an "at most" figure, which gives an upper bound only (a bar to it would draw
 * the bound as if it were the value).
 */
export const drawnAsFigure = (row: ChartRow): boolean =>
  row.value !== null && row.qualifier !== 'range' && row.qualifier !== 'at-most';

/** Whether a row gives an upper bound only ("as many as", "up to"): drawn up to its bound. */
const upToBound = (r: ChartRow): boolean => r.qualifier === 'at-most' && r.high !== null;

/** Whether a row gives a lower bound only ("at least"): drawn as an arrow on from its bound. */
const onFromBound = (r: ChartRow): boolean =>
  r.value !== null &&
  r.qualifier !== 'range' &&
  r.qualifier !== 'at-most' &&
  (r.qualifier === 'at-least' || (r.high === null && r.low !== null));

/** How a builder's uncertainty marks look. */
export interface UncertaintyMarks {
  /** The length of a cap, in pixels. Default 9. */
  capSize?: number;
  /** The colour encoding of the builder's other marks. Default: dark grey. */
  color?: Record<string, unknown>;
  /** Where an "at most" line starts: 0, or the lowest value of a logarithmic axis. Default 0. */
  floor?: number;
  /** The tooltip encoding of the builder's other marks. Default none. */
  tooltip?: readonly Record<string, unknown>[];
}

/**
 * The layers that show how certain a figure is: a published range as a line between its bounds
 * with a cap at each end (no bar or dot at its midpoint, which the source does not give); an
 * "at least" figure as a dashed arrow pointing on from its lower bound; and, its mirror, an
 * "at most" figure as a dashed line from `floor` (0) up to its upper bound, capped there: the
 * figure is somewhere on the line, never drawn as a bar that ends at the bound as if it were the
 * value.
 *
 * @param marks The size of the caps, the colour and tooltip of the marks, and where an "at most"
 *   line starts (see {@link UncertaintyMarks}).
 * @example
 * // military-losses: "as many as 36,000" (Dapčević's units) → a dashed rule from 0 to 36,000
 * // and a tick at 36,000; no bar.
 * uncertaintyLayers(rows, { y }, x, arrowReach(rows)).map((l) => l.mark.type);
 */
export function uncertaintyLayers(
  rows: readonly ChartRow[],
  position: Record<string, unknown>,
  x: Record<string, unknown>,
  reach: number,
  marks: UncertaintyMarks = {},
): Record<string, unknown>[] {
  const { capSize = 9, color, floor = 0, tooltip } = marks;
  const colour = { ...(color ? { color } : {}), ...(tooltip ? { tooltip } : {}) };
  const ranges = rows.filter((r) => r.qualifier === 'range' && r.low !== null && r.high !== null);
  const open = rows
    .filter(onFromBound)
    .map((r) => ({ ...r, from: r.low ?? r.value, to: (r.low ?? r.value!) + reach }));
  const bounded = rows.filter(upToBound).map((r) => ({ ...r, from: floor, to: r.high }));
  const cap = { type: 'tick', orient: 'vertical', thickness: 2, size: capSize, color: '#222' };
  const layers: Record<string, unknown>[] = [];
  if (ranges.length) {
    layers.push(
      {
        data: { values: ranges },
        mark: { type: 'rule', strokeWidth: 2, color: '#222' },
        encoding: { ...position, x: { field: 'low', ...x }, x2: { field: 'high' }, ...colour },
      },
      {
        data: {
          values: ranges.flatMap((r) => [
            { ...r, bound: r.low },
            { ...r, bound: r.high },
          ]),
        },
        mark: cap,
        encoding: { ...position, x: { field: 'bound', ...x }, ...colour },
      },
    );
  }
  if (open.length) {
    layers.push(
      {
        data: { values: open },
        mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [3, 2], color: '#222' },
        encoding: { ...position, x: { field: 'from', ...x }, x2: { field: 'to' }, ...colour },
      },
      {
        data: { values: open },
        mark: {
          type: 'point',
          shape: 'triangle-right',
          filled: true,
          size: 36,
          color: '#222',
          opacity: 1,
        },
        encoding: { ...position, x: { field: 'to', ...x }, ...colour },
      },
    );
  }
  if (bounded.length) {
    layers.push(
      {
        data: { values: bounded },
        mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [3, 2], color: '#222' },
        encoding: { ...position, x: { field: 'from', ...x }, x2: { field: 'to' }, ...colour },
      },
      {
        data: { values: bounded },
        mark: cap,
        encoding: { ...position, x: { field: 'to', ...x }, ...colour },
      },
    );
  }
  return layers;
}

/** The footer's words for the uncertainty marks present in `rows`. */
export function uncertaintyNotes(rows: readonly ChartRow[]): string[] {
  const has = (q: string) => rows.some((r) => r.qualifier === q);
  return [
    ...(has('range')
      ? [
          'A line with end caps: a published range (no mark at its midpoint, which no source ' +
            'gives).',
        ]
      : []),
    ...(has('at-least')
      ? ['A dashed arrow, ≥: "at least" (over, N+); the source sets no upper bound.']
      : []),
    ...(has('at-most')
      ? [
          'A dashed line up to a bar, ≤: "as many as" (up to); the source gives this upper ' +
            'bound only, no lower one.',
        ]
      : []),
    ...(has('approximate') ? ['~: approximate ("about", "around").'] : []),
    ...(has('derived') ? ['*: computed here, not published.'] : []),
  ];
}

/**
 * The one unit of the rows a chart draws on one axis; throws the package's error naming the
 * units and how to filter the table when the rows mix them (persons and per cent on one axis
 * would set a share beside a count).
 */
export function oneUnit(rows: readonly ChartRow[], fn: string): string {
  const units = [...new Set(rows.map((r) => r.unit))];
  if (units.length > 1)
    throw new InvalidTableError(
      `${fn}: the rows mix units (${units.join(', ')}), which one axis cannot show; expected ` +
        `rows of one unit: filter the table first, e.g. table.filter((d) => d.unit === ` +
        `'${units[0]}').`,
    );
  return units[0] ?? 'persons';
}

/** A unit as an axis title writes it. */
export function unitWords(unit: string): string {
  return unit === 'percent' ? 'per cent' : unit;
}

/**
 * The name of a row's category: the source's own words (`label`) where they name it, else the
 * key in words; never the figure ("245,549 killed" names a figure, not the Partisans).
 */
export function categoryName(row: ChartRow, by: string): string {
  const key = row[by];
  const label = typeof row.label === 'string' ? row.label : '';
  if (label && !/\d/.test(label) && label.length <= 40) return label;
  return key == null ? 'not stated' : keyWords(String(key));
}

/** Words in a row's note that change how its figure reads (what it is not, or does not say). */
const readingChanges = /\bnot (a count|part of|all|included|stated|the same)\b|\bremains\b/i;

/**
 * The footer lines for the notes that change how a drawn figure reads (the Belgrade memorial's
 * "≥3,500" counts remains, "not a count of all losses"): `figure (who): note`, each note once.
 */
export function caveatNotes(rows: readonly ChartRow[], name: (row: ChartRow) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    const note = typeof r.note === 'string' ? r.note : '';
    if (r.value === null || !readingChanges.test(note) || seen.has(note)) continue;
    seen.add(note);
    out.push(`${r.figure} (${name(r)}): ${note}.`);
  }
  return out;
}
