// examples/quarto.qmd's OJS cells in the Observable runtime, in headless Chromium: Quarto is on
// neither the npm registry nor Debian's, so its cells are compiled as Quarto's OJS does (with
// @observablehq/parser) and run by the Observable runtime and standard library, with Inputs and
// Plot, all from npm and bundled by esbuild; the package is the single-file build of
// `npm run bundle`, imported by a cell as the page publishes it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCell } from '@observablehq/parser';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { findChromium } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = findChromium();
const origin = 'http://notebook.test/'; // served by the test (page.route), not by a network

interface Cell {
  name: string | null;
  inputs: string[];
  body: string;
  async: boolean;
}

/** The `{ojs}` cells of a .qmd file, compiled to the runtime's (name, inputs, function body). */
export function ojsCells(qmd: string): Cell[] {
  return [...qmd.matchAll(/^```\{ojs\}\n([\s\S]*?)^```$/gm)].map(([, source]) => {
    const cell = parseCell(source!) as {
      id: { name: string } | null;
      body: { type: string; start: number; end: number };
      references: { name: string }[];
      async: boolean;
    };
    const code = source!.slice(cell.body.start, cell.body.end);
    return {
      name: cell.id?.name ?? null,
      inputs: [...new Set(cell.references.map((r) => r.name))],
      body: cell.body.type === 'BlockStatement' ? code.slice(1, -1) : `return (\n${code}\n);`,
      async: cell.async,
    };
  });
}

describeNeeding('examples/quarto.qmd in the Observable runtime, in Chromium', [chromium], () => {
  test('Inputs.table shows every row, Plot draws it, DuckDBClient.of is tried', async () => {
    const cells = ojsCells(readFileSync(join(root, 'examples/quarto.qmd'), 'utf8'));
    expect(cells.map((c) => c.name)).toEqual([
      'casualties',
      'deaths',
      null,
      null,
      null,
      'db',
      null,
    ]);
    const page = await build({
      entryPoints: [join(root, 'test/notebook/observable-page.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    // what `npm run bundle` writes, written to a folder of the test's own
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-ojs-'));
    const bundled = spawnSync(
      process.execPath,
      [join(root, 'src/build/bundle.mjs'), '--out', dir],
      {
        encoding: 'utf8',
      },
    );
    expect(bundled.status, bundled.stderr).toBe(0);
    const file = join(dir, 'ww2-yugoslavia-casualties.js');
    const files: Record<string, [string, string]> = {
      '': [
        'text/html',
        '<!doctype html><meta charset="utf-8"><title>OJS</title>' +
          `<script>window.cells = ${JSON.stringify(cells).replaceAll('<', '\\u003c')};</script>` +
          '<script type="module" src="page.js"></script>',
      ],
      'page.js': ['text/javascript', page.outputFiles[0]!.text],
      'ww2-yugoslavia-casualties.js': ['text/javascript', readFileSync(file, 'utf8')],
    };
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({
      executablePath: chromium.found!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      tab.setDefaultTimeout(60_000);
      await tab.route(`${origin}**`, (route) => {
        const [type, body] = files[route.request().url().slice(origin.length)] ?? [];
        return type ? route.fulfill({ contentType: type, body }) : route.fulfill({ status: 404 });
      });
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await tab.goto(origin);
      type Results = Record<number, { ok: boolean; error?: string; value?: unknown }>;
      const get = () => tab.evaluate(() => (window as unknown as { results: Results }).results);
      await tab.waitForFunction(
        () => [3, 4, 5].every((i) => i in (window as unknown as { results: Results }).results),
        undefined,
        { timeout: 90_000 },
      );
      // DuckDBClient.of gets 30 seconds to answer (offline, its CDN import may hang, not fail).
      await tab
        .waitForFunction(
          () => 7 in (window as unknown as { results: Results }).results,
          undefined,
          {
            timeout: 30_000,
          },
        )
        .catch(() => undefined);
      const results = await get();
      if (process.env.SCREENSHOT)
        await tab.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
      expect([1, 2, 3, 4, 5].map((i) => results[i]?.ok)).toEqual([true, true, true, true, true]);
      // by-nationality.csv: 16 nationalities × 3 sources = 48 rows, dashes included.
      expect(await tab.locator('[data-cell="3"] tbody tr').count()).toBe(48);
      // one dot per reported figure: 48 less the 12 dashes (4 in each source), which draw nothing
      expect(await tab.locator('[data-cell="4"] svg g[aria-label="dot"] circle').count()).toBe(36);
      expect(await tab.locator('[data-cell="5"] table.ww2yc tbody tr').count()).toBe(48);
      // DuckDB-WASM: stdlib imports it (and Apache Arrow) from its CDN when DuckDBClient.of is
      // called. Offline (this machine reaches the npm registry only) that import fails, and that
      // is the one error allowed; with the CDN reachable, the query counts the table's rows.
      const sql = results[7];
      const offline =
        sql?.ok === false &&
        /dynamically imported module: https:\/\/cdn\.observableusercontent\.com\/npm\/@duckdb\/duckdb-wasm/.test(
          sql.error ?? '',
        );
      if (sql?.ok) expect(sql.value).toEqual([{ n: 48 }]);
      else expect(offline, JSON.stringify(sql)).toBe(true);
      expect(errors.filter((e) => !(offline && /ERR_NAME_NOT_RESOLVED/.test(e)))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
