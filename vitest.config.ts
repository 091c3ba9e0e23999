import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'] },
    // Suites skipped for want of Chromium, Deno, nbclient or the seeds are listed at the end.
    globalSetup: ['test/setup/global.ts'],
    // Timeouts for a busy 2-core machine, where a child process (the CLI, tsc, a browser) can take
    // ten times its idle time. Speed targets live in `npm run bench`, never in test timeouts.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One test file per core (vitest's default leaves one core free: a single worker on 2 cores).
    // Many files spend their time waiting on a child process (the command line, TeX, Chromium,
    // Java), during which the other core would be idle.
    maxWorkers: availableParallelism(),
  },
});
