// Each chart of the report is drawn once: its SVG, PNG and PDF come from one run of one Vega view
// (the report used to run a new view for each format, three per chart). The report command runs
// dist/cli.js (test/setup/drawn.ts: once per test run, for every report test).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { View } from 'vega';
import { describe, expect, test, vi } from 'vitest';
import { InvalidOptionError, load } from '../../src/index.js';
import { totalsChart } from '../../src/charts/index.js';
import { drawChart, toPNG, toSVG } from '../../src/render/index.js';
import { standardCharts, writeReport } from '../../src/report/index.js';
import { drawings, reportRun } from '../setup/drawn.js';

/** The distinct Vega views run while `work` runs: every drawing runs its view (runAsync). */
async function viewsRun(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(View.prototype, 'runAsync');
  try {
    await work();
    return new Set(spy.mock.contexts).size;
  } finally {
    spy.mockRestore();
  }
}

/** A PDF without what changes from one run to the next (its creation date and file id). */
const steady = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');

describe('the report draws each chart once', { timeout: 120_000 }, () => {
  test('report --out: one Vega view per chart (it was three: SVG, PNG and PDF each ran their own)', async () => {
    // The command as every report test reads it, run once per test run with count-views.mjs
    // preloaded: `node --import test/report/count-views.mjs dist/cli.js report --out <dir>`.
    const r = await reportRun();
    const dir = r.dir;
    expect(r.status, r.stderr).toBe(0);
    const charts = standardCharts();
    // one drawing per chart for its files, and one more for each: every chart is drawn again at
    // a phone's width
    const phones = readFileSync(join(dir, 'index.html'), 'utf8').match(/class="chart-box phone"/g);
    expect(phones?.length ?? 0).toBe(charts.length);
    expect(r.stdout).toBe(`vega views run: ${charts.length + phones!.length}\n`);
    for (const { name } of charts)
      for (const ext of ['svg', 'png', 'pdf'])
        expect(existsSync(join(dir, 'charts', `${name}.${ext}`)), `${name}.${ext}`).toBe(true);
  });

  test('toSVG, toPNG and toPDF each run a view: the count above would see a second drawing', async () => {
    const spec = totalsChart(load('total-estimates'));
    expect(await viewsRun(() => toSVG(spec))).toBe(1);
    expect(await viewsRun(async () => [await toSVG(spec), await toPNG(spec)])).toBe(2);
    expect(await viewsRun(() => drawChart(spec, { pdf: true }))).toBe(1);
  });
});

describe('drawChart(spec, { pdf })', { timeout: 120_000 }, () => {
  test('gives the same files as toSVG, toPNG and toPDF at their defaults', async () => {
    // toSVG, toPNG and toPDF of every standard chart, drawn once per run (test/setup/drawn.ts).
    const drawn = await drawings();
    for (const { name, spec } of standardCharts()) {
      const drawing = await drawChart(spec, { pdf: true });
      const alone = drawn.get(name)!;
      expect(drawing.svg, name).toBe(alone.svg);
      expect(Buffer.from(drawing.png).equals(Buffer.from(alone.png)), name).toBe(true);
      expect(steady(drawing.pdf!), name).toBe(steady(alone.pdf));
    }
  });

  test('without { pdf: true } it makes no PDF', async () => {
    const drawing = await drawChart(totalsChart(load('total-estimates')));
    expect(Object.keys(drawing).sort()).toEqual(['png', 'svg']);
  });

  test('refuses what toSVG refuses, and a bad option, with the package error', async () => {
    await expect(drawChart(null as never)).rejects.toThrow(InvalidOptionError);
    await expect(
      drawChart({ data: { url: '/etc/passwd' }, mark: 'point', encoding: { x: { field: 'a' } } }),
    ).rejects.toThrow(/reads no file and fetches no URL/);
    await expect(drawChart({}, { pdf: 'yes' as never })).rejects.toThrow(
      "drawChart: option pdf is 'yes'; expected true or false.",
    );
  });

  test('writeReport with draw writes what draw gives, and refuses draw beside toSVG', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ww2yc-draw-')), 'report');
    const [chart] = standardCharts();
    const { files } = await writeReport(dir, {
      charts: [chart!],
      draw: (spec) => drawChart(spec, { pdf: true }),
    });
    expect(files).toContain(`charts/${chart!.name}.pdf`);
    expect(
      readFileSync(join(dir, 'charts', `${chart!.name}.pdf`))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expect(
      writeReport(dir, { charts: [chart!], draw: () => drawChart(chart!.spec), toSVG }),
    ).rejects.toThrow(/both draw and toSVG, toPNG or toPDF were given/);
    await expect(
      writeReport(dir, {
        charts: [chart!],
        draw: () => Promise.resolve({ svg: 'no', png: new Uint8Array() }),
      }),
    ).rejects.toThrow("writeReport: draw gave 'no' for chart");
  });
});
