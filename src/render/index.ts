// ww2-yugoslavia-casualties/render: rendering in Node, Vega-Lite spec → SVG → PNG or PDF. This
// entry imports vega, vega-lite and resvg; the core entry never does. It only names what the
// render folder exports: each function lives in its own file.
export {
  drawChart,
  fontFiles,
  toPNG,
  toSVG,
  type DrawOptions,
  type Drawing,
  type PNGOptions,
  type SVGOptions,
} from './draw.js';
export { displayWithSVG } from './displayWithSVG.js';
export { maxPixels, maxSide } from './sandbox.js';
export { toPDF, type PDFOptions } from './pdf.js';
export { columnWidths, type Column, type LengthUnit, type PrintSize } from './size.js';
