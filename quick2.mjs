import { fromRows, rollup, compare, agreement } from 'ww2-yugoslavia-casualties';
import { benchRows, benchSources } from './test/bench/tables.mjs';
const t = fromRows(benchRows(100000), { sources: benchSources });
const which = process.argv[2];
let s = performance.now();
if (which === 'rollup') rollup(t, { by: 'category' });
if (which === 'compare') compare(t, { by: 'category', pool: 'region' });
if (which === 'agreement') agreement(t, { by: 'category', pool: 'region' });
console.log(which, performance.now() - s);
