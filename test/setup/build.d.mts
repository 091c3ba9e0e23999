// Types of test/setup/build.mjs, for the tests that use it.

/**
 * Why dist/ in `root` cannot be tested as it is (missing, or older than a file it is built from),
 * or undefined when it is current.
 */
export function staleBuild(root: string): string | undefined;
