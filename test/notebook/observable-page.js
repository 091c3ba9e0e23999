// An Observable notebook in a page: the Observable runtime and standard library from npm, with
// Inputs and Plot, running cells that take a table of the package (bundled by esbuild for the test).
import { Runtime } from '@observablehq/runtime';
import { Library } from '@observablehq/stdlib';
import * as Inputs from '@observablehq/inputs';
import * as Plot from '@observablehq/plot';
import { load } from 'ww2-yugoslavia-casualties';
import { display, forObservable } from 'ww2-yugoslavia-casualties/notebook';

const library = new Library();
const runtime = new Runtime(Object.assign(library, { Inputs: () => Inputs, Plot: () => Plot }));
const main = runtime.module();
const results = {};
const show = (name) => ({
  fulfilled(value) {
    results[name] = { ok: true };
    if (value instanceof Element) document.getElementById(name).append(value);
  },
  rejected(error) {
    results[name] = { ok: false, error: String(error) };
    document.getElementById(name).textContent = `${name}: ${error}`;
  },
});
// The cells, as a notebook writes them (`name = expression`).
main.variable().define('deaths', () => forObservable(load('by-nationality')));
main
  .variable(show('table'))
  .define('table', ['Inputs', 'deaths'], (Inputs, deaths) =>
    Inputs.table(deaths, { rows: deaths.numRows() + 1, columns: ['source', 'label', 'value'] }),
  );
main.variable(show('plot')).define('plot', ['Plot', 'deaths'], (Plot, deaths) =>
  Plot.plot({
    marginLeft: 140,
    // a dot per figure, the sources side by side (never stacked: they are not parts of one
    // whole); a dash (not reported, null) draws nothing, where Plot would put it at 0
    marks: [
      Plot.dot(deaths, { filter: (d) => d.value != null, y: 'label', x: 'value', fill: 'source' }),
    ],
    color: { legend: true },
  }),
);
main
  .variable(show('display'))
  .define('display', ['deaths'], (deaths) => display(deaths, { sources: false }).toNode());
main
  .variable(show('sql'))
  .define('sql', ['DuckDBClient', 'deaths'], async (DuckDBClient, deaths) => {
    const db = await DuckDBClient.of({ deaths });
    const rows = await db.query('select count(*) as n from deaths');
    results.sqlRows = Number(rows[0].n);
    const node = document.createElement('p');
    node.textContent = `DuckDB: ${results.sqlRows} rows`;
    return node;
  });
window.results = results;
