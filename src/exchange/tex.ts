/**
 * Text for LaTeX: every character that LaTeX reads as markup escaped, every typographic character
 * written as the LaTeX command that prints it. The result compiles under pdflatex with
 * `\usepackage[T1]{fontenc}` (which, with LaTeX's default UTF-8 input, prints the letters of
 * Latin-1 and Latin Extended-A such as č, ć, ž, š, đ as they are), and under xelatex and lualatex
 * unchanged. Letters of other scripts (Cyrillic, Greek…) pass through: they need xelatex or
 * lualatex with a font that has them.
 */
const commands: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': '\\textquotedbl{}',
  '`': '\\textasciigrave{}',
  // Braced so that a cell starting with them is not read as an option of the `\\` before it.
  '[': '{[}',
  ']': '{]}',
  '*': '{*}',
  '–': '\\textendash{}',
  '—': '\\textemdash{}',
  '‘': '\\textquoteleft{}',
  '’': '\\textquoteright{}',
  '“': '\\textquotedblleft{}',
  '”': '\\textquotedblright{}',
  '„': '\\quotedblbase{}',
  '‚': '\\quotesinglbase{}',
  '«': '\\guillemotleft{}',
  '»': '\\guillemotright{}',
  '‹': '\\guilsinglleft{}',
  '›': '\\guilsinglright{}',
  '…': '\\dots{}',
  '•': '\\textbullet{}',
  '·': '\\textperiodcentered{}',
  '×': '\\texttimes{}',
  '÷': '\\textdiv{}',
  '±': '\\textpm{}',
  '−': '\\textminus{}',
  '°': '\\textdegree{}',
  '€': '\\texteuro{}',
  '§': '\\S{}',
  '¶': '\\P{}',
  '†': '\\dag{}',
  '‡': '\\ddag{}',
  '‰': '\\textperthousand{}',
  '→': '\\textrightarrow{}',
  '←': '\\textleftarrow{}',
  '≥': '$\\geq$',
  '≤': '$\\leq$',
  '≈': '$\\approx$',
  '≠': '$\\neq$',
  '\u00a0': '~', // no-break space
  '\u2007': '~', // figure space
  '\u2009': '\\,', // thin space
  '\u202f': '\\,', // narrow no-break space (French thousands separator)
  '\u00ad': '\\-', // soft hyphen
};

// Pairs of characters that TeX fonts join into another (-- is an en dash, '' a quote, ,, a low
// quote, << and >> guillemets and !` an inverted mark in T1): kept apart with a zero kern, which
// (unlike {}) also stops XeTeX's and LuaTeX's ligatures, so that the text prints as written.
const ligatures = new Set(['--', "''", '``', ',,', '<<', '>>', '!`', '?`']);

const special =
  /[\\{}&%$#_~^<>|"`[\]*–—‘’“”„‚«»‹›…•·×÷±−°€§¶†‡‰→←≥≤≈≠\u00a0\u2007\u2009\u202f\u00ad]/;

/**
 * Escapes text for LaTeX (see the module comment). A line break or tab becomes a space (a blank
 * line ends a table cell with an error); other control characters are dropped.
 *
 * @param text Any text.
 * @param options `figure: true` writes `~` as `$\sim$` (the "about" of a figure) rather than a
 *   tilde, and lets a range break after its dash; `hyphenate: true` lets TeX hyphenate words
 *   joined by hyphens (`demographic-estimate`), for a narrow column.
 * @returns LaTeX source that prints `text`.
 */
export function escapeTeX(
  text: string,
  options: { figure?: boolean; hyphenate?: boolean } = {},
): string {
  let out = '';
  // Code points: each is escaped, mapped or kept whole
  // (a letter with a combining mark passes as is).
  const chars = Array.from(text.replace(/[\r\n\t]+/g, ' '));
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const apart = next !== undefined && ligatures.has(c + next) ? '\\kern0pt ' : '';
    if (options.figure && c === '~') out += '$\\sim$';
    // In a narrow column, a list written without spaces may break after its separators.
    else if (options.hyphenate && (c === ';' || c === '/')) out += `${c}\\allowbreak{}`;
    else if (options.hyphenate && c === '|') out += '\\textbar\\allowbreak{}';
    // A range may break after its dash in a narrow column.
    else if ((options.figure || options.hyphenate) && c === '–')
      out += '\\textendash\\allowbreak{}';
    else if (special.test(c)) out += commands[c]! + apart;
    // A straight quote that opens a quotation is TeX's opening quote (‘), not an apostrophe (’).
    else if (c === "'" && /^[\s([{]?$/.test(chars[i - 1] ?? '') && next && /\S/.test(next))
      out += '`' + apart;
    else if (/\p{Cc}/u.test(c)) continue;
    // TeX hyphenates no word that an explicit hyphen follows: glue (not a break) before the hyphen
    // ends the word, and glue after it keeps the break after the hyphen.
    else if (options.hyphenate && c === '-') out += '\\nobreak\\hspace{0pt}-\\hspace{0pt}';
    else out += c + apart;
  }
  return out;
}
