// Drawing a Vega-Lite spec in Node: spec → SVG → PNG (toSVG, toPNG) and a chart to a file
// (drawChart). Imports vega, vega-lite and resvg; the core entry never does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { View, parse, type Loader, type Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { fontFamily } from '../charts/theme.js';
import { compileSpec, layOut } from './layout.js';
import { useFontMetrics } from './metrics.js';
import { pdfOfView } from './pdf.js';
import { withResolution } from './png.js';
import {
  checkCanvas,
  checkLoader,
  inlineImagesOnly,
  isStackOverflow,
  sandboxLoader,
  withoutURLs,
  type Refusals,
} from './sandbox.js';
import { checkDPI, pixelsPerInch, printWidth, type PrintSize } from './size.js';

const require = createRequire(import.meta.url);
const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * The font files the renderer uses: DejaVu Sans, shipped by the `dejavu-fonts-ttf` package, so that
 * text looks the same on every machine whatever fonts it has.
 */
export const fontFiles: readonly string[] = Object.freeze(
  ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(fonts, f)),
);

/** Options of {@link toSVG}: the printed size (see {@link PrintSize}) and a loader. */
export interface SVGOptions extends PrintSize {
  /**
   * The Vega loader that reads the files and URLs a spec names (`data.url`, images), e.g.
   * `vega.loader({ baseURL: 'https://example.org/data/' })`. Default: none, so that a spec from
   * anyone reads no file and fetches nothing (such a spec is refused with an error).
   */
  loader?: Loader;
}

/** Options of {@link toPNG}. */
export interface PNGOptions extends SVGOptions {
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
 * Renders a Vega-Lite spec to SVG text, as Vega draws it (no browser needed). Nothing the spec
 * says reads a file or fetches a URL unless `options.loader` is given; links other than http(s)
 * and mailto (e.g. `javascript:`) are left out.
 *
 * @param spec A Vega-Lite spec, e.g. from `totalsChart()`.
 * @param options `{ width, unit, column }`: a printed width; the chart is laid out anew at that
 *   width (text keeps its size) and the SVG's `width` and `height` are given in mm. `{ loader }`:
 *   see {@link SVGOptions}.
 * @returns The SVG document.
 * @throws {InvalidOptionError} If the spec is not an object, Vega-Lite or Vega cannot compile or
 *   run it, it names a file or URL and no loader was given, or the printed width is not a length
 *   or too narrow for the chart's text.
 * @example
 * const svg = await toSVG(totalsChart(load('total-estimates')));
 * // '<svg xmlns="http://www.w3.org/2000/svg" …'
 * await toSVG(spec, { column: 'double' });
 * // '<svg … width="175mm" height="…mm" viewBox="0 0 661 …"'
 */
export async function toSVG(spec: TopLevelSpec | object, options?: SVGOptions): Promise<string> {
  const { loader, ...size } = checkOptions(options, 'toSVG');
  const inches = printWidth(size);
  const svg = await drawSVG(spec, inches, checkLoader(loader, 'toSVG'), 'toSVG');
  return inches ? printedSize(svg, inches) : svg;
}

/**
 * The SVG of a spec, laid out at a printed width if one is given; its size in px. Loads go through
 * the sandbox: refused unless a loader is given.
 */
async function drawSVG(
  spec: object,
  inches: number | undefined,
  loader: Loader | undefined,
  fn: string,
  more?: (view: View) => Promise<void>,
): Promise<string> {
  const refusals: Refusals = { refused: [] };
  const errors: string[] = [];
  let view: View | undefined;
  let release: (() => void) | undefined;
  try {
    const vega: VegaSpec = inches
      ? (
          await layOut(
            spec,
            Math.round(inches * pixelsPerInch),
            `${(inches * 25.4).toFixed(1)} mm`,
            fn,
          )
        ).vega
      : compileSpec(spec, fn);
    release = useFontMetrics(); // put back as it was in finally: no global state changed
    try {
      view = new View(parse(vega), {
        renderer: 'none',
        loader: sandboxLoader(loader, refusals),
        logger: quietLogger(errors),
      });
    } catch (cause) {
      if (isStackOverflow(cause)) throw cause;
      throw new InvalidOptionError(
        `${fn}: invalid spec: Vega cannot parse it (${show(messageOf(cause))}).`,
        { cause },
      );
    }
    let svg: string;
    try {
      svg = await view.toSVG();
    } catch (cause) {
      if (isStackOverflow(cause)) throw cause;
      throw new InvalidOptionError(`${fn}: the spec cannot be drawn (${show(messageOf(cause))}).`, {
        cause,
      });
    }
    if (refusals.refused.length > 0) {
      const { refused } = refusals;
      const others = refused.length > 3 ? ` and ${refused.length - 3} more` : '';
      throw new InvalidOptionError(
        `${fn}: the spec asks for ${refused.slice(0, 3).join(', ')}${others}; ` +
          'rendering reads no file and fetches no URL unless you pass option loader (e.g. ' +
          'vega.loader({ baseURL })). Expected the data inline (data.values).',
      );
    }
    if (errors.length > 0) {
      const others = errors.length > 1 ? ` and ${errors.length - 1} more errors` : '';
      throw new InvalidOptionError(
        `${fn}: the spec cannot be drawn (${show(errors[0]!)}${others}).`,
      );
    }
    if (more) await more(view); // e.g. the PDF, from the same view: the chart is drawn once
    return withoutURLs(svg); // nothing in it fetches: no url(…) but to itself, no style but Vega's
  } catch (error) {
    if (isStackOverflow(error)) {
      throw new InvalidOptionError(
        `${fn}: the spec is nested too deeply to draw (the JavaScript stack overflowed); ` +
          'expected a spec whose nesting does not grow with its data.',
        { cause: error },
      );
    }
    throw error;
  } finally {
    view?.finalize();
    release?.();
  }
}

/** The message of whatever was thrown. */
function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * A Vega logger that prints nothing and keeps the
 * errors (a failed data load is only logged by Vega).
 */
function quietLogger(errors: string[]) {
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
      return logger;
    },
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return logger as never;
}

/** The width in px of an SVG from Vega (its `width` attribute). */
function svgWidth(svg: string): number {
  return Number(svg.slice(0, 2000).match(/<svg\b[^>]*?\swidth="([\d.]+)"/)?.[1]);
}

/** Gives an SVG from Vega its printed size in mm, keeping its viewBox in px. */
function printedSize(svg: string, inches: number): string {
  return svg.replace(/^(<svg[^>]*?) width="([\d.]+)" height="([\d.]+)"/, (_, head, w, h) => {
    const mm = inches * 25.4;
    return `${head} width="${+mm.toFixed(2)}mm" height="${+((mm * +h) / +w).toFixed(2)}mm"`;
  });
}

/**
 * Renders a Vega-Lite spec to PNG bytes with resvg, using the package's fonts. The picture may
 * hold at most {@link maxPixels} pixels (width × height × scale²); larger ones are refused before
 * any memory is taken for them.
 *
 * @param spec A Vega-Lite spec.
 * @param options `{ scale }` (pixels per SVG unit, default 2), or a printed size `{ width | column,
 *   dpi }`: e.g. `{ column: 'single', dpi: 600 }` is 85 mm at 600 dpi, 2008 px wide; and
 *   `{ loader }`, see {@link SVGOptions}.
 * @returns The PNG file's bytes (with its resolution in a `pHYs` chunk when `dpi` is known).
 * @throws {InvalidOptionError} As {@link toSVG}; if `scale` is not a positive number up to 10,
 *   `dpi` is not from 72 to 2400, `scale` is given with `dpi` or a width, the width is bad, or the
 *   picture would be less than a pixel or more than {@link maxPixels}.
 * @example
 * writeFileSync('totals.png', await toPNG(totalsChart(load('total-estimates')), { scale: 2 }));
 * writeFileSync('totals-600dpi.png', await toPNG(spec, { column: 'single', dpi: 600 }));
 */
export async function toPNG(
  spec: TopLevelSpec | object,
  options?: PNGOptions,
): Promise<Uint8Array> {
  const { scale: given, dpi: dpiGiven, loader, ...size } = checkOptions(options, 'toPNG');
  const inches = printWidth(size);
  if (given !== undefined && (inches !== undefined || dpiGiven !== undefined))
    throw new InvalidOptionError(
      `Both scale ${show(given)} and a printed size (width, column or dpi) were given: expected ` +
        'one of them.',
    );
  const scale = given ?? 2;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new InvalidOptionError(
      `Invalid scale ${show(scale)}: expected a number above 0 and at most 10.`,
    );
  }
  const dpi = dpiGiven === undefined ? (inches ? 300 : undefined) : checkDPI(dpiGiven);
  const svg = await drawSVG(spec, inches, checkLoader(loader, 'toPNG'), 'toPNG');
  return rasterize(svg, inches, scale, dpi, 'toPNG');
}

/**
 * PNG bytes of an SVG drawn by {@link drawSVG}: at the printed width at `dpi`, or the chart's own
 * size at `dpi`, or at `scale`. Refuses a picture larger than {@link maxPixels}; draws inline
 * images only.
 */
async function rasterize(
  svg: string,
  inches: number | undefined,
  scale: number,
  dpi: number | undefined,
  fn: string,
): Promise<Uint8Array> {
  // The printed width at dpi, in pixels; or the chart's own size at dpi, or at scale.
  const fitTo = inches
    ? { mode: 'width' as const, value: Math.round(inches * dpi!) }
    : { mode: 'zoom' as const, value: dpi ? dpi / pixelsPerInch : scale };
  checkCanvas(svg, fitTo.mode === 'width' ? fitTo.value / svgWidth(svg) : fitTo.value, fn);
  // a native addon: loaded only when a PNG is asked for
  const { Resvg } = await import('@resvg/resvg-js');
  let png: Uint8Array;
  try {
    const resvg = new Resvg(inlineImagesOnly(svg), {
      fitTo,
      background: 'white',
      font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: fontFamily },
    });
    png = resvg.render().asPng();
  } catch (cause) {
    throw new InvalidOptionError(
      `${fn}: resvg cannot draw the chart (${show(messageOf(cause))}).`,
      {
        cause,
      },
    );
  }
  return dpi ? withResolution(png, dpi) : png;
}

/** What {@link drawChart} gives: one drawing of a chart in each format. */
export interface Drawing {
  /** The SVG document, as {@link toSVG} gives it. */
  svg: string;
  /** The PNG bytes at scale 2, as `toPNG(spec)` gives them. */
  png: Uint8Array;
  /** The PDF bytes, as `toPDF(spec)` gives them, when asked for with `{ pdf: true }`. */
  pdf?: Uint8Array;
}

/** Options of {@link drawChart}. */
export interface DrawOptions {
  /** Whether to make the PDF too. Default `false`. */
  pdf?: boolean;
}

/**
 * Draws a chart once and gives it as SVG, PNG and (with `{ pdf: true }`) PDF: Vega runs the
 * chart's view once, the SVG and the PDF are both drawn from that view, and the PNG is the SVG
 * rasterized. The same files as `toSVG(spec)`, `toPNG(spec)` and `toPDF(spec)`, which would run
 * the view three times; the report draws its charts this way. Like them it reads no file and
 * fetches no URL.
 *
 * @param spec A Vega-Lite spec, e.g. from `totalsChart()`.
 * @param options `{ pdf }`: whether to make the PDF too.
 * @returns The drawing as `{ svg, png, pdf }`.
 * @throws {InvalidOptionError} As {@link toSVG} and {@link toPNG} at their defaults.
 * @example
 * const { svg, png, pdf } = await drawChart(totalsChart(load('total-estimates')), { pdf: true });
 */
export async function drawChart(
  spec: TopLevelSpec | object,
  options?: DrawOptions,
): Promise<Drawing> {
  const { pdf: withPDF = false } = checkOptions(options, 'drawChart');
  if (typeof withPDF !== 'boolean')
    throw new InvalidOptionError(
      `drawChart: option pdf is ${show(withPDF)}; expected true or false.`,
    );
  let pdf: Uint8Array | undefined;
  const svg = await drawSVG(spec, undefined, undefined, 'drawChart', async (view) => {
    if (withPDF) pdf = await pdfOfView(view, spec, undefined);
  });
  const png = await rasterize(svg, undefined, 2, undefined, 'drawChart');
  return pdf ? { svg, png, pdf } : { svg, png };
}
