// Rendering in Node: Vega-Lite spec → SVG → PNG. This entry (ww2-yugoslavia-casualties/render)
// imports vega, vega-lite and resvg; the core entry never does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { View, parse, type Loader, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { fontFamily } from '../charts/theme.js';
import {
  checkCanvas,
  checkLoader,
  flattenSortFormulas,
  inlineImagesOnly,
  isStackOverflow,
  sandboxLoader,
  type Refusals,
} from './sandbox.js';

export { maxPixels, maxSide } from './sandbox.js';

const require = createRequire(import.meta.url);
const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * The font files the renderer uses: DejaVu Sans, shipped by the `dejavu-fonts-ttf` package, so that
 * text looks the same on every machine whatever fonts it has.
 */
export const fontFiles: readonly string[] = Object.freeze(
  ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(fonts, f)),
);

/** Options of {@link toSVG}. */
export interface SVGOptions {
  /**
   * The Vega loader that reads the files and URLs a spec names (`data.url`, images), e.g.
   * `vega.loader({ baseURL: 'https://example.org/data/' })`. Default: none, so that a spec from
   * anyone reads no file and fetches nothing (such a spec is refused with an error).
   */
  loader?: Loader;
}

/** Options of {@link toPNG}. */
export interface PNGOptions extends SVGOptions {
  /** Pixels per SVG unit: 2 for print and slides. Default `2`. */
  scale?: number;
}

/**
 * Renders a Vega-Lite spec to SVG text, as Vega draws it (no browser needed). Nothing the spec
 * says reads a file or fetches a URL unless `options.loader` is given; links other than http(s)
 * and mailto (e.g. `javascript:`) are left out.
 *
 * @param spec A Vega-Lite spec, e.g. from `totalsChart()`.
 * @param options `{ loader }`: see {@link SVGOptions}.
 * @returns The SVG document.
 * @throws {InvalidOptionError} If the spec is not an object, Vega-Lite or Vega cannot compile or
 *   run it, or it names a file or URL and no loader was given.
 * @example
 * const svg = await toSVG(totalsChart(load('total-estimates'))); // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export async function toSVG(spec: TopLevelSpec | object, options?: SVGOptions): Promise<string> {
  return render(spec, options, 'toSVG');
}

async function render(
  spec: TopLevelSpec | object,
  options: SVGOptions | undefined,
  fn: string,
): Promise<string> {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InvalidOptionError(`Invalid spec ${show(spec)}: expected a Vega-Lite spec object.`);
  }
  const loader = checkLoader(checkOptions(options, fn).loader, fn);
  const refusals: Refusals = { refused: [] };
  const errors: string[] = [];
  let view: View | undefined;
  try {
    let vega: VegaSpec;
    try {
      vega = flattenSortFormulas(compile(spec as TopLevelSpec).spec);
    } catch (cause) {
      if (isStackOverflow(cause)) throw cause;
      throw new InvalidOptionError(
        `${fn}: invalid spec: Vega-Lite cannot compile it (${show(messageOf(cause))}).`,
        { cause },
      );
    }
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
      throw new InvalidOptionError(
        `${fn}: the spec asks for ${refusals.refused.slice(0, 3).join(', ')}${refusals.refused.length > 3 ? ` and ${refusals.refused.length - 3} more` : ''}; rendering reads no file and fetches no URL unless you pass option loader (e.g. vega.loader({ baseURL })). Expected the data inline (data.values).`,
      );
    }
    if (errors.length > 0) {
      throw new InvalidOptionError(
        `${fn}: the spec cannot be drawn (${show(errors[0]!)}${errors.length > 1 ? ` and ${errors.length - 1} more errors` : ''}).`,
      );
    }
    return svg;
  } catch (error) {
    if (isStackOverflow(error)) {
      throw new InvalidOptionError(
        `${fn}: the spec is nested too deeply to draw (the JavaScript stack overflowed); expected a spec whose nesting does not grow with its data.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    view?.finalize();
  }
}

/** The message of whatever was thrown. */
function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** A Vega logger that prints nothing and keeps the errors (a failed data load is only logged by Vega). */
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

/**
 * Renders a Vega-Lite spec to PNG bytes with resvg, using the package's fonts. The picture may
 * hold at most {@link maxPixels} pixels (width × height × scale²); larger ones are refused before
 * any memory is taken for them.
 *
 * @param spec A Vega-Lite spec.
 * @param options `{ scale, loader }`: pixels per SVG unit (default 2), and see {@link SVGOptions}.
 * @returns The PNG file's bytes.
 * @throws {InvalidOptionError} As {@link toSVG}; if `scale` is not a number above 0 and at most
 *   10, or makes the picture less than a pixel or more than {@link maxPixels}.
 * @example
 * writeFileSync('totals.png', await toPNG(totalsChart(load('total-estimates')), { scale: 2 }));
 */
export async function toPNG(
  spec: TopLevelSpec | object,
  options?: PNGOptions,
): Promise<Uint8Array> {
  const { scale = 2, loader } = checkOptions(options, 'toPNG');
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new InvalidOptionError(
      `Invalid scale ${show(scale)}: expected a number above 0 and at most 10.`,
    );
  }
  const svg = await render(spec, { loader }, 'toPNG');
  checkCanvas(svg, scale, 'toPNG');
  const { Resvg } = await import('@resvg/resvg-js'); // a native addon: loaded only when a PNG is asked for
  try {
    const resvg = new Resvg(inlineImagesOnly(svg), {
      fitTo: { mode: 'zoom', value: scale },
      background: 'white',
      font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: fontFamily },
    });
    return resvg.render().asPng();
  } catch (cause) {
    throw new InvalidOptionError(
      `toPNG: resvg cannot draw the chart (${show(messageOf(cause))}).`,
      { cause },
    );
  }
}

export { displayWithSVG } from '../notebook/svg.js';
