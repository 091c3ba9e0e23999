// The notebook recipes that run outside a kernel: the Observable Framework data loader (run with
// Node, as Framework runs it at build time) and the Python reader (the standard csv and json
// modules, as a Jupyter user on the Python kernel would read the data package).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { findNbclient } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the Framework data loader writes by-nationality.csv, dashes left empty', () => {
  // a Framework project with the package installed (npm install /path/to/the/clone)
  const project = mkdtempSync(join(tmpdir(), 'ww2yc-framework-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules/ww2-yugoslavia-casualties'));
  const loader = join(project, 'by-nationality.csv.js');
  symlinkSync(join(root, 'examples/framework/src/data/by-nationality.csv.js'), loader);
  const run = spawnSync(process.execPath, ['--preserve-symlinks-main', loader], {
    cwd: project,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(48); // 16 nationalities × 3 sources
  // "| Gypsies | – | 27,000 | 18,000 |"
  expect(rows.filter((r) => r.label === 'Gypsies').map((r) => r.value)).toEqual([
    '',
    '27000',
    '18000',
  ]);
});

// Any python3 will do; the one with nbclient is the one the notebook tests already need.
const python = findNbclient();
describeNeeding('the Python reader of the data package', [python], () => {
  test('reads a dataset with csv and json: numbers as numbers, a dash as None', () => {
    const run = spawnSync(
      python.found!,
      [join(root, 'examples/python/read.py'), join(root, 'datasets'), 'by-nationality'],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    const rows = JSON.parse(run.stdout) as { label: string; value: number | null }[];
    expect(rows).toHaveLength(48);
    expect(rows.filter((r) => r.label === 'Gypsies').map((r) => r.value)).toEqual([
      null,
      27000,
      18000,
    ]);
  });
});
