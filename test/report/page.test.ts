// The report page as readers and checkers see it: axe-core and the Nu HTML checker on the real
// page, and screenshots at a phone's, a tablet's and a desktop's width, checked for overlapping boxes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { standardCharts } from '../../src/report/index.js';
import { findChromium, findJava } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';
import { reportRun } from '../setup/drawn.js';

const require = createRequire(import.meta.url);
const chromium = findChromium();
const java = findJava();

let index: string;
const shots = process.env.SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'ww2yc-shots-'));
let browser: Browser | undefined;

beforeAll(async () => {
  // The page `report --out` writes (dist/cli.js), once per test run for every report test.
  const report = await reportRun();
  if (report.status !== 0) throw new Error(`report --out failed: ${report.stderr}`);
  index = join(report.dir, 'index.html');
  if (chromium.found) {
    const { chromium: browserType } = await import('playwright-core');
    browser = await browserType.launch({
      executablePath: chromium.found,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }
}, 600_000);
afterAll(async () => browser?.close());

type Box = { x: number; y: number; width: number; height: number; text: string };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

describeNeeding('the report page and the Nu HTML checker (vnu-jar)', [java], () => {
  test('has no error', () => {
    const jar = require('vnu-jar') as string;
    const r = spawnSync(
      java.found!,
      ['-jar', jar, '--format', 'json', '--exit-zero-always', index],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const messages = JSON.parse(r.stderr || r.stdout).messages as {
      type: string;
      message: string;
      lastLine?: number;
    }[];
    expect(messages.length === 0 || messages.every((m) => 'type' in m)).toBe(true);
    const errors = messages.filter((m) => m.type === 'error');
    expect(errors.map((m) => `${m.lastLine}: ${m.message}`)).toEqual([]);
  }, 120_000);
});

describeNeeding('the report page in Chromium', [chromium], () => {
  test.each([390, 1024, 1400])(
    'axe-core at %i px finds no serious or critical violation',
    async (width) => {
      const page = await browser!.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${index}`);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<any> } }).axe; // eslint-disable-line @typescript-eslint/no-explicit-any
        return axe.run({ resultTypes: ['violations'] });
      });
      const serious = (
        result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]
      )
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      expect(serious).toEqual([]);
      // The checker did look: rules ran and passed on the page (a broken injection would pass none).
      expect(result.passes.length).toBeGreaterThan(10);
      await page.close();
    },
    120_000,
  );

  test.each([390, 1024, 1400])(
    'at %i px: no horizontal overflow, navigation and headings in boxes that do not overlap',
    async (width) => {
      const page = await browser!.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${index}`);
      await page.screenshot({ path: join(shots, `report-${width}.png`) });
      // The page itself never scrolls sideways: wide tables and charts scroll in their own boxes.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const boxes = await page.evaluate(() =>
        Array.from(document.querySelectorAll('nav.toc a, nav.toc .label, h1, h2, h3')).map((e) => {
          const r = e.getBoundingClientRect();
          return {
            x: r.x + window.scrollX,
            y: r.y + window.scrollY,
            width: r.width,
            height: r.height,
            text: e.textContent ?? '',
          };
        }),
      );
      expect(boxes.length).toBeGreaterThan(20);
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          if (overlap(boxes[i]!, boxes[j]!) && boxes[i]!.width > 0 && boxes[j]!.width > 0)
            clashes.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
      expect(clashes).toEqual([]);
      // The navigation stays in reach: far down the page, it is still at the top of the window.
      await page.evaluate(() => {
        window.scrollTo(0, document.body.scrollHeight / 2);
      });
      const nav = await page.locator('nav.toc').boundingBox();
      expect(nav!.y).toBeLessThanOrEqual(1);
      expect(nav!.height).toBeLessThan(width < 700 ? 80 : 160);
      // On a phone, every chart is the drawing made at the phone's width, no wider than its box
      // (none scrolls sideways); on wider screens every chart fits the column.
      const sizes = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.chart-box'))
          .filter((b) => getComputedStyle(b).display !== 'none')
          .map((b) => ({
            chart: b.closest('figure')!.id,
            drawn: b.querySelector('svg')!.getBoundingClientRect().width,
            box: b.getBoundingClientRect().width,
            phone: b.classList.contains('phone'),
          })),
      );
      expect(sizes).toHaveLength(standardCharts().length);
      for (const s of sizes) {
        expect(s.drawn, s.chart).toBeLessThanOrEqual(s.box + 0.5);
        expect(s.phone, s.chart).toBe(width < 700);
      }
      // Every figure of the headline chart is visible without scrolling sideways: each of its
      // texts lies inside the viewport.
      if (width < 700) {
        const outside = await page.evaluate((w) => {
          const svg = document.querySelector('#chart-total-estimates .chart-box.phone svg')!;
          return Array.from(svg.querySelectorAll('text'))
            .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > w))
            .map(({ text }) => text);
        }, width);
        expect(outside).toEqual([]);
      }
      await page.close();
    },
    60_000,
  );

  test('every chart has a name, its text alternative, and a data table after it', async () => {
    const page = await browser!.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`file://${index}`);
    const charts = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.chart')).map((f) => {
        const svg = f.querySelector('svg')!;
        const title = document.getElementById(svg.getAttribute('aria-labelledby') ?? '');
        let next = f.nextElementSibling;
        while (next && !next.matches('.scroll')) next = next.nextElementSibling;
        return {
          role: svg.getAttribute('role'),
          name: title?.textContent ?? '',
          words: f.querySelector('figcaption details p')?.textContent ?? '',
          table: next?.querySelector('table caption')?.textContent ?? null,
        };
      }),
    );
    expect(charts).toHaveLength(standardCharts().length);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.name.length).toBeGreaterThan(10);
      expect(c.words.length).toBeGreaterThan(40);
      expect(c.table).not.toBeNull();
    }
    // Keys are words and numbers have a sensible precision in the tables.
    const cells = await page.locator('table.ww2yc td').allTextContents();
    expect(cells).not.toContain('1941-1945-and-post-war');
    expect(cells).not.toContain('true');
    expect(cells.filter((c) => /\d\.\d{3,}/.test(c))).toEqual([]);
    await page.close();
  }, 60_000);
});

test('the written page is the one the tests read', () => {
  expect(readFileSync(index, 'utf8')).toMatch(/^<!doctype html>/);
});

test('the page says what the headline figures are above the chart, and how to cite at its foot', () => {
  const html = readFileSync(index, 'utf8');
  // total-estimates.csv: the lowest count of deaths is the 1964 list's 597,323; the highest
  // estimate the U.S. Bureau of the Census's 1,067,000; yu-official's 1,700,000 a demographic loss
  const finding = /<p class="finding-key">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
  expect(finding).toMatch(/from 597,323, counted by Federal Statistical Office of Yugoslavia/);
  expect(finding).toMatch(/to 1,067,000, estimated by U\.S\. Bureau of the Census \(1954\)/);
  expect(finding).toMatch(/the official 1,700,000 is a demographic loss/);
  expect(html.indexOf('finding-key')).toBeLessThan(html.indexOf('id="chart-total-estimates"'));
  const foot = html.slice(html.indexOf('<footer>'));
  expect(foot).toMatch(/Made on \d{4}-\d\d-\d\d with ww2-yugoslavia-casualties \d+\.\d+\.\d+/);
  expect(foot).toMatch(/cff-version/);
});
