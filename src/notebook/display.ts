import { isTable } from '../data/contract.js';
import type { ColumnTable } from 'arquero';
import { textTable } from '../exchange/text.js';
import { escapeHTML as escape, toHTML } from '../exchange/html.js';
import { cite } from '../exchange/cite.js';
import { sources } from '../data/load.js';
import type { DatasetDescription } from '../data/describe.js';
import { InvalidOptionError, checkOptionRules, show } from '../errors.js';
import { display as cells, type DisplayOptions } from '../exchange/display.js';
import {
  chartBundle,
  displayable,
  isVegaLiteSpec,
  type Displayable,
  type MimeBundle,
  type VegaLiteSpec,
} from './bundle.js';

export { jupyterDisplay } from './bundle.js';
export type { Displayable, MimeBundle, VegaLiteSpec } from './bundle.js';

/** Options of {@link display} for a table. */
export interface NotebookDisplayOptions extends DisplayOptions {
  /** A caption above the table, e.g. `describe('by-status').title`. Default: none. */
  caption?: string;
  /**
   * Whether to cite, under the table, the sources its `source` column names (each source of the
   * registry, with {@link cite}). Default `true`; a table without a `source` column cites nothing.
   */
  sources?: boolean;
  /** Most rows to show; the rest are counted in a note. Default `100`. */
  limit?: number;
}

/**
 * Wraps a table or a Vega-Lite chart so that it shows itself in a Jupyter notebook (the Deno
 * kernel, `deno jupyter`): the last value of a cell is displayed through its
 * `[Symbol.for('Jupyter.display')]()` method.
 *
 * - A table becomes `text/html` (an HTML table: each figure written with its qualifier and
 *   interval in a `figure` column, `–` where not reported, an optional caption, the sources
 *   cited under it) and `text/plain` (the same table aligned as text).
 * - `describe()`'s result becomes its title, description, caveats and columns, as HTML and
 *   text (without a terminal's colour codes).
 * - A record of numbers and words (e.g. `chapman()`'s estimate) becomes a two-column table.
 * - A Vega-Lite spec becomes `application/vnd.vegalite.v5+json` (the spec with its `$schema`
 *   set to v5, the newest version Jupyter front ends render; the package's specs are written for
 *   Vega-Lite 6, whose grammar v5 renderers read) and `text/plain` (the chart's title and
 *   description). For an `image/svg+xml` fallback rendered with vega, use `displayWithSVG`
 *   (Node only).
 *
 * The bundle is made at the call, so a bad column fails there, and the wrapper keeps it: what
 * shows is the table as it was when displayed.
 *
 * @param value An Arquero table (e.g. `load('by-status')`) or a Vega-Lite spec object.
 * @param options For a table: caption, sources, row limit and the options of `toMarkdown`
 *   (columns, locale, notes, fractionDigits; see {@link NotebookDisplayOptions}). Ignored for a
 *   chart.
 * @returns An object with `[Symbol.for('Jupyter.display')]()` and `toString()`.
 * @throws {InvalidOptionError} If `value` is neither a table nor a Vega-Lite spec (the message
 *   shows what was given), or an option has the wrong type.
 * @throws {UnknownIdError} If a column in `options.columns` is not in the table.
 * @example
 * // In a cell of a Deno notebook, as its last expression:
 * display(load('by-status'), { caption: describe('by-status').title });
 * // In a script:
 * display(load('by-nationality').filter((d) => d.nationality === 'roma'), {
 *   columns: ['source', 'figure'],
 *   sources: false,
 * })[Symbol.for('Jupyter.display')]();
 * // => { 'text/html': '<table class="ww2yc">…<td class="number not-reported" title="…">–</td>…' +
 * //        '<td class="number">27,000</td>…',
 * //      'text/plain': 'source    figure\n────────  ──────\nyu-1964        –\n' +
 * //        'kocovic   27,000\nzerjavic  18,000\n\n– not reported.\n' }
 * display({ mark: 'bar', title: 'Deaths', data: { values: [] } })[Symbol.for('Jupyter.display')]();
 * // => { 'application/vnd.vegalite.v5+json':
 * //        { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', mark: 'bar', … },
 * //      'text/plain': 'Vega-Lite chart: Deaths' }
 */
export function display(
  value: ColumnTable | VegaLiteSpec | DatasetDescription | Record<string, Cell>,
  options: NotebookDisplayOptions = {},
): Displayable {
  if (isTable(value)) {
    checkOptionRules(options, 'display', tableOptions);
    return displayable(tableBundle(value, options));
  }
  if (isVegaLiteSpec(value)) return displayable(chartBundle(value));
  if (isDescription(value)) return displayable(descriptionBundle(value));
  if (isRecord(value)) return displayable(recordBundle(value));
  throw new InvalidOptionError(
    `display: the value is ${brief(value)}; expected an Arquero table (e.g. load('by-status')), ` +
      'a Vega-Lite spec (a plain object with a mark, layer, concat, facet or repeat), ' +
      "describe()'s result, or a record of numbers and words (e.g. chapman()'s estimate).",
  );
}

/** A value of a record {@link display} shows as a row of a two-column table. */
export type Cell = string | number | boolean | null;

function isRecord(value: unknown): value is Record<string, Cell> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  const values = Object.values(value);
  return (
    (proto === Object.prototype || proto === null) &&
    values.length > 0 &&
    values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  );
}

function recordBundle(record: Record<string, Cell>): MimeBundle {
  const entries = Object.entries(record);
  const write = (v: Cell) =>
    typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(v);
  const width = Math.max(...entries.map(([k]) => k.length));
  return {
    'text/html':
      '<table class="ww2yc"><tbody>' +
      entries
        .map(([k, v]) => {
          const number = typeof v === 'number' ? ' class="number"' : '';
          return `<tr><th scope="row">${escape(k)}</th><td${number}>${escape(write(v))}</td></tr>`;
        })
        .join('') +
      '</tbody></table>',
    'text/plain': entries.map(([k, v]) => `${k.padEnd(width)}  ${write(v)}\n`).join(''),
  };
}

function isDescription(value: unknown): value is DatasetDescription {
  const d = value as DatasetDescription | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.title === 'string' &&
    typeof d.description === 'string' &&
    Array.isArray(d.fields) &&
    Array.isArray(d.caveats) &&
    Array.isArray(d.primaryKey)
  );
}

function descriptionBundle(d: DatasetDescription): MimeBundle {
  const list = (items: string[]) =>
    `<ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
  const html = [
    `<p><b>${escape(d.title)}</b> (${escape(d.path)}, ${d.rows} rows; ` +
      `key: ${escape(d.primaryKey.join(', '))})</p>`,
    `<p>${escape(d.description)}</p>`,
    `<p>Caveats:</p>${list(d.caveats)}`,
    '<table class="ww2yc"><thead><tr><th>column</th><th>type</th><th>what it holds</th></tr>' +
      '</thead><tbody>' +
      d.fields
        .map(
          (f) =>
            `<tr><td>${escape(f.name)}</td><td>${escape(f.type)}</td>` +
            `<td>${escape(f.description)}</td></tr>`,
        )
        .join('') +
      '</tbody></table>',
  ].join('');
  const text = [
    `${d.title} (${d.path}, ${d.rows} rows; key: ${d.primaryKey.join(', ')})`,
    '',
    d.description,
    '',
    'Caveats:',
    ...d.caveats.map((c) => `- ${c}`),
    '',
    'Columns:',
    ...d.fields.map((f) => `  ${f.name} (${f.type}): ${f.description}`),
    '',
  ].join('\n');
  return { 'text/html': html, 'text/plain': text };
}

/** Whether a value is an Arquero table: the data contract's one test (data/contract.ts). */
export { isTable };

/** What each option of a table's display takes (the options of `toHTML` are checked there). */
const tableOptions = {
  caption: { ok: (v: unknown) => typeof v === 'string', expected: 'a string' },
  sources: { ok: (v: unknown) => typeof v === 'boolean', expected: 'true or false' },
  limit: {
    ok: (v: unknown) => Number.isInteger(v) && (v as number) >= 0,
    expected: 'a whole number of rows, 0 or more',
  },
} as const;

function tableBundle(table: ColumnTable, options: NotebookDisplayOptions): MimeBundle {
  const { caption, sources: cited = true, limit = 100 } = options;
  const shown = table.numRows() > limit ? table.slice(0, limit) : table;
  const rest = table.numRows() - shown.numRows();
  const displayOptions = { fractionDigits: 3, ...options };

  const figures = cells(shown, displayOptions);
  const legend = legendOf(
    figures.rows.flatMap((r) => r.filter((_, i) => figures.columns[i] === 'figure')),
  );
  const notes = [
    rest > 0 ? `${rest} more rows not shown (${table.numRows()} in all).` : '',
    legend,
  ].filter(Boolean);
  const citations = cited ? citationsOf(table) : [];
  const html = [
    toHTML(shown, { ...displayOptions, ...(caption ? { caption } : {}) }),
    ...notes.map((n) => `<p><small>${escape(n)}</small></p>`),
    citations.length
      ? '<p><small>Sources:</small></p><ul>' +
        citations
          .map(([id, text]) => `<li><small><b>${escape(id)}</b>: ${escape(text)}</small></li>`)
          .join('') +
        '</ul>'
      : '',
  ].join('');

  const text = [
    caption ? `${caption}\n\n` : '',
    textTable(shown, displayOptions),
    notes.length || citations.length ? '\n' : '',
    ...notes.map((n) => `${n}\n`),
    citations.length ? `Sources:\n${citations.map(([id, t]) => `  ${id}: ${t}\n`).join('')}` : '',
  ].join('');
  return { 'text/html': html, 'text/plain': text };
}

const symbols: [RegExp, string][] = [
  [/^–$/, '– not reported'],
  [/^~/, '~ approximate'],
  [/^≥/, '≥ at least'],
  [/\d–\d/, 'a–b a range'],
  [/\*$/, '* computed by the package'],
];

/** A line that explains the marks the figures use, or '' if they use none. */
function legendOf(figures: string[]): string {
  const used = symbols
    .filter(([pattern]) => figures.some((f) => pattern.test(f)))
    .map(([, words]) => words);
  return used.length ? `${used.join('; ')}.` : '';
}

/**
 * The registry's citation of each source the table's `source` column names, in order of appearance.
 */
function citationsOf(table: ColumnTable): [string, string][] {
  if (!table.columnNames().includes('source')) return [];
  const registry = new Set(sources().array('id') as string[]);
  const ids = [...new Set(table.array('source') as unknown[])].filter(
    (id): id is string => typeof id === 'string' && registry.has(id),
  );
  return ids.map((id) => [id, cite(id)]);
}

/** What was given, shown briefly for an error message. */
function brief(value: unknown): string {
  const text = show(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
