// A suite that needs something from the machine (Chromium, Deno, the notebook runner, the seed
// documents) never passes by skipping: with CI set, a missing requirement is a failing test that
// says what to install; elsewhere the suite is skipped and listed in one line at the end of the
// run (test/setup/global.ts), with the command that enables it.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, inject, test } from 'vitest';
import { missing, type Requirement } from './detect.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where skipped suites are recorded for the closing line (test/setup/global.ts). */
    skippedSuites: string;
  }
}

/** True when the run is CI's: CI set to anything but '', 'false' or '0'. */
export function isCI(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.CI) && !/^(false|0)$/i.test(env.CI!);
}

/** A skipped suite, as recorded for the closing line. */
export interface Skipped {
  suite: string;
  needs: { name: string; install: string }[];
}

/**
 * `describe(name, fn)` when every requirement is found; otherwise a failing test under CI, and a
 * skipped suite recorded for the closing line elsewhere.
 */
export function describeNeeding(name: string, needs: Requirement[], fn: () => void): void {
  if (needs.every((r) => r.found)) return void describe(name, fn);
  const message = missing(name, needs);
  if (isCI()) {
    describe(name, () => {
      test('finds what it needs on this machine', () => {
        throw new Error(`${message}. CI is set, so a missing requirement fails the run.`);
      });
    });
    return;
  }
  const dir = inject('skippedSuites');
  const skipped: Skipped = {
    suite: name,
    needs: needs.filter((r) => !r.found).map(({ name, install }) => ({ name, install })),
  };
  if (dir) writeFileSync(join(dir, `${randomUUID()}.json`), JSON.stringify(skipped));
  describe.skip(name, fn);
}
