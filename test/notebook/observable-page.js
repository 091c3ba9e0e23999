// An Observable notebook in a page: the Observable runtime and standard library from npm, with
// Inputs and Plot, running cells given as functions (compiled from OJS cells by the test with
// @observablehq/parser). Bundled by esbuild for the test.
import { Runtime } from '@observablehq/runtime';
import { Library } from '@observablehq/stdlib';
import * as Inputs from '@observablehq/inputs';
import * as Plot from '@observablehq/plot';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
const library = Object.assign(new Library(), { Inputs: () => Inputs, Plot: () => Plot });
const main = new Runtime(library).module();
const results = {};
window.results = results;

for (const [i, cell] of window.cells.entries()) {
  const name = cell.name ?? `cell ${i + 1}`;
  const output = document.createElement('div');
  output.className = 'cell';
  output.dataset.cell = String(i + 1);
  document.body.append(output);
  const observer = {
    fulfilled(value) {
      results[i + 1] = { ok: true, value: Array.isArray(value) ? value : typeof value };
      if (value instanceof Element) output.append(value);
      else
        output.textContent = `${name} = ${Array.isArray(value) ? JSON.stringify(value) : typeof value}`;
    },
    rejected(error) {
      results[i + 1] = { ok: false, error: String(error) };
      output.textContent = `${name}: ${error}`;
    },
  };
  const make = cell.async ? AsyncFunction : Function;
  const body = new make(...cell.inputs, cell.body);
  main.variable(observer).define(cell.name ?? null, cell.inputs, body);
}
