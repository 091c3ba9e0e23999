// toPDF and printed sizes, checked with tools nobody here wrote: poppler's pdffonts, pdftotext,
// pdfinfo and pdftoppm, and pdflatex (\includegraphics). `.ci/run` installs poppler-utils and TeX.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { InvalidOptionError, load } from '../../src/index.js';
import { compareChart } from '../../src/charts/index.js';
import { columnWidths, toPDF, toPNG, toSVG } from '../../src/render/index.js';
import { standardCharts } from '../../src/report/index.js';
import { onPath } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

/** Poppler's tools and pdflatex, on PATH (`.ci/run` installs them). */
const pdfTools = ['pdffonts', 'pdftotext', 'pdfinfo', 'pdftoppm', 'pdflatex'].map((name) => ({
  name,
  found: onPath([name], process.env),
  lookedAt: `no ${name} on PATH`,
  install:
    'apt-get install poppler-utils texlive-latex-recommended texlive-latex-extra texlive-xetex lmodern biber',
}));

const dir = mkdtempSync(join(tmpdir(), 'ww2yc-pdf-'));
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const charts = standardCharts();
const pdfs = new Map<string, string>(); // chart name → PDF file, at a double column
// The two spread charts' labels need more than a double column (toSVG says 205 and 213 mm): they
// are drawn at 215 mm, every other chart at a double column (175 mm).
const wide = new Set(['by-nationality-spread', 'by-status-spread']);
const widthOf = (name: string) => (wide.has(name) ? 215 : 175);
const sizeOf = (name: string) =>
  wide.has(name) ? { width: 215, unit: 'mm' as const } : { column: 'double' as const };
const mmToPt = (mm: number) => (mm / 25.4) * 72;

/** Every line's words joined by single spaces, so that wrapped text can be searched. */
const words = (text: string) => text.replace(/\s+/g, ' ');

/** The title of a chart's spec, as one line. */
function title(spec: object): string {
  const t = (spec as { title: { text: string | string[] } }).title.text;
  return Array.isArray(t) ? t.join(' ') : t;
}

describeNeeding('PDFs checked with poppler and pdflatex', pdfTools, () => {
  beforeAll(async () => {
    for (const c of charts) {
      const file = join(dir, `${c.name}.pdf`);
      writeFileSync(file, await toPDF(c.spec, sizeOf(c.name)));
      pdfs.set(c.name, file);
    }
  }, 600_000);

  describe('toPDF(spec, { column: "double" }) on every standard chart', { timeout: 60_000 }, () => {
    test.each(charts.map((c) => [c.name]))(
      '%s: DejaVu Sans embedded as a subset, and no other font (pdffonts)',
      (name) => {
        const rows = run('pdffonts', pdfs.get(name)!).trim().split('\n').slice(2);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          // name type encoding emb sub uni: a subset's name has a six-letter tag, "ABCDEF+DejaVuSans".
          expect(row).toMatch(
            /^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique|-BoldOblique)?\s.*\byes\s+yes\s+yes\b/,
          );
        }
      },
    );

    test.each(charts.map((c) => [c.name]))(
      '%s: the page is as wide as asked, to within a point (pdfinfo)',
      (name) => {
        const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', pdfs.get(name)!));
        expect(size).not.toBeNull();
        // 175 mm = 175 / 25.4 in = 496.06 pt; 215 mm = 609.45 pt
        expect(Math.abs(Number(size![1]) - (widthOf(name) === 175 ? 496.06 : 609.45))).toBeLessThan(
          1,
        );
        expect(Number(size![2])).toBeGreaterThan(100);
      },
    );

    test.each(charts.map((c) => [c.name, c.spec] as const))(
      '%s: the title and the source footer are text (pdftotext)',
      (name, spec) => {
        const text = words(run('pdftotext', pdfs.get(name)!, '-'));
        expect(text).toContain(title(spec));
        expect(text).toMatch(/\bSources?: /); // "Source:" where a chart has one source
        expect(text).toContain(
          "Data: ww2-yugoslavia-casualties (figures as published; see each source's citation).",
        );
      },
    );

    test('axis labels and values are text: the nationalities of the 1964 list, Kočović and Žerjavić', () => {
      const text = words(run('pdftotext', pdfs.get('by-nationality-bars')!, '-'));
      // The categories of the seed's table, as the sources label them, and the axis title.
      for (const label of [
        'Serbs',
        'Croats',
        'Muslims',
        'Jews',
        'Montenegrins',
        'Slovenes',
        'Gypsies',
      ])
        expect(text).toContain(label);
      expect(text).toContain('deaths (persons)');
      expect(text).toContain('not reported');
      const totals = words(run('pdftotext', pdfs.get('total-estimates')!, '-'));
      // "Žerjavić ... 1,027,000" and the 1964 list's 597,323, with the diacritics kept.
      expect(totals).toContain('Žerjavić, 1989');
      expect(totals).toContain('1,027,000');
      expect(totals).toContain('597,323');
    });

    test('pdflatex includes the PDF with \\includegraphics, and its text survives into the document', () => {
      const tex = join(dir, 'paper.tex');
      writeFileSync(
        tex,
        [
          '\\documentclass{article}',
          '\\usepackage{graphicx}',
          '\\begin{document}',
          '\\begin{figure}\\centering',
          `\\includegraphics[width=\\linewidth]{${pdfs.get('by-republic-zerjavic')}}`,
          '\\caption{Losses by republic.}',
          '\\end{figure}',
          '\\end{document}',
          '',
        ].join('\n'),
      );
      const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.status, r.stdout.slice(-2000)).toBe(0);
      const paper = join(dir, 'paper.pdf');
      const text = words(run('pdftotext', paper, '-'));
      expect(text).toContain(title(charts.find((c) => c.name === 'by-republic-zerjavic')!.spec));
      expect(text).toContain('Losses by republic.');
      expect(run('pdffonts', paper)).toMatch(/\+DejaVuSans\s.*\byes\s+yes\s+yes\b/);
    });
  });

  /** The pixels of a PNG as resvg writes it (8-bit RGBA, not interlaced), as grey levels. */
  function decodePNG(png: Uint8Array): { width: number; height: number; grey: Uint8Array } {
    const b = Buffer.from(png);
    const width = b.readUInt32BE(16);
    const height = b.readUInt32BE(20);
    expect([b[24], b[25], b[28]]).toEqual([8, 6, 0]); // bit depth 8, RGBA, not interlaced
    const idat: Buffer[] = [];
    for (let at = 8; at < b.length; ) {
      const length = b.readUInt32BE(at);
      if (b.toString('latin1', at + 4, at + 8) === 'IDAT')
        idat.push(b.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * 4;
    const out = new Uint8Array(stride * height);
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)]!;
      for (let x = 0; x < stride; x++) {
        const v = raw[y * (stride + 1) + 1 + x]!;
        const a = x >= 4 ? out[y * stride + x - 4]! : 0;
        const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
        const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
        const p = a + up - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - up), Math.abs(p - c)];
        const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
        const predictor = [0, a, up, (a + up) >> 1, paeth][filter]!;
        out[y * stride + x] = (v + predictor) & 255;
      }
    }
    const grey = new Uint8Array(width * height);
    for (let i = 0; i < width * height; i++)
      grey[i] = Math.round((out[4 * i]! + out[4 * i + 1]! + out[4 * i + 2]!) / 3);
    return { width, height, grey };
  }

  /** pdftoppm's greyscale rendering of a PDF at `dpi` (a binary PGM). */
  function pdfToGrey(
    file: string,
    dpi: number,
  ): { width: number; height: number; grey: Uint8Array } {
    const pgm = execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', file]);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, grey: new Uint8Array(pgm.subarray(header[0].length)) };
  }

  type Grey = { width: number; height: number; grey: Uint8Array };

  /**
   * How much ink each `cell`×`cell` square of the top-left `width`×`height` of a picture holds (the
   * sum of 255 − grey level), the picture shifted `dx` px to the right.
   */
  function ink(p: Grey, width: number, height: number, cell: number, dx = 0): Float64Array {
    const cols = Math.ceil(width / cell);
    const sums = new Float64Array(cols * Math.ceil(height / cell));
    for (let y = 0; y < height; y++)
      for (let x = 0; x + dx < width; x++)
        sums[Math.floor(y / cell) * cols + Math.floor((x + dx) / cell)]! +=
          255 - p.grey[y * p.width + x]!;
    return sums;
  }

  /** Pearson's correlation of two equally long series. */
  function correlation(a: Float64Array, b: Float64Array): number {
    const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;
    const [ma, mb] = [mean(a), mean(b)];
    let [ab, aa, bb] = [0, 0, 0];
    for (let i = 0; i < a.length; i++) {
      ab += (a[i]! - ma) * (b[i]! - mb);
      aa += (a[i]! - ma) ** 2;
      bb += (b[i]! - mb) ** 2;
    }
    return ab / Math.sqrt(aa * bb);
  }

  describe('the PDF drawn by pdftoppm is the picture toPNG draws (same layout)', () => {
    test.each(charts.map((c) => [c.name, c.spec] as const))(
      '%s: the same size, and ink in the same places',
      async (name, spec) => {
        // At 96 dpi a pixel of either picture is a pixel of Vega's layout.
        const png = decodePNG(await toPNG(spec, { ...sizeOf(name), dpi: 96 }));
        const pdf = pdfToGrey(pdfs.get(name)!, 96);
        expect(Math.abs(pdf.width - png.width)).toBeLessThanOrEqual(1);
        expect(Math.abs(pdf.height - png.height)).toBeLessThanOrEqual(1);
        // The ink of 4 px squares (a glyph is 6–8 px wide) correlates almost perfectly: the same
        // marks and text in the same places, whatever the two renderers' anti-aliasing.
        const [w, h] = [Math.min(pdf.width, png.width), Math.min(pdf.height, png.height)];
        const same = correlation(ink(pdf, w, h, 4, 0), ink(png, w, h, 4, 0));
        expect(same).toBeGreaterThan(0.93);
        // The check can fail: with the PNG 6 px to the right the correlation is clearly lower.
        const shifted = correlation(ink(pdf, w, h, 4), ink(png, w, h, 4, 6));
        expect(same - shifted).toBeGreaterThan(0.02);
      },
      120_000,
    );
  });

  describe('printed sizes', { timeout: 60_000 }, () => {
    const spec = compareChart(load('by-republic-zerjavic'), { by: 'region' });

    test("columnWidths are 85 mm and 175 mm, within Nature's 89 mm and 183 mm columns", () => {
      expect(columnWidths).toEqual({ single: 85, double: 175 });
    });

    test('toPNG at a single column and 600 dpi: 85 mm × 600 / 25.4 = 2008 px, and pHYs says 600 dpi', async () => {
      const png = Buffer.from(await toPNG(spec, { column: 'single', dpi: 600 }));
      expect(png.readUInt32BE(16)).toBe(2008);
      const at = png.indexOf('pHYs');
      expect(at).toBeGreaterThan(0);
      // 600 dots per inch = 600 / 0.0254 = 23,622 dots per metre, unit 1 (metre)
      expect([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8), png[at + 12]]).toEqual([
        23622, 23622, 1,
      ]);
    });

    test('width as a string or a number with unit: 3.5 in = 88.9 mm = 252 pt', async () => {
      for (const options of [
        { width: '3.5in' },
        { width: 88.9, unit: 'mm' as const },
        { width: '252pt' },
      ]) {
        const file = join(dir, 'sized.pdf');
        writeFileSync(file, await toPDF(spec, options));
        const width = Number(/Page size:\s+([\d.]+) x/.exec(run('pdfinfo', file))![1]);
        expect(Math.abs(width - 252)).toBeLessThan(1);
      }
    });

    test('toSVG gives the printed size in mm and keeps its layout in px', async () => {
      const svg = await toSVG(spec, { column: 'single' });
      const m = /^<svg [^>]*width="85mm" height="([\d.]+)mm" viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(
        svg,
      );
      expect(m).not.toBeNull();
      // Laid out at 85 mm = 85 / 25.4 × 96 = 321.3 px, to within the few px the layout allows,
      // and the height in mm in the same proportion as in px.
      expect(Math.abs(Number(m![2]) - 321.3)).toBeLessThanOrEqual(3);
      expect(Number(m![1])).toBeCloseTo((85 * Number(m![3])) / Number(m![2]), 1);
    });

    test('the text keeps its size: the axis labels are 11 px whatever the width', async () => {
      const narrow = await toSVG(spec, { column: 'single' });
      const wide = await toSVG(spec, { column: 'double' });
      const sizes = (svg: string) =>
        new Set([...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => m[1]));
      expect(sizes(narrow)).toEqual(sizes(wide));
      expect(sizes(narrow).has('11')).toBe(true);
      expect(mmToPt(columnWidths.single)).toBeCloseTo(240.94, 2);
    });

    test('a chart whose text cannot fit the width says so and what it needs', async () => {
      // The headline chart fits a single column (test/render/fit.test.ts); the slope chart's
      // labels at both ends (117 px and 151 px of 11 px text) do not, and say what they need.
      const slope = charts.find((c) => c.name === 'by-nationality-slope')!.spec;
      await expect(toPDF(slope, { column: 'single' })).rejects.toThrow(InvalidOptionError);
      await expect(toPDF(slope, { column: 'single' })).rejects.toThrow(
        /does not fit 85\.0 mm .* plot area at least 40 mm wide: it needs at least \d+ px \(\d+ mm\)/,
      );
    });

    test('bad sizes get the package errors', async () => {
      await expect(toPDF(spec, { width: '85 furlongs' })).rejects.toThrow(
        "Invalid width '85 furlongs': expected a length with its unit, e.g. '85mm', '3.5in', '8.5cm' or '240pt'.",
      );
      await expect(toPDF(spec, { width: 85, column: 'single' })).rejects.toThrow(
        "Both width 85 and column 'single' were given: expected one of them.",
      );
      await expect(toPDF(spec, { column: 'triple' as never })).rejects.toThrow(
        "Invalid column 'triple': expected 'single' or 'double'.",
      );
      await expect(toPNG(spec, { dpi: 10 })).rejects.toThrow(/Invalid dpi 10: expected a number/);
      await expect(toPNG(spec, { scale: 2, dpi: 300 })).rejects.toThrow(
        /Both scale 2 and a printed size/,
      );
      await expect(toPDF(null as never)).rejects.toThrow(
        'toPDF: the spec is null; expected a Vega-Lite spec object.',
      );
      await expect(
        toPDF({ data: { url: '/etc/passwd' }, mark: 'point', encoding: { x: { field: 'a' } } }),
      ).rejects.toThrow(/asks to load '\/etc\/passwd'/);
    });

    test("the PDF is one page with the chart's title as its document title", () => {
      const info = run('pdfinfo', pdfs.get('total-estimates')!);
      expect(info).toMatch(/^Pages:\s+1$/m);
      const spec = charts.find((c) => c.name === 'total-estimates')!.spec;
      expect(info).toContain(`Title:           ${title(spec)}\n`);
      expect(readFileSync(pdfs.get('total-estimates')!).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});
