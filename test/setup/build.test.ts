// The guard that keeps a test of dist/ from running a build older than src/ (test/setup/build.ts).
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { staleBuild } from './build.js';

/** A clone with the given files, each modified at the given second. */
function clone(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'ww2yc-build-'));
  for (const [file, second] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), second, second);
  }
  return root;
}

describe('staleBuild(root)', () => {
  test('a build newer than every source is current', () => {
    const root = clone({ 'src/index.ts': 100, 'datasets/a.csv': 100, 'dist/index.js': 200 });
    expect(staleBuild(root)).toBeUndefined();
  });

  test('a source changed after the build: names it and says to build', () => {
    const root = clone({
      'src/index.ts': 100,
      'src/analysis/compare.ts': 300,
      'dist/index.js': 200,
      'dist/cli.js': 250,
    });
    expect(staleBuild(root)).toBe(
      'dist/ is older than src/analysis/compare.ts: this test would run the previous build. Run `npm run build` (npm test does), then this test again',
    );
  });

  test('the oldest file of the build counts, and a changed dataset too', () => {
    const root = clone({ 'datasets/a.csv': 220, 'dist/index.js': 200, 'dist/cli.js': 250 });
    expect(staleBuild(root)).toMatch(/^dist\/ is older than datasets\/a\.csv:/);
  });

  test('no build at all', () => {
    expect(staleBuild(clone({ 'src/index.ts': 100 }))).toMatch(
      /^dist\/ has not been built: run `npm run build`/,
    );
  });
});
