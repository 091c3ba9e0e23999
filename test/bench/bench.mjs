// npm run bench: each figure beside its target, measured side by side in one run (medians of
// interleaved runs, so a busy machine slows both sides alike). Run after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { benchEstimate } from './estimate.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const kB = (x) => `${(x / 1000).toFixed(1)} kB`;
const rows = [];
const report = (name, value, target, ok, note = '') => rows.push({ name, value, target, ok, note });

/** Wall time of a fresh node process running `code` (an ES module), in ms. */
function time(code, cwd = root) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`benchmark script failed:\n${code}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median times of several scripts, run interleaved. */
function race(scripts) {
  const times = scripts.map(() => []);
  for (let i = 0; i < runs; i++) scripts.forEach((s, j) => times[j].push(time(s)));
  return times.map(median);
}

// 1. Cold start: import the package and load one dataset, against importing arquero alone.
{
  const [pkg, bare] = race([
    "import { load } from 'ww2-yugoslavia-casualties'; load('by-nationality').numRows();",
    "import { fromCSV } from 'arquero'; fromCSV('a\\n1').numRows();",
  ]);
  report(
    'cold start: package + load() / arquero alone',
    `${(pkg / bare).toFixed(2)} (${ms(pkg)} / ${ms(bare)})`,
    '<= 1.15',
    pkg / bare <= 1.15,
  );
}

// 2. Time to a chart: render one chart to SVG through the package, against a bare script that
//    renders the same spec with vega directly.
{
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-bench-'));
  const specFile = join(dir, 'spec.json');
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { writeFileSync } from 'node:fs'; import { load } from 'ww2-yugoslavia-casualties'; import { totalsChart } from 'ww2-yugoslavia-casualties/charts'; writeFileSync(${JSON.stringify(specFile)}, JSON.stringify(totalsChart(load('total-estimates'))));`,
    ],
    { cwd: root },
  );
  const [pkg, bare] = race([
    `import { readFileSync } from 'node:fs'; import { toSVG } from 'ww2-yugoslavia-casualties/render'; await toSVG(JSON.parse(readFileSync(${JSON.stringify(specFile)}, 'utf8')));`,
    `import { readFileSync } from 'node:fs'; import { compile } from 'vega-lite'; import { View, parse } from 'vega'; const spec = JSON.parse(readFileSync(${JSON.stringify(specFile)}, 'utf8')); await new View(parse(compile(spec).spec), { renderer: 'none' }).toSVG();`,
  ]);
  report(
    'time to a chart: package toSVG / bare vega',
    `${(pkg / bare).toFixed(2)} (${ms(pkg)} / ${ms(bare)})`,
    '<= 1.2',
    pkg / bare <= 1.2,
  );
}

// 3. The report command, end to end, in a fresh process.
{
  const out = mkdtempSync(join(tmpdir(), 'ww2yc-bench-'));
  const times = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'report', '--out', out], {
      stdio: 'ignore',
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const t = median(times);
  report('report --out <dir>, end to end', ms(t), '< 3000 ms', t < 3000);
}

// 4. Browser weight: the core entry bundled and minified with esbuild, brotli-compressed.
{
  const bundle = async (external) => {
    const r = await build({
      entryPoints: [join(root, 'dist/index.js')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      external,
      metafile: true,
    });
    const inputs = Object.keys(r.metafile.inputs);
    return { size: brotliCompressSync(r.outputFiles[0].contents).length, inputs };
  };
  const own = await bundle(['arquero', 'simple-statistics', '@uwdata/flechette']);
  const all = await bundle([]);
  const rendering = all.inputs.filter((i) => /node_modules\/(vega|vega-lite|@resvg)\//.test(i));
  report(
    "core: the package's own code and data (brotli)",
    kB(own.size),
    '<= 25 kB',
    own.size <= 25_000,
  );
  report('core: everything it pulls in (brotli)', kB(all.size), '<= 90 kB', all.size <= 90_000);
  report(
    'core: rendering code in the bundle',
    `${rendering.length} files`,
    '0',
    rendering.length === 0,
  );
}

// 5. An unknown id of 200,000 characters: the error comes at once, without a Levenshtein distance
// of 200,000 × 20 characters per id (which took ~300 ms). In process, after a first call.
{
  const { load } = await import(new URL('../../dist/index.js', import.meta.url).href);
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    try {
      load('x'.repeat(200_000));
    } catch {
      // the UnknownIdError is what is timed
    }
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const t = median(times);
  report('unknown id of 200,000 characters: the error', ms(t), '< 100 ms', t < 100);
}

// 6. Estimation: capture histories of 10 million records.
benchEstimate(report, { root, runs });

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'figure'.padEnd(width)}  ${'measured'.padEnd(28)}  ${'target'.padEnd(10)}  met`);
for (const r of rows)
  console.log(
    `${r.name.padEnd(width)}  ${r.value.padEnd(28)}  ${r.target.padEnd(10)}  ${r.ok ? 'yes' : 'NO'}${r.note ? `  ${r.note}` : ''}`,
  );
console.log(
  `\n(${runs} runs each, medians; node ${process.version}, ${process.platform} ${process.arch})`,
);
