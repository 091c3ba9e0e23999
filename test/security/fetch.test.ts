// Output that fetches (issue 26): a spec's `blend` was written verbatim into a `style` attribute
// and a `fill: "url(http://…)"` as a paint reference, so that Chromium opening the SVG or the
// report's index.html fetched the URLs. Here Chromium opens both, made from hostile specs, against
// a local server that counts every request it gets: none may reach it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { drawChart, toSVG } from '../../src/render/index.js';
import { writeReport } from '../../src/report/index.js';
import { findChromium } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const chromium = findChromium();
const requests: string[] = [];
let server: Server;
let origin = '';
let browser: Browser | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (chromium.found) {
    const { chromium: browserType } = await import('playwright-core');
    browser = await browserType.launch({
      executablePath: chromium.found,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Every way found to make vega-scenegraph's SVG name a URL, each pointing at the server. */
const hostile = () => {
  const u = (path: string) => `${origin}/${path}`;
  const base = {
    data: { values: [{ a: 'x', b: 3 }] },
    encoding: { x: { field: 'a' }, y: { field: 'b', type: 'quantitative' } },
  };
  return {
    blend: {
      ...base,
      mark: { type: 'bar', blend: `multiply;background-image:url(${u('blend')})` },
    },
    fill: {
      ...base,
      mark: { type: 'bar', fill: `url(${u('fill')}#p)`, stroke: `url(${u('s')}#p)` },
    },
    escaped: { ...base, mark: { type: 'bar', fill: `u\\72l(${u('escaped')}#p)` } },
    cursor: { ...base, mark: { type: 'bar', cursor: `url(${u('cursor')}), auto` } },
    background: { ...base, background: `url(${u('background')}#p)`, mark: 'bar' },
    expression: { ...base, mark: { type: 'bar', fill: { expr: `'url(${u('expr')}#p)'` } } },
    data: {
      data: { values: [{ a: 'x', b: 3, c: `url(${u('data')}#p)` }] },
      mark: 'bar',
      encoding: { ...base.encoding, fill: { field: 'c', type: 'nominal', scale: null } },
    },
    gradient: {
      ...base,
      mark: {
        type: 'bar',
        fill: {
          gradient: 'linear',
          stops: [
            { offset: 0, color: `url(${u('stop')}#p)` },
            { offset: 1, color: 'red' },
          ],
        },
      },
    },
    font: { ...base, mark: { type: 'text', text: 'x', font: `x;background:url(${u('font')})` } },
    dash: { ...base, mark: { type: 'rule', strokeDash: `url(${u('dash')})` as never } },
  };
};

/** Opens a file in Chromium and waits until the network is idle; the requests it made. */
async function open(file: string): Promise<void> {
  const page = await browser!.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'networkidle' });
  await page.close();
}

describeNeeding('output opened in Chromium fetches nothing', [chromium], () => {
  test('the server counts what Chromium fetches (an <img> of it is one request)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-fetch-'));
    writeFileSync(join(dir, 'control.html'), `<img src="${origin}/control">`);
    await open(join(dir, 'control.html'));
    expect(requests).toEqual(['/control']);
    requests.length = 0;
  });

  test('SVGs of hostile specs and a report of them: 0 requests (blend and url() fetched)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-fetch-'));
    const specs = Object.entries(hostile());
    for (const [name, spec] of specs) {
      const svg = await toSVG(spec);
      // a URL may stay as words read out (aria-label), never where CSS reads it
      expect(svg.replace(/ aria-label="[^"]*"/g, ''), name).not.toContain(origin);
      writeFileSync(join(dir, `${name}.svg`), svg);
      await open(join(dir, `${name}.svg`));
    }
    const out = join(dir, 'report');
    await writeReport(out, {
      charts: specs.map(([name, spec]) => ({ name, dataset: 'by-status' as const, spec })),
      draw: (spec) => drawChart(spec),
    });
    await open(join(out, 'index.html'));
    expect(requests).toEqual([]);
  }, 120_000);
});
