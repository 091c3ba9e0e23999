// ww2-yugoslavia-casualties/notebook: tables and charts that show themselves in Jupyter (the Deno
// kernel) and other notebooks. No vega and no Node built-in: it bundles for a browser. An SVG
// beside the chart (`displayWithSVG`) needs vega, so it lives in ww2-yugoslavia-casualties/render.

export { display, jupyterDisplay } from './display.js';
export type { Displayable, MimeBundle, NotebookDisplayOptions, VegaLiteSpec } from './display.js';
