// The package in a browser: the core entry (data, analysis, chart specs), no file system, no Node
// built-ins; the chart drawn by vega-embed. `npm run bundle` builds this file, with vega-embed and
// bundle/ww2-yugoslavia-casualties.js, into bundle.js beside index.html, which then opens from
// the file system (a classic script: no server needed).
import embed from 'vega-embed';
import { describe, load } from 'ww2-yugoslavia-casualties';
import { compareChart } from 'ww2-yugoslavia-casualties/charts';
import { formatFigure } from 'ww2-yugoslavia-casualties/export';

const info = describe('by-nationality');
const table = load('by-nationality');
document.querySelector('#summary').textContent =
  `${info.title}: ${table.numRows()} figures from ${info.sources.map((s) => `${s.id} (${s.kind})`).join(', ')}.`;

// The table, each figure as its source gives it ("–" where the source reports none).
const sources = info.sources.map((s) => s.id);
const rows = table.objects();
const labels = [...new Set(rows.map((r) => r.label))];
const el = document.querySelector('#table');
el.innerHTML = `<caption>${info.title}</caption>`;
const head = el.createTHead().insertRow();
for (const text of ['Nationality', ...sources])
  head.appendChild(document.createElement('th')).textContent = text;
const body = el.createTBody();
for (const label of labels) {
  const tr = body.insertRow();
  tr.insertCell().textContent = label;
  for (const s of sources) {
    const cell = tr.insertCell();
    cell.className = 'number';
    cell.textContent = formatFigure(rows.find((r) => r.source === s && r.label === label));
  }
}

// The package's grouped bar chart: a plain Vega-Lite spec, drawn by vega-embed as in a notebook.
const spec = compareChart(table, { by: 'nationality' });
embed('#chart', spec, { actions: false, renderer: 'svg' }).then(() => {
  document.body.dataset.ready = 'true';
});
