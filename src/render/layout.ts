// Laying a Vega-Lite spec out at a given total width: the plot areas grow or shrink, the text keeps
// its size, and titles and footers are wrapped to the width. Used for printed sizes.
import { View, loader, parse, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { InvalidOptionError, show } from '../errors.js';
import { textWidth, useFontMetrics } from './metrics.js';
import { checkSpecBudgets, flattenSortFormulas, isStackOverflow } from './sandbox.js';
import { minOf } from '../analysis/extent.js';

/** A compiled chart, ready to render. */
export interface Laid {
  /** The Vega spec. */
  vega: VegaSpec;
  /** The width of the narrowest plot area, in px (1/96 in); absent where the spec sets none. */
  plotWidth?: number;
}

/** The narrowest plot area a chart fitted to a printed width may have: 40 mm. */
export const minPlotMillimetres = 40;

/** {@link minPlotMillimetres} in px at 96 px per inch: 152. */
export const minPlotWidth = Math.ceil((minPlotMillimetres / 25.4) * 96);

/**
 * A Vega loader that loads nothing: the package renders the data inside the spec and never reads
 * a file or fetches a URL that a spec names.
 */
function sealedLoader(fn: string) {
  const sealed = loader();
  sealed.sanitize = (uri: string) =>
    Promise.reject(
      new InvalidOptionError(
        `${fn}: the spec asks to load ${show(uri)}; expected the data inside the spec ` +
          '(data.values): the renderer reads no file and fetches no URL.',
      ),
    );
  return sealed;
}

/**
 * The last few compiled specs, by their JSON text: the report renders each chart three times.
 * Bounded in entries ({@link maxCachedSpecs}) and in characters ({@link maxCachedChars}, the
 * JSON of the specs kept; a spec larger than a quarter of it is compiled and not kept).
 */
const compiled = new Map<string, VegaSpec>();
let cachedChars = 0;

/** The most compiled specs kept. */
export const maxCachedSpecs = 16;

/** The most characters of spec JSON kept with them (about 2 × as many bytes, and the compiled). */
export const maxCachedChars = 4_000_000;

/**
 * Compiles a Vega-Lite spec to Vega, with the package's own error for anything that is not a spec.
 * The result is shared by calls with the same spec: treat it as read-only.
 *
 * @throws {InvalidOptionError} If the spec is not an object or Vega-Lite cannot compile it.
 */
export function compileSpec(spec: unknown, fn = 'render'): VegaSpec {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InvalidOptionError(
      `${fn}: the spec is ${show(spec)}; expected a Vega-Lite spec object.`,
    );
  }
  let key: string | undefined;
  try {
    key = JSON.stringify(spec);
  } catch {
    // not JSON (e.g. a BigInt): compiled each time, and Vega-Lite says what is wrong
    key = undefined;
  }
  const hit = key === undefined ? undefined : compiled.get(key);
  if (hit) return hit;
  let vega: VegaSpec;
  try {
    vega = flattenSortFormulas(compile(spec as TopLevelSpec).spec);
  } catch (cause) {
    if (isStackOverflow(cause)) throw cause; // toSVG says the spec is nested too deeply
    throw new InvalidOptionError(
      `${fn}: invalid spec: Vega-Lite cannot compile it (${show((cause as Error)?.message)}).`,
      { cause },
    );
  }
  checkSpecBudgets(vega, fn); // before Vega runs it: no sequence or pad past its budget
  if (key !== undefined && key.length <= maxCachedChars / 4) {
    while (compiled.size >= maxCachedSpecs || cachedChars + key.length > maxCachedChars) {
      const oldest = compiled.keys().next().value!;
      compiled.delete(oldest);
      cachedChars -= oldest.length;
    }
    compiled.set(key, vega);
    cachedChars += key.length;
  }
  return vega;
}

/**
 * A Vega logger that keeps the errors, and the warnings that carry one (Vega warns "Loading
 * failed" instead of throwing when a data load fails).
 */
function recorder(errors: unknown[]) {
  const keep = (args: unknown[]) => {
    const error = args.find((a) => a instanceof Error);
    if (error) errors.push(error);
    return log;
  };
  const log = {
    level: () => log,
    error: (...args: unknown[]) => (
      errors.push(args.find((a) => a instanceof Error) ?? args.join(' ')),
      log
    ),
    warn: (...args: unknown[]) => keep(args),
    info: () => log,
    debug: () => log,
  };
  return log as never;
}

/**
 * A headless Vega view of a compiled spec, run; the caller finalizes it.
 *
 * @throws {InvalidOptionError} If Vega reports an error while running it (e.g. a data URL).
 */
export async function runView(vega: VegaSpec, fn = 'render'): Promise<View> {
  const release = useFontMetrics();
  const errors: unknown[] = [];
  const view = new View(parse(vega), {
    renderer: 'none',
    loader: sealedLoader(fn),
    logger: recorder(errors),
  });
  try {
    await view.runAsync();
  } finally {
    release();
  }
  if (errors.length) {
    view.finalize();
    const first = errors[0];
    if (first instanceof InvalidOptionError) throw first;
    throw new InvalidOptionError(
      `${fn}: Vega cannot draw the spec ` +
        `(${show(first instanceof Error ? first.message : first)}).`,
    );
  }
  return view;
}

/**
 * The whole size in px of a view as Vega draws it: its view size plus padding, as the SVG and
 * canvas renderers take it (vega-view's render-size); the bounds of its scene where that
 * is unknown.
 */
export function totalSize(view: View): { width: number; height: number } {
  const padding = view.padding() as { top: number; bottom: number; left: number; right: number };
  const sized = view as unknown as { _viewWidth?: number; _viewHeight?: number };
  const { bounds } = (view.scenegraph() as unknown as { root: { bounds: Bounds } }).root;
  const width = sized._viewWidth ?? Math.ceil(bounds.x2 - bounds.x1);
  const height = sized._viewHeight ?? Math.ceil(bounds.y2 - bounds.y1);
  return {
    width: width + padding.left + padding.right,
    height: height + padding.top + padding.bottom,
  };
}

interface Bounds {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

async function measure(vega: VegaSpec): Promise<number> {
  const view = await runView(vega);
  try {
    return totalSize(view).width;
  } finally {
    view.finalize();
  }
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  x !== null && typeof x === 'object' && !Array.isArray(x);
const composition = ['vconcat', 'hconcat', 'concat', 'layer'] as const;

/** Every view of a spec (itself and the views it composes) that has a numeric width. */
function sizedViews(spec: Json, found: Json[] = []): Json[] {
  if (typeof spec.width === 'number') found.push(spec);
  for (const key of composition)
    if (Array.isArray(spec[key]))
      for (const v of spec[key] as unknown[]) if (isObject(v)) sizedViews(v, found);
  if (isObject(spec.spec)) sizedViews(spec.spec, found);
  return found;
}

/** A deep copy of a spec's plain JSON. */
const copy = <T>(x: T): T => structuredClone(x);

/** A text's font, for measuring it. */
interface Font {
  fontSize: number;
  fontWeight?: string | number;
}

/**
 * Wraps text lines to `width` px: lines are joined into paragraphs (a paragraph ends with a line
 * ending in `.`, `:`, `!` or `?`) and broken again at spaces. Text that fits is left as it is.
 */
export function wrapLines(lines: readonly string[], width: number, font: Font): string[] {
  if (lines.every((l) => textWidth(font, l) <= width)) return [...lines];
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    current = current ? `${current} ${line.trim()}` : line.trim();
    if (/[.:!?]$/.test(current)) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(font, next) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    if (line) out.push(line);
  }
  return out;
}

const asLines = (text: unknown): string[] | undefined =>
  typeof text === 'string'
    ? [text]
    : Array.isArray(text) && text.every((t) => typeof t === 'string')
      ? text
      : undefined;

/** Wraps the title and subtitle of every view of the spec to `width` px. */
function wrapTitles(spec: Json, width: number, config: Json): void {
  const theme = isObject(config.title) ? config.title : {};
  const font = (size: unknown, weight: unknown): Font => ({
    fontSize: Number(size),
    fontWeight: weight as string,
  });
  const visit = (node: Json) => {
    const title = node.title;
    const main = (t: Json) =>
      font(t.fontSize ?? theme.fontSize ?? 13, t.fontWeight ?? theme.fontWeight ?? 'bold');
    if (typeof title === 'string' || Array.isArray(title)) {
      const lines = asLines(title);
      if (lines) node.title = wrapLines(lines, width, main({}));
    } else if (isObject(title)) {
      const text = asLines(title.text);
      if (text) title.text = wrapLines(text, width, main(title));
      const sub = asLines(title.subtitle);
      const subFont = font(
        title.subtitleFontSize ?? theme.subtitleFontSize ?? 10,
        title.subtitleFontWeight ?? theme.subtitleFontWeight ?? 'normal',
      );
      if (sub) title.subtitle = wrapLines(sub, width, subFont);
    }
    for (const key of composition)
      if (Array.isArray(node[key]))
        for (const v of node[key] as unknown[]) if (isObject(v)) visit(v);
    if (isObject(node.spec)) visit(node.spec);
  };
  visit(spec);
}

/** Every encoding channel definition of a spec, in every view. */
function channels(spec: Json, found: Json[] = []): Json[] {
  if (isObject(spec.encoding))
    for (const c of Object.values(spec.encoding)) if (isObject(c)) found.push(c);
  for (const key of composition)
    if (Array.isArray(spec[key]))
      for (const v of spec[key] as unknown[]) if (isObject(v)) channels(v, found);
  if (isObject(spec.spec)) channels(spec.spec, found);
  return found;
}

/** Every string a field takes in the data of a spec, and in its channels' domains and sorts. */
function labelsOf(spec: Json, field: string): string[] {
  const out = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (isObject(node.data) && Array.isArray(node.data.values))
        for (const d of node.data.values as unknown[])
          if (isObject(d) && typeof d[field] === 'string') out.add(d[field]);
      for (const [k, v] of Object.entries(node)) if (k !== 'data') visit(v);
    }
  };
  visit(spec);
  for (const c of channels(spec))
    if (c.field === field) {
      const scale = isObject(c.scale) ? c.scale : {};
      for (const list of [scale.domain, c.sort])
        if (Array.isArray(list)) for (const v of list) if (typeof v === 'string') out.add(v);
    }
  return [...out];
}

/**
 * A Vega expression that writes each label wrapped to `width` px, one line per array item (Vega
 * draws an array of strings as lines); `null` if every label fits.
 */
function wrapExpression(
  labels: readonly string[],
  width: number,
): { expr: string; lines: number } | null {
  const font = { fontSize: 11 };
  const wrapped = labels
    .filter((l) => textWidth(font, l) > width)
    .map((l) => [l, wrapWords(l, width, font)] as const);
  if (!wrapped.length) return null;
  const table = JSON.stringify(Object.fromEntries(wrapped));
  return {
    expr: `(${table})[datum.label] || datum.label`,
    lines: Math.max(...wrapped.map(([, w]) => w.length)),
  };
}

/**
 * Words broken into lines of at most `width` px, a part in brackets kept on a line of its own
 * where it fits one: "1,014,000 (1,013,500 to 1,014,500)" is not broken inside its interval.
 */
function wrapKeepingBrackets(text: string, width: number, font: Font): string[] {
  const parts = text.split(/ (?=\()/);
  return parts.length > 1 && parts.every((p) => textWidth(font, p) <= width)
    ? parts
    : wrapWords(text, width, font);
}

/** Words broken into lines of at most `width` px (a word longer than that stays whole). */
function wrapWords(text: string, width: number, font: Font): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(font, next) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...out, line] : out;
}

/**
 * Wraps long row labels (a nominal y axis) and legend labels onto lines of at most `labelRoom`
 * px (legends 60 px more), the rows made taller for them.
 */
function wrapLabels(spec: Json, labelRoom: number): void {
  // each view with the view whose height.step sets its rows (itself, or the view it is in)
  const views: [Json, Json | undefined][] = [];
  const visit = (node: Json, sized: Json | undefined) => {
    const own = isObject(node.height) && typeof node.height.step === 'number' ? node : sized;
    views.push([node, own]);
    for (const key of composition)
      if (Array.isArray(node[key]))
        for (const v of node[key] as unknown[]) if (isObject(v)) visit(v, own);
  };
  visit(spec, undefined);
  for (const [view, sized] of views) {
    const enc = isObject(view.encoding) ? view.encoding : {};
    for (const [name, c] of Object.entries(enc)) {
      if (!isObject(c) || typeof c.field !== 'string') continue;
      const isRow =
        name === 'y' &&
        c.type !== 'quantitative' &&
        c.axis !== null &&
        !(isObject(c.axis) && c.axis.labels === false);
      const isKey = ['color', 'shape'].includes(name) && c.legend !== null;
      if (!isRow && !isKey) continue;
      const wrap = wrapExpression(labelsOf(spec, c.field), isRow ? labelRoom : labelRoom + 60);
      if (!wrap) continue;
      if (isRow) {
        const axis = isObject(c.axis) ? c.axis : {};
        c.axis = { ...axis, labelExpr: wrap.expr, minExtent: 0 };
        const step = sized && isObject(sized.height) ? Number(sized.height.step) : NaN;
        if (sized && Number.isFinite(step) && !('yOffset' in enc))
          sized.height = { step: Math.max(step, wrap.lines * 13 + 4) };
      } else c.legend = { ...(isObject(c.legend) ? c.legend : {}), labelExpr: wrap.expr };
    }
  }
}

/** The line height of row labels written above their rows, in px (11 px text). */
const rowLabelLine = 13;

/** A view whose rows are a discrete y scale of one field, with its axis labels at the left. */
interface RowView {
  view: Json;
  field: string;
  /** The y channel definitions of the view and its layers. */
  ys: Json[];
}

/**
 * The topmost views (a unit or a layer) whose y channels are all one plain field on a discrete
 * scale with labels: the rows whose labels can be written above them. A view whose labels the
 * chart writes otherwise (`labelExpr`, `format`) or whose field is nested is left as it is.
 */
function rowViews(spec: Json, found: RowView[] = []): RowView[] {
  const layers = Array.isArray(spec.layer) ? (spec.layer as unknown[]).filter(isObject) : [];
  if (isObject(spec.encoding) || layers.length || 'mark' in spec) {
    // (fresh objects: a builder may share one channel object between views)
    const ys = [spec, ...layers].flatMap((v) => {
      const enc = v.encoding;
      if (!isObject(enc) || !isObject(enc.y)) return [];
      const y = { ...enc.y };
      v.encoding = { ...enc, y };
      return [y];
    });
    const fields = new Set(ys.map((c) => c.field));
    const [field] = fields;
    const plain = (c: Json) =>
      (c.type === 'nominal' || c.type === 'ordinal') &&
      !c.timeUnit &&
      !c.bin &&
      !c.aggregate &&
      c.axis !== null &&
      !(
        isObject(c.axis) &&
        (c.axis.labels === false || 'labelExpr' in c.axis || 'format' in c.axis)
      );
    if (
      ys.length &&
      fields.size === 1 &&
      typeof field === 'string' &&
      !/[.[\]\\]/.test(field) &&
      ys.every(plain) &&
      !('projection' in spec) &&
      layers.every((l) => !Array.isArray(l.layer))
    )
      found.push({ view: spec, field, ys });
    return found;
  }
  for (const key of composition)
    if (Array.isArray(spec[key]))
      for (const v of spec[key] as unknown[]) if (isObject(v)) rowViews(v, found);
  if (isObject(spec.spec)) rowViews(spec.spec, found);
  return found;
}

/**
 * Writes each row's label above its row instead of at the left, so that the plot takes the room
 * the labels took: the y axis keeps its line but loses its labels, a text layer writes each label
 * (wrapped to the chart's width) at the left edge of the plot just above its row, and the rows
 * are made taller by the label's height while the bars and marks keep their own height.
 */
async function labelsAbove(spec: Json, room: Room, wrapMarks = false): Promise<void> {
  const views = rowViews(spec);
  if (!views.length) return;
  views.forEach(({ view }, i) => {
    if (typeof view.name !== 'string') view.name = `rows_above_${i}`;
  });
  const run = await runView(compileSpec(spec));
  const config = isObject(spec.config) ? spec.config : {};
  const axisConfig = isObject(config.axis) ? config.axis : {};
  try {
    for (const { view, field, ys } of views) {
      let scale: ScaleInfo | undefined;
      try {
        scale = run.scale(`${String(view.name)}_y`) as ScaleInfo | undefined;
      } catch {
        continue; // a y scale shared with other views: left as it is
      }
      if (!scale || !['band', 'point'].includes(scale.type)) continue;
      const domain = scale.domain().map(String);
      const step = scale.step();
      const axis = isObject(ys[0]!.axis) ? ys[0]!.axis : {};
      const font = { fontSize: Number(axis.labelFontSize ?? axisConfig.labelFontSize ?? 10) };
      const labels = domain.map((d) => wrapWords(d, room.inner, font));
      const lines = Math.max(...labels.map((l) => l.length));
      // texts beside the marks wrapped to leave the plot its minimum width; the rows kept apart
      // by as much as such a text reaches below its band (Vega writes its lines downwards)
      const reach = wrapMarks ? wrapMarkTexts(spec, view, room.inner - minPlotWidth - 8) : 0;
      const bandwidth = scale.type === 'band' ? step * (1 - scale.paddingInner()) : step;
      const overhang = Math.max(0, Math.ceil(reach - bandwidth / 2));
      // (6 px: a label stands nearer its own row than the row above)
      const added = lines * rowLabelLine + 6 + overhang;
      const taller = step + added;
      const band = scale.type === 'band';
      // bars keep their height: the band is as wide as before, the padding takes the label;
      // the first row gets the room for its label above it, the last row only its texts' overhang
      const n = domain.length;
      const inner = 1 - bandwidth / taller;
      const top = added + step * scale.paddingOuter();
      const spare = top + step * scale.paddingOuter() + overhang;
      const outer = spare / (2 * taller);
      const rows = band
        ? { paddingInner: inner, paddingOuter: outer, align: top / spare }
        : { padding: outer, align: top / spare };
      // a height in px, not a step: with a yOffset, Vega-Lite's step is the step of the offsets
      const height = Math.ceil(taller * (band ? n - inner : n - 1) + spare);
      for (const c of ys) {
        c.axis = { ...(isObject(c.axis) ? c.axis : {}), labels: false, ticks: false, minExtent: 0 };
        c.scale = { ...(isObject(c.scale) ? c.scale : {}), domain, ...rows };
        delete c.sort;
      }
      const text: Json = {
        data: {
          values: domain.map((d, i) => ({
            [field]: d,
            // (Vega writes the lines of a text down from its first: each label is given as
            // many lines, empty ones first, so that its last line sits above its row)
            row_label:
              lines > 1 ? [...Array<string>(lines - labels[i]!.length).fill(''), ...labels[i]!] : d,
          })),
        },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          lineHeight: rowLabelLine,
          fontSize: font.fontSize,
          color: axis.labelColor ?? axisConfig.labelColor ?? '#222',
          dy: -(lines - 1) * rowLabelLine - (band ? 1 : Math.round(step / 2)),
          aria: false,
        },
        encoding: {
          y: { ...ys[0], ...(band ? { bandPosition: 0 } : {}) },
          x: { value: 3 }, // clear of the axis line
          text: { field: 'row_label' },
        },
      };
      if (Array.isArray(view.layer)) {
        // the layers take the view's own encoding, so that the labels do not
        const shared = isObject(view.encoding) ? view.encoding : undefined;
        if (shared)
          for (const l of view.layer as Json[])
            l.encoding = { ...shared, ...(isObject(l.encoding) ? l.encoding : {}) };
        delete view.encoding;
        (view.layer as Json[]).push(text);
      } else {
        const unit: Json = { mark: view.mark, encoding: view.encoding };
        if ('params' in view) unit.params = view.params;
        delete view.mark;
        delete view.encoding;
        delete view.params;
        view.layer = [unit, text];
      }
      view.height = height;
    }
  } finally {
    run.finalize();
  }
  wrapLabels(spec, room.inner / 2); // and the legend's labels, where they are long
}

/**
 * Wraps the texts a view's text layers write (a text field of strings) onto lines of at most
 * `width` px, and gives them the row labels' line height.
 *
 * @returns How far below its anchor a text reaches at most, in px (0 if none is wrapped).
 */
function wrapMarkTexts(spec: Json, view: Json, width: number): number {
  let most = 0;
  const font = { fontSize: 11 };
  for (const layer of Array.isArray(view.layer) ? (view.layer as Json[]) : [view]) {
    const type = isObject(layer.mark) ? layer.mark.type : layer.mark;
    const text = isObject(layer.encoding) ? layer.encoding.text : undefined;
    if (type !== 'text' || !isObject(text) || typeof text.field !== 'string') continue;
    if (text.type === 'quantitative' || /[.[\]\\]/.test(text.field)) continue;
    const wrapped = labelsOf(spec, text.field)
      .filter((t) => textWidth(font, t) > width)
      .map((t) => [t, wrapKeepingBrackets(t, width, font)] as const);
    if (!wrapped.length) continue;
    const lines = Math.max(...wrapped.map(([, l]) => l.length));
    const mark = isObject(layer.mark) ? layer.mark : {};
    // the first line: below its anchor (baseline top), or across it (middle, Vega-Lite's)
    const first = mark.baseline === 'top' ? rowLabelLine : rowLabelLine / 2;
    most = Math.max(most, (lines - 1) * rowLabelLine + first);
    const as = `${text.field}_lines`;
    const table = JSON.stringify(Object.fromEntries(wrapped));
    const value = `datum[${JSON.stringify(text.field)}]`;
    layer.transform = [
      ...(Array.isArray(layer.transform) ? (layer.transform as unknown[]) : []),
      {
        calculate: `(${table})[${value}] || ${value}`,
        as,
      },
    ];
    layer.encoding = { ...(layer.encoding as Json), text: { ...text, field: as } };
    layer.mark = { ...(isObject(layer.mark) ? layer.mark : { type }), lineHeight: rowLabelLine };
  }
  return most;
}

/** What {@link labelsAbove} reads from a y scale of the running view. */
interface ScaleInfo {
  type: string;
  domain(): unknown[];
  step(): number;
  paddingInner(): number;
  paddingOuter(): number;
}

/** Legends in one column, three ticks, and no room kept for row labels beyond what they take. */
function oneColumnFewerTicks(spec: Json): void {
  const config = isObject(spec.config) ? spec.config : {};
  spec.config = {
    ...config,
    legend: { ...(isObject(config.legend) ? config.legend : {}), columns: 1 },
    axisQuantitative: {
      ...(isObject(config.axisQuantitative) ? config.axisQuantitative : {}),
      tickCount: 3,
    },
  };
  for (const c of channels(spec)) {
    if (isObject(c.legend)) c.legend = { ...c.legend, columns: 1 };
    // the room a builder keeps for row labels (minExtent) shrinks to what the labels take
    if (isObject(c.axis) && typeof c.axis.minExtent === 'number') c.axis.minExtent = 0;
  }
}

/** The room for text: beside the rows (`labelRoom`), and the chart's whole inner width. */
interface Room {
  labelRoom: number;
  inner: number;
}

/**
 * The ways a chart is laid out again, in turn, before a width is refused, each from the layout of
 * an earlier one (`from`, 0 being the chart as given): legends in one column and fewer ticks; then
 * long row labels and legend labels wrapped onto lines (the rows made taller for them), and
 * wrapped onto half as much room; then, from the first, each row's label written above its row;
 * and that again with long texts beside the marks wrapped onto lines.
 */
const relayouts: { from: number; apply: (spec: Json, room: Room) => void | Promise<void> }[] = [
  { from: 0, apply: oneColumnFewerTicks },
  {
    from: 1,
    apply: (spec, room) => {
      wrapLabels(spec, room.labelRoom);
    },
  },
  {
    from: 2,
    apply: (spec, room) => {
      wrapLabels(spec, Math.max(80, room.labelRoom / 2));
    },
  },
  { from: 1, apply: (spec, room) => labelsAbove(spec, room) },
  { from: 1, apply: (spec, room) => labelsAbove(spec, room, true) },
];

/**
 * Lays a Vega-Lite spec out so that the whole chart (axes, legend, titles, padding) is `width` px
 * wide, to within a few px: titles and footers are wrapped to the width and the plot areas are
 * scaled; text sizes do not change.
 *
 * @param spec A Vega-Lite spec.
 * @param width The total width in px (CSS px, 1/96 in).
 * @param what How the width was asked for, for the error message (e.g. `'85 mm'`).
 * @param fn The function that asked, for the error message (e.g. `'toSVG'`).
 * @returns The compiled Vega spec.
 * @throws {InvalidOptionError} If the chart's text (labels, legend) needs more than `width` even
 *   with its plot areas at {@link minPlotWidth} px; its `needs` is the width it needs, in px.
 */
export async function layOut(
  spec: object,
  width: number,
  what: string,
  fn = 'render',
): Promise<Laid> {
  compileSpec(spec, fn); // the package's errors for a bad spec, before anything else
  const base = copy(spec) as Json;
  const config = isObject(base.config) ? base.config : {};
  const padding = typeof base.padding === 'number' ? base.padding : Number(config.padding ?? 5);
  wrapTitles(base, width - 2 * padding - 2, config); // (2 px: a panel starts at its axis line)
  const widths = sizedViews(base).map((v) => v.width as number);
  if (!widths.length) {
    // A spec without a numeric width (e.g. a "container" width): give the top level the width.
    const vega = compileSpec({ ...base, width, autosize: { type: 'fit-x', contains: 'padding' } });
    return { vega };
  }
  // The layout as the chart gives it first; where its plot area would be narrow (under half the
  // width) or it cannot fit at all, laid out again (see relayouts), and the widest plot kept.
  const labelRoom = Math.max(80, width - 2 * padding - minPlotWidth - 40);
  const comfortable = (width - 2 * padding) / 2;
  const room = { labelRoom, inner: width - 2 * padding - 8 };
  const stages = [base];
  let best: Laid | undefined;
  let need = Infinity;
  for (let stage = 0; stage <= relayouts.length; stage++) {
    if (stage > 0) {
      const { from, apply } = relayouts[stage - 1]!;
      stages.push(copy(stages[from]!));
      await apply(stages[stage]!, room);
    }
    const laid = await fit(stages[stage]!, widths, width);
    if ('need' in laid) need = Math.min(need, laid.need);
    else if (!best || laid.plotWidth! > best.plotWidth!) best = laid;
    if (best && best.plotWidth! >= comfortable) break;
  }
  if (!best)
    throw Object.assign(
      new InvalidOptionError(
        `The chart does not fit ${what} (${width} px at 96 px per inch) with its text at full ` +
          `size and a plot area at least ${minPlotMillimetres} mm wide: it needs at least ` +
          `${need} px (${Math.ceil((need / 96) * 25.4)} mm). Give a larger width, or column: ` +
          "'double'.",
      ),
      { needs: need },
    );
  return best;
}

/**
 * The chart with its plot widths scaled as far as the total `width` allows, the narrowest plot no
 * narrower than {@link minPlotWidth}; or, where even that is too wide, the width it needs.
 */
async function fit(base: Json, widths: number[], width: number): Promise<Laid | { need: number }> {
  const at = (k: number) => {
    const s = copy(base);
    sizedViews(s).forEach((v, i) => (v.width = Math.max(1, Math.round(widths[i]! * k))));
    return compileSpec(s);
  };
  const smallest = minOf(widths);
  const k0 = minPlotWidth / smallest;
  const t0 = await measure(at(k0));
  if (t0 > width) return { need: t0 };
  // The total width grows with k, the scale of the plot widths: find the largest k at which the
  // chart fits, by interpolation between a k that fits and one that does not.
  let [lo, tlo] = [k0, t0];
  let hi = Math.max(1, 2 * k0);
  let thi = await measure(at(hi));
  while (thi <= width && hi < 64) {
    [lo, tlo] = [hi, thi];
    hi *= 2;
    thi = await measure(at(hi));
  }
  // (a title or footer as wide as the chart keeps the total flat while the plots grow: then halve)
  for (let i = 0; i < 14 && hi - lo > lo / 200 && thi > width; i++) {
    const guess = width - tlo > 2 ? lo + ((hi - lo) * (width - tlo)) / (thi - tlo) : (lo + hi) / 2;
    const k = Math.min(hi - (hi - lo) / 10, Math.max(lo + (hi - lo) / 10, guess));
    const t = await measure(at(k));
    if (t <= width) [lo, tlo] = [k, t];
    else [hi, thi] = [k, t];
  }
  return { vega: at(lo), plotWidth: Math.round(smallest * lo) };
}
