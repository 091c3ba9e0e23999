import type { ColumnTable } from 'arquero';
import { InvalidOptionError, show } from '../errors.js';
import { checkText, display, type DisplayOptions } from './display.js';
import { escapeTeX } from './tex.js';
import { maxOf } from '../analysis/extent.js';

/** Options of {@link toLaTeX}. */
export interface LaTeXOptions extends DisplayOptions {
  /**
   * A caption; when given, the table is wrapped in a `table`
   * environment (or captioned in its `longtable`). Default none.
   */
  caption?: string;
  /** A `\label` key for the table. Default none. */
  label?: string;
  /**
   * Widths of columns that wrap their text, by column name: a number from 0 to 1 is a share of
   * `\linewidth`, a string a TeX length (`'4cm'`, `'30mm'`, `'12em'`). Columns not named get a
   * share of what is left. Default: none; the table keeps its natural width when it fits a text
   * column of about 30 em (an article page), and otherwise spans `\linewidth` with its text columns
   * wrapped.
   */
  columnWidths?: Record<string, number | string>;
  /**
   * Whether to write a `longtable`, which breaks across pages (`\usepackage{longtable}`), instead
   * of a `tabular`. Default: `true` for a table of more than 20 rows.
   */
  longtable?: boolean;
}

/**
 * The preamble that {@link toLaTeX} needs under pdflatex
 * (xelatex and lualatex need the second line only).
 */
export const latexPreamble =
  '\\usepackage[T1]{fontenc}\\usepackage{lmodern} % pdflatex ' +
  'only\n\\usepackage{booktabs,array,longtable}\n';

/**
 * Writes a table as LaTeX with booktabs rules: figures with their qualifiers (`$\sim$850,000`,
 * `$\geq$18,000`, `69,000\textendash{}71,000`, `\textendash{}` for not reported), every special
 * and typographic character of the text escaped (see {@link latexPreamble}). A table wider than a
 * text column wraps its text columns to `\linewidth`; a long one is a `longtable`.
 *
 * @param table Any Arquero table; one in the contract's shape gets a `figure` column.
 * @param options Columns, locale, notes, caption, label, column widths and `longtable`.
 * @returns The LaTeX source.
 * @throws {UnknownIdError} If a column in `options.columns` or `options.columnWidths` is not in
 *   the table.
 * @throws {InvalidTableError} If `table` is not an Arquero table, or a figure breaks the
 *   data contract.
 * @throws {InvalidOptionError} If an option has the wrong type, or `locale`, `fractionDigits` or a
 *   width is invalid.
 * @example
 * toLaTeX(load('by-status'), { columns: ['label', 'figure'] });
 * // => '\\begin{tabular}{lr}\n\\toprule\nlabel & figure \\\\\n\\midrule\n' +
 * //    'Yugoslav partisans & 237,000 \\\\\n…'
 */
export function toLaTeX(table: ColumnTable, options: LaTeXOptions = {}): string {
  const { columns, rows, numeric } = display(table, options, 'toLaTeX');
  checkText(options.caption, 'caption', 'toLaTeX');
  checkText(options.label, 'label', 'toLaTeX');
  if (options.longtable !== undefined && typeof options.longtable !== 'boolean')
    throw new InvalidOptionError(
      `toLaTeX: option longtable is ${show(options.longtable)}; expected true or false.`,
    );
  const { spec, size, lines, hyphens } = layout(
    columns,
    rows,
    numeric,
    checkWidths(options.columnWidths, columns),
  );
  const isFigure = columns.map((c) => c === 'figure');
  const line = (cells: string[], head = false) =>
    cells
      .map((c, i) =>
        escapeTeX(c, { figure: !head && isFigure[i], hyphenate: hyphens && !numeric[i] }),
      )
      .join(' & ') + ' \\\\';
  const caption =
    options.caption !== undefined ? `\\caption{${escapeTeX(options.caption)}}` : undefined;
  const label =
    options.label !== undefined ? `\\label{${options.label.replace(/[^\w:.-]/g, '')}}` : undefined;
  const head = ['\\toprule', line(columns, true), '\\midrule'];

  // A table taller than about two thirds of a page breaks across pages.
  if (options.longtable ?? (rows.length > 20 || lines > 30)) {
    const captioned = caption || label ? [`${caption ?? ''}${label ?? ''}\\\\`] : [];
    return (
      [
        ...(size ? [`\\begingroup${size}`] : []),
        `\\begin{longtable}{${spec}}`,
        ...captioned,
        ...head,
        '\\endfirsthead',
        ...head,
        '\\endhead',
        '\\bottomrule',
        '\\endlastfoot',
        ...rows.map((r) => line(r)),
        '\\end{longtable}',
        ...(size ? ['\\endgroup'] : []),
      ].join('\n') + '\n'
    );
  }
  const tabular = [
    `\\begin{tabular}{${spec}}`,
    ...head,
    ...rows.map((r) => line(r)),
    '\\bottomrule',
    '\\end{tabular}',
  ];
  if (caption === undefined && label === undefined)
    // A table as wide as the line must not start with a paragraph indent.
    return (
      [
        ...(size ? [`\\begingroup${size}`] : []),
        ...(spec.includes('p{') ? ['\\noindent'] : []),
        ...tabular,
        ...(size ? ['\\par\\endgroup'] : []),
      ].join('\n') + '\n'
    );
  return (
    [
      '\\begin{table}',
      '\\centering',
      ...(size ? [size] : []),
      ...(caption ? [caption] : []),
      ...(label ? [label] : []),
      ...tabular,
      '\\end{table}',
    ].join('\n') + '\n'
  );
}

/** A text column about 30 em wide, less a margin: an article at 10, 11 or 12 pt is 32–34 em. */
const lineEm = 30;
/** Space between columns: 2 × `\tabcolsep` (6 pt), in em at 10 pt. */
const gapEm = 1.2;
/** TeX units in em at 10 pt. */
const ems: Record<string, number> = {
  pt: 0.1,
  bp: 0.1004,
  mm: 0.2845,
  cm: 2.845,
  in: 7.227,
  pc: 1.2,
  em: 1,
  ex: 0.43,
};

function checkWidths(
  given: LaTeXOptions['columnWidths'],
  columns: string[],
): Map<string, number | string> {
  if (given === undefined) return new Map();
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new InvalidOptionError(
      `toLaTeX: option columnWidths is ${show(given)}; ` +
        "expected an object of column names and widths, e.g. { note: '6cm', label: 0.3 }.",
    );
  const widths = new Map(Object.entries(given));
  for (const [c, w] of widths) {
    if (!columns.includes(c))
      throw new InvalidOptionError(
        `toLaTeX: option columnWidths names column '${c}', which is not shown; ` +
          `expected one of ${columns.join(', ')}.`,
      );
    const ok =
      typeof w === 'number'
        ? Number.isFinite(w) && w > 0 && w <= 1
        : typeof w === 'string' && /^(\d+(\.\d+)?|\.\d+)(pt|bp|mm|cm|in|pc|em|ex)$/.test(w);
    if (!ok)
      throw new InvalidOptionError(
        `toLaTeX: the width of column '${c}' is ${show(w)}; ` +
          "expected a share of \\linewidth from 0 to 1, or a TeX length such as '4cm' or '12em'.",
      );
  }
  return widths;
}

/**
 * How wide text is, in em of a 10 pt Latin Modern or Computer Modern roman, roughly and generously.
 */
function textEm(text: string): number {
  let w = 0;
  for (const c of text) {
    if (/[mwMW@%—]/.test(c)) w += 0.95;
    else if (/[A-Z≥~]/.test(c)) w += 0.75;
    else if (/[ijlft.,;:'!|()[\] ]/.test(c)) w += 0.33;
    else w += 0.55;
  }
  return w;
}

/**
 * Font sizes to try, largest first: the command, how wide its text is against the text size (the
 * smaller sizes of Latin Modern are drawn relatively wider), and the space between columns in em.
 */
const sizes: [string, number, number][] = [
  ['', 1, gapEm],
  ['\\small', 0.95, gapEm],
  ['\\footnotesize', 0.9, gapEm],
  ['\\footnotesize\\setlength{\\tabcolsep}{3pt}', 0.9, gapEm / 2],
];
/** The last resort: a smaller size, and long words hyphenated, even the first of a cell. */
const hyphenate: [string, number, number] = [
  '\\scriptsize\\setlength{\\tabcolsep}{1.5pt}',
  0.84,
  gapEm / 4,
];

/** How a table is laid out: its column specification, its font size, and its height in lines. */
interface Layout {
  spec: string;
  /** Whether words must be hyphenated for the table to fit. */
  hyphens: boolean;
  size: string;
  lines: number;
}

/**
 * The layout: natural `l`/`r` columns when the table fits a text column; otherwise `p` columns that
 * share `\linewidth`, each at least as wide as its longest word (numbers never wrap), in the
 * largest font size (down to `\scriptsize`) at which the longest words fit.
 */
function layout(
  columns: string[],
  rows: string[][],
  numeric: boolean[],
  given: Map<string, number | string>,
): Layout {
  const cells = (i: number) => [columns[i]!, ...rows.map((r) => r[i]!)];
  const natural = columns.map((_, i) => maxOf(cells(i).map(textEm)));
  // The widest piece of a column that cannot break: a number, a word (breaking after a hyphen),
  // a range (breaking after its dash); as a last resort also after ';', '/' and '|'. (TeX may
  // hyphenate a long word too, but not a name or a word of another language: it is not counted on.)
  const widest = (i: number, hyphens: boolean) =>
    Math.max(
      ...cells(i).flatMap((t) =>
        (numeric[i] && columns[i] !== 'figure'
          ? [t]
          : t.split(
              columns[i] === 'figure' ? / |(?<=[-–])/ : hyphens ? / |(?<=[-–;/|])/ : / |(?<=-)/,
            )
        ).map(textEm),
      ),
    );
  const least = columns.map((_, i) => widest(i, false));
  const n = columns.length;
  if (given.size === 0 && natural.reduce((a, b) => a + b, 0) + gapEm * n <= lineEm)
    return {
      spec: numeric.map((x) => (x ? 'r' : 'l')).join(''),
      size: '',
      lines: rows.length,
      hyphens: false,
    };

  // What is left of the line for the columns sized here, in em, and as a TeX expression.
  const givenEm = [...given.values()].reduce<number>(
    (sum, w) =>
      sum + (typeof w === 'number' ? w * lineEm : parseFloat(w) * ems[w.replace(/[\d.]/g, '')]!),
    0,
  );
  const auto = columns.map((c, i) => (given.has(c) ? -1 : i)).filter((i) => i >= 0);
  const sum = (f: (i: number) => number) => auto.reduce((s, i) => s + f(i), 0);
  const room = (gap: number) => Math.max(lineEm - gap * n - givenEm, 0);
  const fits = sizes.find(([, k, g]) => sum((i) => least[i]! * k) <= room(g));
  const hyphens = fits === undefined;
  const [size, scale, gap] = fits ?? hyphenate;
  if (hyphens)
    for (const i of auto) {
      least[i] = widest(i, true);
      // a long plain English word (a to z, maybe capitalized or in quotes) is one TeX can
      // hyphenate at the last resort: it asks for no more than 6.5 em
      if (!numeric[i])
        least[i] = Math.max(
          ...cells(i).flatMap((t) =>
            t
              .split(/ |(?<=[-–;/|])/)
              .map((w) => (/^\W?[A-Za-z][a-z]{11,}\W{0,3}$/.test(w) ? 6.5 : textEm(w))),
          ),
        );
    }
  const left = room(gap);
  const minSum = sum((i) => least[i]! * scale);
  const slack = sum((i) => (natural[i]! - least[i]!) * scale);
  const width = new Map(
    auto.map((i) => {
      const min = least[i]! * scale;
      const extra = (natural[i]! - least[i]!) * scale;
      return [
        i,
        left <= minSum || slack === 0
          ? min
          : min + (extra * Math.min(left - minSum, slack)) / slack,
      ];
    }),
  );
  const total = [...width.values()].reduce((a, b) => a + b, 0);
  const subtract = [...given.values()]
    .map((w) => (typeof w === 'number' ? `-${w}\\linewidth` : `-${w}`))
    .join('');
  const rest = `\\dimexpr\\linewidth-${2 * n}\\tabcolsep${subtract}\\relax`;
  // Lines of each row: its cell that wraps to the most lines (a given width counts as one line).
  const lines = rows.reduce(
    (sum, row) =>
      sum +
      Math.max(
        1,
        ...row.map((cell, i) =>
          width.has(i) ? Math.ceil((textEm(cell) * scale) / Math.max(width.get(i)!, 1)) : 1,
        ),
      ),
    0,
  );
  const spec = columns
    .map((c, i) => {
      const w = given.get(c);
      const share =
        w === undefined
          ? `${+(width.get(i)! / total).toFixed(4)}${rest}`
          : typeof w === 'number'
            ? `${w}\\linewidth`
            : w;
      const align = numeric[i] ? 'raggedleft' : 'raggedright';
      // \hspace{0pt} lets TeX hyphenate the first word of a cell too.
      const hspace = hyphens && !numeric[i] ? '\\hspace{0pt}' : '';
      return `>{\\${align}\\arraybackslash${hspace}}p{${share}}`;
    })
    .join('');
  return { spec, size, lines: lines * scale, hyphens };
}
