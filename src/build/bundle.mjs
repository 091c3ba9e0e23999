// `npm run bundle`: the browser entries (the core, /charts, /export, /notebook) as one ES module
// file with their dependencies (arquero, simple-statistics, flechette…) inside, for a browser page, Observable or Deno without the npm
// registry; and the page of examples/browser, built on that file. Run after `npm run build`
// (the npm script does both).
import { readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where `npm run bundle` writes the single-file module. */
export const coreFile = join(root, 'bundle/ww2-yugoslavia-casualties.js');
/** Where `npm run bundle` writes the script of examples/browser/index.html. */
export const exampleFile = join(root, 'examples/browser/bundle.js');

/**
 * The entries the single-file module holds, by the path a user imports: everything that runs in a
 * browser except /estimate (its own weight, imported by few). Names do not repeat across them.
 */
export const bundledEntries = Object.freeze({
  'ww2-yugoslavia-casualties': 'dist/index.js',
  'ww2-yugoslavia-casualties/charts': 'dist/charts.js',
  'ww2-yugoslavia-casualties/export': 'dist/export.js',
  'ww2-yugoslavia-casualties/notebook': 'dist/notebook.js',
});

/** The packages a bundle holds, with their versions and licences, from esbuild's metafile. */
function packagesIn(metafile) {
  const names = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) names.add(match[1]);
  }
  return [...names].sort().map((name) => {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    return `${name} ${pkg.version} (${pkg.license})`;
  });
}

/**
 * Bundles the browser entries (the core's data and analysis, /charts, /export, /notebook) into one
 * minified ES module for browsers, with the licences of what it holds in a comment at its top.
 *
 * @param {string} [outfile] where to write it (default: bundle/ww2-yugoslavia-casualties.js)
 * @returns {Promise<{ file: string, bytes: number, packages: string[] }>}
 * @example
 * await bundleCore(); // => { file: '…/bundle/ww2-yugoslavia-casualties.js', bytes: 330000, packages: ['@uwdata/flechette 2.6.0 (BSD-3-Clause)', …] }
 */
export async function bundleCore(outfile = coreFile) {
  const options = {
    stdin: {
      contents: Object.values(bundledEntries)
        .map((file) => `export * from './${file}';`)
        .join('\n'),
      resolveDir: root,
      sourcefile: 'ww2-yugoslavia-casualties.js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'warning',
    // tsup's entries import their shared chunks bare; with "sideEffects": false esbuild drops
    // those imports (rightly: the names come through the named imports) and warns about each.
    logOverride: { 'ignored-bare-import': 'silent' },
  };
  // A first pass finds the packages inside, for the licence comment of the file written.
  const { metafile } = await build({ ...options, write: false });
  const packages = packagesIn(metafile);
  const { version, license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const banner = [
    `/* ww2-yugoslavia-casualties ${version} (${license}; the data: CC BY-SA 4.0): the core, /charts, /export and /notebook in one file.`,
    ` * Includes: ${packages.join(', ')}. */`,
  ].join('\n');
  await build({ ...options, metafile: false, outfile, banner: { js: banner } });
  return { file: outfile, bytes: statSync(outfile).size, packages };
}

/**
 * Builds the script of examples/browser (its main.js, vega-embed, and the single-file module) as
 * a classic script, so that index.html opens from the file system, without a server.
 *
 * @param {string} [outfile] where to write it (default: examples/browser/bundle.js)
 * @param {string} [core] the single-file module to use (default: bundle/ww2-yugoslavia-casualties.js)
 * @returns {Promise<string>} the file written
 * @example
 * await bundleExample(); // => '…/examples/browser/bundle.js'
 */
export async function bundleExample(outfile = exampleFile, core = coreFile) {
  await build({
    entryPoints: [join(root, 'examples/browser/main.js')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile,
    logLevel: 'warning',
    // Every entry the page imports is in the one file.
    alias: Object.fromEntries(Object.keys(bundledEntries).map((entry) => [entry, core])),
  });
  return outfile;
}

// `node src/build/bundle.mjs [--out <dir>]`: both files, in their places or both in <dir>.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const in_ = (file) => (values.out ? join(values.out, basename(file)) : file);
  const { file, bytes, packages } = await bundleCore(in_(coreFile));
  const page = await bundleExample(in_(exampleFile), file);
  const at = (f) => (relative(process.cwd(), f).startsWith('..') ? f : relative(process.cwd(), f));
  console.log(
    `wrote ${at(file)} (${Math.round(bytes / 1024)} kB, one ES module; inside: ${packages.join(', ')})`,
  );
  console.log(
    `wrote ${at(page)}, the script of examples/browser/index.html: open that page in a browser`,
  );
}
