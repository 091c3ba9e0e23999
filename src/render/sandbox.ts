// What keeps rendering harmless whatever the spec says: a Vega loader that reads no file and
// fetches no URL unless the caller passes one, links reduced to safe ones, a cap on the size of
// the picture, and no expression whose nesting grows with the data.
import { parseExpression, type Loader, type Spec as VegaSpec } from 'vega';
import { InvalidOptionError, show } from '../errors.js';

/**
 * The largest PNG {@link toPNG} draws, in pixels: width × height × scale². 40 million pixels
 * (e.g. 8,000 × 5,000) take about 160 MB as RGBA; a report chart at scale 2 takes under 2
 * million.
 */
export const maxPixels = 40_000_000;

/** The largest width or height, in SVG units, that a chart may have (Vega's own size). */
export const maxSide = 20_000;

/** Link schemes a chart may keep in its SVG: web pages and e-mail. */
const safeLink = /^(https?:\/\/|mailto:)/i;

/** Whether a link is one an SVG may keep: an http(s) or mailto URL, with no control characters. */
export function isSafeLink(href: unknown): href is string {
  // Browsers skip leading spaces and control characters, and tabs or newlines inside a scheme
  // ('java\tscript:'), so a link with any of them is not trusted.
  return (
    typeof href === 'string' &&
    href.length <= 2000 &&
    safeLink.test(href) &&
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    !/[\u0000-\u0020\u007f-\u009f]/.test(href)
  );
}

/** What a loader was asked for and refused, to be reported once rendering is over. */
export interface Refusals {
  refused: string[];
}

/**
 * The loader every rendering uses. Without `given`: `load`, `http` and `file` refuse (and record
 * what was asked), images are refused, and links are kept only if {@link isSafeLink}. With
 * `given` (a loader the caller made, e.g. `vega.loader({ baseURL })`), data and images go
 * through it, and links are still checked here first. `sanitize` never rejects: a rejected link
 * makes Vega's SVG renderer fail outside any promise the caller can catch, which ends Node.
 */
export function sandboxLoader(given: Loader | undefined, refusals: Refusals): Loader {
  const refuse = (what: string) => (uri: unknown) => {
    refusals.refused.push(`${what} ${show(String(uri)).slice(0, 120)}`);
    return Promise.reject(new Error(`refused: ${what} ${String(uri).slice(0, 120)}`));
  };
  return {
    load: given ? (uri, options) => given.load(uri, options) : refuse('data from'),
    http: given ? (uri, options) => given.http(uri, options) : refuse('the URL'),
    file: given ? (name) => given.file(name) : refuse('the file'),
    async sanitize(uri, options) {
      const context = (options as { context?: string } | undefined)?.context;
      if (context === 'href') return isSafeLink(uri) ? { href: uri } : ({} as { href: string });
      if (!given) {
        refusals.refused.push(`the image ${show(uri).slice(0, 120)}`);
        return {} as { href: string };
      }
      try {
        return (await given.sanitize(uri, options)) ?? ({} as { href: string });
      } catch {
        return {} as { href: string };
      }
    },
  };
}

/** Checks the `loader` option: a Vega loader object (with load and sanitize), or nothing. */
export function checkLoader(loader: unknown, fn: string): Loader | undefined {
  if (loader === undefined) return undefined;
  const l = loader as Record<string, unknown> | null;
  if (
    l === null ||
    typeof l !== 'object' ||
    !['load', 'sanitize', 'http', 'file'].every((m) => typeof l[m] === 'function')
  ) {
    throw new InvalidOptionError(
      `${fn}: option loader is ${show(loader)}; expected a Vega loader (vega.loader({ baseURL ` +
        '})), or nothing to load no file and no URL.',
    );
  }
  return loader as Loader;
}

/**
 * A Vega spec in which every sort-index formula that vega-lite writes as one conditional per
 * category (`d === 'a' ? 0 : d === 'b' ? 1 : … : n`) is written as one `indexof` in a list: the
 * nesting of the conditional grows with the categories, and about a thousand of them overflow
 * the stack of the JavaScript parser that compiles it.
 */
export function flattenSortFormulas(spec: VegaSpec): VegaSpec {
  const visit = (node: unknown): void => {
    // iterative over the spec's arrays and objects;
    // the spec's own depth is Vega-Lite's, not the data's
    const stack: unknown[] = [node];
    while (stack.length > 0) {
      const x = stack.pop();
      if (Array.isArray(x)) {
        for (const y of x) if (y !== null && typeof y === 'object') stack.push(y);
      } else if (x !== null && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (o.type === 'formula' && typeof o.expr === 'string') o.expr = flattenSortIndex(o.expr);
        // data values can be large and hold no formula
        for (const [k, y] of Object.entries(o))
          if (k !== 'values' && y !== null && typeof y === 'object') stack.push(y);
      }
    }
  };
  visit(spec);
  return spec;
}

const literal = String.raw`"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true|false|null`;
const step = new RegExp(
  String.raw`(datum\[(?:"(?:[^"\\]|\\.)*")\])===(${literal}) \? (\d+) : `,
  'y',
);

/** One vega-lite sort-index conditional as an `indexof`; any other expression unchanged. */
export function flattenSortIndex(expr: string): string {
  let field: string | undefined;
  const values: string[] = [];
  let at = 0;
  for (;;) {
    step.lastIndex = at;
    const m = step.exec(expr);
    if (!m) break;
    if (field === undefined) field = m[1];
    if (m[1] !== field || Number(m[3]) !== values.length) return expr;
    values.push(m[2]!);
    at = step.lastIndex;
  }
  const rest = expr.slice(at);
  if (field === undefined || values.length < 2 || rest !== String(values.length)) return expr;
  // indexof is -1 for a value not in the list, which then sorts last (n), as the conditional did
  return `(indexof([${values.join(',')}], ${field}) + 1 || ${values.length + 1}) - 1`;
}

/**
 * Checks the size of a rendered SVG: its width and height in SVG units, and the pixels of a PNG
 * at `scale`; throws before anything that large is drawn.
 */
export function checkCanvas(svg: string, scale: number, fn: string): void {
  const head = svg.slice(0, 2000).match(/<svg\b[^>]*>/)?.[0] ?? '';
  const width = Number(head.match(/\bwidth="([\d.]+)"/)?.[1]);
  const height = Number(head.match(/\bheight="([\d.]+)"/)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height))
    throw new InvalidOptionError(
      `${fn}: the rendered chart has no width and height; expected an SVG with both.`,
    );
  const pixels = Math.round(width * scale) * Math.round(height * scale);
  if (width > maxSide || height > maxSide || pixels > maxPixels) {
    throw new InvalidOptionError(
      `${fn}: the chart is ${width} × ${height} at scale ${scale} ` +
        `(${pixels.toLocaleString('en-US')} pixels); expected at most ${maxSide} on a side and ` +
        `${maxPixels.toLocaleString('en-US')} pixels (width × height × scale²): make it smaller ` +
        'or lower the scale.',
    );
  }
  if (Math.round(width * scale) < 1 || Math.round(height * scale) < 1) {
    throw new InvalidOptionError(
      `${fn}: at scale ${scale} the ${width} × ${height} chart is less than a pixel wide or ` +
        'high; expected a larger scale.',
    );
  }
}

/**
 * SVG text with every `<image>` that is not an inline
 * `data:` image removed, so that nothing draws a file.
 */
export function inlineImagesOnly(svg: string): string {
  return svg.replace(/<image\b[^>]*?(?:\/>|>[\s\S]*?<\/image>)/g, (tag) =>
    /\bhref="data:image\/(png|jpeg|gif|webp);base64,/.test(tag) ? tag : '',
  );
}

/** Whether an error is the engine's stack overflow (recursion too deep for the data). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Attributes of free text (read by no CSS parser), and links, which the loader has checked. */
const textAttribute = /^(aria-[a-z]+|role|class|href|xlink:href|xmlns(:xlink)?|version)$/;

/** CSS functions a chart's attributes may hold: colours, transforms, and `url(#id)` in the SVG. */
const safeFunction = /^(rgba?|hsla?|translate|rotate|scale|matrix)$/i;

/** The declarations Vega writes into a `style` attribute, with keyword values only. */
const safeDeclaration = /^\s*(mix-blend-mode|image-rendering)\s*:\s*[a-z-]+\s*$/;

/**
 * Whether an attribute value (as a CSS parser would read it) names nothing outside the SVG: no
 * backslash (a CSS escape can spell `url`), and every function one of {@link safeFunction} or a
 * `url(#id)` that points inside the document.
 */
function isLocalValue(value: string): boolean {
  if (value.includes('\\') || value.length > 100_000) return false;
  const calls = value.match(/[A-Za-z_-][\w-]*\s*\(/g) ?? [];
  if (calls.length !== (value.match(/\(/g) ?? []).length) return false; // a bare "(": unknown
  for (const call of calls) {
    const name = call.replace(/\s*\($/, '');
    if (safeFunction.test(name)) continue;
    if (name.toLowerCase() !== 'url') return false;
  }
  // every url( … ) is url(#id)
  return !/url\s*\((?!#[\w-]+\))/i.test(value);
}

/**
 * SVG text from Vega with every way to name a URL taken out, so that opening it fetches nothing:
 * a paint, clip or other attribute that is not a colour, a number, a keyword or a `url(#id)`
 * inside the SVG (e.g. `fill="url(http://…)"`, from a spec's `fill` or `background`) is dropped,
 * and a `style` keeps only Vega's own `mix-blend-mode` and `image-rendering` keywords (a spec's
 * `blend` was written verbatim: `multiply;background-image:url(http://…)`). Links (`href`) are
 * checked by the loader before; text (`aria-label`, the text of a `<text>`) names nothing.
 * Vega escapes `<`, `>`, `&` and `"` in what it writes, so each tag is read whole by a pattern.
 */
export function withoutURLs(svg: string): string {
  return svg.replace(/<[A-Za-z][^<>]*>/g, (tag) =>
    tag.replace(/\s([A-Za-z_:][\w:.-]*)="([^"]*)"/g, (whole, name: string, value: string) => {
      if (textAttribute.test(name)) return whole;
      if (name === 'style') {
        const kept = value.split(';').filter((d) => safeDeclaration.test(d) && isLocalValue(d));
        return kept.length ? ` style="${kept.map((d) => `${d.trim()};`).join(' ')}"` : '';
      }
      return isLocalValue(value) ? whole : '';
    }),
  );
}

/**
 * The most rows a spec may generate itself: a `sequence` data source (Vega-Lite's `data.sequence`,
 * Vega's sequence transform) or a `sequence()` in an expression. A 100-byte spec asked for 100
 * million and ran Node out of memory.
 */
export const maxSequenceRows = 100_000;

/**
 * The longest string a `pad()` in an expression may make (`pad('x', 6e8)` ran for minutes and took
 * 1.2 GB), in characters.
 */
export const maxPadLength = 10_000;

/** Expression functions whose result grows with their arguments, and so are budgeted. */
const growing = /\b(pad|sequence|timeSequence|utcSequence)\s*\(/;

/** The shortest length of each time unit, in ms: a bound on how many steps a time span holds. */
const shortestUnit: Record<string, number> = {
  millisecond: 1,
  second: 1e3,
  minute: 6e4,
  hour: 36e5,
  day: 864e5,
  date: 864e5,
  week: 6048e5,
  month: 28 * 864e5,
  quarter: 89 * 864e5,
  year: 365 * 864e5,
};

/**
 * Refuses a compiled spec that would generate more than {@link maxSequenceRows} rows or a string
 * longer than {@link maxPadLength} characters, before Vega runs it. A `sequence` transform's
 * start, stop and step, and the size arguments of `pad`, `sequence`, `timeSequence` and
 * `utcSequence` in an expression, must be numbers written in the spec (not signals or fields),
 * so that the size is known before any work.
 *
 * @throws {InvalidOptionError} Naming the budget, what the spec asks for, and what to do instead.
 */
export function checkSpecBudgets(spec: VegaSpec, fn: string): void {
  const refuse = (what: string, budget: string, how: string): never => {
    throw new InvalidOptionError(`${fn}: the spec ${what}; expected ${budget}: ${how}.`);
  };
  const rowsBudget = `at most ${maxSequenceRows} rows (the budget maxSequenceRows)`;
  const sequenceRows = (start: unknown, stop: unknown, step: unknown, where: string) => {
    if (typeof start !== 'number' || typeof stop !== 'number' || typeof step !== 'number')
      refuse(
        `has a ${where} whose start, stop or step is not a number written in it`,
        `numbers, so that its size is known before drawing, and ${rowsBudget}`,
        'write them as numbers',
      );
    const rows = Math.ceil(((stop as number) - (start as number)) / (step as number));
    if (!(rows <= maxSequenceRows) && rows !== -Infinity && !Number.isNaN(rows))
      refuse(
        `asks a ${where} for ${show(rows)} rows`,
        rowsBudget,
        'generate fewer rows, or give the data as data.values',
      );
  };
  const literal = (node: unknown) =>
    (node as { type?: string })?.type === 'Literal'
      ? (node as { value: unknown }).value
      : (node as { type?: string; operator?: string; argument?: { value: unknown } })?.type ===
            'UnaryExpression' && (node as { operator: string }).operator === '-'
        ? -Number((node as { argument: { value: unknown } }).argument?.value)
        : undefined;
  const checkExpression = (expr: string) => {
    if (!growing.test(expr)) return;
    let ast: unknown;
    try {
      ast = parseExpression(expr);
    } catch {
      return; // Vega reports the error itself
    }
    const stack = [ast];
    while (stack.length > 0) {
      const node = stack.pop() as Record<string, unknown> | null;
      if (node === null || typeof node !== 'object') continue;
      for (const value of Object.values(node))
        if (value !== null && typeof value === 'object') stack.push(value);
      if (node.type !== 'CallExpression') continue;
      const name = (node.callee as { name?: string } | undefined)?.name;
      const args = (node.arguments as unknown[] | undefined) ?? [];
      if (name === 'pad') {
        const length = literal(args[1]);
        if (typeof length !== 'number' || !(length <= maxPadLength))
          refuse(
            `pads a string to ${show(length ?? 'a length not written in it')} characters`,
            `a number of at most ${maxPadLength} (the budget maxPadLength)`,
            'pad to a shorter length',
          );
      } else if (name === 'sequence') {
        const [a, b, c] = args.map(literal);
        const [start, stop, step] = args.length === 1 ? [0, a, 1] : [a, b, c ?? 1];
        sequenceRows(start, stop, step, 'sequence() in an expression');
      } else if (name === 'timeSequence' || name === 'utcSequence') {
        const [unit, start, stop] = args.map(literal);
        const shortest = typeof unit === 'string' ? shortestUnit[unit] : undefined;
        sequenceRows(start, stop, shortest, `${name}() in an expression`);
      }
    }
  };
  const stack: unknown[] = [spec];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      for (const y of x) if (y !== null && typeof y === 'object') stack.push(y);
      continue;
    }
    if (x === null || typeof x !== 'object') continue;
    const o = x as Record<string, unknown>;
    if (o.type === 'sequence' && 'stop' in o)
      sequenceRows(o.start ?? 0, o.stop, o.step ?? 1, 'sequence of data');
    for (const [k, y] of Object.entries(o)) {
      if (k === 'values') continue; // data, never evaluated
      if (typeof y === 'string' && /^(signal|update|init|expr|test)$/.test(k)) checkExpression(y);
      else if (y !== null && typeof y === 'object') stack.push(y);
    }
  }
}
