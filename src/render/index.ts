// Rendering in Node: Vega-Lite spec → SVG → PNG. This entry (ww2-yugoslavia-casualties/render)
// imports vega, vega-lite and resvg; the core entry never does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vega from 'vega';
import { View, parse, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, show } from '../errors.js';
import { fontFamily } from '../charts/theme.js';
import { measure, readMetrics, type FontMetrics } from './metrics.js';

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

type WidthFn = (item: TextItem, text: unknown) => number;
/** Vega's text metrics (exported by vega-scenegraph, not declared in vega's types). */
const textMetrics = (vega as unknown as { textMetrics: { width: WidthFn; estimateWidth: WidthFn } })
  .textMetrics;

let metrics: { regular: FontMetrics; bold: FontMetrics; italic: FontMetrics } | undefined;
let rendering = 0;
type TextItem = { fontSize?: number | string; fontWeight?: string | number; fontStyle?: string };

/** The width of a text item as resvg will draw it: with the shipped font's advance widths. */
function fontWidth(item: TextItem, text: unknown): number {
  metrics ??= {
    regular: readMetrics(fontFiles[0]!),
    bold: readMetrics(fontFiles[1]!),
    italic: readMetrics(fontFiles[2]!),
  };
  const size = item.fontSize == null ? 11 : Number(item.fontSize);
  const line = (
    Array.isArray(text)
      ? text.join(' ')
      : typeof text === 'string'
        ? text
        : text == null
          ? ''
          : JSON.stringify(text)
  ).trim();
  if (!(size > 0) || !line) return 0;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const italic = item.fontStyle === 'italic' || item.fontStyle === 'oblique';
  return measure(bold ? metrics.bold : italic ? metrics.italic : metrics.regular, line, size);
}

/** Options of {@link toPNG}. */
export interface PNGOptions {
  /** Pixels per SVG unit: 2 for print and slides. Default `2`. */
  scale?: number;
}

/**
 * Renders a Vega-Lite spec to SVG text, as Vega draws it (no browser needed). Text is measured
 * with the shipped font (DejaVu Sans), the font {@link toPNG} draws it with, so labels are neither
 * cut short nor given blank margins.
 *
 * @param spec A Vega-Lite spec, e.g. from `totalsChart()`.
 * @returns The SVG document.
 * @throws {InvalidOptionError} If the spec is not an object or Vega-Lite cannot compile it.
 * @example
 * const svg = await toSVG(totalsChart(load('total-estimates'))); // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export async function toSVG(spec: TopLevelSpec | object): Promise<string> {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InvalidOptionError(`Invalid spec ${show(spec)}: expected a Vega-Lite spec object.`);
  }
  let vega: VegaSpec;
  try {
    vega = compile(spec as TopLevelSpec).spec;
  } catch (cause) {
    throw new InvalidOptionError(
      `Invalid spec: Vega-Lite cannot compile it (${(cause as Error).message}).`,
      { cause },
    );
  }
  // Lay the chart out with the widths of the font the PNG is drawn with (Vega's own guess, without
  // a canvas, is 0.8 em a character); Vega's default comes back once no rendering is under way.
  const estimate = textMetrics.estimateWidth;
  rendering++;
  textMetrics.width = fontWidth;
  let view: View | undefined;
  try {
    view = new View(parse(vega), { renderer: 'none' });
    return await view.toSVG();
  } finally {
    view?.finalize();
    if (--rendering === 0) textMetrics.width = estimate;
  }
}

/**
 * Renders a Vega-Lite spec to PNG bytes with resvg, using the package's fonts.
 *
 * @param spec A Vega-Lite spec.
 * @param options `{ scale }`: pixels per SVG unit. Default 2.
 * @returns The PNG file's bytes.
 * @throws {InvalidOptionError} If the spec cannot be compiled, or `scale` is not a positive number up to 10.
 * @example
 * writeFileSync('totals.png', await toPNG(totalsChart(load('total-estimates')), { scale: 2 }));
 */
export async function toPNG(
  spec: TopLevelSpec | object,
  options: PNGOptions = {},
): Promise<Uint8Array> {
  const { scale = 2 } = options;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new InvalidOptionError(
      `Invalid scale ${show(scale)}: expected a number above 0 and at most 10.`,
    );
  }
  const svg = await toSVG(spec);
  const { Resvg } = await import('@resvg/resvg-js'); // a native addon: loaded only when a PNG is asked for
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: fontFamily },
  });
  return resvg.render().asPng();
}

export { displayWithSVG } from '../notebook/svg.js';
