import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { InvalidOptionError, load } from '../../src/index.js';
import { slopeChart, totalsChart } from '../../src/charts/index.js';
import { fontFiles, toPNG, toSVG } from '../../src/render/index.js';
import { readFileSync } from 'node:fs';
import { advances } from '../../src/render/metrics.js';
import { standardCharts } from '../../src/report/index.js';
import { drawings, type Drawing } from '../setup/drawn.js';

const png = (bytes: Uint8Array) => Buffer.from(bytes.slice(0, 8)).toString('hex');

describe('toSVG(spec) and toPNG(spec, { scale })', () => {
  // toSVG and toPNG of every standard chart, drawn once per run for every test that reads them.
  let drawn: Map<string, Drawing>;
  beforeAll(async () => {
    drawn = await drawings();
  }, 600_000);

  test.each(standardCharts().map((c) => [c.name] as const))(
    '%s renders to SVG (snapshot) and PNG',
    async (name) => {
      const { svg, png: bytes } = drawn.get(name)!;
      expect(svg).toMatch(/^<svg /);
      expect(svg).toContain('font-family="DejaVu Sans"');
      await expect(svg).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
      expect(png(bytes)).toBe('89504e470d0a1a0a'); // the PNG signature
    },
  );

  test('draws the text with the shipped font: removing the text changes the picture', async () => {
    const svg = await toSVG(totalsChart(load('total-estimates')));
    const font = {
      fontFiles: [...fontFiles],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    };
    const draw = (s: string) => new Resvg(s, { font, background: 'white' }).render().pixels;
    const withText = draw(svg);
    const without = draw(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    expect(Buffer.compare(Buffer.from(withText), Buffer.from(without))).not.toBe(0);
    // And the font files are real files the package found.
    expect(fontFiles.every((f) => /DejaVuSans(-Bold|-Oblique)?\.ttf$/.test(f))).toBe(true);
  });

  test("lays text out with the shipped font's widths", async () => {
    const regular = advances(readFileSync(fontFiles[0]!));
    // DejaVu Sans: "0" is 1303 units of 2048 wide (0.636 em); Vega without a canvas guesses 0.8 em.
    expect(regular.width('0') * 10).toBeCloseTo((1303 / 2048) * 10, 2);
    const spec = slopeChart(load('by-nationality'), {
      by: 'nationality',
      from: 'kocovic',
      to: 'zerjavic',
    });
    const svg = await toSVG(spec);
    // A label as long as the one Vega would have cut short with "…" at its 0.8 em guess.
    const totals = await toSVG(totalsChart(load('total-estimates')));
    expect(totals).toContain('Government of Yugoslavia, 4 mentions — demographic loss</text>');
    expect(svg).not.toContain('…');
  });

  test('scale sets the size of the PNG', async () => {
    const spec = totalsChart(load('total-estimates'), { width: 300 });
    const width = (b: Uint8Array) => Buffer.from(b).readUInt32BE(16);
    const one = await toPNG(spec, { scale: 1 });
    const two = await toPNG(spec, { scale: 2 });
    expect(Math.abs(width(two) - 2 * width(one))).toBeLessThanOrEqual(1);
  });

  test('bad input gets the package errors', async () => {
    await expect(toSVG(null as never)).rejects.toThrow(InvalidOptionError);
    await expect(toSVG('spec' as never)).rejects.toThrow(
      "toSVG: the spec is 'spec'; expected a Vega-Lite spec object.",
    );
    await expect(toSVG({ mark: 'nonsense' })).rejects.toThrow(/Vega-Lite cannot compile it/);
    await expect(toPNG(totalsChart(load('total-estimates')), { scale: 0 })).rejects.toThrow(
      'Invalid scale 0: expected a number above 0 and at most 10.',
    );
  });
});
