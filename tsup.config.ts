import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    // The core: data and analysis. No Node built-ins, no vega: it bundles for a browser.
    index: 'src/index.ts',
    // Chart specs, exports and notebook display (browser-safe, kept out of the core's weight).
    charts: 'src/charts/index.ts',
    export: 'src/exchange/index.ts',
    notebook: 'src/notebook/index.ts',
    // The command line (Node only).
    cli: 'src/cli/index.ts',
    // Rendering to SVG and PNG (Node only: vega, vega-lite, resvg).
    render: 'src/render/index.ts',
    // The report: standard charts and the report folder (Node only).
    report: 'src/report/index.ts',
    // Multiple systems estimation (browser-safe, kept out of the core's weight).
    estimate: 'src/estimate/index.ts',
    // Checking a claim and explaining a difference (browser-safe, kept out of the core's weight).
    check: 'src/check/index.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: {
    entry: {
      index: 'src/index.ts',
      charts: 'src/charts/index.ts',
      export: 'src/exchange/index.ts',
      notebook: 'src/notebook/index.ts',
      render: 'src/render/index.ts',
      report: 'src/report/index.ts',
      estimate: 'src/estimate/index.ts',
      check: 'src/check/index.ts',
    },
  },
  clean: true,
  sourcemap: true,
  // Dependencies stay imports: the bundled data is the package's own code.
  external: [
    'arquero',
    'simple-statistics',
    'vega',
    'vega-lite',
    '@resvg/resvg-js',
    'dejavu-fonts-ttf',
    'pdfkit',
    'fontkit',
    // An optional peer dependency: `estimate --engine duckdb` imports it when asked.
    '@duckdb/node-api',
  ],
});
