// Rendering in Node: Vega-Lite spec → SVG → PNG. This entry (ww2-yugoslavia-casualties/render)
// imports vega, vega-lite and resvg; the core entry never does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { View, parse, type Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { fontFamily } from '../charts/theme.js';
import { compileSpec, layOut } from './layout.js';
import { useFontMetrics } from './metrics.js';
import { withResolution } from './png.js';
import { checkDPI, pixelsPerInch, printWidth, type PrintSize } from './size.js';

const require = createRequire(import.meta.url);
const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * The font files the renderer uses: DejaVu Sans, shipped by the `dejavu-fonts-ttf` package, so that
 * text looks the same on every machine whatever fonts it has.
 */
export const fontFiles: readonly string[] = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique.ttf',
].map((f) => join(fonts, f));

/** Options of {@link toSVG}: the printed size (see {@link PrintSize}). */
export type SVGOptions = PrintSize;

/** Options of {@link toPNG}. */
export interface PNGOptions extends PrintSize {
  /** Pixels per SVG unit, when neither `width`, `column` nor `dpi` is given. Default `2`. */
  scale?: number;
  /**
   * Dots per inch of the printed figure (journals ask for 300 or 600), written into the PNG.
   * With `width` or `column` the PNG is that width at this resolution (default 300); alone, it
   * draws the chart at its own size at 96 px per inch.
   */
  dpi?: number;
}

/**
 * Renders a Vega-Lite spec to SVG text, as Vega draws it (no browser needed).
 *
 * @param spec A Vega-Lite spec, e.g. from `totalsChart()`.
 * @param options `{ width, unit, column }`: a printed width; the chart is laid out anew at that
 *   width (text keeps its size) and the SVG's `width` and `height` are given in mm.
 * @returns The SVG document.
 * @throws {InvalidOptionError} If the spec is not an object or Vega-Lite cannot compile it, or
 *   the printed width is not a length or too narrow for the chart's text.
 * @example
 * const svg = await toSVG(totalsChart(load('total-estimates'))); // '<svg xmlns="http://www.w3.org/2000/svg" …'
 * await toSVG(spec, { column: 'double' }); // '<svg … width="175mm" height="…mm" viewBox="0 0 661 …"'
 */
export async function toSVG(
  spec: TopLevelSpec | object,
  options: SVGOptions = {},
): Promise<string> {
  const inches = printWidth(checkOptions(options, 'toSVG'));
  const svg = await drawSVG(spec, inches);
  return inches ? printedSize(svg, inches) : svg;
}

/** The SVG of a spec, laid out at a printed width if one is given; its size in px. */
async function drawSVG(spec: object, inches: number | undefined): Promise<string> {
  const vega: VegaSpec = inches
    ? (await layOut(spec, Math.round(inches * pixelsPerInch), `${(inches * 25.4).toFixed(1)} mm`))
        .vega
    : compileSpec(spec);
  useFontMetrics();
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Gives an SVG from Vega its printed size in mm, keeping its viewBox in px. */
function printedSize(svg: string, inches: number): string {
  return svg.replace(/^(<svg[^>]*?) width="([\d.]+)" height="([\d.]+)"/, (_, head, w, h) => {
    const mm = inches * 25.4;
    return `${head} width="${+mm.toFixed(2)}mm" height="${+((mm * +h) / +w).toFixed(2)}mm"`;
  });
}

/**
 * Renders a Vega-Lite spec to PNG bytes with resvg, using the package's fonts.
 *
 * @param spec A Vega-Lite spec.
 * @param options `{ scale }` (pixels per SVG unit, default 2), or a printed size `{ width | column,
 *   dpi }`: e.g. `{ column: 'single', dpi: 600 }` is 85 mm at 600 dpi, 2008 px wide.
 * @returns The PNG file's bytes (with its resolution in a `pHYs` chunk when `dpi` is known).
 * @throws {InvalidOptionError} If the spec cannot be compiled, `scale` is not a positive number up
 *   to 10, `dpi` is not from 72 to 2400, `scale` is given with `dpi` or a width, or the width is bad.
 * @example
 * writeFileSync('totals.png', await toPNG(totalsChart(load('total-estimates')), { scale: 2 }));
 * writeFileSync('totals-600dpi.png', await toPNG(spec, { column: 'single', dpi: 600 }));
 */
export async function toPNG(
  spec: TopLevelSpec | object,
  options: PNGOptions = {},
): Promise<Uint8Array> {
  const { scale: given, dpi: dpiGiven, ...size } = checkOptions(options, 'toPNG');
  const inches = printWidth(size);
  if (given !== undefined && (inches !== undefined || dpiGiven !== undefined))
    throw new InvalidOptionError(
      `Both scale ${show(given)} and a printed size (width, column or dpi) were given: expected one of them.`,
    );
  const scale = given ?? 2;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new InvalidOptionError(
      `Invalid scale ${show(scale)}: expected a number above 0 and at most 10.`,
    );
  }
  const dpi = dpiGiven === undefined ? (inches ? 300 : undefined) : checkDPI(dpiGiven);
  const svg = await drawSVG(spec, inches);
  // The printed width at dpi, in pixels; or the chart's own size at dpi, or at scale.
  const fitTo = inches
    ? { mode: 'width' as const, value: Math.round(inches * dpi!) }
    : { mode: 'zoom' as const, value: dpi ? dpi / pixelsPerInch : scale };
  const { Resvg } = await import('@resvg/resvg-js'); // a native addon: loaded only when a PNG is asked for
  const resvg = new Resvg(svg, {
    fitTo,
    background: 'white',
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: fontFamily },
  });
  const png = resvg.render().asPng();
  return dpi ? withResolution(png, dpi) : png;
}

export { displayWithSVG } from '../notebook/svg.js';
export { toPDF, type PDFOptions } from './pdf.js';
export { columnWidths, type Column, type LengthUnit, type PrintSize } from './size.js';
