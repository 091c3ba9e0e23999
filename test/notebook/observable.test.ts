// A package table in an Observable notebook, in headless Chromium: the Observable runtime and
// standard library, Inputs and Plot from npm, bundled by esbuild with the package's build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { findChromium } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = findChromium();

describeNeeding('a package table in the Observable runtime, in Chromium', [chromium], () => {
  test('Inputs.table shows every row, Plot draws it, DuckDBClient.of is tried', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-observable-'));
    await build({
      entryPoints: [join(root, 'test/notebook/observable-page.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: join(dir, 'page.js'),
      logLevel: 'silent',
      alias: {
        'ww2-yugoslavia-casualties/notebook': join(root, 'dist/notebook.js'),
        'ww2-yugoslavia-casualties': join(root, 'dist/index.js'),
      },
    });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>Observable</title>' +
        '<div id="table"></div><div id="plot"></div><div id="display"></div><div id="sql"></div>' +
        // inline: Chromium does not load a module script from a file: URL
        `<script type="module">${readFileSync(join(dir, 'page.js'), 'utf8').replaceAll('</script', '<\\/script')}</script>`,
    );
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({
      executablePath: chromium.found!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      page.setDefaultTimeout(60_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.waitForFunction(
        () => {
          const r = (window as unknown as { results?: Record<string, unknown> }).results;
          return r && ['table', 'plot', 'display'].every((k) => k in r);
        },
        undefined,
        { timeout: 90_000 },
      );
      // DuckDBClient.of: given 30 seconds to answer (offline, its CDN import may hang, not fail).
      await page
        .waitForFunction(
          () => 'sql' in (window as unknown as { results: object }).results,
          undefined,
          {
            timeout: 30_000,
          },
        )
        .catch(() => undefined);
      const results = await page.evaluate(
        () =>
          (window as unknown as { results: Record<string, { ok: boolean; error?: string }> })
            .results,
      );
      if (process.env.SCREENSHOT)
        await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
      // DuckDB-WASM: stdlib imports it (and Apache Arrow) from its CDN when DuckDBClient.of is
      // called. Offline (this machine reaches the npm registry only) that import fails, and that
      // is the one error allowed; with the CDN reachable, DuckDBClient.of takes the table.
      const offline =
        results.sql?.ok === false &&
        /dynamically imported module: https:\/\/cdn\.observableusercontent\.com\/npm\/@duckdb\/duckdb-wasm/.test(
          results.sql.error ?? '',
        );
      if (results.sql?.ok) expect(await page.locator('#sql').textContent()).toBe('DuckDB: 48 rows');
      else expect(offline, JSON.stringify(results.sql)).toBe(true);
      expect(errors.filter((e) => !(offline && /ERR_NAME_NOT_RESOLVED/.test(e)))).toEqual([]);
      expect(results.table).toEqual({ ok: true });
      // by-nationality.csv: 16 nationalities × 3 sources = 48 rows, dashes included.
      expect(await page.locator('#table tbody tr').count()).toBe(48);
      expect(results.plot).toEqual({ ok: true });
      // one dot per reported figure: 48 less the 12 dashes (4 in each source), which draw nothing
      expect(await page.locator('#plot svg g[aria-label="dot"] circle').count()).toBe(36);
      expect(results.display).toEqual({ ok: true });
      expect(await page.locator('#display table.ww2yc tbody tr').count()).toBe(48);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
