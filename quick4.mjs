import { fromRows, rollup, compare, spread, harmonize, audit, agreement } from 'ww2-yugoslavia-casualties';
import { benchRows, benchSources } from './test/bench/tables.mjs';
const t = fromRows(benchRows(Number(process.argv[3] ?? 100000)), { sources: benchSources });
const totals = [...new Set(t.array('region'))].flatMap((region) => benchSources.map((source) => ({ source, scope: `region=${region}`, measure: 'deaths', parts: null, value: 500000 })));
const keys = [...new Set(t.array('category'))];
const crosswalk = keys.map((key, k) => ({ key, group: `g${k % Math.ceil(keys.length / 4)}` }));
const f = { rollup: () => rollup(t, { by: 'region' }), compare: () => compare(t, { by: 'category', pool: 'region' }), spread: () => spread(t, { by: 'category', pool: 'region' }), harmonize: () => harmonize(t, { dimension: 'category', crosswalk }), audit: () => audit(t, { totals }), agreement: () => agreement(t, { by: 'category', pool: 'region' }) }[process.argv[2]];
for (let k = 0; k < 3; k++) { const s = performance.now(); f(); console.log(process.argv[2], (performance.now() - s).toFixed(0)); }
