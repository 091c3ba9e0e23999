// The report writer and the command line under hostile paths, names and arguments.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/index.js';
import { ReportWriteError, manifestName, writeReport } from '../../src/report/index.js';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
const fresh = () => mkdtempSync(join(tmpdir(), 'ww2yc-safe-'));
const svg = () =>
  Promise.resolve('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>');
const png = () => Promise.resolve(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
const chart = (name: string) => ({ name, dataset: 'by-status' as const, spec: {} });

describe('writeReport(dir, options) writes safely', () => {
  test('a planted symlink is refused and the file it points to is unchanged (it was overwritten)', async () => {
    const root = fresh();
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const out = join(root, 'report');
    mkdirSync(out);
    writeFileSync(join(out, manifestName), '{}');
    symlinkSync(victim, join(out, 'index.html'));
    await expect(writeReport(out)).rejects.toThrow(ReportWriteError);
    await expect(writeReport(out)).rejects.toThrow(/holds a symbolic link \('index\.html'\)/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    symlinkSync(out, join(root, 'link'));
    await expect(writeReport(join(root, 'link'))).rejects.toThrow(/is a symbolic link/);
  });

  test("a chart named '../../x' writes inside the folder (it wrote outside)", async () => {
    const root = fresh();
    const out = join(root, 'a', 'report');
    const { files } = await writeReport(out, {
      charts: [chart('../../x'), chart('x'), chart('<b>')],
      toSVG: svg,
      toPNG: png,
    });
    expect(existsSync(join(root, 'x.svg'))).toBe(false);
    expect(existsSync(join(root, 'a', 'x.svg'))).toBe(false);
    expect(files.filter((f) => f.startsWith('charts/'))).toEqual([
      'charts/b.png',
      'charts/b.svg',
      'charts/x-2.png',
      'charts/x-2.svg',
      'charts/x.png',
      'charts/x.svg',
    ]);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(
      files.filter((f) => f.startsWith('charts/')).map((f) => f.slice(7)),
    );
  });

  test('/ and system folders are refused before anything is written (as root it wrote into /)', async () => {
    for (const dir of ['/', '/proc/x', '/sys/x', '/dev/x', '/etc/x', '/usr/x', '/bin']) {
      await expect(writeReport(dir)).rejects.toThrow(ReportWriteError);
    }
    await expect(writeReport('/etc/ww2yc')).rejects.toThrow(/is in the system folder \/etc/);
    expect(existsSync('/etc/ww2yc')).toBe(false);
  });

  test('a folder of other files needs force; a previous report is replaced whole', async () => {
    const out = fresh();
    writeFileSync(join(out, 'thesis.txt'), 'mine');
    await expect(writeReport(out)).rejects.toThrow(
      /a folder of other files, not a previous report/,
    );
    expect(readFileSync(join(out, 'thesis.txt'), 'utf8')).toBe('mine');
    await writeReport(out, { force: true });
    expect(existsSync(join(out, 'thesis.txt'))).toBe(false);
    expect(existsSync(join(out, manifestName))).toBe(true);
    await writeReport(out); // a previous report, as written: no force needed, replaced whole
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    writeFileSync(join(out, 'stale.txt'), 'old'); // a file the report did not write: kept
    await expect(writeReport(out)).rejects.toThrow(/did not write, or changed since: stale\.txt$/);
    expect(readFileSync(join(out, 'stale.txt'), 'utf8')).toBe('old');
  });

  test('a failure while writing leaves no half-written report and the old one in place', async () => {
    const root = fresh();
    const out = join(root, 'report');
    await writeReport(out);
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    const failing = () => Promise.reject(new InvalidOptionError('render failed'));
    await expect(
      writeReport(out, { charts: [chart('a')], toSVG: failing, toPNG: png }),
    ).rejects.toThrow('render failed');
    await expect(
      writeReport(out, {
        charts: [chart('a')],
        toSVG: svg,
        toPNG: (() => Promise.resolve('not bytes')) as never,
      }),
    ).rejects.toThrow(/toPNG gave 'not bytes'/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
    expect(readdirSync(root)).toEqual(['report']); // no temporary folder left beside it
  });

  test('bad arguments get InvalidOptionError (they were TypeErrors)', async () => {
    const out = join(fresh(), 'r');
    await expect(writeReport(42 as never)).rejects.toThrow(InvalidOptionError);
    await expect(writeReport(out, null as never)).rejects.toThrow(InvalidOptionError);
    await expect(writeReport(out, { charts: 'all' as never })).rejects.toThrow(
      /option charts is 'all'; expected an array of charts/,
    );
    await expect(writeReport(out, { charts: [null as never] })).rejects.toThrow(InvalidOptionError);
    await expect(writeReport(out, { force: 'yes' as never })).rejects.toThrow(/option force/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the command line fails in one sanitised line', () => {
  test("'constructor', '__proto__', 'toString' are unknown commands (exit 2 with a stack before)", () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = cli(name);
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toBe(
        `ww2-yugoslavia-casualties ${name}: unknown command '${name}'\nrun 'ww2-yugoslavia-casualties --help' for the commands\n`,
      );
    }
  }, 60_000);

  test('escape sequences and line breaks are removed, and a long argument is cut short', () => {
    const r = cli('show', `\u001b[2J\u001b]0;title\u0007by-\nnationalty\r${'x'.repeat(5000)}`);
    expect(r.status).toBe(1);
    const [line, hint, rest] = r.stderr.split('\n');
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(line!.length).toBeLessThanOrEqual(600);
    expect(line).toMatch(
      /^ww2-yugoslavia-casualties show: Unknown dataset '\\u001b\[2J\\u001b\]0;title\\u0007by-\\nnationalty\\rx+… \(5048 characters\)/,
    );
    expect(hint).toBe("run 'ww2-yugoslavia-casualties show --help' for usage");
    expect(rest).toBe('');
  }, 30_000);

  test('report: --out / and /proc/x exit 1 in one line (/proc/x spun forever); --debug adds the stack', () => {
    const root = cli('report', '--out', '/');
    expect(root.status).toBe(1);
    expect(root.stderr).toBe(
      "ww2-yugoslavia-casualties report: '/' is the root of the file system\nchoose a folder of its own, e.g. report\n",
    );
    const proc = cli('report', '--out', '/proc/x');
    expect(proc.status).toBe(1);
    expect(proc.stderr).toMatch(/^[^\n]*is in the system folder \/proc\n[^\n]*\n$/);
    const debug = cli('report', '--out', '/proc/x', '--debug');
    expect(debug.stderr).toMatch(/\n\s+at /);
  }, 30_000);

  test('report refuses a folder of other files without --force', () => {
    const out = fresh();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = cli('report', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is a folder of other files, not a previous report\npass --force/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  }, 30_000);
});
