// examples/quarto.qmd's OJS cells in the Observable runtime, in headless Chromium: Quarto is on
// neither the npm registry nor Debian's, so its cells are compiled as Quarto's OJS does (with
// @observablehq/parser) and run by the Observable runtime and standard library, with Inputs and
// Plot, all from npm and bundled by esbuild; the package is the single-file build of
// `npm run bundle`, imported by a cell as the page publishes it.
//
// The standard library loads DuckDB-WASM 1.24.0 and Apache Arrow 11.0.0 from its CDN; this
// machine cannot reach it, so the page's requests for them are answered from the same versions'
// npm packages (devDependency @duckdb/duckdb-wasm, with its apache-arrow 11), bundled by esbuild
// as the CDN's `+esm` files are: DuckDB's bundle imports Arrow from the CDN's URL, so that both
// share one copy of Arrow, as on the CDN.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCell } from '@observablehq/parser';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromium = findChromium();
const origin = 'http://notebook.test/'; // served by the test (page.route), not by a network
const cdn = 'https://cdn.observableusercontent.com/npm/';
const duckdbDir = join(root, 'node_modules/@duckdb/duckdb-wasm');

/** The CDN's `+esm` files of DuckDB-WASM and Arrow, made from their npm packages. */
async function cdnModules(): Promise<Record<string, string>> {
  const arrowURL = `${cdn}apache-arrow@11.0.0/+esm`;
  const bundle = (options: Parameters<typeof build>[0]) =>
    build({
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      ...options,
    });
  const duckdb = await bundle({
    entryPoints: [join(duckdbDir, 'dist/duckdb-browser.mjs')],
    plugins: [
      {
        name: 'arrow from the CDN',
        setup(b) {
          b.onResolve({ filter: /^apache-arrow$/ }, () => ({ path: arrowURL, external: true }));
        },
      },
    ],
  });
  const arrow = await bundle({
    stdin: { contents: "export * from 'apache-arrow';", resolveDir: duckdbDir },
    mainFields: ['module', 'main'],
  });
  return {
    [`${cdn}@duckdb/duckdb-wasm@1.24.0/+esm`]: duckdb.outputFiles![0]!.text,
    [arrowURL]: arrow.outputFiles![0]!.text,
  };
}

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

type Results = Record<number, { ok: boolean; error?: string; value?: unknown }>;

/**
 * Opens a page that runs `cells` in the Observable runtime, with the single-file build of the
 * package beside it, waits until every cell has answered, and calls `check` with the page.
 */
async function inNotebook(
  cells: Cell[],
  check: (tab: Page, results: Results, errors: string[]) => Promise<void>,
): Promise<void> {
  const modules = await cdnModules();
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
  const bundled = spawnSync(process.execPath, [join(root, 'src/build/bundle.mjs'), '--out', dir], {
    encoding: 'utf8',
  });
  expect(bundled.status, bundled.stderr).toBe(0);
  const files: Record<string, [string, string]> = {
    '': [
      'text/html',
      '<!doctype html><meta charset="utf-8"><title>OJS</title>' +
        `<script>window.cells = ${JSON.stringify(cells).replaceAll('<', '\\u003c')};</script>` +
        '<script type="module" src="page.js"></script>',
    ],
    'page.js': ['text/javascript', page.outputFiles[0]!.text],
    'ww2-yugoslavia-casualties.js': [
      'text/javascript',
      readFileSync(join(dir, 'ww2-yugoslavia-casualties.js'), 'utf8'),
    ],
  };
  const { chromium: browserType } = await import('playwright-core');
  const browser = await browserType.launch({
    executablePath: chromium.found!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    tab.setDefaultTimeout(60_000);
    await tab.route('**/*', (route) => {
      const url = route.request().url();
      const [type, body] = files[url.slice(origin.length)] ?? [];
      if (url.startsWith(origin) && type) return route.fulfill({ contentType: type, body });
      if (modules[url])
        return route.fulfill({ contentType: 'text/javascript', body: modules[url] });
      const file = /^@duckdb\/duckdb-wasm@1\.24\.0\/(dist\/[\w.-]+)$/.exec(
        url.slice(cdn.length),
      )?.[1];
      if (url.startsWith(cdn) && file)
        return route.fulfill({
          contentType: file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
          body: readFileSync(join(duckdbDir, file)),
        });
      return route.fulfill({ status: 404 }); // nothing else leaves the page
    });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(origin);
    await tab.waitForFunction(
      (n) => Object.keys((window as unknown as { results: Results }).results ?? {}).length === n,
      cells.length,
      { timeout: 120_000 },
    );
    const results = await tab.evaluate(() => (window as unknown as { results: Results }).results);
    if (process.env.SCREENSHOT)
      await tab.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
    await check(tab, results, errors);
  } finally {
    await browser.close();
  }
}

/** The cells of a Markdown file's ```js blocks, as notebook cells (Framework's import left out). */
function markdownCells(md: string): Cell[] {
  return [...md.matchAll(/^```js\n([\s\S]*?)^```$/gm)]
    .map(([, source]) => source!)
    .filter((source) => !source.startsWith('import '))
    .flatMap((source) => ojsCells('```{ojs}\n' + source + '```'));
}

// by-nationality.csv: 16 rows a source, 4 of them dashes (null), in each of the three
const counts = ['kocovic', 'yu-1964', 'zerjavic'].map((source) => ({
  source,
  reported: 12,
  not_reported: 4,
}));

describeNeeding('notebook recipes in the Observable runtime, in Chromium', [chromium], () => {
  test('examples/quarto.qmd: Inputs.table shows every row, Plot draws it, DuckDB queries it', async () => {
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
    // and, beyond the .qmd, the same table without the adapter
    cells.push(
      ...ojsCells(
        '```{ojs}\nbare = DuckDBClient.of({ deaths: casualties.load("by-nationality") })\n```\n',
      ),
    );
    await inNotebook(cells, async (tab, results, errors) => {
      expect(
        Object.values(results)
          .slice(0, 7)
          .map((r) => r.ok),
      ).toEqual(Array(7).fill(true));
      // by-nationality.csv: 16 nationalities × 3 sources = 48 rows, dashes included.
      expect(await tab.locator('[data-cell="3"] tbody tr').count()).toBe(48);
      // one dot per reported figure: 48 less the 12 dashes (4 in each source), which draw nothing
      expect(await tab.locator('[data-cell="4"] svg g[aria-label="dot"] circle').count()).toBe(36);
      expect(await tab.locator('[data-cell="5"] table.ww2yc tbody tr').count()).toBe(48);
      expect(results[7]).toEqual({ ok: true, value: counts });
      // Without forObservable, stdlib does not take an Arquero 8 table as Arquero's (no
      // toArrowBuffer), reads its data() method as the rows of { data } and fails.
      expect(results[8]).toEqual({ ok: false, error: 'TypeError: source is not iterable' });
      expect(errors).toEqual([]);
    });
  }, 240_000);

  test('examples/observable.md: every cell runs, but vega-embed, which comes from a CDN', async () => {
    const cells = markdownCells(readFileSync(join(root, 'examples/observable.md'), 'utf8'));
    // The attachment: Observable serves the attached file; here the page serves the same file.
    cells.unshift(
      ...ojsCells(
        '```{ojs}\nFileAttachment = (name) => ({ text: () => fetch(name).then((r) => r.text()) })\n```',
      ),
    );
    const embed = cells.flatMap((c, i) =>
      c.inputs.includes('embed') || c.name === 'embed' ? [i + 1] : [],
    );
    expect(embed).toHaveLength(3);
    await inNotebook(cells, async (tab, results, errors) => {
      const failed = Object.entries(results).filter(([, r]) => !r.ok);
      // require('vega-embed@7') asks jsdelivr, which this machine cannot reach (the page answers
      // 404); the cells that use embed fail with it. Everything else runs.
      expect(failed.map(([i]) => Number(i))).toEqual(embed);
      expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
      const query = Object.values(results).find((r) => Array.isArray(r.value));
      expect(query?.value).toEqual(counts);
      // Inputs.table(byNationality): every row
      expect(await tab.locator('.cell').nth(3).locator('tbody tr').count()).toBe(48);
      // the published tables that do not add up: by location, by republic
      expect(await tab.locator('.cell').nth(10).locator('tbody tr').count()).toBe(2);
      expect(await tab.locator('.cell').nth(14).textContent()).toMatch(/^cell 15 = string$/);
    });
  }, 240_000);
});
