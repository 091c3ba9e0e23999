// `npm run test:quick`: the tests of the source alone, for the loop while you work (under a
// minute). It leaves out every test file that runs the build (names `dist/`) or a program from
// outside npm (TeX, poppler, Chromium, Java, Deno: `describeNeeding`, `texAvailable`, `onPath`),
// found by reading the files, so that a new test of either kind is left out without a list here.
// `npm test` runs them all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const needsMore = /\bdist\/|\bdescribeNeeding\(|\btexAvailable\(|\bonPath\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? testFiles(join(dir, e.name))
      : e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Needs only the seed documents beside the clone (skipped, and listed, where they are not). */
const seedsOnly = join('test', 'datasets', 'seeds.test.ts');

export const leftOut = testFiles('test').filter(
  (f) => f !== seedsOnly && needsMore.test(readFileSync(f, 'utf8')),
);

export default mergeConfig(
  base,
  defineConfig({ test: { exclude: ['**/node_modules/**', ...leftOut] } }),
);
