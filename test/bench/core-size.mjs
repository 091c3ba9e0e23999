// The core entry's own code, as `npm run bench` (section 4) measures it: src/index.ts bundled and
// minified by esbuild, the generated data module replaced by an empty one, arquero,
// simple-statistics and @uwdata/flechette left out, brotli-compressed. Prints the total, then
// where it goes: each module's minified bytes (esbuild's metafile, `bytesInOutput`) and, with
// `--functions`, each top-level function's or constant's share of the brotli total (the total less
// the brotli size of the bundle without it, names kept so that they can be read). A change of a
// few bytes moves esbuild's short names around the whole bundle, which moves the brotli total by
// some tens of bytes either way: judge a change by a few hundred bytes, not by ten.
//
//   node test/bench/core-size.mjs [--functions] [--most N]
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const most = Number(args[args.indexOf('--most') + 1]) || 40;

const withoutData = {
  name: 'without-data',
  setup(b) {
    b.onResolve({ filter: /generated\/files\.js$/ }, () => ({ path: 'files', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
      contents: 'export const files = {}; export const catalog = { resources: [] };',
    }));
  },
};
const bundle = (minify) =>
  build({
    entryPoints: [`${root}src/index.ts`],
    bundle: true,
    ...minify,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: ['arquero', 'simple-statistics', '@uwdata/flechette'],
    plugins: [withoutData],
    metafile: true,
    logLevel: 'silent',
  });
const brotli = (text) => brotliCompressSync(Buffer.from(text)).length;

const r = await bundle({ minify: true });
const code = r.outputFiles[0].text;
console.log(
  `core, own code without the data: ${brotli(code)} bytes brotli, ${code.length} minified`,
);
const inputs = Object.entries(Object.values(r.metafile.outputs)[0].inputs)
  .map(([path, { bytesInOutput }]) => [bytesInOutput, path.replace(/^.*?src\//, 'src/')])
  .sort((a, b) => b[0] - a[0]);
console.log('\nminified bytes per module:');
for (const [bytes, path] of inputs.slice(0, most))
  console.log(`${String(bytes).padStart(7)}  ${path}`);

if (args.includes('--functions')) {
  // the names kept (no minifyIdentifiers), so the total here is larger than the one above
  const named = (await bundle({ minifyWhitespace: true, minifySyntax: true })).outputFiles[0].text;
  const total = brotli(named);
  const shares = [];
  const file = ts.createSourceFile('core.js', named, ts.ScriptTarget.Latest);
  for (const node of file.statements)
    for (const part of ts.isVariableStatement(node) ? node.declarationList.declarations : [node]) {
      const name = part.name?.getText(file) ?? ts.SyntaxKind[node.kind];
      const [start, end] = [part.getStart(file), part.getEnd()];
      shares.push([total - brotli(named.slice(0, start) + named.slice(end)), name]);
    }
  shares.sort((a, b) => b[0] - a[0]);
  console.log(`\nbrotli bytes each declaration adds (of ${total}, names kept):`);
  for (const [bytes, name] of shares.slice(0, most))
    console.log(`${String(bytes).padStart(7)}  ${name}`);
}
