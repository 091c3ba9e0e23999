// The one writer of every file the package writes (issue 26): nothing a user wrote is lost. Each
// test here failed on the main branch before the writer: the file named in it was deleted,
// truncated or written through a link.
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
import { ReportWriteError, manifestName, writeReport } from '../../src/report/index.js';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const fullDisk = new URL('./enospc.cjs', import.meta.url).pathname;
const cli = (
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; node?: string[] } = {},
) =>
  spawnSync(process.execPath, [...(options.node ?? []), bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: options.cwd,
    env: options.env ?? process.env,
  });
const fresh = () => mkdtempSync(join(tmpdir(), 'ww2yc-write-'));

describe('a report folder is replaced only if the package wrote everything in it', () => {
  test('a thesis folder with an empty marker keeps chapter1.tex (it was deleted, exit 0)', async () => {
    const thesis = fresh();
    writeFileSync(join(thesis, manifestName), '');
    writeFileSync(join(thesis, 'chapter1.tex'), '\\chapter{One}');
    await expect(writeReport(thesis)).rejects.toThrow(ReportWriteError);
    expect(readFileSync(join(thesis, 'chapter1.tex'), 'utf8')).toBe('\\chapter{One}');
    const r = cli(['report', '--out', thesis]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is a folder of other files, not a previous report\n/);
    expect(readFileSync(join(thesis, 'chapter1.tex'), 'utf8')).toBe('\\chapter{One}');
    expect(readdirSync(thesis).sort()).toEqual([manifestName, 'chapter1.tex'].sort());
  });

  test('notes added to a previous report stop the next run, which names them (they were lost)', async () => {
    const out = join(fresh(), 'report');
    await writeReport(out);
    const manifest = JSON.parse(readFileSync(join(out, manifestName), 'utf8')) as {
      files: Record<string, string>;
    };
    expect(Object.keys(manifest.files)).toContain('index.html');
    expect(manifest.files['index.html']).toMatch(/^[0-9a-f]{64}$/);
    await writeReport(out); // untouched: replaced without force
    writeFileSync(join(out, 'notes.txt'), 'mine');
    mkdirSync(join(out, 'drafts'));
    await expect(writeReport(out)).rejects.toThrow(
      /holds files its report did not write, or changed since: drafts\/, notes\.txt$/,
    );
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'drafts'))).toBe(true);
  });

  test('a file of the report edited by hand stops the next run (its hash differs)', async () => {
    const out = join(fresh(), 'report');
    await writeReport(out);
    const tables = readdirSync(join(out, 'tables'));
    const edited = `tables/${tables[0]}`;
    writeFileSync(join(out, edited), 'my corrections');
    await expect(writeReport(out)).rejects.toThrow(`changed since: ${edited}`);
    expect(readFileSync(join(out, edited), 'utf8')).toBe('my corrections');
    await writeReport(out, { force: true }); // asked for: replaced
    expect(readFileSync(join(out, edited), 'utf8')).not.toBe('my corrections');
  });
});

describe('--force never touches the home folder, a folder holding it, or a system folder', () => {
  test('report --out <parent of HOME> --force is refused and the home kept (it was deleted)', () => {
    const root = fresh();
    const home = join(root, 'h', 'user');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, '.bashrc'), 'mine');
    const r = cli(['report', '--out', 'h', '--force'], {
      cwd: root,
      env: { ...process.env, HOME: home },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^ww2-yugoslavia-casualties report: 'h' is a folder holding the home folder\n/,
    );
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('mine');
    const self = cli(['report', '--out', home, '--force'], {
      cwd: root,
      env: { ...process.env, HOME: home },
    });
    expect(self.status).toBe(1);
    expect(self.stderr).toMatch(/is the home folder\n/);
  });

  test('writeReport(dir, { force: true }) refuses /home, /opt, /srv, /mnt, /var, /tmp (it accepted them)', async () => {
    for (const dir of ['/home', '/opt', '/srv', '/mnt', '/var', '/tmp', '/media', '/root']) {
      await expect(writeReport(dir, { force: true }), dir).rejects.toThrow(
        new RegExp(
          `^'${dir}' is (the system folder ${dir}|the home folder|a folder holding the home folder)$`,
        ),
      );
    }
  });
});

describe('a single file (chart --out, estimate --chart) is written whole or not at all', () => {
  test('on a full disk chart --out leaves the old figure byte-identical (it was truncated)', () => {
    const dir = fresh();
    const figure = join(dir, 'fig.png');
    const old = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    writeFileSync(figure, old);
    const r = cli(['chart', 'by-status', '--out', figure], { node: ['--require', fullDisk] });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /cannot write '.*fig\.png' \(ENOSPC: no space left on the device\); nothing was changed\n/,
    );
    expect(new Uint8Array(readFileSync(figure))).toEqual(old);
    expect(readdirSync(dir)).toEqual(['fig.png']); // no temporary file left beside it
  });

  test('chart --out and estimate --chart refuse a planted symlink; its target is untouched (it was overwritten)', () => {
    const dir = fresh();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, 'fig.svg'));
    const chart = cli(['chart', 'by-status', '--out', join(dir, 'fig.svg')]);
    expect(chart.status).toBe(1);
    expect(chart.stderr).toMatch(/fig\.svg' is a symbolic link\n/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    const csv = join(dir, 'victims.csv');
    writeFileSync(csv, 'a,b,n\n1,1,50\n1,0,30\n0,1,20\n');
    symlinkSync(victim, join(dir, 'est.png'));
    const estimate = cli([
      'estimate',
      csv,
      '--lists',
      'a,b',
      '--count',
      'n',
      '--chart',
      join(dir, 'est.png'),
    ]);
    expect(estimate.status).toBe(1);
    expect(estimate.stderr).toMatch(/est\.png' is a symbolic link\n/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  test('chart --out replaces a previous figure whole, keeping no temporary file', () => {
    const dir = fresh();
    const figure = join(dir, 'fig.svg');
    writeFileSync(figure, 'old');
    const r = cli(['chart', 'by-status', '--out', figure]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(figure, 'utf8')).toMatch(/^<svg/);
    expect(readdirSync(dir)).toEqual(['fig.svg']);
  });
});
