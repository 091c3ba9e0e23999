import type { ColumnTable } from 'arquero';
import { checkText, display, type DisplayOptions } from './display.js';

/** Options of {@link toLaTeX}. */
export interface LaTeXOptions extends DisplayOptions {
  /** A caption; when given, the tabular is wrapped in a `table` environment. Default none. */
  caption?: string;
  /** A `\label` key for the table environment. Default none. */
  label?: string;
}

/**
 * Writes a table as a LaTeX `tabular` with booktabs rules (`\usepackage{booktabs}`), figures
 * with their qualifiers (`$\sim$850,000`, `$\geq$18,000`, `69,000--71,000`, `--` for not
 * reported), text escaped for LaTeX.
 *
 * @param table Any Arquero table; one in the contract's shape gets a `figure` column.
 * @param options Columns, locale, notes, caption and label.
 * @returns The LaTeX source.
 * @throws {UnknownIdError} If a column in `options.columns` is not in the table.
 * @throws {InvalidTableError} If `table` is not an Arquero table, or a figure breaks the data contract.
 * @throws {InvalidOptionError} If an option has the wrong type, or `locale` or `fractionDigits` is invalid.
 * @example
 * toLaTeX(load('by-status'), { columns: ['label', 'figure'] });
 * // => '\\begin{tabular}{lr}\n\\toprule\nlabel & figure \\\\\n\\midrule\nYugoslav partisans & 237,000 \\\\\n…'
 */
export function toLaTeX(table: ColumnTable, options: LaTeXOptions = {}): string {
  const { columns, rows, numeric } = display(table, options, 'toLaTeX');
  checkText(options.caption, 'caption', 'toLaTeX');
  checkText(options.label, 'label', 'toLaTeX');
  const line = (cells: string[]) => `${cells.map(escapeLaTeX).join(' & ')} \\\\`;
  const tabular = [
    `\\begin{tabular}{${numeric.map((n) => (n ? 'r' : 'l')).join('')}}`,
    '\\toprule',
    line(columns),
    '\\midrule',
    ...rows.map(line),
    '\\bottomrule',
    '\\end{tabular}',
  ];
  if (options.caption === undefined && options.label === undefined)
    return tabular.join('\n') + '\n';
  return (
    [
      '\\begin{table}',
      '\\centering',
      ...(options.caption !== undefined ? [`\\caption{${escapeLaTeX(options.caption)}}`] : []),
      ...(options.label !== undefined
        ? [`\\label{${options.label.replace(/[^\w:.-]/g, '')}}`]
        : []),
      ...tabular,
      '\\end{table}',
    ].join('\n') + '\n'
  );
}

const replacements: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '$\\sim$',
  '^': '\\textasciicircum{}',
  '≥': '$\\geq$',
  '–': '--',
};

function escapeLaTeX(text: string): string {
  // A line break becomes a space: a blank line inside a tabular cell is an error in LaTeX.
  return text.replace(/[\\&%$#_{}~^≥–]/g, (c) => replacements[c]!).replace(/[\r\n]+/g, ' ');
}
