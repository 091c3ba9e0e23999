// npm run bench: each figure beside its target, measured side by side in one run. The rendering
// and start-up figures are paired ratios: in each pair the package's path and the bare path run
// one after the other in fresh processes (the order alternating), the ratio is taken within the
// pair, so a busy machine slows both sides of one ratio alike; the median ratio is printed with the
// min–max of the pairs, for wall time (what a user waits) and, on the line below it, for CPU time
// (what the process did, which the other work on a shared machine disturbs far less). Run after
// `npm run build`. BENCH_RUNS sets the pairs (default 15); BENCH_SKIP_SCALE=1 skips the scale
// benchmarks (scale.mjs, scale-engines.mjs, scale-input.mjs) run at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { benchEstimate, benchRecordFiles } from './estimate.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const kB = (x) => `${(x / 1000).toFixed(1)} kB`;
const rows = [];
const report = (name, value, target, ok, note = '') => rows.push({ name, value, target, ok, note });

const cpuTime = new URL('cpu-time.mjs', import.meta.url).href;

/**
 * A fresh node process running `args` (a script file or `-e` code): its wall time and its CPU time
 * (user + system, from `cpu-time.mjs`), in ms. The CPU time is what the process itself did; the
 * wall time also holds the waits of a machine shared with other work.
 */
function run(args, cwd = root) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', cpuTime, ...args], { cwd, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = Number(/bench-cpu-ms ([\d.]+)\n$/.exec(r.stderr)?.[1]);
  if (r.status !== 0 || !cpu)
    throw new Error(`benchmark script failed:\n${args.join(' ')}\n${r.stderr}`);
  return { wall, cpu };
}
const time = (args) => run(args).wall;
const script = (code) => ['--input-type=module', '-e', code];

/**
 * Paired ratios of the package's path to the bare path (see the top of this file), of wall time
 * and of CPU time: the median ratio, its min and max over the pairs, and the median times of each
 * side. One warm-up pair is run first and not counted (it fills the file cache).
 */
function paired(pkgArgs, bareArgs, n = runs) {
  run(pkgArgs);
  run(bareArgs);
  const pairs = [];
  for (let i = 0; i < n; i++) {
    let a, b;
    if (i % 2 === 0) {
      a = run(pkgArgs);
      b = run(bareArgs);
    } else {
      b = run(bareArgs);
      a = run(pkgArgs);
    }
    pairs.push({ a, b });
  }
  const of = (kind) => {
    const ratios = pairs.map(({ a, b }) => a[kind] / b[kind]);
    return {
      ratio: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      pkg: median(pairs.map(({ a }) => a[kind])),
      bare: median(pairs.map(({ b }) => b[kind])),
    };
  };
  return { n, wall: of('wall'), cpu: of('cpu') };
}
const ratio = (r) =>
  `${r.ratio.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}; ${ms(r.pkg)} / ${ms(r.bare)})`;
/** A row of wall-time ratios, judged against the target, and a row of CPU-time ratios beside it. */
const pairedReport = (name, r, target) => {
  report(name, ratio(r.wall), `<= ${target}×`, r.wall.ratio <= target, `${r.n} pairs, wall time`);
  report('  the same, CPU time', ratio(r.cpu), `<= ${target}×`, r.cpu.ratio <= target, 'CPU time');
};

const dir = mkdtempSync(join(tmpdir(), 'ww2yc-bench-'));
const json = (x) => JSON.stringify(x);
/** Runs `code` once in a fresh process (to write the inputs of a bare path). */
const once = (code) => execFileSync(process.execPath, script(code), { cwd: root });

// 1. Cold start: import the package and load one dataset, against importing arquero alone and
//    reading the same dataset's CSV file (a small CSV) with it.
pairedReport(
  'cold start: import + load() / arquero + fromCSV of the same file',
  paired(
    script("import { load } from 'ww2-yugoslavia-casualties'; load('by-nationality').numRows();"),
    script(
      `import { readFileSync } from 'node:fs'; import { fromCSV } from 'arquero'; fromCSV(readFileSync(${json(join(root, 'datasets/by-nationality.csv'))}, 'utf8')).numRows();`,
    ),
  ),
  1.1,
);

// 2. Time to a chart on the user's path, in a fresh process: import the package and its render
//    entry, load, build the spec, render to SVG; against the bare path a user would write with the
//    same tools: import arquero, vega-lite and vega, read the dataset's CSV with Arquero, compile
//    the same spec (written to a file beforehand, with its data) and render it to SVG. The
//    package's tables are Arquero tables, so the fair bare path loads Arquero too.
{
  const specFile = join(dir, 'spec.json');
  once(
    `import { writeFileSync } from 'node:fs'; import { load } from 'ww2-yugoslavia-casualties'; import { totalsChart } from 'ww2-yugoslavia-casualties/charts'; writeFileSync(${json(specFile)}, JSON.stringify(totalsChart(load('total-estimates'))));`,
  );
  const csv = join(root, 'datasets/total-estimates.csv');
  const bare = `import { readFileSync } from 'node:fs'; import { fromCSV } from 'arquero'; import { compile } from 'vega-lite'; import { View, parse } from 'vega'; fromCSV(readFileSync(${json(csv)}, 'utf8')).numRows(); const spec = JSON.parse(readFileSync(${json(specFile)}, 'utf8')); await new View(parse(compile(spec).spec), { renderer: 'none' }).toSVG();`;
  pairedReport(
    'time to a chart: import + load + totalsChart + toSVG / bare arquero + vega-lite + vega',
    paired(
      script(
        "import { load } from 'ww2-yugoslavia-casualties'; import { totalsChart } from 'ww2-yugoslavia-casualties/charts'; import { toSVG } from 'ww2-yugoslavia-casualties/render'; await toSVG(totalsChart(load('total-estimates')));",
      ),
      script(bare),
    ),
    1.1,
  );
}

// 3. The report, in a fresh process: writeReport with the standard charts as SVG and PNG (each
//    drawn once, by drawChart), the tables and the page; against a bare script that renders the
//    same charts (their specs written to a file beforehand) with vega-lite, vega and resvg, with the
//    same fonts, to SVG and PNG, and writes them. (`report --out` also writes a PDF per chart,
//    which the bare path has no counterpart for; it is timed alone below.)
{
  const specsFile = join(dir, 'specs.json');
  once(
    `import { writeFileSync } from 'node:fs'; import { standardCharts } from 'ww2-yugoslavia-casualties/report'; writeFileSync(${json(specsFile)}, JSON.stringify(standardCharts()));`,
  );
  const out = join(dir, 'report');
  const bareOut = join(dir, 'bare');
  mkdirSync(bareOut, { recursive: true });
  const fonts = join(root, 'node_modules/dejavu-fonts-ttf/ttf');
  const r = paired(
    script(
      `import { standardCharts, writeReport } from 'ww2-yugoslavia-casualties/report'; import { drawChart } from 'ww2-yugoslavia-casualties/render'; await writeReport(${json(out)}, { charts: standardCharts(), draw: (spec) => drawChart(spec) });`,
    ),
    script(
      `import { readFileSync, writeFileSync } from 'node:fs'; import { compile } from 'vega-lite'; import { View, parse } from 'vega'; import { Resvg } from '@resvg/resvg-js';
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => ${json(fonts)} + '/' + f);
for (const c of JSON.parse(readFileSync(${json(specsFile)}, 'utf8'))) {
  const svg = await new View(parse(compile(c.spec).spec), { renderer: 'none' }).toSVG();
  writeFileSync(${json(bareOut)} + '/' + c.name + '.svg', svg);
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  writeFileSync(${json(bareOut)} + '/' + c.name + '.png', png);
}`,
    ),
    Math.min(runs, 9),
  );
  pairedReport('report (SVG + PNG) / the same charts bare (vega-lite + vega + resvg)', r, 1.1);
  // The command as a reader runs it, with a PDF of every chart: a time, not a ratio (no target).
  const cli = [];
  for (let i = 0; i < Math.min(runs, 3); i++)
    cli.push(time([join(root, 'dist/cli.js'), 'report', '--out', join(dir, 'cli-report')]));
  report(
    'report --out <dir> (SVG + PNG + PDF), end to end',
    ms(median(cli)),
    '–',
    true,
    'no target',
  );
}

// 4. Browser weight: the core entry bundled and minified with esbuild, brotli-compressed: the
//    package's own code without its inlined data (the generated module of CSV text and catalog
//    replaced by an empty one), the data alone (the difference), and everything it pulls in.
{
  const withoutData = {
    name: 'without-data',
    setup(b) {
      b.onResolve({ filter: /generated\/files\.js$/ }, () => ({
        path: 'files',
        namespace: 'empty',
      }));
      b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
        contents: 'export const files = {}; export const catalog = { resources: [] };',
      }));
    },
  };
  const bundle = async (external, plugins = []) => {
    const r = await build({
      entryPoints: [join(root, 'src/index.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      external,
      plugins,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    return { size: brotliCompressSync(r.outputFiles[0].contents).length, inputs };
  };
  const deps = ['arquero', 'simple-statistics', '@uwdata/flechette'];
  const code = await bundle(deps, [withoutData]);
  const own = await bundle(deps);
  const all = await bundle([]);
  const rendering = all.inputs.filter((i) => /node_modules\/(vega|vega-lite|@resvg)\//.test(i));
  report(
    "core: the package's own code, without the data (brotli)",
    kB(code.size),
    '<= 20 kB',
    code.size <= 20_000,
  );
  report('  the inlined data (the difference)', kB(own.size - code.size), '–', true, 'no target');
  report('core: everything it pulls in (brotli)', kB(all.size), '<= 100 kB', all.size <= 100_000);
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

// 6. Estimation: capture histories of 10 million records in memory, then record files of 1e7 and
//    1e8 records streamed from disk, beside DuckDB.
benchEstimate(report, { root, runs });
benchRecordFiles(report, { root, dir });

const width = Math.max(...rows.map((r) => r.name.length));
const valueWidth = Math.max(...rows.map((r) => r.value.length));
console.log(
  `${'figure'.padEnd(width)}  ${'measured'.padEnd(valueWidth)}  ${'target'.padEnd(9)}  met`,
);
for (const r of rows)
  console.log(
    `${r.name.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${r.target.padEnd(9)}  ${r.note.startsWith('no target') ? '–' : r.ok ? 'yes' : 'NO'}${r.note ? `  ${r.note}` : ''}`,
  );
console.log(
  `\nRatios: median of paired runs (min–max of the pairs; median times package / bare), wall time and CPU time. Node ${process.version}, ${process.platform} ${process.arch}.`,
);

// The scale benchmarks of the analysis and of reading tables, when they are there.
if (process.env.BENCH_SKIP_SCALE !== '1') {
  for (const file of ['scale.mjs', 'scale-engines.mjs', 'scale-input.mjs']) {
    const path = fileURLToPath(new URL(file, import.meta.url));
    if (!existsSync(path)) continue;
    console.log(`\n${file}:`);
    const r = spawnSync(process.execPath, [path], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
}
