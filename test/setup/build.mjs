// A test of dist/ never runs against a build older than src/: every test file that names `dist/`
// checks first that the build is at least as new as every file it is built from, and fails with
// the command to run when it is not (test/setup.ts). `npm test` (test/run.mjs) builds first when
// the build is older, and otherwise uses it as it is. Plain JavaScript, so that test/run.mjs can
// import it; its types are in build.d.mts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What `npm run build` reads: src/ (and the generated files in it), the datasets, its config, and
 * the dependencies it bundles (package.json, package-lock.json).
 */
const inputs = ['src', 'datasets', 'tsup.config.ts', 'package.json', 'package-lock.json'];

/**
 * Every file under `path` (or `path` itself), with its modification time in ms.
 * @param {string} path
 * @returns {{ file: string; mtime: number }[]}
 */
function files(path) {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [{ file: path, mtime: stat.mtimeMs }];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/**
 * Why dist/ in `root` cannot be tested as it is (missing, or older than a file it is built from),
 * or undefined when it is current.
 * @param {string} root the clone's folder
 * @returns {string | undefined}
 */
export function staleBuild(root) {
  const built = files(join(root, 'dist')).filter((f) => f.file.endsWith('.js'));
  if (!built.length)
    return 'dist/ has not been built: run `npm run build` (npm test does), then this test again';
  const oldest = Math.min(...built.map((f) => f.mtime));
  const newer = inputs
    .flatMap((input) => files(join(root, input)))
    .filter((f) => f.mtime > oldest)
    .sort((a, b) => b.mtime - a.mtime);
  if (!newer.length) return undefined;
  const named = newer.slice(0, 3).map((f) => relative(root, f.file));
  const more = newer.length > 3 ? ` and ${newer.length - 3} more` : '';
  return (
    `dist/ is older than ${named.join(', ')}${more}: this test would run the previous build. ` +
    'Run `npm run build` (npm test does), then this test again'
  );
}
