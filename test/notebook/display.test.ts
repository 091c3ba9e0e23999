import { fromCSV } from 'arquero';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, load, rollup } from '../../src/index.js';
import { display, jupyterDisplay } from '../../src/notebook/index.js';
import { totalsChart } from '../../src/charts/index.js';
import { displayWithSVG } from '../../src/render/index.js';

const bundle = (x: ReturnType<typeof display>) => x[jupyterDisplay]();

describe('display(value, options)', () => {
  test('a table: an HTML table and aligned text, figures with their qualifiers, dashes as dashes', () => {
    const roma = load('by-nationality').filter((d) => d.nationality === 'roma');
    const b = bundle(display(roma, { columns: ['source', 'figure'], sources: false }));
    expect(Object.keys(b).sort()).toEqual(['text/html', 'text/plain']);
    // "| Gypsies | – | 27,000 | 18,000 |"
    expect(b['text/plain']).toBe(
      'source    figure\n────────  ──────\nyu-1964        –\nkocovic   27,000\nzerjavic  18,000\n\n– not reported.\n',
    );
    expect(b['text/html']).toContain(
      '<td class="number not-reported" title="not reported by the source (a dash), not zero">–</td>',
    );
    expect(b['text/html']).toContain('<td class="number">27,000</td>');
  });

  test('cites the sources the table names, and escapes what it shows', () => {
    const b = bundle(display(load('by-status')));
    expect(b['text/plain']).toMatch(/Sources:\n {2}zerjavic: Žerjavić, Vladimir\. 1989\./);
    const risky = fromCSV('label\n<img src=x onerror=alert(1)>\n', { autoType: false });
    expect(bundle(display(risky, { caption: '<b>x</b>' }))['text/html']).not.toMatch(/<img|<b>/);
  });

  test('a chart: Vega-Lite with $schema v5 (what Jupyter front ends render), and its title as text', () => {
    const spec = totalsChart(load('total-estimates'));
    const b = bundle(display(spec));
    expect(Object.keys(b).sort()).toEqual(['application/vnd.vegalite.v5+json', 'text/plain']);
    expect((b['application/vnd.vegalite.v5+json'] as { $schema: string }).$schema).toBe(
      'https://vega.github.io/schema/vega-lite/v5.json',
    );
    expect((spec as { $schema: string }).$schema).toBe(
      'https://vega.github.io/schema/vega-lite/v6.json',
    ); // the spec given is not changed
    // 14 rows in total-estimates.csv, three of which restate the May 1945 1.7 million: 11 points.
    expect(b['text/plain']).toMatch(
      /^Vega-Lite chart: Published totals: deaths, and figures that are not counts of deaths\nDot plot of 11/,
    );
  });

  test('displayWithSVG adds an SVG drawn with vega, for front ends without Vega-Lite', async () => {
    const b = (await displayWithSVG(totalsChart(load('total-estimates'))))[jupyterDisplay]();
    expect(Object.keys(b).sort()).toEqual([
      'application/vnd.vegalite.v5+json',
      'image/svg+xml',
      'text/plain',
    ]);
    expect(b['image/svg+xml']).toMatch(/^<svg /);
  });

  test('anything else is an error naming it', () => {
    expect(() => display(42 as never)).toThrow(InvalidOptionError);
    expect(() => display(42 as never)).toThrow(
      /^display: the value is 42; expected an Arquero table/,
    );
    expect(() => display(load('by-status'), { limit: -1 })).toThrow(/option limit is -1/);
  });

  test("options are checked by the package's one checkOptions, in its one message shape", () => {
    const t = load('by-status');
    expect(() => display(t, { limit: -1 })).toThrow(
      'display: option limit is -1; expected a whole number of rows, 0 or more.',
    );
    expect(() => display(t, { limit: 2.5 })).toThrow('display: option limit is 2.5;');
    expect(() => display(t, { caption: 5 as never })).toThrow(
      'display: option caption is 5; expected a string.',
    );
    expect(() => display(t, { sources: 'yes' as never })).toThrow(
      "display: option sources is 'yes'; expected true or false.",
    );
    // an options object that is not one: the same words from display, a chart builder and the
    // analysis, as one function writes them
    for (const [fn, call] of [
      ['display', () => display(t, null as never)],
      ['chart', () => totalsChart(load('total-estimates'), null as never)],
      ['rollup', () => rollup(t, null as never)],
    ] as const)
      expect(call).toThrow(`${fn}: options is null; expected an object of options, or nothing.`);
    // limit 0 is allowed: the table's rows are all counted in the note
    expect(bundle(display(t, { limit: 0, sources: false }))['text/plain']).toMatch(
      /rows not shown/,
    );
  });
});
