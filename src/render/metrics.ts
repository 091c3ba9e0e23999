// Text widths from the shipped font files, so that Vega lays a chart out for the font resvg draws
// it with. Without a canvas, Vega guesses every character at 0.8 em, which is about 40 % too wide
// for DejaVu Sans: views grow blank margins and long labels are cut short.
import { readFileSync } from 'node:fs';

/** The advance widths of one font file, in em, by code point. */
export interface FontMetrics {
  /** Width of each code point the font maps, in em. */
  advances: Map<number, number>;
  /** Width of a character the font lacks, in em. */
  fallback: number;
}

/**
 * Reads the advance widths of a TrueType/OpenType file: `head` (units per em), `hhea` and `hmtx`
 * (advances per glyph), `cmap` (code point → glyph; formats 4 and 12). Kerning is not applied.
 */
export function readMetrics(file: string): FontMetrics {
  const buffer = readFileSync(file);
  const data = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const tables = new Map<string, number>();
  const numTables = data.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    tables.set(buffer.toString('latin1', at, at + 4), data.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: the font has no '${tag}' table`);
    return offset;
  };
  const unitsPerEm = data.getUint16(table('head') + 18);
  const numberOfHMetrics = data.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) =>
    data.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)) / unitsPerEm;

  const cmap = table('cmap');
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < data.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    subtables.push({
      platform: data.getUint16(at),
      encoding: data.getUint16(at + 2),
      offset: cmap + data.getUint32(at + 4),
    });
  }
  const advances = new Map<number, number>();
  const full = subtables.find(
    (s) => s.platform === 3 && s.encoding === 10 && data.getUint16(s.offset) === 12,
  );
  const bmp = subtables.find((s) => (s.platform === 3 && s.encoding === 1) || s.platform === 0);
  if (full) {
    const groups = data.getUint32(full.offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = full.offset + 16 + 12 * g;
      const [start, end, glyph] = [
        data.getUint32(at),
        data.getUint32(at + 4),
        data.getUint32(at + 8),
      ];
      for (let c = start; c <= end; c++) advances.set(c, advance(glyph + c - start));
    }
  } else if (bmp && data.getUint16(bmp.offset) === 4) {
    const o = bmp.offset;
    const segments = data.getUint16(o + 6) / 2;
    const ends = o + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const ranges = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const [end, start, delta, range] = [
        data.getUint16(ends + 2 * s),
        data.getUint16(starts + 2 * s),
        data.getInt16(deltas + 2 * s),
        data.getUint16(ranges + 2 * s),
      ];
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (range === 0) glyph = (c + delta) & 0xffff;
        else {
          glyph = data.getUint16(ranges + 2 * s + range + 2 * (c - start));
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) advances.set(c, advance(glyph));
      }
    }
  } else {
    throw new Error(`${file}: no Unicode cmap of format 4 or 12`);
  }
  return { advances, fallback: advances.get(0x4e) ?? 0.6 }; // a character the font lacks: as wide as "N"
}

/** The width in pixels of `text` set in `metrics` at `fontSize`. */
export function measure(metrics: FontMetrics, text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += metrics.advances.get(char.codePointAt(0)!) ?? metrics.fallback;
  return em * fontSize;
}
