// What a notebook is given to show: MIME bundles for tables and charts. No data, no vega: both
// the core entry (display) and the render entry (displayWithSVG) use it.
import type { TopLevelSpec } from 'vega-lite';
import { InvalidOptionError } from '../errors.js';

/**
 * The symbol a Jupyter kernel for JavaScript (Deno's `deno jupyter`) looks for on a cell's value:
 * `Symbol.for('Jupyter.display')`. A method under it returns the {@link MimeBundle} to show.
 */
export const jupyterDisplay: unique symbol = Symbol.for('Jupyter.display') as never;

/** The Vega-Lite version Jupyter front ends render (JupyterLab knows `vnd.vegalite` up to v5). */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/** The `$schema` a spec gets in a notebook, to match {@link VEGA_LITE_MIME}. */
export const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * What a Jupyter front end is given to show:
 * one representation per MIME type; it picks the richest it can render.
 */
export interface MimeBundle {
  'text/plain': string;
  'text/html'?: string;
  'application/vnd.vegalite.v5+json'?: Record<string, unknown>;
  'image/svg+xml'?: string;
}

/**
 * A value that shows itself in every notebook, through the hook each one looks for:
 *
 * - Deno (`deno jupyter`): `[Symbol.for('Jupyter.display')]()`, the {@link MimeBundle};
 * - ijavascript (nel): `_toMime()`, then `_toHtml()` and `_toSvg()` for what `_toMime` lacks;
 * - tslab: no hook on values; `showIn(tslab.display, value)` sends it (see `showIn`);
 * - Observable (a browser): `toNode()`, a DOM element the notebook's inspector inserts;
 * - anything that writes JSON: `toJSON()`, the MIME bundle (a Jupyter output's `data`);
 * - a terminal or a string: `toString()`, the `text/plain`.
 */
export interface Displayable {
  /** The MIME bundle, called by the Deno kernel. */
  [jupyterDisplay](): MimeBundle;
  /** The MIME bundle, called by ijavascript's kernel (nel). */
  _toMime(): MimeBundle;
  /**
   * The `text/html`, where there is one (a table; not a chart, whose HTML would outrank its
   * Vega-Lite in JupyterLab).
   */
  _toHtml?(): string;
  /** The `image/svg+xml`, where there is one (a chart from `displayWithSVG`). */
  _toSvg?(): string;
  /** The MIME bundle, for `JSON.stringify`. */
  toJSON(): MimeBundle;
  /** The `text/plain` representation. */
  toString(): string;
  /**
   * A DOM element that shows the value (its SVG, else its HTML, else its text), for a notebook
   * in a browser (Observable inserts an element a cell returns).
   * @param document The document to make it in. Default: the global `document`.
   */
  toNode(document?: Document): HTMLElement;
}

/**
 * A Vega-Lite specification: a plain object with a `mark`, `layer`, `concat`, `facet` or `repeat`
 * (or a Vega-Lite `$schema`), typed by vega-lite's `TopLevelSpec` or loosely.
 */
export type VegaLiteSpec = TopLevelSpec | { [key: string]: unknown };

const specKeys = ['mark', 'layer', 'hconcat', 'vconcat', 'concat', 'facet', 'repeat'];

/**
 * Whether a value is a Vega-Lite spec: a plain object with a Vega-Lite `$schema`,
 * or without `$schema` and with a view key.
 */
export function isVegaLiteSpec(value: unknown): value is VegaLiteSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const schema = (value as { $schema?: unknown }).$schema;
  if (schema !== undefined) return typeof schema === 'string' && /vega-lite/.test(schema);
  return specKeys.some((k) => k in value);
}

/**
 * A Vega-Lite spec as Jupyter front ends render it: the spec with `$schema` set to v5 under
 * {@link VEGA_LITE_MIME}, and a line of text. Used by {@link display}.
 */
export function chartBundle(spec: VegaLiteSpec): MimeBundle {
  return {
    [VEGA_LITE_MIME]: { ...spec, $schema: VEGA_LITE_V5_SCHEMA },
    'text/plain': chartText(spec as Record<string, unknown>),
  };
}

/** Wraps a MIME bundle so that it shows itself in each notebook (see {@link Displayable}). */
export function displayable(bundle: MimeBundle): Displayable {
  const html = bundle['text/html'];
  const svg = bundle['image/svg+xml'];
  return {
    [jupyterDisplay]: () => bundle,
    _toMime: () => bundle,
    ...(html === undefined ? {} : { _toHtml: () => html }),
    ...(svg === undefined ? {} : { _toSvg: () => svg }),
    toJSON: () => bundle,
    toString: () => bundle['text/plain'],
    toNode(document = globalThis.document) {
      if (!document)
        throw new InvalidOptionError(
          'toNode: there is no document here; expected a browser, or a document given.',
        );
      const node = document.createElement('div');
      node.className = 'ww2yc-display';
      // made here, every text in it escaped
      node.innerHTML = svg ?? html ?? `<pre>${escapeHTML(bundle['text/plain'])}</pre>`;
      return node;
    },
  };
}

/** Text written safely into HTML. */
function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function chartText(spec: Record<string, unknown>): string {
  const title = spec.title;
  const text =
    typeof title === 'string'
      ? title
      : Array.isArray(title)
        ? title.join(' ')
        : typeof title === 'object' && title !== null
          ? // no-base-to-string: a title's text is a string or an array of lines
            // eslint-disable-next-line @typescript-eslint/no-base-to-string
            String((title as { text?: unknown }).text ?? '')
          : '';
  const description = typeof spec.description === 'string' ? spec.description : '';
  return ['Vega-Lite chart' + (text ? `: ${text}` : ''), description].filter(Boolean).join('\n');
}
