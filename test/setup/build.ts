// A test of dist/ never runs against a build older than src/: every test file that names `dist/`
// checks first that the build is at least as new as every file it is built from, and fails with
// the command to run when it is not (`npm test` builds first; `npx vitest run <file>` does not).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What `npm run build` reads: src/ (and the generated files in it), the datasets, its config. */
const inputs = ['src', 'datasets', 'tsup.config.ts'];

/** Every file under `path` (or `path` itself), with its modification time in ms. */
function files(path: string): { file: string; mtime: number }[] {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [{ file: path, mtime: stat.mtimeMs }];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/**
 * Why dist/ in `root` cannot be tested as it is (missing, or older than a file it is built from),
 * or undefined when it is current.
 */
export function staleBuild(root: string): string | undefined {
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
