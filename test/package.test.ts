// The package as a user gets it: packed, installed into a new project, imported and required.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let consumer: string;
let files: string[];
let tarball: string;

const run = (cmd: string, args: string[], cwd = consumer) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-'));
  // npm test builds first (pretest), so dist/ is current.
  const packed = JSON.parse(
    run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root),
  );
  files = packed[0].files.map((f: { path: string }) => f.path);
  tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  consumer = join(dir, 'consumer');
  run('mkdir', ['-p', consumer], dir);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run(npm, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
}, 240_000);

describe('the packed package', () => {
  test('ships the build, the data and its descriptor, and nothing else', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('datasets/datapackage.json');
    expect(files).toContain('datasets/by-nationality.csv');
    expect(files).toContain('DATA-LICENSE.md');
    expect(files.filter((f) => /^(src|test|examples|\.ci)\//.test(f))).toEqual([]);
  });

  test('passes publint (strict) and are-the-types-wrong (esm-only profile)', () => {
    const bin = (name: string) => join(root, 'node_modules', '.bin', name);
    expect(run(bin('publint'), ['run', tarball, '--strict'], root)).toMatch(/All good!/);
    // attw exits non-zero on any problem that the profile does not ignore.
    expect(() =>
      run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], root),
    ).not.toThrow();
  });

  test('imports the estimation subpath in a new project', () => {
    const out = run(process.execPath, [
      '--input-type=module',
      '-e',
      "import { table } from 'arquero'; import { chapman } from 'ww2-yugoslavia-casualties/estimate'; console.log(chapman(table({ a: [1, 1, 0], b: [1, 0, 1], count: [167, 781, 254] }), { lists: ['a', 'b'] }).estimate.toFixed(1))",
    ]);
    // 949 · 422 / 168 − 1 = 2382.845…
    expect(out.trim()).toBe('2382.8');
  });

  test('imports the check subpath in a new project', () => {
    const out = run(process.execPath, [
      '--input-type=module',
      '-e',
      "import { checkClaim, reconcile } from 'ww2-yugoslavia-casualties/check'; " +
        "console.log(checkClaim({ value: '1.7 million', measure: 'deaths' }).matches[0], " +
        "reconcile('zerjavic-deaths', 'yu-official-1945-05-demographic-loss').components.at(-1).value)",
    ]);
    // 1,700,000 − 1,027,000 − 335,000 − 660,000 = −322,000
    expect(out.trim()).toBe('yu-official-1945-05-demographic-loss -322000');
  });

  test('imports the chart, export and notebook subpaths in a new project', () => {
    const out = run(process.execPath, [
      '--input-type=module',
      '-e',
      [
        "import { load } from 'ww2-yugoslavia-casualties';",
        "import { totalsChart } from 'ww2-yugoslavia-casualties/charts';",
        "import { toCSV } from 'ww2-yugoslavia-casualties/export';",
        "import { display, jupyterDisplay } from 'ww2-yugoslavia-casualties/notebook';",
        "const table = load('by-status');",
        "console.log(totalsChart(load('total-estimates')).$schema);",
        "console.log(toCSV(table.select('value')).trimEnd().split('\\n').length);",
        "console.log(Object.keys(display(table)[jupyterDisplay]()).sort().join(' '));",
      ].join(' '),
    ]);
    // A Vega-Lite spec; by-status: a header and its 5 rows; a table shown as HTML and text.
    expect(out.trim().split('\n')).toEqual([
      expect.stringMatching(/^https:\/\/vega\.github\.io\/schema\/vega-lite\/v\d\.json$/),
      '6',
      'text/html text/plain',
    ]);
  });

  test('the moved names are no longer in the core entry', () => {
    const out = run(process.execPath, [
      '--input-type=module',
      '-e',
      "import * as core from 'ww2-yugoslavia-casualties'; console.log(['totalsChart', 'toCSV', 'cite', 'display'].filter((n) => n in core).join(',') || 'none')",
    ]);
    expect(out.trim()).toBe('none');
  });

  test('imports as ESM in a new project', () => {
    const out = run(process.execPath, [
      '--input-type=module',
      '-e',
      "import { load } from 'ww2-yugoslavia-casualties'; console.log(load('by-nationality').numRows())",
    ]);
    expect(out.trim()).toBe(String(16 * 3));
  });

  test('loads with require()', () => {
    const out = run(process.execPath, [
      '-e',
      "const { describe } = require('ww2-yugoslavia-casualties'); console.log(describe('by-status').rows)",
    ]);
    expect(out.trim()).toBe('5');
  });

  // skipLibCheck as in most projects: arquero's and flechette's own .d.ts files do not pass a strict check.
  test('typechecks a TypeScript consumer against the shipped types', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      [
        "import { load, type ByNationalityRow } from 'ww2-yugoslavia-casualties';",
        "import { totalsChart, type ChartOptions } from 'ww2-yugoslavia-casualties/charts';",
        "import { toMarkdown, type DisplayOptions } from 'ww2-yugoslavia-casualties/export';",
        "import { display, jupyterDisplay, type MimeBundle } from 'ww2-yugoslavia-casualties/notebook';",
        "const rows: ByNationalityRow[] = load('by-nationality').objects();",
        'const first: number | null = rows[0]!.value;',
        'const options: ChartOptions = { width: 400 };',
        "const spec: object = totalsChart(load('total-estimates'), options);",
        'const shown: DisplayOptions = { fractionDigits: 2 };',
        "const md: string = toMarkdown(load('by-status'), shown);",
        "const bundle: MimeBundle = display(load('by-status'))[jupyterDisplay]();",
        'console.log(first, spec, md, bundle);',
      ].join('\n'),
    );
    const tsc = (file: string) =>
      spawnSync(
        process.execPath,
        [
          join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--types',
          'node',
          '--typeRoots',
          join(root, 'node_modules', '@types'),
          file,
        ],
        { cwd: consumer, encoding: 'utf8' },
      );
    expect(tsc('consumer.ts')).toMatchObject({ status: 0, stdout: '' });
    writeFileSync(
      join(consumer, 'bad.ts'),
      "import { load } from 'ww2-yugoslavia-casualties';\nload('by-nationalty');\n",
    );
    const bad = tsc('bad.ts');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/'"by-nationalty"' is not assignable/);
    // Two tsc runs of about 3 s each on an idle 2-core machine, and several times that on a busy one.
  }, 180_000);
});
