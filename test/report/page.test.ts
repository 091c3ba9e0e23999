// The report page as readers and checkers see it: axe-core and the Nu HTML checker on the real
// page, and screenshots at a phone's, a tablet's and a desktop's width, checked for overlapping boxes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { datasets, load, sources, statedTotals } from '../../src/index.js';
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

/** The Nu checker's errors on each file (one run of the checker for all of them). */
function nuErrors(files: string[]): string[] {
  const jar = require('vnu-jar') as string;
  const r = spawnSync(
    java.found!,
    ['-jar', jar, '--format', 'json', '--exit-zero-always', ...files],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const messages = JSON.parse(r.stderr || r.stdout).messages as {
    type: string;
    url?: string;
    message: string;
    lastLine?: number;
  }[];
  return messages
    .filter((m) => m.type === 'error')
    .map((m) => `${m.url?.split('/').pop()}:${m.lastLine}: ${m.message}`);
}

describeNeeding('the report page at every width and the Nu HTML checker', [java, chromium], () => {
  test('the page as Chromium lays it out at 390, 1024 and 1400 px has no markup error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-dom-'));
    const files: string[] = [];
    for (const width of [390, 1024, 1400]) {
      const page = await browser!.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${index}`);
      const file = join(dir, `report-${width}.html`);
      writeFileSync(file, await page.content());
      files.push(file);
      await page.close();
    }
    // The checker does look: the same page with a table cell outside its row is an error.
    const broken = join(dir, 'broken.html');
    writeFileSync(broken, readFileSync(files[0]!, 'utf8').replace('<tbody>', '<tbody><td>x</td>'));
    const errors = nuErrors([...files, broken]);
    expect(errors.filter((e) => !e.startsWith('broken.html'))).toEqual([]);
    expect(errors.some((e) => e.startsWith('broken.html'))).toBe(true);
  }, 180_000);
});

/** Each table's cells as the page lays them out, with their labels and where they are drawn. */
async function tableCells(width: number) {
  const page = await browser!.newPage({ viewport: { width, height: 900 } });
  await page.goto(`file://${index}`);
  const tables = await page.evaluate(() =>
    Array.from(document.querySelectorAll('table.ww2yc')).map((table) => {
      const box = table.closest('.scroll')!;
      const headings = Array.from(table.querySelectorAll('thead th')).map((th) => ({
        text: th.textContent ?? '',
        height: th.getBoundingClientRect().height,
      }));
      const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) => ({
        display: getComputedStyle(tr).display,
        cells: Array.from(tr.querySelectorAll('td')).map((td) => {
          const r = td.getBoundingClientRect();
          return {
            text: td.textContent ?? '',
            label: td.getAttribute('data-label'),
            shown: getComputedStyle(td, '::before').content,
            after: getComputedStyle(td, '::after').content,
            lead: td.classList.contains('lead'),
            left: r.left,
            right: r.right,
            top: r.top,
            height: r.height,
          };
        }),
      }));
      return {
        caption: table.querySelector('caption')?.textContent ?? '',
        scrolls: box.scrollWidth > box.clientWidth,
        head: table.querySelector('thead')!.getBoundingClientRect().height,
        headings,
        rows,
      };
    }),
  );
  await page.close();
  return tables;
}

describeNeeding('the report page in Chromium', [chromium], () => {
  test('at 390 px each table row is a block led by its figure, every cell labelled, in view', async () => {
    const tables = await tableCells(390);
    expect(tables.length).toBeGreaterThan(20);
    let figures = 0;
    let dashes = 0;
    for (const t of tables) {
      // nothing to scroll sideways: every cell, every figure, is in the 390 px window
      expect(t.scrolls, t.caption).toBe(false);
      for (const row of t.rows) {
        expect(row.display, t.caption).toBe('flex');
        row.cells.forEach((cell, i) => {
          // each cell is labelled by its own column's heading, and the label is drawn
          expect(cell.label, t.caption).toBe(t.headings[i]!.text);
          expect(cell.shown, t.caption).toContain(`"${cell.label}"`);
          if (cell.text === '') return;
          expect(cell.height, `${t.caption}: ${cell.text}`).toBeGreaterThan(0);
          expect(cell.left, `${t.caption}: ${cell.text}`).toBeGreaterThanOrEqual(0);
          expect(cell.right, `${t.caption}: ${cell.text}`).toBeLessThanOrEqual(390);
        });
        // a dash stays a dash, and says what it means
        for (const cell of row.cells.filter((c) => c.text === '–'))
          expect(cell.after, t.caption).toBe('"not reported"');
        dashes += row.cells.filter((c) => c.text === '–').length;
        const lead = row.cells.find((c) => c.lead);
        if (!lead) continue;
        figures++;
        // the figure comes first: above every other cell of its row
        for (const cell of row.cells.filter((c) => !c.lead && c.text !== ''))
          expect(lead.top, t.caption).toBeLessThan(cell.top);
      }
      // the headings stay for screen readers, out of sight
      expect(t.head, t.caption).toBeLessThanOrEqual(1);
    }
    expect(figures).toBeGreaterThan(200);
    expect(dashes).toBeGreaterThan(12); // by-nationality alone has 12 (report.test.ts)
  }, 120_000);

  test.each([1024, 1400])(
    'at %i px the tables stay tables, headings above',
    async (width) => {
      const tables = await tableCells(width);
      for (const t of tables) {
        for (const h of t.headings) expect(h.height, t.caption).toBeGreaterThan(10);
        for (const row of t.rows) {
          expect(row.display, t.caption).toBe('table-row');
          for (const cell of row.cells) expect(cell.shown).toBe('none');
          // the cells of a row side by side
          const tops = new Set(row.cells.map((c) => Math.round(c.top)));
          expect(tops.size, t.caption).toBe(1);
        }
      }
      // wide enough for all but the tables of nine columns (which scroll in their own box)
      const scrolling = tables.filter((t) => t.scrolls).map((t) => t.headings.length);
      expect(scrolling.every((n) => n >= 9)).toBe(true);
      if (width === 1400) expect(scrolling).toEqual([]);
    },
    120_000,
  );

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

test("the tables speak a reader's words: dates, names and headings, never ids", () => {
  const html = readFileSync(index, 'utf8');
  const text = (s: string) =>
    s
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => text(m[1]!));
  const headings = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) =>
    text(m[1]!),
  );
  expect(cells.length).toBeGreaterThan(2000);
  // No date as the data writes it (1941-04-28, 1945-05, 1941-1945), nor as it used to show (1941 04 28).
  expect(cells.filter((c) => /\b\d{4}[- ]\d{2}\b/.test(c))).toEqual([]);
  // Dates as the documents write them: "on 28 April 1941 in the village of Gudovac"; Tito's
  // 1.7 million "in May 1945"; Bakić's 1,685,000 "in August 1945".
  expect(cells).toContain('28 April 1941');
  expect(cells).toContain('May 1945');
  expect(cells).toContain('August 1945');
  expect(cells).toContain('to 9 May 1945');
  // No id: of a dataset, a source, a row or a stated total, nor a key with its hyphens.
  const ids = new Set<string>([
    ...datasets,
    ...sources().array('id'),
    ...statedTotals().array('id'),
    ...datasets.flatMap((d) => load(d).array('id') as string[]),
  ]);
  const keys = new Set<string>();
  for (const d of datasets) {
    const t = load(d);
    for (const c of t.columnNames())
      if (!['id', 'label', 'note', 'source', 'part_of', 'subset_of', 'restates'].includes(c))
        for (const v of t.array(c) as unknown[])
          if (typeof v === 'string' && v.includes('-')) keys.add(v);
  }
  const hyphenated = [...ids].filter((id) => id.includes('-'));
  expect(hyphenated.length).toBeGreaterThan(100);
  const named = cells.filter(
    (c) =>
      keys.has(c) ||
      /\b(part_of|subset_of|restates)\b/.test(c) ||
      hyphenated.some((id) => new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(c)),
  );
  expect(named).toEqual([]);
  // Sources by name where a row's id was: the 1964 list's 597,323 and Kočović's 1,014,000.
  expect(cells).toContain('Federal Statistical Office of Yugoslavia (1964); Kočović (1985)');
  // A minus sign, never a hyphen: 597,323 + 335,000 + 660,000 − 1,700,000 = −107,677.
  expect(cells).toContain('−107,677');
  expect(cells.filter((c) => /^-\d/.test(c))).toEqual([]);
  // Column headings in words, none a field name.
  expect(
    headings.filter(
      (h) =>
        /_/.test(h) || ['check', 'rows', 'value', 'low', 'high', 'scope', 'dataset'].includes(h),
    ),
  ).toEqual([]);
});
