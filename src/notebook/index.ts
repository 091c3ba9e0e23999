// ww2-yugoslavia-casualties/notebook: tables and charts that show themselves in notebooks (Deno,
// ijavascript, tslab, Observable). No vega and no Node built-in: it bundles for a browser. An SVG
// beside the chart (`displayWithSVG`) needs vega, so it lives in ww2-yugoslavia-casualties/render.

export { display, jupyterDisplay } from './display.js';
export type {
  Cell,
  Displayable,
  MimeBundle,
  NotebookDisplayOptions,
  VegaLiteSpec,
} from './display.js';
export { showIn, showTypes } from './tslab.js';
export type { ShowType, TslabDisplay } from './tslab.js';
export { forObservable } from './observable.js';
export { displayWithSVG } from './svg-lazy.js';
export type { ObservableTable } from './observable.js';
