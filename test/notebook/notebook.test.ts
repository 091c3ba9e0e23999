// examples/notebook.ipynb, executed headless as a user's Jupyter would run it: Debian's nbclient
// drives the Deno kernel (`deno jupyter`), and each cell's outputs are checked by MIME type.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { findDeno, findNbclient } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// deno is not a devDependency (the registry lacks its other platforms' packages, so npm ci would
// reject the lockfile): .ci/install-deno installs it; DENO_BIN, PATH and that place are looked at.
const deno = findDeno();
const nbclient = findNbclient();

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}
let cells: { source: string; outputs: Output[] }[] = [];
let run: ReturnType<typeof spawnSync>;

/** What a cell shows: the data of its result, or a failure that lists what it output instead. */
function result(cell: { source: string; outputs: Output[] }): Record<string, unknown> {
  const shown = cell.outputs.find(
    (o) => (o.output_type === 'execute_result' || o.output_type === 'display_data') && o.data,
  );
  if (!shown)
    throw new Error(
      `the cell ${JSON.stringify(cell.source)} showed nothing; its outputs: ${JSON.stringify(cell.outputs)}`,
    );
  return shown.data!;
}

describeNeeding('examples/notebook.ipynb in the Deno kernel', [deno, nbclient], () => {
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-notebook-'));
    mkdirSync(join(dir, 'kernels/deno'), { recursive: true });
    writeFileSync(
      join(dir, 'kernels/deno/kernel.json'),
      JSON.stringify({
        argv: [deno.found, 'jupyter', '--kernel', '--conn', '{connection_file}'],
        display_name: 'Deno',
        language: 'typescript',
      }),
    );
    const copy = join(dir, 'notebook.ipynb'); // the committed notebook is never rewritten
    copyFileSync(join(root, 'examples/notebook.ipynb'), copy);
    run = spawnSync(
      nbclient.found!,
      [join(root, 'test/notebook/execute.py'), copy, join(root, 'examples')],
      {
        encoding: 'utf8',
        env: { ...process.env, JUPYTER_PATH: dir, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
        timeout: 240_000,
      },
    );
    if (run.status === 0) cells = JSON.parse(run.stdout as string);
  }, 300_000);

  test('runs every cell without an error', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(cells.length).toBeGreaterThan(4);
    const errors = cells.flatMap((c) =>
      c.outputs
        .filter((o) => o.output_type === 'error')
        .map((o) => `${c.source}: ${o.ename}: ${o.evalue}`),
    );
    expect(errors).toEqual([]);
  });

  test('a displayed table is HTML and text, with the figures as the source gives them', () => {
    const cell = cells.find((c) => c.source.startsWith("display(load('by-status')"))!;
    const data = result(cell);
    expect(Object.keys(data).sort()).toEqual(['text/html', 'text/plain']);
    // "Military losses are estimated at 237,000 Yugoslav partisans and 209,000 collaborators"
    expect(data['text/html']).toMatch(
      /<caption>Military, collaborator and civilian deaths<\/caption>/,
    );
    expect(data['text/html']).toContain('237,000');
    expect(data['text/plain']).toMatch(/zerjavic +partisan +deaths +237,000/);
  });

  test('a chart is Vega-Lite v5 for the front end, with a text fallback', () => {
    const cell = cells.find((c) => c.source.startsWith('display(totalsChart'))!;
    const data = result(cell);
    expect(Object.keys(data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'text/plain']);
    const spec = data['application/vnd.vegalite.v5+json'] as {
      $schema: string;
      description: string;
    };
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    // 14 rows in total-estimates.csv, three of which restate the May 1945 1.7 million: 11 points.
    expect(spec.description).toMatch(/^Dot plot of 11 published totals/);
    expect(data['text/plain']).toMatch(
      /^Vega-Lite chart: Published totals of Yugoslavia’s war dead/,
    );
  });

  test('an estimate shows as a table, and its chart as Vega-Lite with the observed floor', () => {
    const table = result(cells.find((c) => c.source.includes('const estimates = estimate('))!);
    // Cormack, Chang & Smith (2000), Table 3b: 201 people on at least one of the three lists.
    expect(table['text/plain']).toMatch(/log-linear +b:c/);
    const chart = result(cells.find((c) => c.source.startsWith('display(estimateChart'))!);
    const spec = chart['application/vnd.vegalite.v5+json'] as { description: string };
    expect(spec.description).toMatch(/against 201 people observed on at least one list/);
  });

  test('the committed notebook has no outputs (they come from running it)', () => {
    const nb = JSON.parse(readFileSync(join(root, 'examples/notebook.ipynb'), 'utf8')) as {
      cells: { cell_type: string; outputs?: unknown[] }[];
    };
    expect(nb.cells.filter((c) => c.cell_type === 'code' && c.outputs?.length)).toEqual([]);
  });
});
