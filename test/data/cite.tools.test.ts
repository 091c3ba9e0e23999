// cite() handed to the tools its users run: biber (with its data-model check) and biblatex, BibTeX
// with its standard style, and citeproc-js (the CSL processor of Zotero and Mendeley) with the APA,
// Vancouver and Harvard styles that @citation-js/plugin-csl ships (CC BY-SA, from the CSL project).
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { sources } from '../../src/index.js';
import { cite, latexPreamble } from '../../src/exchange/index.js';
import { compile, texAvailable } from '../tex.js';

const available = texAvailable(['pdflatex', 'biber', 'bibtex', 'pdftotext']);
const registry = sources().objects() as { id: string; year: number | null; title: string }[];
const ids = registry.map((s) => s.id);
// Sources whose date the documents do not give (yu-official's figures are dated 1945 to 1948).
const undated = registry.filter((s) => s.year === null && s.id !== 'yu-official').map((s) => s.id);

const pdflatexPreamble = latexPreamble.trim();

describe.skipIf(!available)('cite() in biber/biblatex and BibTeX', () => {
  test('biblatex: biber reports only the dates the documents do not give; every entry prints with its provenance', () => {
    const bib = ids.map((id) => cite(id, { format: 'biblatex' })).join('\n');
    const run = compile(
      'pdflatex',
      `\\documentclass{article}\n${pdflatexPreamble}\n\\usepackage[style=authoryear]{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n`,
      { files: { 'refs.bib': bib }, bib: 'biber' },
    );
    // biblatex repeats biber's warnings (checked below) in the LaTeX log.
    expect(run.problems.filter((p) => !/Biber reported the following issues/.test(p))).toEqual([]);
    expect(run.bib).not.toMatch(/ERROR/);
    // The only warnings: no date, for exactly the sources whose date the documents do not give
    // (none is invented). Every dated entry has the fields its type requires.
    const warnings = run.bib.split('\n').filter((l) => l.includes('WARN - '));
    expect(warnings.map((w) => /Entry '([^']+)'/.exec(w)?.[1]).sort()).toEqual([...undated].sort());
    for (const w of warnings)
      expect(w).toMatch(
        /Datamodel: .* Missing mandatory field - one of 'date, year' must be defined/,
      );
    expect(run.text.match(/Figures read from/g)).toHaveLength(ids.length);
    expect(run.text).toContain('Žerjavić, Vladimir (1989). Gubici stanovništva Jugoslavije');
    expect(run.text).toContain('The Times (July 30, 1945). “[German casualty lists');
    expect(run.text).toContain('Figures read from ‘World War II in Yugoslavia’');
    expect(run.text).toContain('Casualties › Yugoslav casualties');
  }, 60_000);

  test('BibTeX (plain style): no warning; every entry prints with its provenance', () => {
    const bib = ids.map((id) => cite(id, { format: 'bibtex' })).join('\n');
    const run = compile(
      'pdflatex',
      `\\documentclass{article}\n${pdflatexPreamble}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n`,
      { files: { 'refs.bib': bib }, bib: 'bibtex' },
    );
    expect(run.problems).toEqual([]);
    expect(run.bib).not.toMatch(/Warning--|error message/);
    expect(run.text.match(/Figures read from/g)).toHaveLength(ids.length);
    expect(run.text).toContain('Vladimir Žerjavić. Gubici stanovništva Jugoslavije');
  }, 60_000);
});

describe('cite() in citeproc-js, APA, Vancouver and Harvard', () => {
  const require = createRequire(import.meta.url);
  const CSL = require('citeproc');
  const styles = require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
  const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;
  const items = Object.fromEntries(
    ids.map((id) => [id, JSON.parse(cite(id, { format: 'csl-json' }))]),
  );

  for (const style of ['apa', 'vancouver', 'harvard1']) {
    test(`${style}: every source renders with its title${style === 'harvard1' ? '' : ' and provenance'}`, () => {
      const engine = new CSL.Engine(
        {
          retrieveLocale: (l: string) => locales[l] ?? locales['en-US'],
          retrieveItem: (id: string) => items[id],
        },
        styles[style],
      );
      engine.updateItems(ids);
      const [meta, entries] = engine.makeBibliography() as [{ entry_ids: string[][] }, string[]];
      expect(meta.entry_ids.flat().sort()).toEqual([...ids].sort());
      const byId = new Map(meta.entry_ids.map((e, i) => [e[0]!, entries[i]!]));
      for (const id of ids) {
        const html = byId.get(id)!;
        expect(html).not.toMatch(/CSL STYLE ERROR|undefined/);
        // citeproc writes HTML, and typographic quotes: compare text with quotes made plain.
        const plain = (t: string) => t.replace(/[‘’“”"]/g, "'");
        const text = plain(
          html
            .replace(/<[^>]+>/g, '')
            .replace(/&#38;/g, '&')
            .replace(/&#60;/g, '<'),
        );
        expect(text).toContain(plain(items[id].title));
        if (style !== 'harvard1') expect(text).toContain(plain(items[id].references));
      }
    }, 60_000);
  }
});
