// The core entry in a real browser: bundled with esbuild for the browser, served on loopback,
// opened in headless Chromium (Debian's), the table and the chart looked for as a reader sees them.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromium } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = findChromium();

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

describe('the core entry bundled for a browser', () => {
  test('needs no Node built-in and pulls in no vega', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-core-'));
    const result = await bundle(join(root, 'dist/index.js'), join(dir, 'core.js')); // fails on a node: import
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => /node_modules\/(vega|vega-lite|vega-[a-z-]+)\//.test(i))).toEqual(
      [],
    );
    expect(inputs.some((i) => i.includes('node_modules/arquero/'))).toBe(true);
  });
});

describeNeeding('examples/browser in headless Chromium', [chromium], () => {
  let server: Server;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-page-'));

  beforeAll(async () => {
    await bundle(join(root, 'examples/browser/main.js'), join(dir, 'bundle.js'));
    copyFileSync(join(root, 'examples/browser/index.html'), join(dir, 'index.html'));
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
    server = createServer((req, res) => {
      const file = join(dir, req.url === '/' ? 'index.html' : req.url!.slice(1));
      if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        .end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  }, 60_000);

  afterAll(() => server?.close());

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
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

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
  }, 60_000);
});
