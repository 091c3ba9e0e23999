// The standard charts drawn once per test run, and the report written once per run, for every test
// that reads them (render, draw, report, page). The first test file to ask does the work, in a
// folder the global setup made for the run (test/setup/global.ts); the others, in their own worker
// processes, wait for it and read its files. A failure is recorded there and repeated to each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { staleBuild } from './build.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder where this run's shared drawings and report are written (test/setup/drawn.ts). */
    drawnOnce: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `make(folder)` once per test run across every worker, and gives each caller what it
 * returned (JSON). `make` writes its files into `folder`; a caller that finds the work taken
 * waits for it (up to `timeout` ms).
 */
async function once<T>(
  key: string,
  make: (folder: string) => Promise<T> | T,
  timeout = 600_000,
): Promise<T> {
  const base = inject('drawnOnce');
  if (!base) throw new Error('test/setup/drawn.ts needs the global setup (vitest.config.ts)');
  const folder = join(base, key);
  const done = join(base, `${key}.json`);
  const failed = join(base, `${key}.failed`);
  try {
    mkdirSync(folder); // atomic: the one caller that creates it does the work
  } catch {
    const until = Date.now() + timeout;
    for (;;) {
      const result = read(done);
      if (result !== undefined) return JSON.parse(result) as T;
      const error = read(failed);
      if (error !== undefined) throw new Error(`${key}, made by another test file: ${error}`);
      if (Date.now() > until) throw new Error(`${key}: waited ${timeout} ms for another test file`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const result = await make(folder);
    writeFileSync(`${done}.tmp`, JSON.stringify(result));
    renameSync(`${done}.tmp`, done); // the result appears whole
    return result;
  } catch (e) {
    writeFileSync(failed, e instanceof Error ? (e.stack ?? e.message) : String(e));
    throw e;
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A standard chart as `toSVG`, `toPNG` and `toPDF` draw it at their defaults. */
export interface Drawing {
  name: string;
  svg: string;
  png: Uint8Array;
  pdf: Uint8Array;
}

/**
 * Every standard chart (`standardCharts()`, from src/) drawn by `toSVG`, `toPNG` and `toPDF` at
 * their defaults, once per test run: the SVG text and the PNG and PDF bytes, by chart name.
 */
export async function drawings(): Promise<Map<string, Drawing>> {
  const folder = join(inject('drawnOnce'), 'charts');
  const names = await once('charts', async (dir) => {
    const { standardCharts } = await import('../../src/report/index.js');
    const { toPDF, toPNG, toSVG } = await import('../../src/render/index.js');
    const drawn: string[] = [];
    for (const { name, spec } of standardCharts()) {
      writeFileSync(join(dir, `${name}.svg`), await toSVG(spec));
      writeFileSync(join(dir, `${name}.png`), await toPNG(spec));
      writeFileSync(join(dir, `${name}.pdf`), await toPDF(spec));
      drawn.push(name);
    }
    return drawn;
  });
  return new Map(
    names.map((name) => [
      name,
      {
        name,
        svg: readFileSync(join(folder, `${name}.svg`), 'utf8'),
        png: new Uint8Array(readFileSync(join(folder, `${name}.png`))),
        pdf: new Uint8Array(readFileSync(join(folder, `${name}.pdf`))),
      },
    ]),
  );
}

/** The command line's `report --out <dir>`, as run once per test run. */
export interface ReportRun {
  /** The folder it wrote. */
  dir: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The report as a reader gets it, written once per test run by the real command
 * (`node dist/cli.js report --out <dir>`), with test/report/count-views.mjs preloaded: its stdout
 * ends with `vega views run: N`, the number of Vega views the command ran. Fails, saying to build,
 * when dist/ is older than src/.
 */
export async function reportRun(): Promise<ReportRun> {
  const why = staleBuild(root);
  if (why) throw new Error(why);
  return once('report', (folder) => {
    const dir = join(folder, 'report');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        join(root, 'test/report/count-views.mjs'),
        join(root, 'dist/cli.js'),
        'report',
        '--out',
        dir,
      ],
      { encoding: 'utf8', timeout: 600_000 },
    );
    return { dir, status: r.status, stdout: r.stdout, stderr: r.stderr };
  });
}
