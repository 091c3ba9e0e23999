// Text widths from the shipped font: Vega lays text out by its width (label space, legends,
// titles, label overlap). With no canvas in Node it guesses 0.8 × font size per character, about
// 40 % wider than DejaVu Sans draws, which leaves charts wide and empty and keeps them from fitting
// a journal's column. A browser measures with its canvas; here the advance widths are read from
// the font files (the TrueType `cmap`, `hhea` and `hmtx` tables) and given to Vega.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vega from 'vega';
import { show } from '../errors.js';

/** Advance widths of one font file, per code point, in em. */
export interface Advances {
  /** The width of a text of one line, in em (no kerning). */
  width(text: string): number;
}

/**
 * Reads the advance widths of a TrueType font.
 *
 * @param data The bytes of a `.ttf` file.
 * @returns The font's advance widths.
 * @example
 * advances(readFileSync('DejaVuSans.ttf')).width('Serbs'); // => 3.003… (em)
 */
export function advances(data: Uint8Array): Advances {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0, n = view.getUint16(4); i < n; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...data.subarray(at, at + 4));
    tables.set(tag, view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`The font has no '${tag}' table.`);
    return at;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) =>
    view.getUint16(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;
  const glyphOf = cmap(view, table('cmap'));
  const cache = new Map<number, number>();
  const em = (code: number) => {
    let w = cache.get(code);
    if (w === undefined) cache.set(code, (w = advance(glyphOf(code))));
    return w;
  };
  return {
    width(text) {
      let w = 0;
      for (const ch of text) w += em(ch.codePointAt(0)!);
      return w;
    },
  };
}

/** The glyph of a code point, from a Unicode `cmap` subtable (format 12, else format 4). */
function cmap(view: DataView, at: number): (code: number) => number {
  const subtables: [number, number, number][] = [];
  for (let i = 0, n = view.getUint16(at + 2); i < n; i++) {
    const r = at + 4 + 8 * i;
    const offset = at + view.getUint32(r + 4);
    subtables.push([view.getUint16(r), view.getUint16(r + 2), offset]);
  }
  const unicode = (p: number, e: number) => p === 0 || (p === 3 && (e === 1 || e === 10));
  const f12 = subtables.find(([p, e, o]) => unicode(p, e) && view.getUint16(o) === 12);
  if (f12) {
    const o = f12[2];
    const groups = view.getUint32(o + 12);
    return (code) => {
      for (let g = 0; g < groups; g++) {
        const r = o + 16 + 12 * g;
        const start = view.getUint32(r);
        if (code >= start && code <= view.getUint32(r + 4))
          return view.getUint32(r + 8) + code - start;
      }
      return 0;
    };
  }
  const f4 = subtables.find(([p, e, o]) => unicode(p, e) && view.getUint16(o) === 4);
  if (!f4) throw new Error('The font has no Unicode cmap of format 4 or 12.');
  const o = f4[2];
  const segments = view.getUint16(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (code > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + 2 * s);
      const range = view.getUint16(ranges + 2 * s);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(ranges + 2 * s + range + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** The DejaVu Sans faces a text item is drawn in, as the renderers choose them. */
const files = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  'bold-oblique': 'DejaVuSans-BoldOblique.ttf',
} as const;

let faces: Record<keyof typeof files, Advances> | undefined;

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  fontStyle?: string;
}

/** The width in px of a line of text as the shipped DejaVu Sans draws it. */
export function textWidth(item: TextItem, text: unknown): number {
  if (!faces) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    faces = Object.fromEntries(
      Object.entries(files).map(([face, file]) => [face, advances(readFileSync(join(dir, file)))]),
    ) as Record<keyof typeof files, Advances>;
  }
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const line = typeof text === 'string' ? text.trim() : text == null ? '' : show(text);
  if (size <= 0 || !line) return 0;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (Number(weight) || 0) >= 600;
  const oblique = item.fontStyle === 'italic' || item.fontStyle === 'oblique';
  const face = bold && oblique ? 'bold-oblique' : bold ? 'bold' : oblique ? 'oblique' : 'regular';
  return faces[face].width(line) * size;
}

/** How many renders are using the font's widths now, and Vega's own width while none is. */
let holders = 0;
let vegaWidth: ((item: TextItem, text: unknown) => number) | undefined;

/**
 * Makes Vega lay text out with the widths of the shipped font instead of its guess (Vega's
 * documented hook `textMetrics.width`, which a browser fills from its canvas), for the length of
 * one render: call the function it returns when the render is over. The hook is Vega's one for
 * the whole process, so it is set while any render of the package runs and put back as it was
 * once the last one ends: rendering leaves no global state changed.
 *
 * @returns The function that releases it (calling it twice releases once).
 * @example
 * const release = useFontMetrics();
 * try { await view.runAsync(); } finally { release(); }
 */
export function useFontMetrics(): () => void {
  const { textMetrics } = vega as unknown as {
    textMetrics: { width: (item: TextItem, text: unknown) => number };
  };
  if (holders++ === 0) {
    vegaWidth = textMetrics.width;
    textMetrics.width = textWidth;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0 && vegaWidth) {
      textMetrics.width = vegaWidth;
      vegaWidth = undefined;
    }
  };
}
