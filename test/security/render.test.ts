// Rendering a spec from anyone: no file read, no URL fetched, no link that runs script, no
// picture larger than the cap, no crash of the process, and no stack overflow from the data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from 'arquero';
import { loader } from 'vega';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, load } from '../../src/index.js';
import { compareChart, totalsChart } from '../../src/charts/index.js';
import { displayWithSVG, maxPixels, toPNG, toSVG } from '../../src/render/index.js';
import { manyFigures } from './rows.js';

const render = new URL('../../dist/render.js', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'ww2yc-render-'));
const secret = join(dir, 'secret.txt');
writeFileSync(secret, 'name\nTOP-SECRET-LINE\n');
const textOf = (data: object) => ({
  mark: 'text',
  data,
  encoding: { text: { field: 'name', type: 'nominal' } },
});

describe('rendering reads no file and fetches no URL unless given a loader', () => {
  test('data.url naming a local file is refused (it put the file into the SVG)', async () => {
    const spec = textOf({ url: secret, format: { type: 'csv' } });
    await expect(toSVG(spec)).rejects.toThrow(InvalidOptionError);
    await expect(toSVG(spec)).rejects.toThrow(/reads no file and fetches no URL/);
    await expect(toPNG(spec)).rejects.toThrow(InvalidOptionError);
    await expect(displayWithSVG(spec as never)).rejects.toThrow(InvalidOptionError);
  });

  test('an http URL is not fetched: the server gets no request', async () => {
    let requests = 0;
    const server = createServer((_, res) => {
      requests++;
      res.end('name\nFETCHED\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    try {
      const spec = textOf({ url: `http://127.0.0.1:${port}/x.csv`, format: { type: 'csv' } });
      await expect(toSVG(spec)).rejects.toThrow(/fetches no URL/);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  test('an image mark naming a file is refused', async () => {
    const spec = {
      mark: 'image',
      data: { values: [{ u: secret }] },
      encoding: { url: { field: 'u', type: 'nominal' } },
    };
    await expect(toSVG(spec)).rejects.toThrow(/the image/);
  });

  test('with a loader the caller made, the file is read', async () => {
    const spec = textOf({ url: 'secret.txt', format: { type: 'csv' } });
    const svg = await toSVG(spec, { loader: loader({ baseURL: `${dir}/`, mode: 'file' }) });
    expect(svg).toContain('TOP-SECRET-LINE');
  });

  test('option loader must be a Vega loader', async () => {
    await expect(toSVG(textOf({ values: [] }), { loader: {} as never })).rejects.toThrow(
      /option loader is \{\}; expected a Vega loader/,
    );
  });
});

describe('links', () => {
  test('a javascript: href neither crashes Node nor reaches the SVG (it ended the process)', () => {
    const script = `
      import { toSVG } from ${JSON.stringify(render)};
      const spec = (href) => ({ mark: 'text', data: { values: [{ a: 'x' }] },
        encoding: { text: { field: 'a' }, href: { value: href } } });
      const bad = await toSVG(spec('javascript:alert(1)'));
      const tab = await toSVG(spec('java\\tscript:alert(1)'));
      const data = await toSVG(spec('data:text/html,<script>alert(1)</script>'));
      const good = await toSVG(spec('https://example.org/a'));
      console.log(JSON.stringify({ bad: /href/.test(bad), tab: /href/.test(tab), data: /href/.test(data), good: /xlink:href="https:\\/\\/example.org\\/a"/.test(good) }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ bad: false, tab: false, data: false, good: true });
  });
});

describe('the size of a PNG is capped', () => {
  test('12,000 px square at scale 2 is refused before drawing (it used 4.6 GB)', async () => {
    const spec = { mark: 'point', data: { values: [{}] }, width: 12_000, height: 12_000 };
    await expect(toPNG(spec)).rejects.toThrow(InvalidOptionError);
    await expect(toPNG(spec)).rejects.toThrow(/pixels \(width × height × scale²\)/);
    expect(maxPixels).toBe(40_000_000);
  });

  test('a tiny scale is the package error, not resvg’s', async () => {
    const spec = totalsChart(load('total-estimates'));
    await expect(toPNG(spec, { scale: 1e-9 })).rejects.toThrow(
      /less than a pixel wide or high; expected a larger scale/,
    );
  });
});

describe('no recursion that grows with the data', () => {
  test('1,000 categories render (a sort list of 1,000 overflowed the stack)', async () => {
    const n = 1000;
    const regions = Array.from({ length: n }, (_, i) => `r-${i}`);
    const t = table({
      source: regions.map(() => 'kocovic'),
      region: regions,
      measure: regions.map(() => 'deaths'),
      unit: regions.map(() => 'persons'),
      value: regions.map((_, i) => i),
      low: regions.map((_, i) => i),
      high: regions.map((_, i) => i),
      qualifier: regions.map(() => 'exact'),
      label: regions.map((r) => r),
      note: regions.map(() => null),
    });
    const svg = await toSVG(compareChart(t, { by: 'region' }));
    // the last of the 1,000 is drawn, its key 'r-999' written for a reader as 'r 999'
    expect(svg).toContain('>r 999<');
  }, 60_000);

  test('20,000 rows make a chart spec (Math.min(...values) overflowed the stack at 200,000)', () => {
    // every row is described (the totals chart lists each figure): 20,000 of them, no overflow
    expect(totalsChart(manyFigures(20_000)).description).toContain(
      'Dot plot of 20000 published totals',
    );
    // 200,000 are refused by the chart budget, with the package's error, not a stack overflow
    expect(() => totalsChart(manyFigures(200_000))).toThrow(
      /expected at most 20000 \(the budget maxChartRows/,
    );
  }, 120_000);
});

describe('bad input gets the package error', () => {
  test('toPNG(spec, null), an unknown Vega function', async () => {
    const spec = totalsChart(load('total-estimates'));
    await expect(toPNG(spec, null as never)).rejects.toThrow(InvalidOptionError);
    await expect(
      toSVG({
        mark: 'point',
        data: { values: [{ a: 1 }] },
        transform: [{ calculate: 'nosuchfunction(1)', as: 'b' }],
      }),
    ).rejects.toThrow(/Vega cannot parse it \('Unrecognized function: nosuchfunction'\)/);
  });
});
