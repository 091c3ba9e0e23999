// The estimate entry bundles for a browser: no Node built-in, no vega, and the core entry does not grow.
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

const dist = (f: string) => new URL(`../../dist/${f}`, import.meta.url).pathname;

describe('ww2-yugoslavia-casualties/estimate in a browser', () => {
  test('bundles for the browser platform without Node built-ins or rendering code', async () => {
    const r = await build({
      entryPoints: [dist('estimate.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((i) => /node_modules\/(vega|vega-lite|@resvg|@duckdb)\//.test(i))).toEqual(
      [],
    );
    expect(r.outputFiles[0]!.text).not.toMatch(/from ["']node:/);
  });

  test('the core entry does not pull in the estimation code', async () => {
    const r = await build({
      entryPoints: [dist('index.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      external: ['arquero', 'simple-statistics', '@uwdata/flechette'],
      logLevel: 'silent',
    });
    expect(r.outputFiles[0]!.text).not.toMatch(/bayesianModelAveraging|captureHistories/);
  });
});
