// examples/*.ipynb, executed headless as a user's Jupyter would run them: Debian's nbclient drives
// each notebook's real kernel (Deno's `deno jupyter`, ijavascript, tslab, all installed from npm),
// and each cell's outputs are checked by MIME type. The committed notebooks hold their outputs.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { findDeno, findNbclient, type Requirement } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';
import { findIjavascript, findTslab } from './kernels.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const nbclient = findNbclient();

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  text?: string;
}
interface Cell {
  source: string;
  outputs: Output[];
}

/** Every MIME type a notebook's cells show. */
const types = (cells: Cell[]) =>
  new Set(cells.flatMap((c) => c.outputs.flatMap((o) => Object.keys(o.data ?? {}))));
/** The first `type` shown by a cell whose source includes `start` (in any case). */
function shown(cells: Cell[], start: string, type: string): unknown {
  const out = cells
    .filter((c) => c.source.toLowerCase().includes(start.toLowerCase()))
    .flatMap((c) => c.outputs)
    .find((o) => o.data?.[type] !== undefined);
  if (!out)
    throw new Error(
      `no ${type} from a cell with ${start}: ${JSON.stringify(cells.map((c) => [c.source.slice(0, 40), c.outputs.map((o) => [o.output_type, Object.keys(o.data ?? {})])]))}`,
    );
  return out.data![type];
}

/**
 * Runs a copy of examples/<file> in the kernel `argv` starts, in the folder `cwd`, and returns its
 * code cells.
 */
function execute(file: string, kernel: string, argv: string[], cwd: string): Cell[] {
  const jupyter = mkdtempSync(join(tmpdir(), 'ww2yc-kernel-'));
  mkdirSync(join(jupyter, 'kernels', kernel), { recursive: true });
  writeFileSync(
    join(jupyter, 'kernels', kernel, 'kernel.json'),
    JSON.stringify({ argv, display_name: kernel, language: 'javascript' }),
  );
  copyFileSync(join(root, 'examples', file), join(jupyter, file)); // the committed file stays
  const run = spawnSync(
    nbclient.found!,
    [join(root, 'test/notebook/execute.py'), join(jupyter, file), cwd, kernel],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        JUPYTER_PATH: jupyter,
        DENO_NO_UPDATE_CHECK: '1',
        DENO_NO_PROMPT: '1',
      },
      timeout: 240_000,
    },
  );
  if (run.status !== 0) throw new Error(`nbclient failed on ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Cell[];
}

/** The checks every notebook passes: no error, and the three MIME types a chart and table need. */
function checks(file: string, get: () => Cell[]) {
  test(`${file}: every cell runs without an error`, () => {
    const cells = get();
    expect(cells.length).toBeGreaterThan(2);
    const errors = cells.flatMap((c) =>
      c.outputs
        .filter((o) => o.output_type === 'error' || o.output_type === 'stream')
        .map((o) => `${c.source}: ${o.ename ?? ''} ${o.evalue ?? o.text ?? ''}`),
    );
    expect(errors).toEqual([]);
  });
  test(`${file}: its outputs hold text/html, image/svg+xml and Vega-Lite v5, and no terminal escapes`, () => {
    const cells = get();
    const all = types(cells);
    for (const t of ['text/html', 'image/svg+xml', 'application/vnd.vegalite.v5+json'])
      expect(all.has(t), t).toBe(true);
    expect(JSON.stringify(cells)).not.toContain('\\u001b['); // JSON writes ESC as \u001b
    // "Military losses are estimated at 237,000 Yugoslav partisans and 209,000 collaborators"
    const html = shown(cells, "load('by-status')", 'text/html') as string;
    expect(html).toContain('<caption>Military, collaborator and civilian deaths</caption>');
    expect(html).toContain('237,000');
    const spec = shown(cells, 'totalsChart', 'application/vnd.vegalite.v5+json') as {
      $schema: string;
      description: string;
    };
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    // 14 rows in total-estimates.csv, three of which restate the May 1945 1.7 million: 11 points.
    expect(spec.description).toMatch(/^Dot plot of 11 published totals/);
    expect(shown(cells, 'chart', 'image/svg+xml')).toMatch(/^<svg /);
  });
  test(`${file}: committed with its outputs, every cell with an id, valid for nbformat`, () => {
    const text = readFileSync(join(root, 'examples', file), 'utf8');
    const nb = JSON.parse(text) as {
      cells: { id?: string; cell_type: string; outputs?: Output[] }[];
    };
    expect(nb.cells.filter((c) => !c.id)).toEqual([]);
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    const silent = code.filter((c) => !c.outputs?.length);
    expect(silent.length).toBeLessThan(code.length / 2); // only the cells of imports show nothing
    expect(text).not.toMatch(/\\u001b\[/);
    const check = spawnSync(
      nbclient.found!,
      [
        '-c',
        'import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], 4))',
        join(root, 'examples', file),
      ],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
}

function notebook(
  file: string,
  kernel: string,
  needs: Requirement[],
  argv: () => string[],
  cwd: () => string,
) {
  describeNeeding(`examples/${file} in the ${kernel} kernel`, [nbclient, ...needs], () => {
    let cells: Cell[] = [];
    beforeAll(() => {
      cells = execute(file, kernel, argv(), cwd());
    }, 300_000);
    checks(file, () => cells);
    if (file === 'notebook.ipynb') {
      test('its audit table is what its prose says: two inconsistent, seven undetermined', () => {
        const text = shown(cells, 'audit()', 'text/plain') as string;
        expect(text.match(/ inconsistent$/gm)).toHaveLength(2);
        expect(text.match(/ undetermined$/gm)).toHaveLength(7);
      });
      test('an estimate shows as a table, and its chart as Vega-Lite with the observed floor', () => {
        // Cormack, Chang & Smith (2000), Table 3b: 201 people on at least one of the three lists.
        expect(shown(cells, 'const estimates = estimate(', 'text/plain')).toMatch(
          /log-linear +b:c/,
        );
        const spec = shown(cells, 'display(estimateChart', 'application/vnd.vegalite.v5+json');
        expect((spec as { description: string }).description).toMatch(
          /against 201 people observed on at least one list/,
        );
      });
    }
  });
}

const deno = findDeno();
const ijs = findIjavascript();
const tslab = findTslab();
const examples = join(root, 'examples');
// Deno reads examples/deno.json (the import map to dist/), so it runs in examples/ itself.
notebook(
  'notebook.ipynb',
  'deno',
  [deno],
  () => [deno.found!, 'jupyter', '--kernel', '--conn', '{connection_file}'],
  () => examples,
);
// ijavascript: Node finds the package by its own name from inside the clone.
notebook(
  'ijavascript.ipynb',
  'ijavascript',
  [ijs],
  () => [
    process.execPath,
    join(ijs.found!, 'lib/kernel.js'),
    '{connection_file}',
    '--protocol=5.0',
    '--hide-undefined',
  ],
  () => examples,
);
// tslab resolves modules the Node 10 way (no self-reference): a project with the package in node_modules.
notebook(
  'tslab.ipynb',
  'tslab',
  [tslab],
  () => [
    process.execPath,
    join(tslab.found!, 'bin/tslab'),
    'kernel',
    '--config-path',
    '{connection_file}',
  ],
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-tslab-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules/ww2-yugoslavia-casualties'));
    return dir;
  },
);
