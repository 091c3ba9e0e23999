// The report as a reader gets it: the real command writes it, headless Chromium opens it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { audit, datasets } from '../../src/index.js';
import { standardCharts } from '../../src/report/index.js';
import { findChromium } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';
import { reportRun, type ReportRun } from '../setup/drawn.js';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const chromium = findChromium();
let dir: string;
let result: ReportRun;

// `node dist/cli.js report --out <dir>`, run once per test run for every report test
// (test/setup/drawn.ts).
beforeAll(async () => {
  result = await reportRun();
  dir = result.dir;
}, 600_000);

describe('report --out <dir>', () => {
  test('writes the page, every table as CSV and Markdown, every chart as SVG and PNG', () => {
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^wrote \d+ files; open .*index\.html\n$/);
    for (const id of datasets) {
      expect(existsSync(join(dir, 'tables', `${id}.csv`)), id).toBe(true);
      expect(existsSync(join(dir, 'tables', `${id}.md`)), id).toBe(true);
    }
    for (const { name } of standardCharts()) {
      expect(readFileSync(join(dir, 'charts', `${name}.svg`), 'utf8'), name).toMatch(/^<svg /);
      expect(
        readFileSync(join(dir, 'charts', `${name}.png`))
          .subarray(0, 4)
          .toString('hex'),
        name,
      ).toBe('89504e47');
    }
    // The tables written are the bundled ones: the CSV of a dataset is its file's cells.
    expect(readFileSync(join(dir, 'tables', 'by-status.csv'), 'utf8')).toContain(
      'zerjavic,partisan,deaths,persons,237000,237000,237000,exact,Yugoslav partisans,',
    );
  });

  test('the page shows the balance across tables and the agreement measures', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('id="balance"');
    // Žerjavić: 1,027,000 + 335,000 + ~660,000 = 2,022,000; about 322,000 more than 1,700,000;
    // with each figure's rounding (see test/analysis/balance.test.ts) +266,500 to +377,500.
    expect(html).toContain(
      'zerjavic (demographic estimate): 1,027,000 (1,026,500–1,027,500) + 335,000 + ~660,000 = 2,022,000; about 322,000 more than the demographic loss (+266,500 to +377,500).',
    );
    expect(html).toMatch(/charts\/demographic-balance\.svg/);
    expect(existsSync(join(dir, 'tables', 'balance.csv'))).toBe(true);
    // Kočović and Žerjavić: 95% interval 0.982–0.999 (scipy, see test/analysis/agreement.test.ts),
    // Lin's concordance 0.992, Bland–Altman limits ×0.38 to ×3.22.
    expect(html).toContain('(95% interval 0.982–0.999)');
    expect(html).toContain(
      'Lin&#39;s concordance, which is 1 only where the figures are equal, is 0.992',
    );
    expect(html).toContain('between 0.38 and 3.22 times');
  });

  test('the page needs no network: no script, no remote file', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/(?:src|href)="https?:/g)).toBeNull();
  });

  test('an unwritable --out is bad usage (exit 1), with what and a hint', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ww2yc-report-')), 'a-file'); // not the shared report
    writeFileSync(file, '');
    const r = spawnSync(process.execPath, [bin, 'report', '--out', join(file, 'report')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `ww2-yugoslavia-casualties report: cannot write to '${join(file, 'report')}' (ENOTDIR)\nchoose a folder you can write to\n`,
    );
    expect(spawnSync(process.execPath, [bin, 'report'], { encoding: 'utf8' }).stderr).toMatch(
      /no output folder given\nadd --out <dir>/,
    );
  });
});

describeNeeding('the report in headless Chromium', [chromium], () => {
  test('shows every section, every chart drawn, the audit findings, and no console error', async () => {
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({
      executablePath: chromium.found!,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
      await page.goto(`file://${join(dir, 'index.html')}`);

      expect(await page.locator('h1').textContent()).toBe(
        'Casualties of World War II in Yugoslavia: the published figures',
      );
      const headings = await page.locator('h2').allTextContents();
      // Headline totals, sources, audit, the balance across tables, the repeated figures,
      // comparisons, then the 14 other datasets.
      expect(headings.slice(0, 6)).toEqual([
        'Headline totals',
        'The sources',
        'Published tables that do not add up',
        'Deaths, births deficit and emigration against the demographic loss',
        'The most repeated figures: what each is, and why they differ',
        'Comparing the sources',
      ]);
      expect(headings).toHaveLength(6 + 14);
      // Every chart is drawn: an inline SVG with marks in it (and, most charts, a second drawing
      // at a phone's width, shown instead below 700 px).
      const figures = page.locator('figure .chart-box:not(.phone) svg');
      const phones = page.locator('figure .chart-box.phone svg');
      expect(await phones.count()).toBe(standardCharts().length); // every chart, for the phone
      for (let i = 0; i < (await phones.count()); i++)
        expect(await phones.nth(i).locator('path, text').count()).toBeGreaterThan(10);
      expect(await figures.count()).toBe(standardCharts().length);
      for (let i = 0; i < standardCharts().length; i++)
        expect(await figures.nth(i).locator('path, text').count()).toBeGreaterThan(10);
      // The published tables that do not add up, or cannot be settled, each with both numbers.
      const findings = await page.locator('#audit li.finding').allTextContents();
      const unsettled = audit()
        .objects()
        .filter((r) => r.check !== 'consistent' && r.stated !== null).length;
      expect(findings).toHaveLength(unsettled); // 3: one undetermined, two inconsistent
      expect(findings[0]).toMatch(
        /the rows add up to 596,293; the source states 597,323 \(difference −1,030\)\. undetermined: .*the 4 parts not reported \(a dash\) could hold the difference/,
      );
      // A dash is shown as a dash.
      expect(await page.locator('#by-nationality td.not-reported').count()).toBe(12);
      if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
