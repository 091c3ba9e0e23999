// toLaTeX handed to the tools its users run: pdflatex (with the README's two-line preamble),
// xelatex and lualatex (with its second line only). Each engine compiles one document holding every
// bundled table, with and without notes, and a table of every character LaTeX treats specially; the
// test fails on any error, any overfull box wider than 3 pt, and any glyph the font lacks, and reads
// the PDF back (pdftotext) to check that the text printed is the text given.
import { table } from 'arquero';
import { describe, expect, test } from 'vitest';
import {
  crosswalk,
  crosswalkDimensions,
  datasets,
  load,
  sources,
  statedTotals,
} from '../../src/index.js';
import { latexPreamble, toLaTeX } from '../../src/exchange/index.js';
import { compile, document, texAvailable, type Engine } from '../tex.js';

const available = texAvailable(['pdflatex', 'xelatex', 'lualatex', 'pdftotext']);

/** Text a user might put in a label: every LaTeX special, typographic marks, Latin letters. */
const hostile = [
  'a|b <c> d~e ^f_g #h $i %j &k {l} \\m "n" `o`',
  '‘p’ “q” „r“ «s» ‹t› u–v w—x ≥1 ≤2 … • × ° € § ±',
  'č ć ž š đ Č Ć Ž Š Đ Rüdiger Kočović Meštrović Žerjavić Inštitut',
  "-- --- '' ,, << >> !` ?` [x] *y",
];

function body(): string {
  const parts: string[] = [];
  for (const id of datasets) {
    const table = load(id);
    parts.push(`\\section*{${id}}`, toLaTeX(table), toLaTeX(table, { notes: true }));
  }
  parts.push('\\section*{sources}', toLaTeX(sources()));
  parts.push('\\section*{stated totals}', toLaTeX(statedTotals()));
  for (const dimension of crosswalkDimensions)
    parts.push(`\\section*{crosswalk ${dimension}}`, toLaTeX(crosswalk(dimension)));
  // A caption and label in a float; a longtable with both; widths given by the user.
  parts.push(
    toLaTeX(load('by-status'), { caption: 'By status & more', label: 'tab:status' }),
    toLaTeX(load('ndh-serbs'), { longtable: true, caption: 'NDH: Serbs', label: 'tab:ndh' }),
    toLaTeX(load('by-nationality'), { notes: true, columnWidths: { note: '5cm', label: 0.15 } }),
  );
  // User text with every special character, one row per line of `hostile`.
  parts.push('\\section*{special characters}', toLaTeX(table({ label: hostile })));
  return parts.join('\n\n');
}

describe.skipIf(!available)('toLaTeX(table) in pdflatex, xelatex and lualatex', () => {
  const text = body();
  for (const engine of ['pdflatex', 'xelatex', 'lualatex'] as Engine[]) {
    test(`${engine}: every bundled table compiles without an error, an overfull box or a missing glyph`, () => {
      const run = compile(engine, document(engine, latexPreamble, text));
      expect(run.problems).toEqual([]);
      // What was printed is what was given: each line of special characters, read back from the
      // PDF. A straight ' prints as an opening quote ‘ where it opens a word, elsewhere as ’; pdflatex's T1
      // fonts have no ellipsis glyph (. . .) and draw Đ with the glyph that pdftotext reads as Ð.
      const printed =
        engine === 'pdflatex' ? run.text.replaceAll('. . .', '…').replaceAll('Ð', 'Đ') : run.text;
      for (const line of hostile)
        expect(printed).toContain(line.replace(/(^| )'/g, '$1‘').replaceAll("'", '’'));
      // A figure of each kind ($\sim$ is the mathematical tilde operator, U+223C).
      for (const figure of ['∼850,000', '≥18,000', '69,000–', '597,323'])
        expect(run.text).toContain(figure);
    }, 120_000);
  }
});
