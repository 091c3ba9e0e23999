// The `chart` command, run as a user runs it; the files it writes checked with poppler's tools.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { onPath } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

vi.setConfig({ testTimeout: 60_000 });

/** Poppler's tools, on PATH (`.ci/run` installs them). */
const pdfTools = ['pdffonts', 'pdftotext', 'pdfinfo'].map((name) => ({
  name,
  found: onPath([name], process.env),
  lookedAt: `no ${name} on PATH`,
  install: 'apt-get install poppler-utils',
}));

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'ww2yc-chart-'));

describeNeeding('chart <dataset> --out <file>', pdfTools, () => {
  test('a single-column PDF: 85 mm wide (240.9 pt), DejaVu Sans embedded, the regions as text', () => {
    const out = join(dir, 'republics.pdf');
    const r = run('chart', 'by-republic-zerjavic', '--column', 'single', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe(`wrote ${out} (by-republic-zerjavic)\n`);
    const width = Number(
      /Page size:\s+([\d.]+) x/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1],
    );
    expect(Math.abs(width - (85 / 25.4) * 72)).toBeLessThan(1);
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(
      /\+DejaVuSans\s.*yes\s+yes\s+yes/,
    );
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    for (const region of ['Croatia', 'Serbia', 'Slovenia', 'Macedonia', 'Montenegro'])
      expect(text).toContain(region);
  });

  test('a PNG at 600 dpi and --width 120mm: 120 / 25.4 × 600 = 2835 px wide', () => {
    const out = join(dir, 'slope.png');
    const r = run(
      'chart',
      'by-nationality',
      '--chart',
      'by-nationality-slope',
      '--width',
      '120mm',
      '--dpi',
      '600',
      '--out',
      out,
    );
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out).readUInt32BE(16)).toBe(2835);
  });

  test('an SVG with a bare number as millimetres', () => {
    const out = join(dir, 'status.svg');
    expect(
      run('chart', 'by-status', '--chart', 'by-status', '--width', '175', '--out', out).code,
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg [^>]*width="175mm"/);
  });

  test('bad usage: exit 1 with one message', () => {
    expect(run('chart', 'by-status', '--out', join(dir, 'x.docx'))).toMatchObject({
      code: 1,
      err: expect.stringContaining("cannot tell the format of '"),
    });
    expect(
      run('chart', 'by-nationality', '--chart', 'pie', '--out', join(dir, 'x.pdf')).err,
    ).toContain(
      "Unknown chart of by-nationality 'pie'. Expected one of: by-nationality-bars, by-nationality-spread, by-nationality-slope.",
    );
    expect(run('chart', 'by-status').err).toContain('no output file given');
    // the slope chart's labels at both ends do not fit a single column (README: 98 mm)
    const slope = ['--chart', 'by-nationality-slope', '--column', 'single'];
    expect(run('chart', 'by-nationality', ...slope, '--out', join(dir, 'm.pdf'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/does not fit 85\.0 mm/),
    });
  });
});
