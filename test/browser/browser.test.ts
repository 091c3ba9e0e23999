// The browser entries in a real browser: bundled with esbuild for the browser, as `npm run bundle`
// does (src/build/bundle.mjs), and examples/browser/index.html opened from the file system in
// headless Chromium, the table and the chart looked for as a reader sees them.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import { findChromium } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = findChromium();
// What `npm run bundle` writes (the single-file module and the example page's script), written
// here to a folder of the test's own.
const dir = mkdtempSync(join(tmpdir(), 'ww2yc-bundle-'));
let built: SpawnSyncReturns<string>;
beforeAll(() => {
  built = spawnSync(process.execPath, [join(root, 'src/build/bundle.mjs'), '--out', dir], {
    encoding: 'utf8',
  });
});

const bundle = (entry: string, outfile: string) =>
  build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile,
    metafile: true,
    minify: true,
    logLevel: 'silent',
    alias: { 'ww2-yugoslavia-casualties': join(root, 'dist/index.js') },
  });

// Every entry a browser user imports. /charts builds plain Vega-Lite specs: it must not pull in
// vega or vega-lite either.
const browserEntries = ['index', 'charts', 'export', 'notebook', 'estimate', 'check'];

describe('the browser entries bundled for a browser', () => {
  test.each(browserEntries)(
    'dist/%s.js needs no Node built-in and pulls in no vega',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'ww2yc-core-'));
      const result = await bundle(join(root, `dist/${name}.js`), join(dir, 'core.js')); // fails on a node: import
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((i) => /node_modules\/(vega|vega-lite|vega-[a-z-]+)\//.test(i))).toEqual(
        [],
      );
      expect(inputs.some((i) => i.includes('node_modules/arquero/'))).toBe(true);
    },
  );

  test('the core entry holds data and analysis, and no chart, export or notebook code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-core-'));
    const result = await bundle(join(root, 'dist/index.js'), join(dir, 'core.js'));
    // The source files behind dist/index.js, from its source map, as esbuild reads them.
    const map = JSON.parse(readFileSync(join(root, 'dist/index.js.map'), 'utf8')) as {
      sources: string[];
    };
    const chunks = Object.keys(result.metafile.inputs).filter((i) => i.startsWith('dist/'));
    const sources = [
      ...map.sources,
      ...chunks.flatMap(
        (c) =>
          (JSON.parse(readFileSync(join(root, `${c}.map`), 'utf8')) as { sources: string[] })
            .sources,
      ),
    ];
    expect(
      sources.filter((f) => /src\/(charts|exchange|notebook|render|report)\//.test(f)),
    ).toEqual([]);
    expect(sources.some((f) => f.endsWith('src/analysis/audit.ts'))).toBe(true);
    expect(sources.some((f) => f.endsWith('src/data/generated/files.ts'))).toBe(true);
  });
});

describe('size-limit', () => {
  test('measures the core entry and /charts together by every name they export', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      'size-limit': { name: string; import?: Record<string, string> | string }[];
    };
    const together = pkg['size-limit'].find((c) => typeof c.import === 'object')!;
    const imports = together.import as Record<string, string>;
    const named = (file: string) =>
      imports[file]!.replace(/[{}]/g, '')
        .split(',')
        .map((n) => n.trim())
        .sort();
    const exported = async (file: string) =>
      Object.keys((await import(pathToFileURL(join(root, file)).href)) as object).sort();
    expect(named('dist/index.js')).toEqual(await exported('dist/index.js'));
    expect(named('dist/charts.js')).toEqual(await exported('dist/charts.js'));
  });
});

describe('npm run bundle', () => {
  test('writes one ES module that imports nothing, holds arquero, and works on its own', async () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(
      /^wrote .*ww2-yugoslavia-casualties\.js \(\d+ kB, one ES module; inside: .*arquero 8\.0\.\d+ \(BSD-3-Clause\)/,
    );
    const core = join(dir, 'ww2-yugoslavia-casualties.js');
    const { metafile } = await build({
      entryPoints: [core],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'silent',
    });
    expect(Object.values(metafile.inputs).flatMap((i) => i.imports)).toEqual([]);
    const { load, audit, totalsChart, toCSV, display } = await import(pathToFileURL(core).href);
    expect(load('by-nationality').numRows()).toBe(48); // 16 nationalities × 3 sources
    // It holds /charts, /export and /notebook too, as the README says.
    expect([typeof totalsChart, typeof toCSV, typeof display]).toEqual([
      'function',
      'function',
      'function',
    ]);
    // The two published tables that do not add up (README): by location, by republic; the 1964
    // list by nationality is undetermined (its dashes could hold the difference).
    expect(
      audit()
        .filter((d: { check: string }) => d.check === 'inconsistent')
        .numRows(),
    ).toBe(2);
  });
});

describeNeeding('examples/browser in headless Chromium', [chromium], () => {
  beforeAll(() => {
    copyFileSync(join(root, 'examples/browser/index.html'), join(dir, 'index.html'));
  });

  test('loads the tables and draws the chart, with no console error', async () => {
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
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000); // a busy 2-core machine
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(dir, 'index.html')).href); // as a reader opens the file
      await page
        .waitForSelector('body[data-ready="true"]', { timeout: 60_000 })
        .catch((e: unknown) => {
          throw new Error(`the page did not get ready; its errors: ${errors.join('; ')}`, {
            cause: e,
          });
        });

      expect(await page.locator('#summary').textContent()).toBe(
        'Victims by nationality: the 1964 list, Kočović and Žerjavić: 48 figures from yu-1964 (named-list), kocovic (demographic-estimate), zerjavic (demographic-estimate).',
      );
      expect(await page.locator('#table tbody tr').count()).toBe(16);
      // "| Gypsies | – | 27,000 | 18,000 |": the dash stays a dash.
      expect(
        await page
          .locator('#table tbody tr', { hasText: 'Gypsies' })
          .locator('td')
          .allTextContents(),
      ).toEqual(['Gypsies', '–', '27,000', '18,000']);
      // The chart: one bar per reported figure: 48 figures less 12 dashes (4 in each source) = 36,
      // and "not reported" written for each of the 12 dashes.
      expect(await page.locator('#chart svg .mark-rect path').count()).toBe(36);
      expect(await page.locator('#chart svg text', { hasText: /^not reported$/ }).count()).toBe(12);
      if (process.env.SCREENSHOT)
        await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  // What the cell of examples/observable.md does with the attached file's text.
  test('the single-file module imports from a blob: URL, as the Observable cell does', async () => {
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({
      executablePath: chromium.found!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000); // a busy 2-core machine
      const source = readFileSync(join(dir, 'ww2-yugoslavia-casualties.js'), 'utf8');
      // A string, so that vitest leaves this import() to the browser.
      const result = await page.evaluate(`(async (text) => {
        const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
        const casualties = await import(url);
        return casualties.load('by-nationality').filter((d) => d.nationality === 'jews').array('value');
      })(${JSON.stringify(source)})`);
      // Jews: 45,000 (the 1964 list), 60,000 (Kočović), 57,000 (Žerjavić), as in the README.
      expect(result).toEqual([45000, 60000, 57000]);
    } finally {
      await browser.close();
    }
  });
});
