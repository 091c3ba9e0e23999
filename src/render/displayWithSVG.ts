// Node only: renders with vega. Kept out of the core entry, which must not pull in vega.
import {
  chartBundle,
  displayable,
  isVegaLiteSpec,
  type Displayable,
  type VegaLiteSpec,
} from '../notebook/bundle.js';
import { InvalidOptionError, show } from '../errors.js';
import { toSVG } from './draw.js';

/**
 * Like `display(spec)` for a Vega-Lite chart, with an `image/svg+xml` rendering added for front
 * ends that cannot run Vega-Lite (GitHub's notebook viewer, nbconvert to PDF, a terminal client):
 * the spec is drawn with {@link toSVG}, here, in Node or Deno.
 *
 * @param spec A Vega-Lite spec object (written for the installed vega-lite, 6).
 * @returns An object with `[Symbol.for('Jupyter.display')]()` returning
 *   `application/vnd.vegalite.v5+json`, `image/svg+xml` and `text/plain`.
 * @throws {InvalidOptionError} If `spec` is not a Vega-Lite spec, or vega-lite cannot compile it.
 * @example
 * const chart = await displayWithSVG({
 *   mark: 'bar',
 *   data: { values: [{ a: 'x', b: 3 }] },
 *   encoding: { x: { field: 'a' }, y: { field: 'b', type: 'quantitative' } },
 * });
 * chart[Symbol.for('Jupyter.display')]()['image/svg+xml'];
 * // => '<svg xmlns="http://www.w3.org/2000/svg" … class="marks" width="…" height="…" ' +
 * //    'viewBox="…">…</svg>'
 */
export async function displayWithSVG(spec: VegaLiteSpec): Promise<Displayable> {
  if (!isVegaLiteSpec(spec)) {
    throw new InvalidOptionError(
      `displayWithSVG: the value is ${show(spec).slice(0, 80)}; ` +
        'expected a Vega-Lite spec (a plain object with a mark, layer, concat, facet or repeat).',
    );
  }
  return displayable({ ...chartBundle(spec), 'image/svg+xml': await toSVG(spec) });
}
