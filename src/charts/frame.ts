import type { TopLevelSpec } from 'vega-lite';
import type { ColumnTable } from 'arquero';
import type { CasualtyRow } from '../analysis/shared.js';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  checkOptions as checkObject,
  listNames,
  show,
} from '../errors.js';
import { formatFigure, numberFormat } from '../exchange/figure.js';
import { footer } from './attribution.js';
import { config, type ChartOptions } from './theme.js';

/** A row of a contract-shaped table, with the figure written out for labels and tooltips. */
export type ChartRow = CasualtyRow & { figure: string };

const required = ['source', 'measure', 'unit', 'value', 'low', 'high', 'qualifier', 'label'];

/** The rows of a table in the contract's shape, each with `figure`; checks the columns it needs. */
export function chartRows(
  table: ColumnTable,
  needs: readonly string[],
  locale = 'en-US',
): ChartRow[] {
  if (!table || typeof table.objects !== 'function') {
    throw new InvalidTableError(
      `Invalid table ${show(table)}: expected an Arquero table in the data contract's shape (load() or fromRows()).`,
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
  return (table.objects() as ChartRow[]).map((r) => ({ ...r, figure: formatFigure(r, locale) }));
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

/** Checks the shared options. */
export function checkOptions(
  options: ChartOptions,
): Required<Pick<ChartOptions, 'width' | 'locale'>> {
  const { width = 560, locale = 'en-US' } = checkObject(options, 'chart');
  if (typeof width !== 'number' || !Number.isFinite(width) || width < 200 || width > 2000) {
    throw new InvalidOptionError(
      `Invalid width ${show(width)}: expected a number of pixels from 200 to 2000.`,
    );
  }
  numberFormat(locale); // throws InvalidOptionError for a locale the runtime does not know
  checkText('title', options.title, false);
  checkText('subtitle', options.subtitle, true);
  return { width, locale };
}

/**
 * Checks a title or subtitle: text (or, for a subtitle, a list of lines), never an object, which
 * Vega would read as an expression to evaluate ({ signal: … }), nor a BigInt, which no spec can hold.
 */
function checkText(option: string, value: unknown, lines: boolean): void {
  if (value === undefined) return;
  const ok = (v: unknown) => typeof v === 'string' && v.length <= 1000;
  if (ok(value) || (lines && Array.isArray(value) && value.length <= 20 && value.every(ok))) return;
  throw new InvalidOptionError(
    `Invalid ${option} ${show(typeof value === 'bigint' ? `${value}n` : value)}: expected text of at most 1000 characters${lines ? ', or a list of up to 20 such lines' : ''}.`,
  );
}

/** The d3 number locale of a BCP 47 locale, for the axes. */
function numberLocale(locale: string) {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
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
    title: { text: options.title ?? frame.title, ...(subtitle ? { subtitle } : {}) },
    config: { ...config(), locale: { number: numberLocale(locale) } },
    vconcat: [
      {
        ...(Array.isArray(view.vconcat)
          ? { ...view, vconcat: (view.vconcat as object[]).map((v) => ({ ...v, width })) }
          : { ...view, width }),
        title: {
          text: footer(frame.sources, frame.notes),
          orient: 'bottom',
          anchor: 'start',
          fontSize: 9.5,
          fontWeight: 'normal',
          color: '#555',
          offset: 16,
          lineHeight: 13,
        },
      },
    ],
  } as TopLevelSpec;
}
