// Dumps every bundled dataset and the output of every analysis function and chart builder on the
// bundled data to one JSON file, so that a change that should publish no new figure can be checked
// by diffing the dump before and after it (`npm run build` first; it reads dist/).
//
//   node scripts/dump-figures.mjs > before.json   (on main)
//   node scripts/dump-figures.mjs > after.json    (on the branch)
//   diff before.json after.json
//
// A call that throws is dumped as its error's name and message: a refusal is an output too.
import * as core from '../dist/index.js';
import * as charts from '../dist/charts.js';

const { load, datasets, statedTotals, sources, crosswalk, crosswalkDimensions } = core;
const out = {};

/** Runs `f` and keeps its result as plain data, or its error. */
function run(key, f) {
  try {
    const result = f();
    out[key] = typeof result?.objects === 'function' ? result.objects() : result;
  } catch (error) {
    out[key] = { error: `${error.name}: ${error.message}` };
  }
}

run('sources', () => sources());
run('statedTotals', () => statedTotals());
for (const d of crosswalkDimensions) run(`crosswalk ${d}`, () => crosswalk(d));

const structure = new Set(['id', 'part_of', 'subset_of', 'restates', 'precision']);
const contract = new Set(['source', 'measure', 'unit', 'value', 'low', 'high', 'qualifier']);
for (const id of datasets) {
  const table = load(id);
  run(`load ${id}`, () => table);
  run(`describe ${id}`, () => core.describe(id));
  const dimensions = table
    .columnNames()
    .filter((c) => !contract.has(c) && !structure.has(c) && c !== 'label' && c !== 'note');
  const measures = [...new Set(table.array('measure'))];
  run(`rollup ${id}`, () => core.rollup(table));
  run(`rollup ${id} allow`, () => core.rollup(table, { overlap: 'allow' }));
  for (const by of dimensions) {
    run(`rollup ${id} by ${by}`, () => core.rollup(table, { by }));
    run(`rollup ${id} by ${by} allow`, () => core.rollup(table, { by, overlap: 'allow' }));
    run(`harmonize ${id} ${by}`, () => core.harmonize(table, { dimension: by }));
    for (const measure of measures)
      for (const fn of ['compare', 'spread', 'agreement'])
        run(`${fn} ${id} by ${by} ${measure}`, () =>
          core[fn](table, { by, measure, pool: dimensions.filter((d) => d !== by) }),
        );
  }
  for (const name of Object.keys(charts).filter((k) => k.endsWith('Chart')))
    run(`${name} ${id}`, () =>
      charts[name](table, { by: dimensions[0], dimension: dimensions[0], width: 600 }),
    );
}
run('audit', () => core.audit());
run('balance', () => core.balance());
run('rates', () =>
  core.rates(
    load('by-republic-zerjavic'),
    [{ region: 'slovenia', population: 1500000, year: 1941 }],
    {
      by: 'region',
    },
  ),
);
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
