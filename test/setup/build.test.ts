// The guard that keeps a test of the build from running one older than src/ (test/setup/build.mjs).
// The build's folder is named through `built` here: a file that names it is taken for a test of
// the build (test/setup.ts, vitest.quick.config.ts), and this one is not.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { staleBuild } from './build.mjs';

const built = (file: string) => join('dist', file);

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
    const root = clone({ 'src/index.ts': 100, 'datasets/a.csv': 100, [built('index.js')]: 200 });
    expect(staleBuild(root)).toBeUndefined();
  });

  test('a source changed after the build: names it and says to build', () => {
    const root = clone({
      'src/index.ts': 100,
      'src/analysis/compare.ts': 300,
      [built('index.js')]: 200,
      [built('cli.js')]: 250,
    });
    expect(staleBuild(root)).toMatch(
      /^dist\/ is older than src\/analysis\/compare\.ts: this test would run the previous build\. Run `npm run build` \(npm test does\), then this test again$/,
    );
  });

  test('the oldest file of the build counts, and a changed dataset too', () => {
    const root = clone({ 'datasets/a.csv': 220, [built('index.js')]: 200, [built('cli.js')]: 250 });
    expect(staleBuild(root)).toMatch(/^dist\/ is older than datasets\/a\.csv:/);
  });

  test('no build at all', () => {
    expect(staleBuild(clone({ 'src/index.ts': 100 }))).toMatch(
      /^dist\/ has not been built: run `npm run build`/,
    );
  });
});
