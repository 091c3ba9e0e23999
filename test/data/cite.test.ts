import { describe, expect, test } from 'vitest';
import { cite, sources, InvalidOptionError, UnknownIdError } from '../../src/index.js';

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
        "  note = {Demographic estimate. Figures read from 'World War II in Yugoslavia' (encyclopedia article), section Casualties › Yugoslav casualties: the table 'Victims by nationality' (column 'Kočović') and the second and third paragraphs after the tables}",
        '}',
        '',
      ].join('\n'),
    );
    expect(cite('us-census-1954', { format: 'bibtex' })).toContain(
      'author = {{U.S. Bureau of the Census}}',
    );
    expect(cite('savich', { format: 'bibtex' })).toMatch(/^@article\{savich,/);
  });

  test('csl-json: names split into family and given, the year as date-parts', () => {
    const item = JSON.parse(cite('abarrow', { format: 'csl-json' }));
    expect(item).toMatchObject({
      id: 'abarrow',
      type: 'document',
      author: [{ family: "A'Barrow", given: 'Stephen R.' }],
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
      "Invalid format 'apa': expected one of text, bibtex, csl-json.",
    );
  });
});
