import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'neutral',
  dts: true,
  clean: true,
  sourcemap: true,
  // Dependencies stay imports: the bundled data is the package's own code.
  external: ['arquero', 'simple-statistics', 'vega', 'vega-lite'],
});
