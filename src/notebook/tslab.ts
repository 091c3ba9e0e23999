// tslab has no hook on a cell's value: it shows what is passed to tslab.display. showIn passes
// one representation of a displayed value through its raw(type, data).
import { InvalidOptionError, show } from '../errors.js';
import { jupyterDisplay, VEGA_LITE_MIME, type Displayable, type MimeBundle } from './bundle.js';

/** What `showIn` needs of tslab's `display` (`import * as tslab from 'tslab'; tslab.display`). */
export interface TslabDisplay {
  raw(contentType: string, data: unknown): unknown;
}

/** The representations `showIn` can send, richest first (its default is the first present). */
export const showTypes = [VEGA_LITE_MIME, 'text/html', 'image/svg+xml', 'text/plain'] as const;

/** A MIME type of {@link showTypes}. */
export type ShowType = (typeof showTypes)[number];

/**
 * Shows a displayed value in a tslab notebook, which has no hook on a cell's value: sends one
 * representation through `tslab.display.raw(type, data)`, as `tslab.display.html()` and `.svg()`
 * do. tslab sends one MIME type per output, so a chart shows once: as Vega-Lite (JupyterLab,
 * VS Code) by default, or as its SVG (`'image/svg+xml'`, for GitHub's viewer and nbconvert).
 *
 * @param target tslab's `display` (or `tslab.newDisplay()`).
 * @param value What `display()` or `displayWithSVG()` returned.
 * @param type The representation to send. Default: the richest the value has, in the order of
 *   {@link showTypes} (a chart's Vega-Lite, a table's HTML).
 * @throws {InvalidOptionError} If `target` has no `raw` method, `value` is not a displayed value,
 *   or it has no representation of `type`.
 * @example
 * // In a tslab (TypeScript or JavaScript) notebook:
 * import * as tslab from 'tslab';
 * showIn(tslab.display, display(load('by-status')));                 // an HTML table
 * showIn(tslab.display, await displayWithSVG(spec), 'image/svg+xml'); // the chart as SVG
 */
export function showIn(target: TslabDisplay, value: Displayable, type?: ShowType): void {
  if (typeof (target as Partial<TslabDisplay> | null)?.raw !== 'function')
    throw new InvalidOptionError(
      `showIn: the target is ${show(target).slice(0, 80)}; expected tslab's display ` +
        "(import * as tslab from 'tslab'; showIn(tslab.display, …)).",
    );
  if (typeof (value as Partial<Displayable> | null)?.[jupyterDisplay] !== 'function')
    throw new InvalidOptionError(
      `showIn: the value is ${show(value).slice(0, 80)}; expected what display() returns.`,
    );
  const bundle: MimeBundle = value[jupyterDisplay]();
  const chosen = type ?? showTypes.find((t) => bundle[t] !== undefined)!;
  if (!showTypes.includes(chosen) || bundle[chosen] === undefined)
    throw new InvalidOptionError(
      `showIn: option type is ${show(type)}; expected one the value has: ` +
        `${showTypes.filter((t) => bundle[t] !== undefined).join(', ')}.`,
    );
  target.raw(chosen, bundle[chosen]);
}
