import type { ColumnTable } from 'arquero';
import { InvalidOptionError, show } from '../errors.js';
import { checkText, display, type DisplayOptions } from './display.js';

/** Options of {@link toHTML}. */
export interface HTMLOptions extends DisplayOptions {
  /** A caption above the table. Default none. */
  caption?: string;
  /** A class for the `<table>` element. Default `'ww2yc'`. */
  className?: string;
}

/**
 * Writes a table as an HTML `<table>`: each figure with its qualifier and interval (`~850,000`,
 * `≥18,000`, `69,000–71,000`), a figure the source does not report as `–` with the class
 * `not-reported` and a tooltip saying so, numbers in cells of class `number`, every text escaped.
 *
 * @param table Any Arquero table; one in the contract's shape gets a `figure` column.
 * @param options Columns, locale, notes, caption and class name.
 * @returns The HTML text of one `<table>` element.
 * @throws {UnknownIdError} If a column in `options.columns` is not in the table.
 * @throws {InvalidTableError} If `table` is not an Arquero table, or a figure breaks the
 *   data contract.
 * @throws {InvalidOptionError} If an option has the wrong type, or `locale` or `fractionDigits`
 *   is invalid.
 * @example
 * toHTML(load('by-status').slice(0, 1), { columns: ['label', 'figure'] });
 * // => '<table class="ww2yc">\n' +
 * //    '<thead><tr><th>label</th><th class="number">figure</th></tr></thead>\n<tbody>\n' +
 * //    '<tr><td>Yugoslav partisans</td><td class="number">237,000</td></tr>\n' +
 * //    '</tbody>\n</table>\n'
 */
export function toHTML(table: ColumnTable, options: HTMLOptions = {}): string {
  const { columns, rows, numeric } = display(table, options, 'toHTML');
  const { caption, className = 'ww2yc' } = options;
  checkText(caption, 'caption', 'toHTML');
  checkText(className, 'className', 'toHTML');
  const cls = (i: number, text = '') =>
    [numeric[i] ? 'number' : '', columns[i] === 'figure' && text === '–' ? 'not-reported' : '']
      .filter(Boolean)
      .join(' ');
  const attrs = (i: number, text = '') => {
    const c = cls(i, text);
    const title = c.includes('not-reported')
      ? ' title="not reported by the source (a dash), not zero"'
      : '';
    return (c ? ` class="${c}"` : '') + title;
  };
  return (
    [
      `<table class="${escapeHTML(className)}">`,
      ...(caption !== undefined ? [`<caption>${escapeHTML(caption)}</caption>`] : []),
      '<thead><tr>' +
        columns.map((c, i) => `<th${attrs(i)}>${escapeHTML(c)}</th>`).join('') +
        '</tr></thead>',
      '<tbody>',
      ...rows.map(
        (row) =>
          '<tr>' +
          row.map((text, i) => `<td${attrs(i, text)}>${escapeHTML(text)}</td>`).join('') +
          '</tr>',
      ),
      '</tbody>',
      '</table>',
    ].join('\n') + '\n'
  );
}

/** Escapes text for HTML content and attribute values. */
export function escapeHTML(text: string): string {
  if (typeof text !== 'string')
    throw new InvalidOptionError(`escapeHTML: expected a string; got ${show(text)}.`);
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
