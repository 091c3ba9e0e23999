// Every standard chart laid out at a journal's single (85 mm) and double (175 mm) column: its
// narrowest plot area at least 40 mm wide, or refused with the width it needs, as the README lists.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { totalsChart } from '../../src/charts/index.js';
import { columnWidths, toPDF, toPNG } from '../../src/render/index.js';
import { layOut, minPlotWidth } from '../../src/render/layout.js';
import { standardCharts } from '../../src/report/index.js';

// 40 mm at 96 px per inch: 40 / 25.4 × 96 = 151.18 px
const fortyMillimetres = (40 / 25.4) * 96;
const px = (mm: number) => Math.round((mm / 25.4) * 96);

/** The README's table of charts refused at a single column: name → millimetres needed. */
function refusedInReadme(): Map<string, number> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('| chart (`standardCharts()` name) | needs |'));
  const out = new Map<string, number>();
  for (const line of table.split('\n').slice(2)) {
    const m = /^\| (.*) \| (\d+) mm \|$/.exec(line);
    if (!m) break;
    for (const name of m[1]!.matchAll(/`([^`]+)`/g)) out.set(name[1]!, Number(m[2]));
  }
  return out;
}

describe('standard charts at a single and a double column', { timeout: 300_000 }, () => {
  test('minPlotWidth is 40 mm in px', () => {
    expect(minPlotWidth).toBe(Math.ceil(fortyMillimetres));
  });

  test('double: every chart has a plot area of at least 40 mm', async () => {
    for (const { name, spec } of standardCharts()) {
      const laid = await layOut(spec, px(columnWidths.double), 'double');
      expect(laid.plotWidth, name).toBeGreaterThanOrEqual(fortyMillimetres);
    }
  });

  test('single: a plot area of at least 40 mm, or refused with the width the README lists', async () => {
    const listed = refusedInReadme();
    expect(listed.size).toBeGreaterThan(0);
    const refused = new Map<string, number>();
    for (const { name, spec } of standardCharts()) {
      try {
        const laid = await layOut(spec, px(columnWidths.single), 'single');
        expect(laid.plotWidth, name).toBeGreaterThanOrEqual(fortyMillimetres);
      } catch (error) {
        const mm = /needs at least \d+ px \((\d+) mm\)/.exec((error as Error).message);
        expect(mm, (error as Error).message).not.toBeNull();
        refused.set(name, Number(mm![1]));
      }
    }
    expect(refused).toEqual(listed);
    expect(refused.has('total-estimates')).toBe(false); // the headline chart fits a single column
  });

  test("the README's print example runs as written: 85 mm PDF, and 2008 px at 600 dpi", async () => {
    const pdf = await toPDF(totalsChart(load('total-estimates')), { column: 'single' });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const png = await toPNG(totalsChart(load('total-estimates')), { column: 'single', dpi: 600 });
    // 85 mm × 600 / 25.4 = 2007.9 → 2008 px, the PNG's width in its IHDR chunk (bytes 16–19)
    expect(Buffer.from(png).readUInt32BE(16)).toBe(2008);
  });
});
