import { fromCSV, fromArrow } from 'arquero';
import { describe, expect, test } from 'vitest';
import { load, InvalidOptionError, UnknownIdError } from '../../src/index.js';
import {
  formatFigure,
  toArrow,
  toCSV,
  toJSON,
  toLaTeX,
  toMarkdown,
} from '../../src/exchange/index.js';
import { readFileSync } from 'node:fs';
import { numberFormat } from '../../src/exchange/figure.js';

describe('formatFigure(figure, locale)', () => {
  test('writes each qualifier so that a reader sees it', () => {
    expect(formatFigure({ value: 346740, low: 346740, high: 346740, qualifier: 'exact' })).toBe(
      '346,740',
    );
    expect(
      formatFigure({ value: 850000, low: 850000, high: 850000, qualifier: 'approximate' }),
    ).toBe('~850,000');
    expect(formatFigure({ value: 18000, low: 18000, high: null, qualifier: 'at-least' })).toBe(
      '≥18,000',
    );
    expect(formatFigure({ value: 70000, low: 69000, high: 71000, qualifier: 'range' })).toBe(
      '69,000–71,000',
    );
    expect(formatFigure({ value: null, low: null, high: null, qualifier: 'not-reported' })).toBe(
      '–',
    );
    expect(formatFigure({ value: 1030, low: 1030, high: 1030, qualifier: 'derived' })).toBe(
      '1,030*',
    );
    expect(
      formatFigure({ value: 47, low: 47, high: 47, qualifier: 'exact', unit: 'percent' }),
    ).toBe('47%');
  });

  test('uses the locale for the digits, and rejects a locale that is not one', () => {
    expect(
      formatFigure({ value: 18000, low: 18000, high: null, qualifier: 'at-least' }, 'de-DE'),
    ).toBe('≥18.000');
    expect(() =>
      formatFigure({ value: 1, low: 1, high: 1, qualifier: 'exact' }, 'not a locale!'),
    ).toThrow(InvalidOptionError);
    expect(() =>
      formatFigure({ value: 1, low: 1, high: 1, qualifier: 'exact' }, 'not a locale!'),
    ).toThrow(/Invalid locale 'not a locale!'/);
  });
});

describe('numberFormat(locale)', () => {
  test('en-US writes every number as Intl.NumberFormat does, counts without starting ICU', () => {
    const edges = [0, -0, 1, 999, 1000, 1001, 597323, 1027000, 2 ** 53 - 1, 2 ** 53, 1e21];
    const others = [-1, -1234567, 0.5, 1234.5678, 1e-7, 16.666666666666668, NaN, Infinity];
    const random = Array.from({ length: 500 }, (_, i) =>
      Math.floor((((i * 7919) % 1000) / 1000) * 10 ** (1 + (i % 16))),
    );
    for (const digits of [20, 2, 0]) {
      const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
      for (const n of [...edges, ...others, ...random])
        expect(numberFormat('en-US', digits).format(n)).toBe(intl.format(n));
    }
    // without grouping, or with fixed decimals, it is Intl's own
    expect(numberFormat('en-US', 0, false).format(1945)).toBe('1945');
    expect(numberFormat('en-US', 2, true, 2).format(1000)).toBe('1,000.00');
  });
});

describe('toCSV(table)', () => {
  test('writes what the bundled file says, cell for cell: no thousands separators, empty for missing', () => {
    for (const id of [
      'by-nationality',
      'ndh-civilians-by-perpetrator',
      'total-estimates',
    ] as const) {
      const file = readFileSync(new URL(`../../datasets/${id}.csv`, import.meta.url), 'utf8');
      const cells = (csv: string) => fromCSV(csv, { autoType: false }).objects();
      expect(cells(toCSV(load(id))), id).toEqual(cells(file));
    }
    expect(toCSV(load('by-nationality'))).toContain(
      'yu-1964-serbs-deaths,yu-1964,serbs,deaths,persons,346740,346740,346740,exact,Serbs,,by-nationality-yu-1964,,,\n',
    );
    expect(toCSV(load('by-nationality'))).toContain(
      'yu-1964-roma-deaths,yu-1964,roma,deaths,persons,,,,not-reported,Gypsies,a dash in the source table,by-nationality-yu-1964,,,\n',
    );
  });

  test('neutralizes text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const table = fromCSV('label,value\n"=HYPERLINK(""x"")",-3\n+1,5\n@SUM(A1),6\nSerbs,7\n', {
      autoType: false,
      parse: { value: Number },
    });
    expect(toCSV(table)).toBe(
      'label,value\n"\'=HYPERLINK(""x"")",-3\n\'+1,5\n\'@SUM(A1),6\nSerbs,7\n',
    );
    expect(toCSV(table, { safe: false })).toContain('\n+1,5\n');
  });
});

describe('toJSON(table) and toArrow(table)', () => {
  test('JSON keeps nulls as null', () => {
    const rows = JSON.parse(toJSON(load('by-nationality')));
    expect(rows).toHaveLength(48);
    expect(
      rows.find(
        (r: { label: string; source: string }) => r.label === 'Gypsies' && r.source === 'yu-1964',
      ),
    ).toMatchObject({ value: null, qualifier: 'not-reported' });
  });

  test('Arrow IPC round-trips: numbers stay numbers, missing stays null', () => {
    const back = fromArrow(toArrow(load('by-nationality')));
    expect(back.numRows()).toBe(48);
    expect(back.objects()).toEqual(load('by-nationality').objects());
  });
});

describe('toMarkdown(table) and toLaTeX(table)', () => {
  const ndh = () =>
    load('ndh-civilians-by-perpetrator').filter((d) => d.perpetrator === 'chetniks');

  test('Markdown puts each figure with its qualifier in one right-aligned column', () => {
    expect(toMarkdown(ndh())).toBe(
      [
        '| source | nationality | region | perpetrator | measure | figure | label |',
        '| --- | --- | --- | --- | --- | ---: | --- |',
        '| zerjavic | croats | ndh | chetniks | deaths | ≥18,000 | 18,000+ Croats |',
        '| zerjavic | muslims | ndh | chetniks | deaths | ≥20,000 | 20,000+ Bosniaks |',
        '',
      ].join('\n'),
    );
    const slovenia = load('slovenia-2005').filter((d) => d.measure === 'share');
    expect(toMarkdown(slovenia, { columns: ['label', 'figure'] })).toContain(
      '| 47% percent of casualties during the war were partisans | 47% |',
    );
    expect(
      toMarkdown(load('by-nationality').slice(6, 7), { columns: ['source', 'label', 'figure'] }),
    ).toBe('| source | label | figure |\n| --- | --- | ---: |\n| yu-1964 | Other Slavs | – |\n');
  });

  test('LaTeX uses booktabs and escapes what LaTeX would read as commands', () => {
    const tex = toLaTeX(ndh(), {
      columns: ['label', 'figure'],
      caption: 'Civilian deaths caused by the Chetniks (Žerjavić) & more',
      label: 'tab:chetniks',
    });
    expect(tex).toBe(
      [
        '\\begin{table}',
        '\\centering',
        '\\caption{Civilian deaths caused by the Chetniks (Žerjavić) \\& more}',
        '\\label{tab:chetniks}',
        '\\begin{tabular}{lr}',
        '\\toprule',
        'label & figure \\\\',
        '\\midrule',
        '18,000+ Croats & $\\geq$18,000 \\\\',
        '20,000+ Bosniaks & $\\geq$20,000 \\\\',
        '\\bottomrule',
        '\\end{tabular}',
        '\\end{table}',
        '',
      ].join('\n'),
    );
    const range = load('ndh-croats-bosniaks').filter(
      (d) => d.status === 'ndh-armed-forces' && d.nationality === 'croats',
    );
    expect(toLaTeX(range, { columns: ['figure'] })).toContain(
      '69,000\\textendash\\allowbreak{}71,000 \\\\',
    );
    expect(
      toLaTeX(
        load('total-estimates').filter((d) => d.source === 'mestrovic'),
        { columns: ['figure'] },
      ),
    ).toContain('$\\sim$850,000 \\\\');
  });

  test('an unknown column is an error naming it', () => {
    expect(() => toMarkdown(ndh(), { columns: ['figure', 'valeu'] })).toThrow(UnknownIdError);
    expect(() => toMarkdown(ndh(), { columns: ['figure', 'valeu'] })).toThrow(
      /Unknown column 'valeu'\. Did you mean 'value'\?/,
    );
  });
});

describe('toHTML(table)', () => {
  test('a table with figures right-aligned, dashes marked as not reported, text escaped', async () => {
    const { toHTML } = await import('../../src/exchange/index.js');
    expect(toHTML(load('by-status').slice(0, 1), { columns: ['label', 'figure'] })).toBe(
      '<table class="ww2yc">\n<thead><tr><th>label</th><th class="number">figure</th></tr></thead>\n<tbody>\n<tr><td>Yugoslav partisans</td><td class="number">237,000</td></tr>\n</tbody>\n</table>\n',
    );
    const gypsies = load('by-nationality').filter(
      (d) => d.label === 'Gypsies' && d.source === 'yu-1964',
    );
    expect(toHTML(gypsies, { columns: ['figure'] })).toContain(
      '<td class="number not-reported" title="not reported by the source (a dash), not zero">–</td>',
    );
    const risky = fromCSV('label\n<script>alert("x")</script> & co\n', { autoType: false });
    expect(toHTML(risky, { caption: 'A <b>caption</b>' })).toContain(
      '<caption>A &lt;b&gt;caption&lt;/b&gt;</caption>',
    );
    expect(toHTML(risky)).toContain(
      '<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</td>',
    );
  });
});
