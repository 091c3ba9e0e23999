// Rendering leaves the process as it found it, and every error a user can cause is the package's
// own, from every entry (issue 26).
import * as vega from 'vega';
import { describe, expect, test } from 'vitest';
import { CasualtiesError, InvalidTableError, fromCSV } from '../../src/index.js';
import { drawChart, toPDF, toPNG, toSVG } from '../../src/render/index.js';

const chart = {
  data: { values: [{ a: 'x', b: 3 }] },
  mark: 'bar',
  encoding: { x: { field: 'a' }, y: { field: 'b', type: 'quantitative' } },
};

describe('no global state changed by rendering', () => {
  test("vega.textMetrics.width is Vega's own again after every renderer (it was replaced for good)", async () => {
    const metrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;
    const own = metrics.width;
    await toSVG(chart);
    expect(metrics.width).toBe(own);
    await toPNG(chart, { column: 'single' });
    expect(metrics.width).toBe(own);
    await toPDF(chart);
    expect(metrics.width).toBe(own);
    await drawChart(chart, { pdf: true });
    expect(metrics.width).toBe(own);
    await expect(toSVG({ mark: 'nonsense' })).rejects.toThrow(CasualtiesError);
    expect(metrics.width).toBe(own);
    // two at once: both laid out with the font's widths, and Vega's put back after the last
    const [a, b] = await Promise.all([toSVG(chart), toSVG(chart)]);
    expect(a).toBe(b);
    expect(a).toBe(await toSVG(chart));
    expect(metrics.width).toBe(own);
  });
});

describe('toPDF answers bad specs as toSVG does', () => {
  const probes: [string, object][] = [
    ['an expression that does not parse', { mark: 'point', params: [{ name: 'p', expr: 'f(' }] }],
    [
      'an unknown function',
      { data: { values: [{}] }, mark: 'point', transform: [{ calculate: 'nofn(1)', as: 'x' }] },
    ],
    ['data from a URL', { data: { url: 'http://127.0.0.1:1/x' }, mark: 'point' }],
    ['an unknown mark', { mark: 'nonsense' }],
  ];
  for (const [name, spec] of probes)
    test(`${name}: a CasualtiesError named after the function from both`, async () => {
      await expect(toSVG(spec)).rejects.toThrow(CasualtiesError);
      await expect(toSVG(spec)).rejects.toThrow(/^toSVG: /);
      await expect(toPDF(spec)).rejects.toThrow(CasualtiesError);
      await expect(toPDF(spec)).rejects.toThrow(/^toPDF: /);
    });
});

describe('fromCSV says what is wrong with a header', () => {
  const header = 'source,region,measure,unit,value,low,high,qualifier,label,note';
  const row = 'zerjavic,serbia,deaths,persons,273000,273000,273000,exact,Serbia,';
  test('a byte-order mark inside the header is named (it said the column source was missing)', () => {
    const twice = `\ufeff\ufeff${header}\n${row}\n`;
    expect(() => fromCSV(twice)).toThrow(InvalidTableError);
    expect(() => fromCSV(twice)).toThrow(
      "line 1, column 1: the name '<U+FEFF>source' holds a byte-order mark (U+FEFF)",
    );
    expect(() => fromCSV(`${header.replace('region', '\ufeffregion')}\n${row}\n`)).toThrow(
      "line 1, column 2: the name '<U+FEFF>region' holds a byte-order mark",
    );
    expect(fromCSV(`\ufeff${header}\n${row}\n`).numRows()).toBe(1); // one, at the start: allowed
  });

  test('a __proto__ column is named as a name a row cannot hold', () => {
    expect(() => fromCSV(`${header},__proto__\n${row},x\n`)).toThrow(
      "fromCSV: the table has a column named '__proto__', which a row object cannot hold; " +
        'expected other column names (rename it).',
    );
  });
});
