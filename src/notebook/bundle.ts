// What a notebook is given to show: MIME bundles for tables and charts. No data, no vega: both
// the core entry (display) and the render entry (displayWithSVG) use it.
import type { TopLevelSpec } from 'vega-lite';

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

/** A value that shows itself in a Jupyter notebook (and as text anywhere else). */
export interface Displayable {
  /** The MIME bundle, called by the Jupyter kernel. */
  [jupyterDisplay](): MimeBundle;
  /** The `text/plain` representation. */
  toString(): string;
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

/** Wraps a MIME bundle so that it shows itself in a notebook, and as its `text/plain` elsewhere. */
export function displayable(bundle: MimeBundle): Displayable {
  return {
    [jupyterDisplay]: () => bundle,
    toString: () => bundle['text/plain'],
  };
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
