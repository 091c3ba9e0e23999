// Every property test runs from one fixed seed, so that CI runs the same cases each time; a
// failure prints the seed and path to replay it (fast-check's report). FUZZ_SEED=<n> runs others.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';
import { staleBuild } from './setup/build.mjs';

const seed = Number(process.env.FUZZ_SEED ?? 16);
if (!Number.isSafeInteger(seed))
  throw new Error(`FUZZ_SEED=${process.env.FUZZ_SEED}: expected an integer`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });

// A test file that runs dist/ fails first, saying to build, when src/ is newer than the build.
// eslint-disable-next-line no-empty-pattern -- vitest reads the hook's first argument as fixtures
beforeAll(({}, suite) => {
  const file = 'filepath' in suite ? suite.filepath : suite.file.filepath;
  if (!/\bdist\//.test(readFileSync(file, 'utf8'))) return;
  const why = staleBuild(fileURLToPath(new URL('..', import.meta.url)));
  if (why) throw new Error(why);
});
