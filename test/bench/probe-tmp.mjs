import { fromRows, fromCSV } from '../../dist/index.js';
import { benchRows, benchCSV, benchSources } from './tables.mjs';
const n = 1000000;
const rows = benchRows(n);
const which = process.argv[2];
const text = which === 'csv' ? benchCSV(n) : '';
globalThis.gc?.();
for (let r = 0; r < 3; r++) { const s = performance.now(); which === 'csv' ? fromCSV(text, { sources: benchSources }) : fromRows(rows, { sources: benchSources }); console.log(performance.now() - s); }
