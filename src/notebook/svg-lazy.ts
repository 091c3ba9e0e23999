// displayWithSVG for notebooks, from the browser-safe /notebook entry: it loads the render entry
// (vega) only when called. ijavascript runs cells in a vm that cannot import(), and Node cannot
// require() the render entry (vega-canvas awaits at load); an import() made here, in a module
// file, works in both.
import type { Displayable, VegaLiteSpec } from './bundle.js';
import { InvalidOptionError } from '../errors.js';

// A name in a variable, so that bundlers leave it to the runtime (a browser bundle has no vega).
const renderEntry = 'ww2-yugoslavia-casualties/render';

/**
 * Like `display(spec)` for a chart, with the chart drawn as `image/svg+xml` by vega beside the
 * `application/vnd.vegalite.v5+json`: the render entry's `displayWithSVG`, loaded when called
 * (Node or Deno only; `/notebook` itself stays free of vega).
 *
 * @param spec A Vega-Lite spec object.
 * @returns A promise of the {@link Displayable}.
 * @throws {InvalidOptionError} If the render entry cannot be loaded here (a browser), or `spec`
 *   is not a Vega-Lite spec.
 * @example
 * // ijavascript: $$.sendResult shows what a promise resolves to
 * $$.sendResult(displayWithSVG(totalsChart(load('total-estimates'))));
 */
export async function displayWithSVG(spec: VegaLiteSpec): Promise<Displayable> {
  let render: { displayWithSVG(spec: VegaLiteSpec): Promise<Displayable> };
  try {
    render = (await import(/* @vite-ignore */ renderEntry)) as typeof render;
  } catch (cause) {
    throw new InvalidOptionError(
      `displayWithSVG: ${renderEntry} cannot be loaded here (${(cause as Error).message}); ` +
        'expected Node or Deno with the package installed (in a browser, use display(spec)).',
      { cause },
    );
  }
  return render.displayWithSVG(spec);
}
