import { describe, expect, test } from 'vitest';
import { sources, InvalidOptionError, UnknownIdError } from '../../src/index.js';
import { cite } from '../../src/exchange/index.js';

describe('cite(id, { format })', () => {
  test('text: the work as the registry names it, its kind, and where the figures were read', () => {
    expect(cite('zerjavic')).toBe(
      "Žerjavić, Vladimir. 1989. Gubici stanovništva Jugoslavije u drugom svjetskom ratu. Demographic estimate. Figures read from 'World War II in Yugoslavia' (encyclopedia article), section Casualties › Yugoslav casualties (the table 'Victims by nationality', column 'Žerjavić', and the second paragraph after the tables) and section Casualties › Territory of the NDH.",
    );
    // A name that ends with an initial gets one full stop, not two.
    expect(cite('abarrow')).toMatch(
      /^A'Barrow, Stephen R\. Historian estimate\. Figures read from/,
    );
    expect(cite('us-census-1954')).toMatch(
      /^U\.S\. Bureau of the Census\. 1954\. report on Yugoslav war-related deaths\. U\.S\. Bureau of the Census\. Census bureau estimate\./,
    );
  });

  test('bibtex: a book for a titled, published work; a body kept whole in braces', () => {
    expect(cite('kocovic', { format: 'bibtex' })).toBe(
      [
        '@book{kocovic,',
        '  author = {Kočović, Bogoljub},',
        '  title = {{Žrtve Drugog svetskog rata u Jugoslaviji}},',
        '  year = {1985},',
        '  publisher = {Naše delo, London},',
        // LaTeX text: ‘…’ quotes, \guilsinglright for ›.
        "  note = {Demographic estimate. Figures read from `World War II in Yugoslavia' (encyclopedia article), section Casualties \\guilsinglright{} Yugoslav casualties: the table `Victims by nationality' (column `Kočović') and the second and third paragraphs after the tables}",
        '}',
        '',
      ].join('\n'),
    );
    expect(cite('us-census-1954', { format: 'bibtex' })).toContain(
      'author = {{U.S. Bureau of the Census}}',
    );
    // An article outside a journal: @misc (an @article needs a journal).
    expect(cite('savich', { format: 'bibtex' })).toMatch(/^@misc\{savich,/);
    // No date in the documents: 'n.d.', never an invented year.
    expect(cite('savich', { format: 'bibtex' })).toContain('year = {n.d.}');
    // Without an author, BibTeX's styles sort by key.
    expect(cite('enc-ww2-yugoslavia-infobox', { format: 'bibtex' })).toContain(
      'key = {World War II in Yugoslavia (infobox)}',
    );
  });

  test('biblatex: the types and fields of the biblatex data model, the provenance in addendum', () => {
    // "According to German casualty lists quoted by The Times for 30 July 1945" (the seed).
    expect(cite('reinecke-times-1945', { format: 'biblatex' })).toBe(
      [
        '@article{reinecke-times-1945,',
        '  author = {{The Times}},',
        '  title = {{{[}German casualty lists from the papers of General Hermann Reinecke, as quoted{]}}},',
        '  journaltitle = {The Times},',
        '  date = {1945-07-30},',
        '  note = {Military records},',
        "  addendum = {Figures read from `World War II in Yugoslavia' (encyclopedia article), section Casualties \\guilsinglright{} German casualties}",
        '}',
        '',
      ].join('\n'),
    );
    // A historian's figure whose work the document does not name: a supplied title, no date.
    const vego = cite('vego', { format: 'biblatex' });
    expect(vego).toMatch(/^@misc\{vego,/);
    expect(vego).toContain(
      "title = {{{[}Figures as reported in `World War II in Yugoslavia' (encyclopedia article); the work is not named there{]}}}",
    );
    expect(vego).not.toMatch(/date|year/);
    // Figures given from 1945 to 1948: a date range. A report: institution and type.
    expect(cite('yu-official', { format: 'biblatex' })).toContain('date = {1945/1948}');
    expect(cite('us-census-1954', { format: 'biblatex' })).toMatch(
      /^@report\{us-census-1954,[^]*institution = \{U\.S\. Bureau of the Census\},\n {2}type = \{Report\}/,
    );
    // Žerjavić's study is a book even though its publisher is not confirmed.
    expect(cite('zerjavic', { format: 'biblatex' })).toMatch(/^@book\{zerjavic,/);
  });

  test('csl-json: names split into family and given, the year as date-parts', () => {
    const item = JSON.parse(cite('abarrow', { format: 'csl-json' }));
    expect(item).toMatchObject({
      id: 'abarrow',
      type: 'document',
      author: [{ family: "A'Barrow", given: 'Stephen R.' }],
      genre: 'Historian estimate',
    });
    // The newspaper article: its container and its day, no author (styles put the title first).
    expect(JSON.parse(cite('reinecke-times-1945', { format: 'csl-json' }))).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Times',
      issued: { 'date-parts': [[1945, 7, 30]] },
    });
    expect(JSON.parse(cite('zerjavic', { format: 'csl-json' })).issued).toEqual({
      'date-parts': [[1989]],
    });
    expect(
      JSON.parse(cite('enc-ww2-yugoslavia-infobox', { format: 'csl-json' })).author,
    ).toBeUndefined();
  });

  test('every source in the registry can be cited in every format', () => {
    for (const id of sources().array('id') as string[]) {
      expect(cite(id)).toMatch(/Figures read from/);
      expect(cite(id, { format: 'bibtex' })).toMatch(new RegExp(`^@\\w+\\{${id},`));
      expect(cite(id, { format: 'biblatex' })).toMatch(new RegExp(`^@\\w+\\{${id},`));
      expect(() => JSON.parse(cite(id, { format: 'csl-json' }))).not.toThrow();
    }
  });

  test('an unknown source or format is an error naming it', () => {
    expect(() => cite('zerjavich')).toThrow(UnknownIdError);
    expect(() => cite('zerjavich')).toThrow(
      /Unknown source 'zerjavich'\. Did you mean 'zerjavic'\?/,
    );
    expect(() => cite('zerjavic', { format: 'apa' as 'text' })).toThrow(InvalidOptionError);
    expect(() => cite('zerjavic', { format: 'apa' as 'text' })).toThrow(
      "Invalid format 'apa': expected one of text, bibtex, biblatex, csl-json.",
    );
  });
});
