// Global setup of the test run: a folder where suites skipped for a missing requirement are
// recorded (test/setup/requirements.ts), and, at the end of the run, one line that lists them with
// the command that enables each, so that a skip is never mistaken for a pass; and a folder for what
// is drawn or written once per run and read by many test files (test/setup/drawn.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Skipped } from './requirements.js';
import type {} from './drawn.js'; // its ProvidedContext: drawnOnce

/** The closing line: each skipped suite and what enables it; '' when nothing was skipped. */
export function skippedLine(skipped: Skipped[]): string {
  const unique = [...new Map(skipped.map((s) => [s.suite, s])).values()];
  if (!unique.length) return '';
  const suites = unique
    .sort((a, b) => a.suite.localeCompare(b.suite))
    .map((s) => `"${s.suite}" (${s.needs.map((n) => `${n.name}: ${n.install}`).join('; ')})`);
  return `SKIPPED, NOT PASSED: ${unique.length} suite${unique.length > 1 ? 's' : ''}: ${suites.join(', ')}. With CI set they fail instead.`;
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-skipped-'));
  project.provide('skippedSuites', dir);
  const drawn = mkdtempSync(join(tmpdir(), 'ww2yc-drawn-'));
  project.provide('drawnOnce', drawn);
  return () => {
    rmSync(drawn, { recursive: true, force: true });
    const skipped = readdirSync(dir).map(
      (f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Skipped,
    );
    rmSync(dir, { recursive: true, force: true });
    const line = skippedLine(skipped);
    if (line) process.stdout.write(`\n${line}\n`);
  };
}
