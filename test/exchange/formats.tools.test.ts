// toArrow read back by apache-arrow (the Apache project's own JavaScript reader, independent of the
// flechette writer that Arquero uses), and toMarkdown rendered by markdown-it (a CommonMark parser,
// with GFM tables), each checked against what the data package and the input say.
import { table } from 'arquero';
import { tableFromIPC, Type } from 'apache-arrow';
import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compare, datasets, load, sources, statedTotals } from '../../src/index.js';
import { toArrow, toMarkdown } from '../../src/exchange/index.js';

const descriptor = JSON.parse(
  readFileSync(new URL('../../datasets/datapackage.json', import.meta.url), 'utf8'),
) as { resources: { name: string; schema: { fields: { name: string; type: string }[] } }[] };
const expectedType: Record<string, Type> = {
  number: Type.Float,
  integer: Type.Int,
  string: Type.Utf8,
};

describe('toArrow(table) in apache-arrow', () => {
  test("every column of every bundled table has its descriptor's type, whatever its rows hold", () => {
    const tables = [
      ...datasets.map((id) => [id, load(id)] as const),
      ['sources', sources()] as const,
      ['stated-totals', statedTotals()] as const,
    ];
    for (const [name, t] of tables) {
      const arrow = tableFromIPC(toArrow(t));
      const fields = descriptor.resources.find((r) => r.name === name)!.schema.fields;
      expect(arrow.schema.fields.map((f) => f.name)).toEqual(fields.map((f) => f.name));
      for (const f of fields) {
        const type = arrow.schema.fields.find((a) => a.name === f.name)!.type;
        expect([name, f.name, type.typeId]).toEqual([name, f.name, expectedType[f.type]]);
        if (f.type === 'number') expect(type.toString()).toBe('Float64');
      }
      expect(arrow.numRows).toBe(t.numRows());
    }
  });

  test('a column empty in every row keeps its type; numbers stay Float64 in any slice', () => {
    // One row of by-status: 'note' may be empty, 'value' a small whole number: still Utf8 and Float64.
    const one = load('by-nationality')
      .filter((d) => d.note === null)
      .slice(0, 1);
    const arrow = tableFromIPC(toArrow(one));
    expect(arrow.schema.fields.find((f) => f.name === 'note')!.type.toString()).toBe('Utf8');
    expect(arrow.getChild('note')!.get(0)).toBeNull();
    for (const c of ['value', 'low', 'high'])
      expect(arrow.schema.fields.find((f) => f.name === c)!.type.toString()).toBe('Float64');
    // The values themselves: the same numbers, a dash still null.
    const dash = load('by-nationality')
      .filter((d) => d.qualifier === 'not-reported')
      .slice(0, 1);
    expect(tableFromIPC(toArrow(dash)).getChild('value')!.get(0)).toBeNull();
    expect(tableFromIPC(toArrow(one)).getChild('value')!.get(0)).toBe(one.get('value', 0));
  });

  test('a computed column is Float64 for numbers and Utf8 for text, even when all null', () => {
    const result = compare(load('by-nationality'), { by: 'nationality', baseline: 'zerjavic' });
    const arrow = tableFromIPC(toArrow(result));
    expect(arrow.schema.fields.find((f) => f.name === 'ratio')!.type.toString()).toBe('Float64');
    const user = tableFromIPC(toArrow(table({ a: [1, 2], b: [null, null], c: ['x', null] })));
    expect(user.schema.fields.map((f) => f.type.toString())).toEqual(['Float64', 'Utf8', 'Utf8']);
  });
});

describe('toMarkdown(table) in markdown-it (CommonMark with GFM tables)', () => {
  const md = new MarkdownIt({ html: true });
  const hostile = [
    'a | b',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '**bold** _em_ `code` ~~strike~~',
    '[link](javascript:alert(1)) ![img](x.png)',
    '\\| a backslash and a pipe',
    '&lt;entity&gt; &amp;',
    '# not a heading',
  ];

  test('user text stays text: every cell of every row survives, no markup and no HTML pass', () => {
    const t = table({ label: hostile, note: hostile.map((_, i) => `row ${i}`) });
    const html = md.render(toMarkdown(t));
    // Only the elements of a table come out.
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td']));
    // Each row has its two cells, and the first holds the text as given (HTML-escaped).
    const rows = [...html.matchAll(/<tr>([^]*?)<\/tr>/g)].slice(1).map((m) =>
      [...m[1]!.matchAll(/<td>([^]*?)<\/td>/g)].map((c) =>
        c[1]!
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      ),
    );
    expect(rows).toEqual(hostile.map((h, i) => [h, `row ${i}`]));
  });

  test('every bundled table keeps its columns: each row has as many cells as the header', () => {
    for (const id of datasets) {
      const t = load(id);
      const html = md.render(toMarkdown(t, { notes: true }));
      const header = [...html.matchAll(/<th[ >]/g)].length;
      const rows = [...html.matchAll(/<tr>([^]*?)<\/tr>/g)].slice(1);
      expect(rows).toHaveLength(t.numRows());
      for (const r of rows)
        expect([id, [...r[1]!.matchAll(/<td[ >]/g)].length]).toEqual([id, header]);
    }
  });
});
