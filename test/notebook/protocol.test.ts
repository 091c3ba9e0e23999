// The display protocol called the way each notebook calls it, and every chart spec against the
// Vega-Lite 5 and 6 JSON schemas (ajv; v5 from the vega-lite@5 npm package, .ci/install-kernels).
import { Ajv } from 'ajv';
import { tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe as suite, expect, test } from 'vitest';
import { describe, load } from '../../src/index.js';
import { display, forObservable, jupyterDisplay, showIn } from '../../src/notebook/index.js';
import { chartBundle, VEGA_LITE_MIME, type VegaLiteSpec } from '../../src/notebook/bundle.js';
import { standardCharts } from '../../src/report/index.js';
import { estimate, estimateChart } from '../../src/estimate/index.js';
import { table } from 'arquero';
import { describeNeeding } from '../setup/requirements.js';
import { findVegaLite5 } from './kernels.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('every hook gives the same MIME bundle: Deno, ijavascript, toJSON, and the text', () => {
  const shown = display(load('by-status'));
  const bundle = shown[jupyterDisplay]();
  expect(shown._toMime()).toBe(bundle);
  expect(shown._toHtml!()).toBe(bundle['text/html']);
  expect('_toSvg' in shown).toBe(false); // a table has no SVG: nel then adds none
  expect(JSON.parse(JSON.stringify(shown))).toEqual(bundle);
  expect(String(shown)).toBe(bundle['text/plain']);
  // a chart has no HTML hook: JupyterLab ranks HTML above Vega-Lite and would show it instead
  expect('_toHtml' in display({ mark: 'bar' })).toBe(false);
});

test('toNode makes an element of the HTML in the document given (Observable inserts it)', () => {
  const made: { tag: string; className?: string; innerHTML?: string }[] = [];
  const doc = { createElement: (tag: string) => (made.push({ tag }), made.at(-1)) };
  const node = display(load('by-status')).toNode(doc as never) as unknown as (typeof made)[0];
  expect(node.tag).toBe('div');
  expect(node.innerHTML).toMatch(/^<table class="ww2yc">/);
  expect(display({ mark: 'bar', title: 'a<b' }).toNode(doc as never).innerHTML).toBe(
    '<pre>Vega-Lite chart: a&#60;b</pre>',
  );
  expect(() => display({ mark: 'bar' }).toNode()).toThrow(/^toNode: there is no document here/);
});

test("describe()'s result and a record show as HTML and text, without terminal escapes", () => {
  const b = display(describe('by-status'))[jupyterDisplay]();
  expect(b['text/plain']).toMatch(/^Military, collaborator and civilian deaths \(/);
  expect(b['text/plain']).toContain('Caveats:\n- ');
  expect(JSON.stringify(b)).not.toMatch(/\\u001b/);
  const r = display({ method: 'chapman', estimate: 1234.5678, observed: 201 })[jupyterDisplay]();
  expect(r['text/plain']).toBe('method    chapman\nestimate  1,234.568\nobserved  201\n');
});

test('showIn sends one representation through tslab.display.raw', () => {
  const sent: [string, unknown][] = [];
  const tslab = { raw: (type: string, data: unknown) => void sent.push([type, data]) };
  showIn(tslab, display(load('by-status')));
  showIn(tslab, display({ mark: 'bar' }));
  showIn(tslab, display({ mark: 'bar' }), 'text/plain');
  expect(sent.map(([t]) => t)).toEqual(['text/html', VEGA_LITE_MIME, 'text/plain']);
  expect(() => {
    showIn(tslab, display({ mark: 'bar' }), 'image/svg+xml');
  }).toThrow(/^showIn: option type is 'image\/svg\+xml'; expected one the value has/);
  expect(() => {
    showIn({} as never, display({ mark: 'bar' }));
  }).toThrow(/expected tslab's display/);
});

test('forObservable: a copy with toArrowBuffer, whose Arrow rows are the table rows', () => {
  const t = load('by-status');
  const o = forObservable(t);
  expect(t).not.toHaveProperty('toArrowBuffer'); // the table given is not changed
  const arrow = tableFromIPC(o.toArrowBuffer());
  expect(arrow.numRows).toBe(t.numRows());
  // "Military losses are estimated at 237,000 Yugoslav partisans and 209,000 collaborators"
  expect(arrow.getChild('value')!.toArray().slice(0, 2)).toEqual(
    new Float64Array([237000, 209000]),
  );
  expect([...o].length).toBe(t.numRows()); // Inputs.table and Plot iterate its rows
});

const histories = table({
  a: [1, 1, 1, 1, 0, 0, 0],
  b: [1, 1, 0, 0, 1, 1, 0],
  c: [1, 0, 1, 0, 1, 0, 1],
  count: [72, 5, 29, 54, 24, 3, 14],
});
const charts = [
  ...standardCharts(),
  { name: 'estimate', spec: estimateChart(estimate(histories, { lists: ['a', 'b', 'c'] })) },
];

function validator(path: string) {
  const ajv = new Ajv({ strict: false, logger: false });
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
}

suite('every chart spec against the Vega-Lite 6 schema (the installed vega-lite)', () => {
  const v6 = validator(join(root, 'node_modules/vega-lite/build/vega-lite-schema.json'));
  test('the validator refuses a spec that is not Vega-Lite', () => {
    expect(v6({ mark: 'no-such-mark', data: { values: [] } })).toBe(false);
  });
  test.each(charts)('$name', ({ spec }) => {
    expect(v6(spec), JSON.stringify(v6.errors?.slice(0, 3))).toBe(true);
  });
});

const vl5 = findVegaLite5();
describeNeeding(
  'every chart spec as shown in a notebook, against the Vega-Lite 5 schema',
  [vl5],
  () => {
    const v5 = validator(join(vl5.found ?? '', 'build/vega-lite-schema.json'));
    test('the validator refuses a spec that is not Vega-Lite 5', () => {
      expect(v5({ mark: 'no-such-mark', data: { values: [] } })).toBe(false);
    });
    test.each(charts)('$name', ({ spec }) => {
      const shown = chartBundle(spec as VegaLiteSpec)[VEGA_LITE_MIME]!;
      expect(shown.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect(v5(shown), JSON.stringify(v5.errors?.slice(0, 3))).toBe(true);
    });
  },
);
