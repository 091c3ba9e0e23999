// The look-up of what the browser, notebook and seed tests need: a missing requirement must be
// reported as missing (so that CI fails), and one that is installed must be found where a user's
// shell would find it.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findChromium, findDeno, findSeeds, missing } from './detect.js';
import { skippedLine } from './global.js';
import { isCI } from './requirements.js';

/** A folder holding the given files, executable unless listed in `plain`. */
function folder(files: string[], plain: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-detect-'));
  for (const f of [...files, ...plain]) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '#!/bin/sh\n');
    chmodSync(join(dir, f), files.includes(f) ? 0o755 : 0o644);
  }
  return dir;
}

describe('findChromium', () => {
  test('finds chromium in a folder of PATH', () => {
    const bin = folder(['chromium']);
    expect(findChromium({ PATH: `/nonexistent:${bin}` }).found).toBe(join(bin, 'chromium'));
  });

  test('a PATH without it, or with a file that is not executable, is missing: named, with the fix', () => {
    const bin = folder([], ['chromium']);
    const chromium = findChromium({ PATH: bin });
    expect(chromium.found).toBeUndefined();
    expect(missing('the page', [chromium])).toBe(
      'the page needs Chromium (no chromium, chromium-browser or google-chrome on PATH, and CHROMIUM_BIN is not set); install: sudo apt-get install chromium (Debian/Ubuntu; .ci/run does this)',
    );
  });

  test('CHROMIUM_BIN, when set, is the only place looked at', () => {
    const bin = folder(['chromium', 'elsewhere/chrome']);
    expect(findChromium({ PATH: bin, CHROMIUM_BIN: join(bin, 'elsewhere/chrome') }).found).toBe(
      join(bin, 'elsewhere/chrome'),
    );
    const hidden = findChromium({ PATH: bin, CHROMIUM_BIN: '/nonexistent' });
    expect(hidden.found).toBeUndefined();
    expect(hidden.lookedAt).toBe('CHROMIUM_BIN=/nonexistent is not an executable file');
  });
});

describe('findDeno', () => {
  test('finds deno on PATH, where DENO_BIN is not set', () => {
    const bin = folder(['deno']);
    expect(findDeno({ PATH: bin, HOME: '/nonexistent' }).found).toBe(join(bin, 'deno'));
  });

  test('finds deno where .ci/install-deno puts it, under HOME', () => {
    const home = folder(['.cache/ww2yc-deno/node_modules/deno/deno']);
    expect(findDeno({ PATH: '', HOME: home }).found).toBe(
      join(home, '.cache/ww2yc-deno/node_modules/deno/deno'),
    );
  });

  test('DENO_BIN, when set, is the only place looked at; missing names the install command', () => {
    const bin = folder(['deno']);
    const deno = findDeno({ PATH: bin, HOME: '/nonexistent', DENO_BIN: '/nonexistent/deno' });
    expect(deno.found).toBeUndefined();
    expect(missing('the notebook', [deno])).toMatch(
      /^the notebook needs Deno \(DENO_BIN=\/nonexistent\/deno is not an executable file\); install: \.ci\/install-deno /,
    );
  });
});

test('findSeeds looks for ../shared/seeds beside the clone', () => {
  const parent = folder([]);
  mkdirSync(join(parent, 'clone'));
  expect(findSeeds(join(parent, 'clone')).found).toBeUndefined();
  mkdirSync(join(parent, 'shared/seeds'), { recursive: true });
  expect(findSeeds(join(parent, 'clone')).found).toBe(join(parent, 'clone/../shared/seeds'));
});

test('isCI: CI set to anything but empty, false or 0', () => {
  expect([undefined, '', 'false', 'FALSE', '0', 'true', '1'].map((CI) => isCI({ CI }))).toEqual([
    false,
    false,
    false,
    false,
    false,
    true,
    true,
  ]);
});

test('the closing line lists each skipped suite once, with what enables it', () => {
  const chromium = { name: 'Chromium', install: 'apt-get install chromium' };
  expect(skippedLine([])).toBe('');
  expect(
    skippedLine([
      { suite: 'the report', needs: [chromium] },
      { suite: 'a page', needs: [chromium] },
      { suite: 'the report', needs: [chromium] },
    ]),
  ).toBe(
    'SKIPPED, NOT PASSED: 2 suites: "a page" (Chromium: apt-get install chromium), "the report" (Chromium: apt-get install chromium). With CI set they fail instead.',
  );
});
