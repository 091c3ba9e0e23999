import type { ColumnTable } from 'arquero';
import { display, type DisplayOptions } from './display.js';

/**
 * Writes a table as a Markdown (GitHub) table for a paper or a README: each figure with its
 * qualifier and interval (`~850,000`, `≥18,000`, `69,000–71,000`, `–` for not reported), numbers
 * aligned right. Text is written as text: every character that Markdown reads as inline syntax
 * (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `&`, `~`, `|`) is escaped with a backslash, so that
 * a label can neither format, link, nor pass raw HTML, nor split a cell.
 *
 * @param table Any Arquero table; one in the contract's shape gets a `figure` column.
 * @param options Columns, locale and notes (see {@link DisplayOptions}).
 * @returns The Markdown text, ending with a newline.
 * @throws {UnknownIdError} If a column in `options.columns` is not in the table.
 * @throws {InvalidTableError} If `table` is not an Arquero table, or a figure breaks the
 *   data contract.
 * @throws {InvalidOptionError} If an option has the wrong type, or `locale` or `fractionDigits`
 *   is invalid.
 * @example
 * toMarkdown(load('by-status'), { columns: ['source', 'label', 'figure'] });
 * // => '| source | label | figure |\n| --- | --- | ---: |\n' +
 * //    '| zerjavic | Yugoslav partisans | 237,000 |\n…'
 */
export function toMarkdown(table: ColumnTable, options: DisplayOptions = {}): string {
  const { columns, rows, numeric } = display(table, options, 'toMarkdown');
  // Line breaks (\n, \r\n, or a lone \r, which Markdown also reads as one) and tabs become one
  // space; other control characters are dropped.
  const escape = (s: string) =>
    s
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/\p{Cc}/gu, '')
      .replace(/[\\`*_[\]<>&~|]/g, '\\$&');
  const line = (cells: string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return (
    [
      line(columns),
      `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
      ...rows.map(line),
    ].join('\n') + '\n'
  );
}
