// ww2-yugoslavia-casualties/charts: the chart builders. Each returns a plain Vega-Lite spec (a JSON
// object) for Observable, Jupyter, vega-embed or ww2-yugoslavia-casualties/render. No vega, no
// vega-lite and no Node built-in is imported: it bundles for a browser. It sits behind its own
// entry so that the core entry (data and analysis) keeps its weight.

export { totalsChart } from './totals.js';
export { compareChart } from './compare.js';
export type { CompareChartOptions } from './compare.js';
export { spreadChart } from './spread.js';
export type { SpreadChartOptions } from './spread.js';
export { slopeChart } from './slope.js';
export type { SlopeChartOptions } from './slope.js';
export { compositionChart } from './composition.js';
export type { CompositionChartOptions } from './composition.js';
export { locationChart } from './location.js';
export { militaryChart } from './military.js';
export { balanceChart } from './balance.js';
export {
  palette,
  shapes,
  fontFamily,
  missingGrey,
  sourceColours,
  measureColours,
  kindColours,
} from './theme.js';
export type { ChartOptions } from './theme.js';
export { sourceNames, kindWords, footer } from './attribution.js';
export type { SourceName } from './attribution.js';
