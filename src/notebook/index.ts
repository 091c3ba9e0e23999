// Notebooks: values that show themselves in Jupyter (the Deno kernel). No Node built-ins, no
// vega: this part belongs to the core entry. The SVG fallback, which renders with vega, is in
// ./svg.ts (Node only).
export { display, jupyterDisplay } from './display.js';
export type { Displayable, MimeBundle, NotebookDisplayOptions, VegaLiteSpec } from './display.js';
