// What a machine set up from the README has: the README's install line is the one .ci/run installs,
// and every package in the lockfile supports the Node versions the package says it supports.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

const text = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const readme = text('README.md');
const run = text('.ci/run');

describe('README.md and .ci/run', () => {
  test('the install line is the same, word for word (the README adds sudo)', () => {
    const ci = /^install='([^']+)'$/m.exec(run)?.[1];
    const lines = readme.split('\n').filter((l) => l.startsWith('sudo apt-get install '));
    expect(lines).toHaveLength(1);
    expect(ci).toBeDefined();
    expect(lines[0]!.slice('sudo '.length)).toBe(ci);
  });

  test('it holds the package that has the lualatex format, and checks for the format itself', () => {
    // texlive-binaries ships the lualatex program without its format: a check for the program
    // found it while every lualatex test failed.
    expect(/^install='[^']*\btexlive-luatex\b/m.test(run)).toBe(true);
    expect(run).toContain('kpsewhich -engine=luahbtex lualatex.fmt');
    expect(run).toContain('kpsewhich biblatex.sty');
  });

  test('the contributing section names the quick loop, and .ci/run and npm test print their time', () => {
    const developing = readme.slice(readme.indexOf('## Developing'));
    expect(developing).toContain('npm run test:quick');
    expect(run).toContain(`trap 'echo ".ci/run: $((SECONDS - started)) s"' EXIT`);
    expect(text('test/run.mjs')).toContain('`\\nnpm test: ${seconds(');
  });
});

describe('package-lock.json', () => {
  test('every package installed supports the oldest Node in engines (20.19)', () => {
    const require = createRequire(import.meta.url);
    const semver = require('semver') as { satisfies: (v: string, range: string) => boolean };
    const oldest = /^>=(\d+\.\d+)$/.exec(JSON.parse(text('package.json')).engines.node)?.[1];
    expect(oldest).toBe('20.19');
    const lock = JSON.parse(text('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string }; optional?: boolean }>;
    };
    // An optional package whose engines refuse a Node is left out by npm there, not failed.
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.optional && p.engines?.node)
      .filter(([, p]) => !semver.satisfies(`${oldest}.0`, p.engines!.node!))
      .map(([path, p]) => `${path} (${p.engines!.node})`);
    expect(refusing).toEqual([]);
  });
});
