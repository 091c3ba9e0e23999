// Rendering to PDF: Vega's canvas renderer draws the chart onto a PDF page through PDFKit, with
// the shipped DejaVu Sans embedded (subset), so text stays text and every line stays a vector.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { View } from 'vega';
import { CasualtiesError, InvalidOptionError, checkOptions, show } from '../errors.js';
import { compileSpec, layOut, runView, totalSize } from './layout.js';
import { useFontMetrics } from './metrics.js';
import { isStackOverflow } from './sandbox.js';
import { PDFContext } from './pdf-context.js';
import type { PDFKitDocument } from './pdfkit.js';
import { pixelsPerInch, pointsPerInch, printWidth, type PrintSize } from './size.js';

/** Options of {@link toPDF}: the printed size (see {@link PrintSize}). */
export type PDFOptions = PrintSize;

const faces = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  'bold-oblique': 'DejaVuSans-BoldOblique.ttf',
} as const;

type Faces = Record<keyof typeof faces, object>;
let parsed: Faces | undefined;

/** The part of a fontkit font that {@link unshaped} uses. */
interface FontkitFont {
  glyphsForString(text: string): { advanceWidth: number }[];
}

/**
 * A fontkit font that lays text out glyph by glyph with the fonts' advance widths, as Vega's
 * layout measures it here (see `metrics.ts`): no kerning and no OpenType shaping, which for the
 * Latin, Cyrillic and symbols of these charts draws the same glyphs, about 200 times faster.
 * PDFKit takes any object with fontkit's `layout` in place of a font file.
 */
function unshaped(font: FontkitFont): object {
  const fast = Object.create(font) as FontkitFont & { layout: unknown };
  fast.layout = (text: string) => {
    const glyphs = font.glyphsForString(text);
    const positions = glyphs.map((g) => ({
      xAdvance: g.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    return {
      glyphs,
      positions,
      // As fontkit's GlyphRun: read after PDFKit has scaled the positions.
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  return fast;
}

/**
 * The four DejaVu Sans faces from the `dejavu-fonts-ttf` package, read and parsed once (fontkit
 * decodes a table when it is first used, so later PDFs reuse the work) and subset by each PDF.
 */
async function fonts(): Promise<Faces> {
  if (!parsed) {
    const { create } = await import('fontkit');
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const open = (file: string) => unshaped(create(readFileSync(join(dir, file))) as FontkitFont);
    parsed = Object.fromEntries(
      Object.entries(faces).map(([face, file]) => [face, open(file)]),
    ) as Faces;
  }
  return parsed;
}

/** The title of a spec as one line, for the PDF's metadata. */
function titleOf(spec: object): string | undefined {
  const title = (spec as { title?: unknown }).title;
  const text =
    typeof title === 'object' && title !== null && !Array.isArray(title)
      ? (title as { text?: unknown }).text
      : title;
  const lines = Array.isArray(text) ? text : [text];
  return lines.every((l) => typeof l === 'string') && lines.length ? lines.join(' ') : undefined;
}

/**
 * Renders a Vega-Lite spec to a vector PDF of one page the size of the chart: text stays text, in
 * DejaVu Sans embedded as a subset (no other font, file or network is used), and marks are paths.
 * With `width` or `column`, the chart is laid out anew at that printed width (its text keeping the
 * theme's sizes: 11 px is 8.25 pt) and the page is exactly that wide.
 *
 * @param spec A Vega-Lite spec, e.g. from `totalsChart()`.
 * @param options `{ width, unit, column }`: the printed width, e.g. `{ column: 'single' }` (85 mm),
 *   `{ width: '120mm' }`, `{ width: 3.5, unit: 'in' }`. Default: the chart's own size at 96 px
 *   per inch.
 * @returns The PDF file's bytes.
 * @throws {InvalidOptionError} If the spec cannot be compiled or asks to load data, the width is
 *   not a length, or the chart's text does not fit the width.
 * @example
 * const pdf = await toPDF(totalsChart(load('total-estimates')), { column: 'double' });
 * writeFileSync('totals.pdf', pdf);
 */
export async function toPDF(spec: object, options: PDFOptions = {}): Promise<Uint8Array> {
  const inches = printWidth(checkOptions(options, 'toPDF'));
  const release = useFontMetrics(); // for the whole render, put back as it was at its end
  try {
    const vega = inches
      ? (
          await layOut(
            spec,
            Math.round(inches * pixelsPerInch),
            `${(inches * 25.4).toFixed(1)} mm`,
            'toPDF',
          )
        ).vega
      : compileSpec(spec, 'toPDF');
    const view = await runView(vega, 'toPDF');
    try {
      return await pdfOfView(view, spec, inches);
    } finally {
      view.finalize();
    }
  } catch (cause) {
    // as toSVG: whatever Vega, pdfkit or the engine throws on a bad spec is the package's error
    if (cause instanceof CasualtiesError) throw cause;
    if (isStackOverflow(cause))
      throw new InvalidOptionError(
        'toPDF: the spec is nested too deeply to draw (the JavaScript stack overflowed); ' +
          'expected a spec whose nesting does not grow with its data.',
        { cause },
      );
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new InvalidOptionError(`toPDF: the spec cannot be drawn (${show(message)}).`, { cause });
  } finally {
    release();
  }
}

/**
 * The PDF of a view that has run: one page the size of the chart, or `inches` wide.
 *
 * @param view A headless Vega view of the spec, run; the caller finalizes it.
 * @param spec The Vega-Lite spec, for the PDF's title.
 * @param inches The printed width, if one was asked for.
 */
export async function pdfOfView(
  view: View,
  spec: object,
  inches: number | undefined,
): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const { width: w, height: h } = totalSize(view);
  const pageWidth = inches ? inches * pointsPerInch : (w * pointsPerInch) / pixelsPerInch;
  const scale = pageWidth / w;
  const font = await fonts();
  const title = titleOf(spec);
  const doc: PDFKitDocument = new PDFDocument({
    size: [pageWidth, h * scale],
    margin: 0,
    font: font.regular,
    info: { ...(title ? { Title: title } : {}), Creator: 'ww2-yugoslavia-casualties' },
    displayTitle: Boolean(title),
  });
  for (const face of Object.keys(faces) as (keyof typeof faces)[])
    doc.registerFont(face, font[face]);
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => {
      resolve();
    });
    doc.on('error', reject);
  });
  await view.toCanvas(scale, { externalContext: new PDFContext(doc) });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
