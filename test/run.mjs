// `npm test`: the build, the format and lint checks, then every test with the type tests, each step
// timed, and the duration of each and of the whole printed at the end (also when a step fails).
// Arguments after `npm test --` go to vitest (`npm test -- --reporter=json`). The build runs when
// dist/ is missing or older than what it is built from (test/setup/build.mjs), as after a change
// to src/; after `npm install` or `npm ci`, which build, it is current and used as it is.
//
// The code is type-checked once: `vitest run --typecheck` runs tsc on the whole project
// (tsconfig.json: src/ and test/), reports an error in any file and fails the run on it, so a
// separate `tsc --noEmit` would check the same program a second time. The build's declarations
// (tsup's dts) and ESLint's type-aware rules read the types for their own ends: the first writes
// dist/*.d.ts for the packed-package test, the second lints.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { staleBuild } from './setup/build.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const root = fileURLToPath(new URL('..', import.meta.url));
const stale = staleBuild(root);
const steps = [
  ...(stale ? [['build', npm, ['run', 'build', '--silent']]] : []),
  ['prettier --check', npx, ['prettier', '--check', '--log-level=warn', '.']],
  ['eslint', npx, ['eslint', '.']],
  ['vitest run --typecheck', npx, ['vitest', 'run', '--typecheck', ...process.argv.slice(2)]],
];

const started = performance.now();
const times = stale ? [] : ['build skipped: dist/ is newer than what it is built from'];
let status = 0;
for (const [name, cmd, args] of steps) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  times.push(`${name} ${seconds(performance.now() - t)}`);
  status = r.status ?? 1;
  if (status !== 0) {
    times[times.length - 1] += ' (failed)';
    break;
  }
}
process.stdout.write(
  `\nnpm test: ${seconds(performance.now() - started)} (${times.join(', ')})${status ? ', FAILED' : ''}\n`,
);
process.exit(status);

/** "83 s", "2 min 05 s". */
function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
