import { fromRows, audit, agreement } from 'ww2-yugoslavia-casualties';
import { benchRows, benchSources } from './test/bench/tables.mjs';
const t = fromRows(benchRows(100000), { sources: benchSources });
const totals = [...new Set(t.array('region'))].flatMap((region) => benchSources.map((source) => ({ source, scope: `region=${region}`, measure: 'deaths', parts: null, value: 500000 })));
let s = performance.now();
if (process.argv[2] === 'audit') audit(t, { totals }); else agreement(t, { by: 'category', pool: 'region' });
console.log(performance.now() - s);
