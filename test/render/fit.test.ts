// Every standard chart laid out at a journal's single (85 mm) and double (175 mm) column: its
// narrowest plot area at least 40 mm wide, or refused with the width it needs, as the README lists
// (only the slope chart, whose labels stand at both ends of its lines). Charts whose row labels
// take the room fit by writing each label above its row.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { totalsChart } from '../../src/charts/index.js';
import { columnWidths, toPDF, toPNG } from '../../src/render/index.js';
import { layOut, minPlotWidth, runView, totalSize } from '../../src/render/layout.js';
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

  test('single: only the slope chart is refused (its labels stand at both ends of its lines)', () => {
    expect([...refusedInReadme().keys()]).toEqual(['by-nationality-slope']);
  });

  test('long row labels that cannot wrap are written above their rows, each over its own bar', async () => {
    // Three rows whose labels are single words of about 240 px at 11 px: beside the bars they
    // would leave 321 − 24 − 240 = 57 px of plot; above the bars the plot takes the width.
    const rows = ['Bosnia-and-Herzegovina-Montenegro-Macedonia', 'Croatia-Slavonia', 'Serbia'];
    const spec = {
      data: { values: rows.map((row, i) => ({ row, v: 10 * (i + 1) })) },
      mark: 'bar',
      width: 500,
      height: { step: 20 },
      padding: 12,
      config: { axis: { labelFontSize: 11 } },
      encoding: {
        y: { field: 'row', type: 'nominal', sort: null, title: null },
        x: { field: 'v', type: 'quantitative' },
      },
    };
    const laid = await layOut(spec, px(columnWidths.single), 'single');
    expect(laid.plotWidth).toBeGreaterThanOrEqual(fortyMillimetres);
    const view = await runView(laid.vega);
    try {
      expect(totalSize(view).width).toBeLessThanOrEqual(px(columnWidths.single));
      type Item = { x: number; y: number; dy?: number; height: number; text?: string | string[] };
      const items: Record<string, Item[]> = { rect: [], text: [] };
      const walk = (node: { marktype?: string; role?: string; items?: unknown[] }) => {
        for (const item of (node.items ?? []) as { items?: unknown[] }[]) {
          if (node.role === 'mark' && node.marktype && node.marktype in items)
            items[node.marktype]!.push(item as unknown as Item);
          walk(item as never);
        }
      };
      walk((view.scenegraph() as unknown as { root: never }).root);
      const bars = items.rect!.sort((a, b) => a.y - b.y);
      expect(bars).toHaveLength(3);
      for (const [i, row] of rows.entries()) {
        const text = items.text!.find((t) => t.text === row);
        expect(text, row).toBeDefined();
        const label = { x: text!.x, y: text!.y + (text!.dy ?? 0) }; // where it is written
        // the label's baseline (its bottom) lies above its own bar, below the bar before it, and
        // nearer its own bar than the bar before
        const bar = bars[i]!;
        const above = i ? bars[i - 1]!.y + bars[i - 1]!.height : 0;
        expect(label.y).toBeLessThanOrEqual(bar.y);
        expect(label.y - 11).toBeGreaterThanOrEqual(above);
        expect(bar.y - label.y).toBeLessThan(label.y - 11 - above);
        expect(label.x).toBe(3); // at the left edge of the plot, clear of the axis line
      }
    } finally {
      view.finalize();
    }
  });

  test("the README's print example runs as written: 85 mm PDF, and 2008 px at 600 dpi", async () => {
    const pdf = await toPDF(totalsChart(load('total-estimates')), { column: 'single' });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const png = await toPNG(totalsChart(load('total-estimates')), { column: 'single', dpi: 600 });
    // 85 mm × 600 / 25.4 = 2007.9 → 2008 px, the PNG's width in its IHDR chunk (bytes 16–19)
    expect(Buffer.from(png).readUInt32BE(16)).toBe(2008);
  });
});
