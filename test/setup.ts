// Every property test runs from one fixed seed, so that CI runs the same cases each time; a
// failure prints the seed and path to replay it (fast-check's report). FUZZ_SEED=<n> runs others.
import fc from 'fast-check';

const seed = Number(process.env.FUZZ_SEED ?? 16);
if (!Number.isSafeInteger(seed))
  throw new Error(`FUZZ_SEED=${process.env.FUZZ_SEED}: expected an integer`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
